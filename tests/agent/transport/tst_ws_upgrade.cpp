// The upgrade decisions: which charger a path names and which subprotocol a client gets.
#include "transport/ws_upgrade.h"

#include <QtTest>

using voltdesk::transport::chargerIdFromTarget;
using voltdesk::transport::chooseSubprotocol;

class TestWsUpgrade : public QObject {
    Q_OBJECT

private slots:
    void chargerIdPlain() {
        QCOMPARE(chargerIdFromTarget("/ocpp/CP-001", "/ocpp/").value(), std::string("CP-001"));
    }

    void chargerIdPercentDecoded() {
        QCOMPARE(chargerIdFromTarget("/ocpp/CP%2F1%20a", "/ocpp/").value(), std::string("CP/1 a"));
        QCOMPARE(chargerIdFromTarget("/ocpp/%E5%85%85", "/ocpp/").value(), std::string("\xE5\x85\x85"));
    }

    void chargerIdIgnoresQuery() {
        QCOMPARE(chargerIdFromTarget("/ocpp/CP1?x=1", "/ocpp/").value(), std::string("CP1"));
    }

    void chargerIdRejected_data() {
        QTest::addColumn<QString>("target");
        QTest::newRow("wrong prefix") << "/ws/CP1";
        QTest::newRow("no id") << "/ocpp/";
        QTest::newRow("prefix without slash") << "/ocpp";
        QTest::newRow("sub path") << "/ocpp/CP1/extra";
        QTest::newRow("truncated escape") << "/ocpp/CP%2";
        QTest::newRow("bad escape") << "/ocpp/CP%zz";
        QTest::newRow("control char") << "/ocpp/CP%0A1";
        QTest::newRow("NUL") << "/ocpp/CP%001";
        QTest::newRow("invalid UTF-8") << "/ocpp/CP%FF";
        QTest::newRow("overlong UTF-8") << "/ocpp/%C0%AF";
        QTest::newRow("too long") << QString("/ocpp/") + QString(256, QLatin1Char('a'));
    }
    void chargerIdRejected() {
        QFETCH(QString, target);
        QVERIFY(!chargerIdFromTarget(target.toStdString(), "/ocpp/").has_value());
    }

    void chargerIdLongestAccepted() {
        QVERIFY(chargerIdFromTarget("/ocpp/" + std::string(255, 'a'), "/ocpp/").has_value());
    }

    void subprotocolFirstSupportedInClientOrder() {
        const auto choice = chooseSubprotocol("ocpp2.0.1, ocpp1.6, ocpp1.5", {"ocpp1.6", "ocpp2.0.1"});
        QVERIFY(choice.acceptable);
        QCOMPARE(choice.protocol, std::string("ocpp2.0.1"));
        QCOMPARE(choice.echo, std::string("ocpp2.0.1"));
    }

    void subprotocolSkipsUnsupported() {
        const auto choice = chooseSubprotocol("ocpp2.0.1,ocpp1.6", {"ocpp1.6"});
        QVERIFY(choice.acceptable);
        QCOMPARE(choice.protocol, std::string("ocpp1.6"));
        QCOMPARE(choice.echo, std::string("ocpp1.6"));
    }

    void subprotocolCaseInsensitiveEchoesClientSpelling() {
        const auto choice = chooseSubprotocol("OCPP1.6", {"ocpp1.6"});
        QVERIFY(choice.acceptable);
        QCOMPARE(choice.protocol, std::string("ocpp1.6"));
        QCOMPARE(choice.echo, std::string("OCPP1.6"));
    }

    void subprotocolAbsentMeansDefault() {
        for (const char* header : {"", "  "}) {
            const auto choice = chooseSubprotocol(header, {"ocpp1.6"});
            QVERIFY(choice.acceptable);
            QCOMPARE(choice.protocol, std::string("ocpp1.6"));
            QVERIFY(choice.echo.empty());
        }
    }

    void subprotocolOnlyUnsupportedRefused() {
        QVERIFY(!chooseSubprotocol("ocpp2.0.1", {"ocpp1.6"}).acceptable);
        QVERIFY(!chooseSubprotocol("ocpp1.6x, ,", {"ocpp1.6"}).acceptable);
    }
};

QTEST_APPLESS_MAIN(TestWsUpgrade)
#include "tst_ws_upgrade.moc"
