// The one rounding rule and exact decimal text of money and prices.
#include "domain/billing/money.h"

#include <QtTest>
#include <limits>

using namespace voltdesk::billing;

class TestBillingMoney : public QObject {
    Q_OBJECT

private slots:
    void roundsHalfUp_data() {
        QTest::addColumn<qint64>("numerator");
        QTest::addColumn<qint64>("denominator");
        QTest::addColumn<qint64>("rounded");
        QTest::newRow("exact") << qint64(300) << qint64(100) << qint64(3);
        QTest::newRow("below half") << qint64(12345) << qint64(100) << qint64(123);
        QTest::newRow("half goes up") << qint64(12350) << qint64(100) << qint64(124);
        QTest::newRow("above half") << qint64(12351) << qint64(100) << qint64(124);
        QTest::newRow("one third") << qint64(1) << qint64(3) << qint64(0);
        QTest::newRow("two thirds") << qint64(2) << qint64(3) << qint64(1);
        QTest::newRow("zero") << qint64(0) << qint64(7) << qint64(0);
        QTest::newRow("negative half away from zero") << qint64(-12350) << qint64(100) << qint64(-124);
        QTest::newRow("negative below half") << qint64(-12349) << qint64(100) << qint64(-123);
    }

    void roundsHalfUp() {
        QFETCH(qint64, numerator);
        QFETCH(qint64, denominator);
        QFETCH(qint64, rounded);
        QCOMPARE(roundHalfUp(numerator, denominator).value(), rounded);
    }

    void roundingRefusesWhatDoesNotFit() {
        const WideInt huge = static_cast<WideInt>(std::numeric_limits<Money>::max()) * 4;
        QVERIFY(!roundHalfUp(huge, 2));
        QVERIFY(roundHalfUp(huge, 8));
        QVERIFY(!roundHalfUp(1, 0));
    }

    void parsesDecimals_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("value");
        QTest::newRow("price") << "1.2345" << 6 << true << qint64(1'234'500);
        QTest::newRow("whole") << "3" << 2 << true << qint64(300);
        QTest::newRow("all decimals") << "0.000001" << 6 << true << qint64(1);
        QTest::newRow("negative") << "-0.50" << 2 << true << qint64(-50);
        QTest::newRow("plus") << "+2.5" << 2 << true << qint64(250);
        QTest::newRow("too many decimals") << "1.234" << 2 << false << qint64(0);
        QTest::newRow("exponent") << "1e3" << 2 << false << qint64(0);
        QTest::newRow("empty") << "" << 2 << false << qint64(0);
        QTest::newRow("dot only") << "." << 2 << false << qint64(0);
        QTest::newRow("trailing dot") << "1." << 2 << false << qint64(0);
        QTest::newRow("leading dot") << ".5" << 2 << false << qint64(0);
        QTest::newRow("space") << " 1" << 2 << false << qint64(0);
        QTest::newRow("comma") << "1,5" << 2 << false << qint64(0);
        QTest::newRow("overflow") << "99999999999999999999" << 0 << false << qint64(0);
        QTest::newRow("overflow by scaling") << "92233720368547759" << 2 << false << qint64(0);
    }

    void parsesDecimals() {
        QFETCH(QString, text);
        QFETCH(int, decimals);
        QFETCH(bool, ok);
        QFETCH(qint64, value);
        const auto parsed = parseDecimal(text.toStdString(), decimals);
        QCOMPARE(parsed.has_value(), ok);
        if (ok) {
            QCOMPARE(*parsed, value);
        }
    }

    void formatsDecimals() {
        QCOMPARE(formatDecimal(12345, 2), std::string("123.45"));
        QCOMPARE(formatDecimal(5, 2), std::string("0.05"));
        QCOMPARE(formatDecimal(-5, 2), std::string("-0.05"));
        QCOMPARE(formatDecimal(42, 0), std::string("42"));
        QCOMPARE(formatMoney(100, 2), std::string("1.00"));
        QCOMPARE(formatUnitPrice(UnitPrice{1'234'500}, 2), std::string("1.234500"));
        QCOMPARE(formatDecimal(std::numeric_limits<std::int64_t>::min(), 2),
                 std::string("-92233720368547758.08"));
    }

    void formatAndParseRoundTrip() {
        for (const std::int64_t v : {0LL, 1LL, -1LL, 99LL, 100LL, 123'456'789LL, -987'654LL}) {
            QCOMPARE(parseDecimal(formatDecimal(v, 4), 4).value(), v);
        }
    }
};

QTEST_GUILESS_MAIN(TestBillingMoney)
#include "tst_billing_money.moc"
