// ISO 8601 as chargers send it: offsets, fractions, and the malformed strings that must be refused.
#include "contract/iso8601.h"

#include <QtTest>

using namespace voltdesk::contract;

class TestIso8601 : public QObject {
    Q_OBJECT

private slots:
    void formats_data() {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("epoch") << qint64(0) << "1970-01-01T00:00:00.000Z";
        QTest::newRow("millis") << qint64(1795686025123) << "2026-11-26T09:40:25.123Z";
        QTest::newRow("leap day") << qint64(951868799000) << "2000-02-29T23:59:59.000Z";
        QTest::newRow("before epoch") << qint64(-14182940000) << "1969-07-20T20:17:40.000Z";
        QTest::newRow("one ms before epoch") << qint64(-1) << "1969-12-31T23:59:59.999Z";
    }
    void formats() {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(toIso8601(ms)), text);
        const auto back = parseIso8601(text.toStdString());
        QVERIFY(back.has_value());
        QCOMPARE(*back, ms);
    }

    void parses_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        const qint64 t = 1795686025123; // 2026-11-26T09:40:25.123Z
        const qint64 whole = 1795686025000;
        QTest::newRow("Z") << "2026-11-26T09:40:25.123Z" << t;
        QTest::newRow("lower z and t") << "2026-11-26t09:40:25.123z" << t;
        QTest::newRow("space separator") << "2026-11-26 09:40:25.123Z" << t;
        QTest::newRow("no offset means UTC") << "2026-11-26T09:40:25.123" << t;
        QTest::newRow("no fraction") << "2026-11-26T09:40:25Z" << whole;
        QTest::newRow("comma fraction") << "2026-11-26T09:40:25,123Z" << t;
        QTest::newRow("one digit fraction") << "2026-11-26T09:40:25.1Z" << whole + 100;
        QTest::newRow("microseconds truncated") << "2026-11-26T09:40:25.123999Z" << t;
        QTest::newRow("+hh:mm") << "2026-11-26T10:40:25.123+01:00" << t;
        QTest::newRow("+hhmm") << "2026-11-26T10:40:25.123+0100" << t;
        QTest::newRow("+hh") << "2026-11-26T10:40:25.123+01" << t;
        QTest::newRow("-hh:mm") << "2026-11-26T04:10:25.123-05:30" << t;
        QTest::newRow("+05:45 across midnight") << "2026-11-26T15:25:25.123+05:45" << t;
        QTest::newRow("-00:00") << "2026-11-26T09:40:25.123-00:00" << t;
        QTest::newRow("offset crosses day") << "2026-11-25T23:40:25.123-10:00" << t;
    }
    void parses() {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const auto parsed = parseIso8601(text.toStdString());
        QVERIFY2(parsed.has_value(), qPrintable(text));
        QCOMPARE(*parsed, ms);
    }

    void rejects_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("date only") << "2026-11-26";
        QTest::newRow("no seconds") << "2026-11-26T09:40Z";
        QTest::newRow("slashes") << "2026/11/26T09:40:25Z";
        QTest::newRow("letters in year") << "20x6-11-26T09:40:25Z";
        QTest::newRow("month 13") << "2026-13-01T00:00:00Z";
        QTest::newRow("month 0") << "2026-00-01T00:00:00Z";
        QTest::newRow("day 0") << "2026-11-00T00:00:00Z";
        QTest::newRow("day 32") << "2026-11-32T00:00:00Z";
        QTest::newRow("hour 24") << "2026-11-26T24:00:00Z";
        QTest::newRow("minute 60") << "2026-11-26T09:60:00Z";
        QTest::newRow("second 61") << "2026-11-26T09:40:61Z";
        QTest::newRow("bad separator") << "2026-11-26X09:40:25Z";
        QTest::newRow("dot without digits") << "2026-11-26T09:40:25.Z";
        QTest::newRow("junk after Z") << "2026-11-26T09:40:25Zjunk";
        QTest::newRow("junk after offset") << "2026-11-26T09:40:25+01:00x";
        QTest::newRow("one digit offset") << "2026-11-26T09:40:25+1";
        QTest::newRow("offset hour 24") << "2026-11-26T09:40:25+24:00";
        QTest::newRow("offset minute 60") << "2026-11-26T09:40:25+01:60";
        QTest::newRow("unknown zone letter") << "2026-11-26T09:40:25B";
        QTest::newRow("trailing space") << "2026-11-26T09:40:25Z ";
        QTest::newRow("not a time") << "yesterday";
    }
    void rejects() {
        QFETCH(QString, text);
        QVERIFY2(!parseIso8601(text.toStdString()).has_value(), qPrintable(text));
    }

    void rejectsImpossibleDates_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("31 February") << "2026-02-31T00:00:00Z";
        QTest::newRow("29 February, no leap year") << "2026-02-29T00:00:00Z";
        QTest::newRow("31 April") << "2026-04-31T00:00:00Z";
        QTest::newRow("offset colon without minutes") << "2026-11-26T09:40:25+01:";
    }
    void rejectsImpossibleDates() {
        QFETCH(QString, text);
        QVERIFY2(!parseIso8601(text.toStdString()).has_value(), qPrintable(text));
    }

    void acceptsLeapDay() { QVERIFY(parseIso8601("2028-02-29T12:00:00Z").has_value()); }

    void nowIsRecent() {
        const EpochMs now = nowMs();
        QVERIFY(now > 1767225600000); // after 2026-01-01
        QVERIFY(qAbs(now - QDateTime::currentMSecsSinceEpoch()) < 5000);
    }
};

QTEST_APPLESS_MAIN(TestIso8601)
#include "tst_iso8601.moc"
