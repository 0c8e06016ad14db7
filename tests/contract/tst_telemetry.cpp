// The telemetry payload and topic: encode → decode gives the same sample, absent measurements stay
// absent, and malformed payloads are refused with a reason.
#include "contract/telemetry.h"
#include "contract/topics.h"

#include <QtTest>
#include <limits>
#include <nlohmann/json.hpp>

using namespace voltdesk::contract;
using Json = nlohmann::json;

namespace {

TelemetrySample fullSample() {
    TelemetrySample s;
    s.chargerId = "CP/7";
    s.connectorId = 2;
    s.at = 1795686025123;
    s.transactionId = 123;
    s.powerW = 7200.5;
    s.currentA = 31.2;
    s.voltageV = 230.1;
    s.temperatureC = 41.5;
    s.socPercent = 63;
    s.energyWh = 12345;
    return s;
}

} // namespace

class TestTelemetry : public QObject {
    Q_OBJECT

private slots:
    void roundTripsEveryField() {
        const auto s = fullSample();
        const auto decoded = decodeTelemetrySample(encode(s));
        QVERIFY2(decoded, decoded.error().c_str());
        QVERIFY(decoded.value() == s);
        const auto j = Json::parse(encode(s));
        QCOMPARE(j["v"].get<int>(), 1);
        QCOMPARE(j["at"].get<std::string>(), std::string("2026-11-26T09:40:25.123Z"));
        QCOMPARE(j["powerW"].get<double>(), 7200.5);
    }

    void absentMeasurementsStayAbsent() {
        TelemetrySample s;
        s.chargerId = "CP-1";
        s.connectorId = 1;
        s.at = 1000;
        s.energyWh = 5;
        const auto j = Json::parse(encode(s));
        for (const char* key :
             {"transactionId", "powerW", "currentA", "voltageV", "temperatureC", "socPercent"}) {
            QVERIFY2(!j.contains(key), key);
        }
        const auto decoded = decodeTelemetrySample(j.dump());
        QVERIFY2(decoded, decoded.error().c_str());
        QVERIFY(decoded.value() == s);
        QVERIFY(!decoded.value().powerW);

        // null is read as absent too
        auto withNull = j;
        withNull["powerW"] = nullptr;
        QVERIFY(!decodeTelemetrySample(withNull.dump()).value().powerW);
    }

    void nonFiniteValuesAreLeftOut() {
        auto s = fullSample();
        s.powerW = std::numeric_limits<double>::quiet_NaN();
        s.currentA = std::numeric_limits<double>::infinity();
        const auto j = Json::parse(encode(s));
        QVERIFY(!j.contains("powerW"));
        QVERIFY(!j.contains("currentA"));
        QVERIFY(decodeTelemetrySample(j.dump()));
    }

    void refusesMalformedPayloads_data() {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("reason");
        const auto good = Json::parse(encode(fullSample()));
        const auto without = [&](const char* key) {
            auto j = good;
            j.erase(key);
            return QByteArray::fromStdString(j.dump());
        };
        const auto with = [&](const char* key, Json value) {
            auto j = good;
            j[key] = std::move(value);
            return QByteArray::fromStdString(j.dump());
        };
        QTest::newRow("not json") << QByteArray("{powerW: 1") << "telemetry is not a JSON object";
        QTest::newRow("array") << QByteArray("[1,2]") << "telemetry is not a JSON object";
        QTest::newRow("empty") << QByteArray() << "telemetry is not a JSON object";
        QTest::newRow("no version") << without("v") << "v is missing";
        QTest::newRow("version 2") << with("v", 2) << "unsupported telemetry version 2";
        QTest::newRow("no charger") << without("chargerId") << "chargerId is missing";
        QTest::newRow("empty charger") << with("chargerId", "") << "chargerId is empty";
        QTest::newRow("no connector") << without("connectorId") << "connectorId is missing";
        QTest::newRow("negative connector") << with("connectorId", -1) << "connectorId must not be negative";
        QTest::newRow("connector text") << with("connectorId", "1") << "connectorId must be an integer";
        QTest::newRow("no time") << without("at") << "at is missing";
        QTest::newRow("bad time") << with("at", "yesterday") << "at is not an ISO 8601 time";
        QTest::newRow("power text") << with("powerW", "7200") << "powerW must be a number";
        QTest::newRow("soc bool") << with("socPercent", true) << "socPercent must be a number";
        QTest::newRow("transaction float")
            << with("transactionId", 1.5) << "transactionId must be an integer";
    }
    void refusesMalformedPayloads() {
        QFETCH(QByteArray, payload);
        QFETCH(QString, reason);
        const auto decoded = decodeTelemetrySample(std::string_view(payload.constData(), payload.size()));
        QVERIFY(!decoded);
        QCOMPARE(QString::fromStdString(decoded.error()), reason);
    }

    void topicRoundTripsAwkwardIds() {
        const std::string topic = chargerTelemetryTopic("site/1", "CP+#7");
        QCOMPARE(topic, std::string("voltdesk/v1/sites/site%2F1/chargers/CP%2B%237/telemetry"));
        const auto parsed = parseChargerTelemetryTopic(topic);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->siteId, std::string("site/1"));
        QCOMPARE(parsed->chargerId, std::string("CP+#7"));
        // Not one of the fleet-state topics, and those are not telemetry.
        QVERIFY(!parseTopic(topic).has_value());
        QVERIFY(!parseChargerTelemetryTopic(chargerStateTopic("S1", "C1")).has_value());
        QVERIFY(!parseChargerTelemetryTopic(kAllChargerTelemetry).has_value());
        QVERIFY(!parseChargerTelemetryTopic("voltdesk/v1/sites/S1/chargers//telemetry").has_value());
        QVERIFY(!parseChargerTelemetryTopic("voltdesk/v1/sites/S1/chargers/C1/telemetry/x").has_value());
    }
};

QTEST_GUILESS_MAIN(TestTelemetry)
#include "tst_telemetry.moc"
