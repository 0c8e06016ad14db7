// The charger health payload and topic: round trip, optional figures, and every way decoding refuses.
#include "contract/charger_health.h"
#include "contract/topics.h"

#include <QtTest>

using namespace voltdesk::contract;

class TestChargerHealth : public QObject {
    Q_OBJECT

private slots:
    void roundTripsEveryField() {
        ChargerHealth h;
        h.chargerId = "CP/1+#";
        h.computedAt = 1'790'000'000'123;
        h.powerW = 11000.0;
        h.energyTodayWh = 54321.5;
        h.faults24h = 2;
        h.availability24h = 0.97;
        h.availability30d = 0.991;
        h.healthScore = 87;
        h.healthReasons = {"2 faults in 24 h", "offline 40 min in 24 h"};
        const auto decoded = decodeChargerHealth(encode(h));
        QVERIFY2(decoded, decoded.error().c_str());
        QCOMPARE(decoded.value(), h);
    }

    void absentFiguresStayAbsent() {
        ChargerHealth h;
        h.chargerId = "CP-2";
        h.computedAt = 1'790'000'000'000;
        const std::string text = encode(h);
        QVERIFY(text.find("powerW") == std::string::npos);
        QVERIFY(text.find("availability24h") == std::string::npos);
        const auto decoded = decodeChargerHealth(text);
        QVERIFY2(decoded, decoded.error().c_str());
        QVERIFY(!decoded.value().powerW);
        QVERIFY(!decoded.value().availability30d);
        QCOMPARE(decoded.value().healthScore, 100);
        QVERIFY(decoded.value().healthReasons.empty());
    }

    void readsTheDocumentedExample() {
        const auto decoded = decodeChargerHealth(
            R"({"v":1,"chargerId":"CP-7","computedAt":"2026-11-26T09:40:25.123Z","powerW":11000.0,)"
            R"("energyTodayWh":54321.0,"faults24h":2,"availability24h":0.97,"availability30d":0.991,)"
            R"("healthScore":87,"healthReasons":["2 faults in 24 h","offline 40 min in 24 h"]})");
        QVERIFY2(decoded, decoded.error().c_str());
        QCOMPARE(decoded.value().healthReasons.size(), std::size_t(2));
        QCOMPARE(*decoded.value().availability30d, 0.991);
    }

    void refusesMalformedPayloads_data() {
        QTest::addColumn<QString>("payload");
        const QString ok = R"("chargerId":"CP","computedAt":"2026-11-26T09:40:25Z","healthScore":50)";
        QTest::newRow("not json") << "{";
        QTest::newRow("array") << "[]";
        QTest::newRow("version") << R"({"v":2,)" + ok + "}";
        QTest::newRow("no version") << "{" + ok + "}";
        QTest::newRow("no charger") << R"({"v":1,"computedAt":"2026-11-26T09:40:25Z","healthScore":50})";
        QTest::newRow("empty charger") << R"({"v":1,"chargerId":"","computedAt":"2026-11-26T09:40:25Z",)"
                                          R"("healthScore":50})";
        QTest::newRow("bad time") << R"({"v":1,"chargerId":"CP","computedAt":"yesterday","healthScore":50})";
        QTest::newRow("score high") << R"({"v":1,"chargerId":"CP","computedAt":"2026-11-26T09:40:25Z",)"
                                       R"("healthScore":101})";
        QTest::newRow("score text") << R"({"v":1,"chargerId":"CP","computedAt":"2026-11-26T09:40:25Z",)"
                                       R"("healthScore":"50"})";
        QTest::newRow("availability") << R"({"v":1,)" + ok + R"(,"availability24h":1.5})";
        QTest::newRow("negative faults") << R"({"v":1,)" + ok + R"(,"faults24h":-1})";
        QTest::newRow("reasons object") << R"({"v":1,)" + ok + R"(,"healthReasons":{}})";
        QTest::newRow("reasons numbers") << R"({"v":1,)" + ok + R"(,"healthReasons":[1]})";
        QTest::newRow("power text") << R"({"v":1,)" + ok + R"(,"powerW":"high"})";
    }

    void refusesMalformedPayloads() {
        QFETCH(QString, payload);
        const auto decoded = decodeChargerHealth(payload.toStdString());
        QVERIFY(!decoded);
        QVERIFY(!decoded.error().empty());
    }

    void topicIsEncodedAndParsed() {
        const std::string topic = chargerHealthTopic("depot/1", "CP+7");
        QCOMPARE(topic, std::string("voltdesk/v1/sites/depot%2F1/chargers/CP%2B7/health"));
        QVERIFY(!parseTopic(topic)); // not fleet state: ChargerModel leaves it to the health model
        const auto parsed = parseChargerHealthTopic(topic);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->siteId, std::string("depot/1"));
        QCOMPARE(parsed->chargerId, std::string("CP+7"));
        QVERIFY(!parseChargerHealthTopic("voltdesk/v1/sites/depot/chargers//health"));
        QVERIFY(!parseChargerHealthTopic("voltdesk/v1/sites/depot/chargers/CP/health/x"));
        QVERIFY(!parseChargerHealthTopic("voltdesk/v1/sites/depot/chargers/CP/telemetry"));
        QVERIFY(!parseChargerTelemetryTopic(topic));
        QCOMPARE(std::string(kAllChargerHealth), std::string("voltdesk/v1/sites/+/chargers/+/health"));
    }
};

QTEST_GUILESS_MAIN(TestChargerHealth)
#include "tst_charger_health.moc"
