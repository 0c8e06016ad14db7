// Amounts, energy, prices, rates and the masked id tag as documents print them: exact, no double.
#include "documents/bilingual_text.h"
#include "documents/money_text.h"

#include <QTest>
#include <limits>

using namespace voltdesk::documents;

class TstMoneyText : public QObject {
    Q_OBJECT

private slots:
    void amounts_data() {
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<int>("digits");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << 2 << "0.00";
        QTest::newRow("one fen") << qint64(5) << 2 << "0.05";
        QTest::newRow("negative fen") << qint64(-5) << 2 << "-0.05";
        QTest::newRow("cap line") << qint64(-20685) << 2 << "-206.85";
        QTest::newRow("grouped") << qint64(123456789) << 2 << "1,234,567.89";
        QTest::newRow("exactly a thousand") << qint64(100000) << 2 << "1,000.00";
        QTest::newRow("no minor unit (JPY)") << qint64(1200) << 0 << "1,200";
        QTest::newRow("three digits (KWD)") << qint64(1234567) << 3 << "1,234.567";
        QTest::newRow("beyond a double's 53 bits")
            << qint64(9007199254740993) << 2 << "90,071,992,547,409.93";
        QTest::newRow("int64 min") << std::numeric_limits<qint64>::min() << 2 << "-92,233,720,368,547,758.08";
    }
    void amounts() {
        QFETCH(qint64, minor);
        QFETCH(int, digits);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(formatAmount(minor, digits)), text);
    }

    void energy() {
        QCOMPARE(formatKwh(12'345'678'000), std::string("12,345.678"));
        QCOMPARE(formatKwh(12'345'678), std::string("12.346"));
        QCOMPARE(formatKwh(0), std::string("0.000"));
        QCOMPARE(formatKwh(499), std::string("0.000"));
        QCOMPARE(formatKwh(500), std::string("0.001"));
        QCOMPARE(formatKwh(1'000'000'000), std::string("1,000.000"));
    }

    void unitPrices() {
        QCOMPARE(formatUnitPrice("1.350000", 2), std::string("1.35"));
        QCOMPARE(formatUnitPrice("1.234500", 2), std::string("1.2345"));
        QCOMPARE(formatUnitPrice("0.000050", 2), std::string("0.00005"));
        QCOMPARE(formatUnitPrice("2", 2), std::string("2.00"));
        QCOMPARE(formatUnitPrice("12.5", 0), std::string("12.5"));
        QCOMPARE(formatUnitPrice("12.000", 0), std::string("12"));
        QCOMPARE(formatUnitPrice("abc", 2), std::string("abc"));
    }

    void taxRates() {
        QCOMPARE(formatRatePercent("0.06"), std::string("6"));
        QCOMPARE(formatRatePercent("0.195"), std::string("19.5"));
        QCOMPARE(formatRatePercent("0.0005"), std::string("0.05"));
        QCOMPARE(formatRatePercent("1"), std::string("100"));
        QCOMPARE(formatRatePercent("0"), std::string("0"));
        QCOMPARE(formatRatePercent(""), std::string("0"));
    }

    void minutes() {
        QCOMPARE(formatMinutes(125'000), std::string("2:05"));
        QCOMPARE(formatMinutes(3'725'400), std::string("62:05"));
        QCOMPARE(formatMinutes(59'500), std::string("1:00"));
        QCOMPARE(formatMinutes(0), std::string("0:00"));
    }

    void idTagsAreMaskedButTheLastFour() {
        QCOMPARE(maskIdTag("04A2B3C4D5E65678"), QStringLiteral("************5678"));
        QCOMPARE(maskIdTag("ABCDE"), QStringLiteral("*BCDE"));
        QCOMPARE(maskIdTag("ABCD"), QStringLiteral("****"));
        QCOMPARE(maskIdTag(""), QString());
    }

    void anomalies() {
        const auto jump = anomalyText("ImplausibleJump", 29'333'320);
        QCOMPARE(jump.en, QStringLiteral("29.333 kWh not billed: implausible jump of the meter"));
        QCOMPARE(jump.zh, QStringLiteral("电表读数异常跳变：29.333 kWh 未计费"));
        QVERIFY(anomalyText("BackwardsStep", 0).en.startsWith(QStringLiteral("Meter went backwards")));
        QCOMPARE(replacesText(2, QStringLiteral("meter fixed")).en,
                 QStringLiteral("Version 2, replaces version 1: meter fixed"));
        QCOMPARE(pageText(1, 3), QStringLiteral("Page 1 of 3 / 第 1 页，共 3 页"));
    }
};

QTEST_APPLESS_MAIN(TstMoneyText)
#include "tst_money_text.moc"
