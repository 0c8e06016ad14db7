// The charge detail record payload and the billing topics: round trip, the documented example, and
// every way decoding refuses (above all a record whose amounts do not add up).
#include "contract/charge_detail_record.h"
#include "contract/topics.h"

#include <QtTest>
#include <nlohmann/json.hpp>

using namespace voltdesk::contract;

namespace {

ChargeDetailRecord sampleRecord() {
    ChargeDetailRecord r;
    r.cdrId = "CP/7+#/42";
    r.version = 2;
    r.reason = "meter replaced; re-rated";
    r.ratedAt = 1'790'000'100'000;
    r.agentId = "demo";
    r.siteId = "sh-pudong";
    r.siteName = "浦东 1";
    r.timeZone = "Asia/Shanghai";
    r.chargerId = "CP/7+#";
    r.connectorId = 2;
    r.transactionId = 42;
    r.idTag = "RFID-04";
    r.customerGroup = "FLEET-A";
    r.start = 1'790'000'000'000;
    r.stop = 1'790'003'600'000;
    r.chargingFinished = 1'790'003'000'000;
    r.meterStartWh = 1000;
    r.meterStopWh = 31'000;
    r.currency = "CNY";
    r.minorDigits = 2;
    r.lines.push_back({"energy", "sh", 1, "peak", r.start, r.stop, "2026-09-21T20:53:20+08:00",
                       "2026-09-21T21:53:20+08:00", 30'000'000, 0, "1.100000", 3300});
    r.lines.push_back({"serviceFee", "sh", 1, "peak", r.start, r.stop, "2026-09-21T20:53:20+08:00",
                       "2026-09-21T21:53:20+08:00", 30'000'000, 0, "0.800000", 2400});
    r.lines.push_back(
        {"idleTime", "sh", 1, "", *r.chargingFinished, r.stop, "", "", 0, 600'000, "0.5000", 500});
    r.lines.push_back({"maximumPrice", "sh", 1, "", r.start, r.stop, "", "", 0, 0, "", -200});
    r.billedMilliWh = 30'000'000;
    r.unbilledMilliWh = 5;
    r.subtotal = 3300 + 2400 + 500 - 200;
    r.taxRate = "0.06";
    r.tax = 360;
    r.total = r.subtotal + r.tax;
    r.anomalies.push_back({"BackwardsStep", r.start + 60'000, 5, "The register went down by 0.005 kWh."});
    return r;
}

std::string withField(const ChargeDetailRecord& r, const std::string& pointer, const nlohmann::json& value) {
    auto j = nlohmann::json::parse(encode(r));
    j[nlohmann::json::json_pointer(pointer)] = value;
    return j.dump();
}

} // namespace

class TestChargeDetailRecord : public QObject {
    Q_OBJECT

private slots:
    void roundTripsEveryField() {
        const auto r = sampleRecord();
        const auto decoded = decodeChargeDetailRecord(encode(r));
        QVERIFY2(decoded, decoded.error().c_str());
        QCOMPARE(decoded.value(), r);
    }

    void roundTripsALiveCostAndAnUnratedRecord() {
        auto live = sampleRecord();
        live.provisional = true;
        live.chargingFinished.reset();
        live.anomalies.clear();
        const auto decodedLive = decodeChargeDetailRecord(encode(live));
        QVERIFY2(decodedLive, decodedLive.error().c_str());
        QCOMPARE(decodedLive.value(), live);
        QVERIFY(encode(live).find("chargingFinished") == std::string::npos);

        ChargeDetailRecord unrated;
        unrated.cdrId = "CP-1/9";
        unrated.reason = "unrated: no tariff for site 'berlin'";
        unrated.chargerId = "CP-1";
        unrated.start = 1'790'000'000'000;
        unrated.stop = 1'790'000'000'000;
        const auto decodedUnrated = decodeChargeDetailRecord(encode(unrated));
        QVERIFY2(decodedUnrated, decodedUnrated.error().c_str());
        QCOMPARE(decodedUnrated.value(), unrated);
    }

    void amountsAreIntegersOnTheWire() {
        auto r = sampleRecord();
        r.total = 9'000'000'000'000'000'000;
        r.subtotal = r.total - r.tax;
        r.lines = {{"sessionFee", "sh", 1, "", r.start, r.stop, "", "", 0, 0, "", r.subtotal}};
        const std::string text = encode(r);
        QVERIFY(text.find("\"total\":9000000000000000000") != std::string::npos);
        const auto decoded = decodeChargeDetailRecord(text);
        QVERIFY2(decoded, decoded.error().c_str());
        QCOMPARE(decoded.value().total, r.total);
    }

    void readsTheDocumentedExample() {
        const auto decoded = decodeChargeDetailRecord(
            R"({"v":1,"cdrId":"VD-SH-001/42","version":1,"provisional":false,"reason":"stop",)"
            R"("ratedAt":"2026-11-26T10:05:00.120Z","agentId":"demo","siteId":"sh-pudong","siteName":"Pudong",)"
            R"("timeZone":"Asia/Shanghai","chargerId":"VD-SH-001","connectorId":1,"transactionId":42,)"
            R"("idTag":"RFID-04","customerGroup":"FLEET-A","start":"2026-11-26T08:30:00.000Z",)"
            R"("stop":"2026-11-26T10:05:00.000Z","chargingFinished":"2026-11-26T09:50:00.000Z",)"
            R"("meterStartWh":1000,"meterStopWh":31000,"currency":"CNY","minorDigits":2,"lines":[)"
            R"({"kind":"energy","tariffId":"sh-commercial","tariffVersion":2,"period":"peak",)"
            R"("from":"2026-11-26T08:30:00.000Z","to":"2026-11-26T09:50:00.000Z",)"
            R"("localFrom":"2026-11-26T16:30:00+08:00","localTo":"2026-11-26T17:50:00+08:00",)"
            R"("milliWh":30000000,"unitPrice":"1.100000","amount":3300},)"
            R"({"kind":"serviceFee","tariffId":"sh-commercial","tariffVersion":2,"period":"peak",)"
            R"("from":"2026-11-26T08:30:00.000Z","to":"2026-11-26T09:50:00.000Z",)"
            R"("localFrom":"2026-11-26T16:30:00+08:00","localTo":"2026-11-26T17:50:00+08:00",)"
            R"("milliWh":30000000,"unitPrice":"0.800000","amount":2400},)"
            R"({"kind":"sessionFee","tariffId":"sh-commercial","tariffVersion":2,)"
            R"("from":"2026-11-26T08:30:00.000Z","to":"2026-11-26T10:05:00.000Z","localFrom":"","localTo":"",)"
            R"("amount":100}],"billedMilliWh":30000000,"unbilledMilliWh":0,"subtotal":5800,)"
            R"("taxRate":"0.06","tax":348,"total":6148,"anomalies":[]})");
        QVERIFY2(decoded, decoded.error().c_str());
        QCOMPARE(decoded.value().lines.size(), std::size_t(3));
        QCOMPARE(decoded.value().total, std::int64_t(6148));
        QCOMPARE(decoded.value().customerGroup, std::string("FLEET-A"));
    }

    void refusesRecordsThatDoNotAddUp() {
        const auto r = sampleRecord();
        const auto lines = decodeChargeDetailRecord(withField(r, "/subtotal", r.subtotal + 1));
        QVERIFY(!lines);
        QVERIFY2(lines.error().find("the lines add up to 6000 but the subtotal is 6001") != std::string::npos,
                 lines.error().c_str());
        const auto total = decodeChargeDetailRecord(withField(r, "/total", r.total - 1));
        QVERIFY(!total);
        QVERIFY2(total.error().find("subtotal 6000 + tax 360 is not the total 6359") != std::string::npos,
                 total.error().c_str());
        const auto line = decodeChargeDetailRecord(withField(r, "/lines/0/amount", 3301));
        QVERIFY(!line);
    }

    void refusesMalformedPayloads_data() {
        QTest::addColumn<QString>("payload");
        const auto r = sampleRecord();
        const auto row = [&](const char* name, const std::string& pointer, const nlohmann::json& value) {
            QTest::newRow(name) << QString::fromStdString(withField(r, pointer, value));
        };
        QTest::newRow("not json") << "{";
        QTest::newRow("array") << "[]";
        row("schema version", "/v", 2);
        row("no cdr id", "/cdrId", nullptr);
        row("empty cdr id", "/cdrId", "");
        row("version 0", "/version", 0);
        row("no charger", "/chargerId", nullptr);
        row("bad start", "/start", "yesterday");
        row("stop before start", "/stop", "2000-01-01T00:00:00Z");
        row("fraction amount", "/total", 6360.5);
        row("text amount", "/subtotal", "6000");
        row("huge amount", "/total", std::uint64_t(18'000'000'000'000'000'000ULL));
        row("minor digits", "/minorDigits", 7);
        row("tax rate", "/taxRate", "6%");
        row("lines object", "/lines", nlohmann::json::object());
        row("line not object", "/lines/0", 1);
        row("line no kind", "/lines/0/kind", nullptr);
        row("line no amount", "/lines/0/amount", nullptr);
        row("line backwards", "/lines/0/to", "2000-01-01T00:00:00Z");
        row("negative energy line", "/lines/0/milliWh", -1);
        row("unit price", "/lines/0/unitPrice", "1,10");
        row("anomalies object", "/anomalies", nlohmann::json::object());
        row("anomaly no time", "/anomalies/0/at", nullptr);
        row("no currency", "/currency", "");
        {
            auto j = nlohmann::json::parse(encode(r));
            j["lines"][0]["amount"] = -3300;
            j["subtotal"] = r.subtotal - 6600;
            j["total"] = r.subtotal - 6600 + r.tax;
            QTest::newRow("negative energy amount") << QString::fromStdString(j.dump());
        }
    }

    void refusesMalformedPayloads() {
        QFETCH(QString, payload);
        const auto decoded = decodeChargeDetailRecord(payload.toStdString());
        QVERIFY(!decoded);
        QVERIFY(!decoded.error().empty());
    }

    void topicsAreEncodedAndParsed() {
        const std::string cost = sessionCostTopic("depot/1", "CP+7", 2);
        QCOMPARE(cost, std::string("voltdesk/v1/sites/depot%2F1/chargers/CP%2B7/connectors/2/session-cost"));
        QVERIFY(!parseTopic(cost));
        const auto parsed = parseSessionCostTopic(cost);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->siteId, std::string("depot/1"));
        QCOMPARE(parsed->chargerId, std::string("CP+7"));
        QCOMPARE(parsed->connectorId, 2);
        QVERIFY(!parseSessionCostTopic("voltdesk/v1/sites/d/chargers/CP/connectors/x/session-cost"));
        QVERIFY(!parseSessionCostTopic("voltdesk/v1/sites/d/chargers/CP/connectors//session-cost"));
        QVERIFY(!parseSessionCostTopic("voltdesk/v1/sites/d/chargers/CP/connectors/1/state"));
        QVERIFY(!parseChargerHealthTopic(cost));

        const std::string cdrs = siteCdrTopic("depot/1");
        QCOMPARE(cdrs, std::string("voltdesk/v1/sites/depot%2F1/cdrs"));
        QCOMPARE(parseSiteCdrTopic(cdrs).value_or(""), std::string("depot/1"));
        QVERIFY(!parseSiteCdrTopic("voltdesk/v1/sites//cdrs"));
        QVERIFY(!parseSiteCdrTopic("voltdesk/v1/sites/d/info"));
        QVERIFY(!parseTopic(cdrs));
        QCOMPARE(std::string(kAllSessionCosts),
                 std::string("voltdesk/v1/sites/+/chargers/+/connectors/+/session-cost"));
        QCOMPARE(std::string(kAllCdrs), std::string("voltdesk/v1/sites/+/cdrs"));
    }
};

QTEST_GUILESS_MAIN(TestChargeDetailRecord)
#include "tst_charge_detail_record.moc"
