// Payload codecs of the wire contract: encode → decode gives the same value, and each way a payload
// can be wrong is refused with a reason.
#include "contract/agent_presence.h"
#include "contract/charger_state.h"
#include "contract/charger_status.h"
#include "contract/inventory.h"
#include "contract/site_info.h"

#include <QtTest>
#include <nlohmann/json.hpp>

using namespace voltdesk::contract;
using Json = nlohmann::json;

namespace {

ChargerState sampleState() {
    ChargerState s;
    s.chargerId = "CP-0001";
    s.siteId = "berlin-mitte";
    s.location = GeoPoint{52.52, 13.405};
    s.vendor = "Alpitronic";
    s.model = "HYC300";
    s.serialNumber = "SN-42";
    s.firmwareVersion = "1.2.3";
    s.maxPowerKw = 300.5;
    s.protocol = "ocpp1.6";
    s.agentId = "agent-7";
    s.online = true;
    s.registration = "Accepted";
    s.lastSeen = 1795686025123;
    s.updatedAt = 1795686025456;
    s.connectors = {
        {0, ConnectorStatus::Available, "NoError", "", "", 1795686000000},
        {1, ConnectorStatus::Charging, "NoError", "car 1", "", 1795686001000},
        {2, ConnectorStatus::Faulted, "GroundFailure", "earth leak", "E-17", 1795686002000},
    };
    s.connectors[1].session = ConnectorSession{123, "RFID-04", 1795686001500, 1000};
    return s;
}

Json sampleStateJson() {
    return Json::parse(encodeChargerState(sampleState()));
}

SiteInfo sampleSite() {
    return SiteInfo{"berlin-mitte", "Berlin Mitte", "Unter den Linden 1", "Europe/Berlin", {52.517, 13.389}};
}

} // namespace

class TestCodecs : public QObject {
    Q_OBJECT

private slots:
    // --- status vocabulary -------------------------------------------------------------------
    void statusNamesRoundTrip() {
        for (int i = 0; i < kChargerStatusCount; ++i) {
            const auto status = static_cast<ChargerStatus>(i);
            const auto back = chargerStatusFromString(toString(status));
            QVERIFY(back.has_value());
            QCOMPARE(static_cast<int>(*back), static_cast<int>(status));
        }
        for (int i = 0; i <= static_cast<int>(ConnectorStatus::Faulted); ++i) {
            const auto status = static_cast<ConnectorStatus>(i);
            const auto back = connectorStatusFromString(toString(status));
            QVERIFY(back.has_value());
            QCOMPARE(static_cast<int>(*back), static_cast<int>(status));
        }
        QVERIFY(!chargerStatusFromString("available").has_value());
        QVERIFY(!chargerStatusFromString("").has_value());
        QVERIFY(!connectorStatusFromString("Occupied").has_value());
    }

    void overallStatus_data() {
        using CS = ConnectorStatus;
        QTest::addColumn<bool>("online");
        QTest::addColumn<QList<int>>("connectors");
        QTest::addColumn<int>("expected");
        auto row = [](const char* name, bool online, std::initializer_list<CS> cs, ChargerStatus expected) {
            QList<int> list;
            for (const CS c : cs) {
                list << static_cast<int>(c);
            }
            QTest::newRow(name) << online << list << static_cast<int>(expected);
        };
        row("offline beats fault", false, {CS::Faulted}, ChargerStatus::Offline);
        row("offline without connectors", false, {}, ChargerStatus::Offline);
        row("no connectors yet", true, {}, ChargerStatus::Unknown);
        row("all available", true, {CS::Available, CS::Available}, ChargerStatus::Available);
        row("fault beats charging", true, {CS::Charging, CS::Faulted}, ChargerStatus::Faulted);
        row("fault on connector 0", true, {CS::Faulted, CS::Available}, ChargerStatus::Faulted);
        row("charging beats occupied", true, {CS::Preparing, CS::Charging}, ChargerStatus::Charging);
        row("preparing", true, {CS::Preparing, CS::Reserved}, ChargerStatus::Occupied);
        row("suspended ev", true, {CS::SuspendedEV}, ChargerStatus::Occupied);
        row("suspended evse", true, {CS::SuspendedEVSE}, ChargerStatus::Occupied);
        row("finishing", true, {CS::Finishing, CS::Unavailable}, ChargerStatus::Occupied);
        row("reserved beats unavailable", true, {CS::Unavailable, CS::Reserved}, ChargerStatus::Reserved);
        row("unavailable beats available", true, {CS::Available, CS::Unavailable},
            ChargerStatus::Unavailable);
    }
    void overallStatus() {
        QFETCH(bool, online);
        QFETCH(QList<int>, connectors);
        QFETCH(int, expected);
        std::vector<ConnectorStatus> cs;
        for (const int c : connectors) {
            cs.push_back(static_cast<ConnectorStatus>(c));
        }
        QCOMPARE(static_cast<int>(voltdesk::contract::overallStatus(online, cs)), expected);
        ChargerState s;
        s.online = online;
        for (std::size_t i = 0; i < cs.size(); ++i) {
            s.connectors.push_back(ConnectorState{static_cast<int>(i), cs[i], {}, {}, {}, 0});
        }
        QCOMPARE(static_cast<int>(s.overall()), expected);
    }

    // --- charger state -----------------------------------------------------------------------
    void chargerStateRoundTrip() {
        const ChargerState s = sampleState();
        const auto decoded = decodeChargerState(encodeChargerState(s));
        QVERIFY2(decoded, decoded.error().c_str());
        QVERIFY(decoded.value() == s);
        QCOMPARE(Json::parse(encodeChargerState(s))["status"].get<std::string>(), std::string("Faulted"));
    }

    void chargerStateSessionOnlyWhileOneRuns() {
        const Json j = sampleStateJson();
        QVERIFY(!j["connectors"][0].contains("session"));
        const Json& session = j["connectors"][1]["session"];
        QCOMPARE(session["transactionId"].get<int>(), 123);
        QCOMPARE(session["idTag"].get<std::string>(), std::string("RFID-04"));
        QCOMPARE(session["startedAt"].get<std::string>(), std::string("2026-11-26T09:40:01.500Z"));
        QCOMPARE(session["meterStartWh"].get<std::int64_t>(), std::int64_t(1000));
        Json withNull = j;
        withNull["connectors"][1]["session"] = nullptr;
        const auto decoded = decodeChargerState(withNull.dump());
        QVERIFY2(decoded, decoded.error().c_str());
        QVERIFY(!decoded.value().connectors[1].session.has_value());
    }

    void chargerStateWithoutLocationOrConnectors() {
        ChargerState s = sampleState();
        s.location.reset();
        s.connectors.clear();
        s.online = false;
        s.lastSeen = 0;
        const auto decoded = decodeChargerState(encodeChargerState(s));
        QVERIFY2(decoded, decoded.error().c_str());
        QVERIFY(!decoded.value().location.has_value());
        QVERIFY(decoded.value().connectors.empty());
        QVERIFY(decoded.value().overall() == ChargerStatus::Offline);
    }

    void chargerStateUtf8AndOddIds() {
        ChargerState s = sampleState();
        s.chargerId = "桩/01+#%";
        s.siteId = "北京 站";
        s.vendor = "特来电 \"quoted\"\n";
        const auto decoded = decodeChargerState(encodeChargerState(s));
        QVERIFY2(decoded, decoded.error().c_str());
        QVERIFY(decoded.value() == s);
    }

    void chargerStateSortsConnectors() {
        Json j = sampleStateJson();
        std::reverse(j["connectors"].begin(), j["connectors"].end());
        const auto decoded = decodeChargerState(j.dump());
        QVERIFY2(decoded, decoded.error().c_str());
        QCOMPARE(decoded.value().connectors.front().id, 0);
        QCOMPARE(decoded.value().connectors.back().id, 2);
    }

    void chargerStateOptionalFieldsMayBeAbsentOrNull() {
        Json j = sampleStateJson();
        for (const char* key : {"vendor", "model", "serialNumber", "firmwareVersion", "maxPowerKw",
                                "protocol", "registration", "lastSeen", "updatedAt", "status"}) {
            j.erase(key);
        }
        j["location"] = nullptr;
        // A null location is "present" for the decoder and must be refused rather than misread.
        QVERIFY(!decodeChargerState(j.dump()));
        j.erase("location");
        const auto decoded = decodeChargerState(j.dump());
        QVERIFY2(decoded, decoded.error().c_str());
        QVERIFY(decoded.value().vendor.empty());
        QCOMPARE(decoded.value().lastSeen, EpochMs(0));
    }

    void chargerStateRejects_data() {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("reasonContains");
        auto with = [](auto edit) {
            Json j = sampleStateJson();
            edit(j);
            return QByteArray::fromStdString(j.dump());
        };
        const QByteArray full = QByteArray::fromStdString(sampleStateJson().dump());
        QTest::newRow("empty") << QByteArray() << "not a JSON object";
        QTest::newRow("not json") << QByteArray("hello") << "not a JSON object";
        QTest::newRow("truncated") << full.left(full.size() / 2) << "not a JSON object";
        QTest::newRow("array") << QByteArray("[1,2]") << "not a JSON object";
        QTest::newRow("string") << QByteArray("\"x\"") << "not a JSON object";
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe{", 4) << "not a JSON object";
        QTest::newRow("no version") << with([](Json& j) { j.erase("v"); }) << "v is missing";
        QTest::newRow("version 2") << with([](Json& j) { j["v"] = 2; })
                                   << "unsupported charger state version 2";
        QTest::newRow("version string") << with([](Json& j) { j["v"] = "1"; }) << "v must be an integer";
        QTest::newRow("no chargerId")
            << with([](Json& j) { j.erase("chargerId"); }) << "chargerId is missing";
        QTest::newRow("chargerId number")
            << with([](Json& j) { j["chargerId"] = 7; }) << "chargerId must be a string";
        QTest::newRow("no siteId") << with([](Json& j) { j.erase("siteId"); }) << "siteId is missing";
        QTest::newRow("no online") << with([](Json& j) { j.erase("online"); }) << "online is missing";
        QTest::newRow("online string")
            << with([](Json& j) { j["online"] = "yes"; }) << "online must be true or false";
        QTest::newRow("power string")
            << with([](Json& j) { j["maxPowerKw"] = "22"; }) << "maxPowerKw must be a number";
        QTest::newRow("vendor object")
            << with([](Json& j) { j["vendor"] = Json::object(); }) << "vendor must be a string";
        QTest::newRow("bad lastSeen")
            << with([](Json& j) { j["lastSeen"] = "yesterday"; }) << "lastSeen is not an ISO 8601 time";
        QTest::newRow("lastSeen number")
            << with([](Json& j) { j["lastSeen"] = 5; }) << "lastSeen must be a string";
        QTest::newRow("location not object") << with([](Json& j) { j["location"] = 5; }) << "location.";
        QTest::newRow("location no lat")
            << with([](Json& j) { j["location"].erase("lat"); }) << "location.lat is missing";
        QTest::newRow("location lon string")
            << with([](Json& j) { j["location"]["lon"] = "13"; }) << "location.lon must be a number";
        QTest::newRow("lat 91") << with([](Json& j) { j["location"]["lat"] = 91; })
                                << "location out of range";
        QTest::newRow("lon -181") << with([](Json& j) { j["location"]["lon"] = -181; })
                                  << "location out of range";
        QTest::newRow("no connectors")
            << with([](Json& j) { j.erase("connectors"); }) << "connectors must be an array";
        QTest::newRow("connectors object")
            << with([](Json& j) { j["connectors"] = Json::object(); }) << "connectors must be an array";
        QTest::newRow("connector not object")
            << with([](Json& j) { j["connectors"].push_back(3); }) << "connectors[].";
        QTest::newRow("connector no id")
            << with([](Json& j) { j["connectors"][0].erase("id"); }) << "connectors[].id is missing";
        QTest::newRow("connector id 1.5")
            << with([](Json& j) { j["connectors"][0]["id"] = 1.5; }) << "connectors[].id must be an integer";
        QTest::newRow("connector no status")
            << with([](Json& j) { j["connectors"][1].erase("status"); }) << "connectors[].status is missing";
        QTest::newRow("connector unknown status")
            << with([](Json& j) { j["connectors"][1]["status"] = "Occupied"; })
            << "unknown connector status 'Occupied'";
        QTest::newRow("connector errorCode number")
            << with([](Json& j) { j["connectors"][1]["errorCode"] = 1; })
            << "connectors[].errorCode must be a string";
        QTest::newRow("connector bad since")
            << with([](Json& j) { j["connectors"][2]["since"] = "2026-13-01T00:00:00Z"; })
            << "connectors[].since is not an ISO 8601 time";
        QTest::newRow("session not object")
            << with([](Json& j) { j["connectors"][1]["session"] = 5; }) << "connectors[].session.";
        QTest::newRow("session no transaction")
            << with([](Json& j) { j["connectors"][1]["session"].erase("transactionId"); })
            << "connectors[].session.transactionId is missing";
        QTest::newRow("session meter text")
            << with([](Json& j) { j["connectors"][1]["session"]["meterStartWh"] = "1000"; })
            << "connectors[].session.meterStartWh must be an integer";
        QTest::newRow("session bad start")
            << with([](Json& j) { j["connectors"][1]["session"]["startedAt"] = "soon"; })
            << "connectors[].session.startedAt is not an ISO 8601 time";
    }
    void chargerStateRejects() {
        QFETCH(QByteArray, payload);
        QFETCH(QString, reasonContains);
        const auto decoded = decodeChargerState(std::string_view(payload.constData(), payload.size()));
        QVERIFY(!decoded);
        QVERIFY2(QString::fromStdString(decoded.error()).contains(reasonContains),
                 qPrintable(QString::fromStdString(decoded.error())));
    }

    // --- site info ---------------------------------------------------------------------------
    void siteRoundTrip() {
        const SiteInfo site = sampleSite();
        const auto decoded = decodeSiteInfo(encodeSiteInfo(site));
        QVERIFY2(decoded, decoded.error().c_str());
        QVERIFY(decoded.value() == site);
    }

    void siteWithoutOptionalFields() {
        const auto decoded = decodeSiteInfo(R"({"v":1,"siteId":"S1"})");
        QVERIFY2(decoded, decoded.error().c_str());
        QCOMPARE(decoded.value().siteId, std::string("S1"));
        QVERIFY(decoded.value().name.empty());
        QCOMPARE(decoded.value().location, GeoPoint{});
    }

    void siteRejects_data() {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("reasonContains");
        QTest::newRow("not json") << QByteArray("{") << "not a JSON object";
        QTest::newRow("array") << QByteArray("[]") << "not a JSON object";
        QTest::newRow("no siteId") << QByteArray(R"({"name":"x"})") << "siteId is missing";
        QTest::newRow("name number") << QByteArray(R"({"siteId":"S","name":3})") << "name must be a string";
        QTest::newRow("location no lon")
            << QByteArray(R"({"siteId":"S","location":{"lat":1}})") << "location.lon is missing";
        QTest::newRow("location lat string") << QByteArray(R"({"siteId":"S","location":{"lat":"1","lon":2}})")
                                             << "location.lat must be a number";
        QTest::newRow("location array") << QByteArray(R"({"siteId":"S","location":[1,2]})") << "location.";
    }
    void siteRejects() {
        QFETCH(QByteArray, payload);
        QFETCH(QString, reasonContains);
        const auto decoded = decodeSiteInfo(payload.toStdString());
        QVERIFY(!decoded);
        QVERIFY2(QString::fromStdString(decoded.error()).contains(reasonContains),
                 qPrintable(QString::fromStdString(decoded.error())));
    }

    // --- agent presence ----------------------------------------------------------------------
    void presenceRoundTrip_data() {
        QTest::addColumn<bool>("online");
        QTest::newRow("online") << true;
        QTest::newRow("offline") << false;
    }
    void presenceRoundTrip() {
        QFETCH(bool, online);
        const AgentPresence p{"agent-1", online, "0.1.0", 1795686025123};
        const auto decoded = decodeAgentPresence(encodeAgentPresence(p));
        QVERIFY2(decoded, decoded.error().c_str());
        QVERIFY(decoded.value() == p);
        QCOMPARE(Json::parse(encodeAgentPresence(p))["state"].get<std::string>(),
                 std::string(online ? "online" : "offline"));
    }

    void presenceRejects_data() {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("reasonContains");
        QTest::newRow("not json") << QByteArray("offline") << "not a JSON object";
        QTest::newRow("no agentId") << QByteArray(R"({"state":"online"})") << "agentId is missing";
        QTest::newRow("no state") << QByteArray(R"({"agentId":"a"})") << "state is missing";
        QTest::newRow("state bool") << QByteArray(R"({"agentId":"a","state":true})")
                                    << "state must be a string";
        QTest::newRow("state maybe") << QByteArray(R"({"agentId":"a","state":"maybe"})")
                                     << "state must be online or offline";
        QTest::newRow("bad since") << QByteArray(R"({"agentId":"a","state":"online","since":"now"})")
                                   << "since is not an ISO 8601 time";
    }
    void presenceRejects() {
        QFETCH(QByteArray, payload);
        QFETCH(QString, reasonContains);
        const auto decoded = decodeAgentPresence(payload.toStdString());
        QVERIFY(!decoded);
        QVERIFY2(QString::fromStdString(decoded.error()).contains(reasonContains),
                 qPrintable(QString::fromStdString(decoded.error())));
    }

    // --- inventory ---------------------------------------------------------------------------
    void inventoryRoundTrip() {
        Inventory inv;
        inv.sites = {sampleSite(), SiteInfo{"S2", "Second", "", "Europe/Berlin", {52.0, 13.0}}};
        inv.chargers = {
            InventoryCharger{"CP-1", "berlin-mitte", GeoPoint{52.5, 13.4}, 150, 2},
            InventoryCharger{"CP-2", "S2", std::nullopt, 22, 1},
            InventoryCharger{"CP-3", "S2", std::nullopt, 0, 32},
        };
        const auto decoded = decodeInventory(encodeInventory(inv));
        QVERIFY2(decoded, decoded.error().c_str());
        QVERIFY(decoded.value() == inv);
    }

    void inventoryDefaultsToOneConnector() {
        const auto decoded = decodeInventory(
            R"({"v":1,"sites":[{"siteId":"S"}],"chargers":[{"chargerId":"C","siteId":"S"}]})");
        QVERIFY2(decoded, decoded.error().c_str());
        QCOMPARE(decoded.value().chargers.at(0).connectorCount, 1);
        QVERIFY(!decoded.value().chargers.at(0).location.has_value());
    }

    void inventoryRejects_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reasonContains");
        const auto inv = [](const char* chargers, const char* sites = R"([{"siteId":"S"}])") {
            return QByteArray(R"({"v":1,"sites":)") + sites + R"(,"chargers":)" + chargers + "}";
        };
        QTest::newRow("not json") << QByteArray("{oops") << "not a JSON object";
        QTest::newRow("array") << QByteArray("[]") << "not a JSON object";
        QTest::newRow("no sites") << QByteArray(R"({"chargers":[]})") << "needs the arrays";
        QTest::newRow("chargers object") << QByteArray(R"({"sites":[],"chargers":{}})") << "needs the arrays";
        QTest::newRow("bad site") << inv("[]", R"([{"siteId":"S"},{"name":"x"}])")
                                  << "sites[1]: siteId is missing";
        QTest::newRow("duplicate site")
            << inv("[]", R"([{"siteId":"S"},{"siteId":"S"}])") << "site 'S' is listed twice";
        QTest::newRow("no chargerId") << inv(R"([{"siteId":"S"}])") << "chargers[0]: chargerId is missing";
        QTest::newRow("empty chargerId")
            << inv(R"([{"chargerId":"","siteId":"S"}])") << "chargers[0]: chargerId is empty";
        QTest::newRow("unknown site")
            << inv(R"([{"chargerId":"C","siteId":"X"}])") << "chargers[0]: unknown site 'X'";
        QTest::newRow("zero connectors") << inv(R"([{"chargerId":"C","siteId":"S","connectors":0}])")
                                         << "connectors must be between 1 and 32";
        QTest::newRow("33 connectors") << inv(R"([{"chargerId":"C","siteId":"S","connectors":33}])")
                                       << "connectors must be between 1 and 32";
        QTest::newRow("connectors string")
            << inv(R"([{"chargerId":"C","siteId":"S","connectors":"2"}])") << "connectors must be an integer";
        QTest::newRow("negative power") << inv(R"([{"chargerId":"C","siteId":"S","maxPowerKw":-1}])")
                                        << "maxPowerKw must not be negative";
        QTest::newRow("bad location") << inv(R"([{"chargerId":"C","siteId":"S","location":{"lat":1}}])")
                                      << "chargers[0]: location.lon is missing";
        QTest::newRow("duplicate charger")
            << inv(R"([{"chargerId":"C","siteId":"S"},{"chargerId":"C","siteId":"S"}])")
            << "charger 'C' is listed twice";
        QTest::newRow("charger not object") << inv(R"([5])") << "chargers[0]: ";
    }
    void inventoryRejects() {
        QFETCH(QByteArray, json);
        QFETCH(QString, reasonContains);
        const auto decoded = decodeInventory(json.toStdString());
        QVERIFY(!decoded);
        QVERIFY2(QString::fromStdString(decoded.error()).contains(reasonContains),
                 qPrintable(QString::fromStdString(decoded.error())));
    }
};

QTEST_APPLESS_MAIN(TestCodecs)
#include "tst_codecs.moc"
