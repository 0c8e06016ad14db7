#include <QtTest>
class Stub : public QObject {
    Q_OBJECT
};
QTEST_APPLESS_MAIN(Stub)
#include "tst_central_system.moc"
