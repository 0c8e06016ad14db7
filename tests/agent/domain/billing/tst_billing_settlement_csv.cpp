// The settlement CSV's columns and rows: quoting, formula defusing, amounts in the major unit, local
// and UTC times, the summed line kinds and the unrated status.
#include "domain/billing/settlement_csv.h"

#include <QtTest>

using namespace voltdesk;

class TestSettlementCsv : public QObject {
    Q_OBJECT

private slots:
    void fieldsAreQuotedAndDefused_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("written");
        QTest::newRow("plain") << "CP-1" << "CP-1";
        QTest::newRow("comma") << "FLEET, A" << "\"FLEET, A\"";
        QTest::newRow("quote") << "say \"hi\"" << "\"say \"\"hi\"\"\"";
        QTest::newRow("line break") << "a\nb" << "\"a\nb\"";
        QTest::newRow("formula") << "=SUM(A1)" << "'=SUM(A1)";
        QTest::newRow("at") << "@cmd" << "'@cmd";
        QTest::newRow("plus") << "+49 30" << "'+49 30";
        QTest::newRow("negative amount") << "-2.00" << "-2.00";
        QTest::newRow("chinese") << "浦东" << "浦东";
        QTest::newRow("empty") << "" << "";
    }
    void fieldsAreQuotedAndDefused() {
        QFETCH(QString, value);
        QFETCH(QString, written);
        QCOMPARE(QString::fromStdString(billing::csvField(value.toStdString())), written);
    }

    void aRowSumsTheLinesByKind() {
        contract::ChargeDetailRecord r;
        r.cdrId = "CP-1/7";
        r.version = 2;
        r.reason = "meter replaced";
        r.siteId = "ber";
        r.siteName = "Kurfürstendamm";
        r.timeZone = "Europe/Berlin";
        r.chargerId = "CP-1";
        r.connectorId = 2;
        r.transactionId = 7;
        r.idTag = "RFID-1";
        r.start = 1'774'746'000'000; // 2026-03-29T01:00:00Z, 03:00 CEST after the jump
        r.stop = r.start + 3'600'000;
        r.currency = "EUR";
        r.billedMilliWh = 12'345'678;
        r.lines = {{"energy", "t", 1, "peak", r.start, r.stop, "", "", 6'000'000, 0, "0.300000", 180},
                   {"energy", "t", 1, "flat", r.start, r.stop, "", "", 6'345'678, 0, "0.200000", 127},
                   {"serviceFee", "t", 1, "peak", r.start, r.stop, "", "", 12'345'678, 0, "0.050000", 62},
                   {"chargingTime", "t", 1, "", r.start, r.stop, "", "", 0, 3'600'000, "0.010000", 60},
                   {"sessionFee", "t", 1, "", r.start, r.stop, "", "", 0, 0, "", 30},
                   {"maximumPrice", "t", 1, "", r.start, r.stop, "", "", 0, 0, "", -59}};
        r.subtotal = 400;
        r.taxRate = "0.19";
        r.tax = 76;
        r.total = 476;
        QCOMPARE(
            billing::settlementRow(r),
            std::string("CP-1/7,2,rated,ber,Kurfürstendamm,CP-1,2,7,RFID-1,,2026-03-29 03:00:00,"
                        "2026-03-29 04:00:00,Europe/Berlin,2026-03-29 01:00:00,2026-03-29 02:00:00,12.345678,"
                        "3.07,0.62,0.60,0.00,0.30,-0.59,4.00,0.19,0.76,4.76,EUR,meter replaced"));
        r.lines.clear();
        r.subtotal = r.tax = r.total = 0;
        r.reason = "unrated: no tariff for site 'ber', charger 'CP-1'";
        const auto unrated = billing::settlementRow(r);
        QVERIFY(unrated.starts_with("CP-1/7,2,unrated,"));
        QVERIFY(unrated.ends_with(
            ",0.00,0.19,0.00,0.00,EUR,\"unrated: no tariff for site 'ber', charger 'CP-1'\""));
    }

    void theFileStartsWithTheBomAndHeader() {
        QCOMPARE(billing::settlementColumns().size(), std::size_t(28));
        QVERIFY(billing::settlementHeader().starts_with("cdr_id,version,status,site_id,"));
        QVERIFY(billing::settlementHeader().ends_with(",total,currency,reason"));
        QCOMPARE(billing::settlementPreamble(), "\xEF\xBB\xBF" + billing::settlementHeader() + "\r\n");
    }
};

QTEST_GUILESS_MAIN(TestSettlementCsv)
#include "tst_billing_settlement_csv.moc"
