// The whole agent against the real PostgreSQL and Mosquitto: a charger boots and reports, the state
// lands in the database and on the broker, a stop leaves everything offline, a restart restores the
// last known state; start-up errors are sentences; the executable prints its "ocpp:" line and exits 0
// on SIGTERM.
#include "app/agent.h"
#include "contract/agent_presence.h"
#include "contract/topics.h"
#include "tests/agent/transport/ws_test_client.h"
#include "tests/support/test_services.h"

#include <QtTest>
#include <fstream>
#include <mqtt/async_client.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

using namespace voltdesk;
using voltdesk::testing::WsTestClient;
using json = nlohmann::json;
using namespace std::chrono_literals;

namespace {

/// Keeps the latest retained or live message per topic.
class Console {
public:
    explicit Console(const std::string& uri)
        : m_client(uri, "tst-agent-console-" + std::to_string(QCoreApplication::applicationPid())) {
        m_client.set_message_callback([this](mqtt::const_message_ptr message) {
            std::lock_guard lock(m_mutex);
            m_latest[message->get_topic()] = message->to_string();
        });
        m_client.connect(mqtt::connect_options_builder().clean_session(true).finalize())->wait();
        m_client.subscribe("voltdesk/v1/#", 1)->wait();
    }
    ~Console() {
        try {
            m_client.disconnect()->wait_for(2s);
        } catch (const mqtt::exception&) {
        }
    }
    std::optional<std::string> latest(const std::string& topic) {
        std::lock_guard lock(m_mutex);
        const auto it = m_latest.find(topic);
        return it == m_latest.end() ? std::nullopt : std::optional(it->second);
    }
    std::optional<contract::ChargerState> state(const std::string& site, const std::string& id) {
        const auto text = latest(contract::chargerStateTopic(site, id));
        if (!text || text->empty()) {
            return std::nullopt;
        }
        auto decoded = contract::decodeChargerState(*text);
        return decoded ? std::optional(std::move(decoded).value()) : std::nullopt;
    }
    std::optional<bool> agentOnline(const std::string& agentId) {
        const auto text = latest(contract::agentStatusTopic(agentId));
        if (!text) {
            return std::nullopt;
        }
        const auto decoded = contract::decodeAgentPresence(*text);
        return decoded ? std::optional(decoded.value().online) : std::nullopt;
    }
    void clearRetained(const std::string& topic) { m_client.publish(topic, "", 0, 1, true)->wait(); }
    void forget(const std::string& topic) {
        std::lock_guard lock(m_mutex);
        m_latest.erase(topic);
    }

private:
    mqtt::async_client m_client;
    std::mutex m_mutex;
    std::map<std::string, std::string> m_latest;
};

json call(WsTestClient& client, const std::string& frame) {
    if (client.sendText(frame)) {
        return json();
    }
    const auto reply = client.read();
    return reply ? json::parse(*reply, nullptr, false) : json();
}

} // namespace

class TestAgent : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_postgres;
    std::string m_mqtt;
    std::string m_inventoryFile;

    app::AgentConfig config(const std::string& agentId) {
        app::AgentConfig c;
        c.listenHost = "127.0.0.1";
        c.listenPort = 0;
        c.postgres = m_postgres;
        c.mqtt = m_mqtt;
        c.agentId = agentId;
        c.inventoryFile = m_inventoryFile;
        c.unknownChargers = domain::UnknownChargerPolicy::Accept;
        c.heartbeatInterval = 90s;
        c.publishInterval = 50ms;
        return c;
    }

    long long count(const std::string& sql) {
        pqxx::connection conn(m_postgres);
        pqxx::work tx(conn);
        return tx.query_value<long long>(sql);
    }

private slots:
    void initTestCase() {
        const auto services = testing::testServices();
        QVERIFY2(!services.postgres.isEmpty() && !services.mqtt.isEmpty(),
                 "the services fixture did not run");
        m_postgres = testing::createScratchDatabase(services.postgres, "tst_agent").toStdString();
        QVERIFY(!m_postgres.empty());
        m_mqtt = services.mqtt.toStdString();
        contract::Inventory inventory;
        inventory.sites = {
            contract::SiteInfo{"depot", "Depot", "Am Hafen 1", "Europe/Berlin", {53.54, 9.98}}};
        inventory.chargers = {
            contract::InventoryCharger{"CP-1", "depot", std::nullopt, 22, 2},
            contract::InventoryCharger{"CP-2", "depot", contract::GeoPoint{53.55, 9.99}, 50, 1}};
        m_inventoryFile = m_dir.filePath("inventory.json").toStdString();
        std::ofstream(m_inventoryFile) << contract::encodeInventory(inventory);
    }

    void chargerReachesDatabaseAndBrokerThenStopLeavesItOffline() {
        const std::string agentId = "tst-agent-" + std::to_string(QCoreApplication::applicationPid());
        Console console(m_mqtt);
        app::Agent agent(config(agentId));
        agent.start();
        QVERIFY(QString::fromStdString(agent.ocppUrl()).startsWith("ws://127.0.0.1:"));
        QVERIFY(QString::fromStdString(agent.ocppUrl()).endsWith("/ocpp/"));
        QTRY_VERIFY_WITH_TIMEOUT(console.agentOnline(agentId).value_or(false), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(console.latest(contract::siteInfoTopic("depot")).has_value(), 5000);
        QCOMPARE(count("SELECT count(*) FROM chargers"), 2LL); // inventory imported

        WsTestClient charger;
        QVERIFY(!charger.connect(agent.port(), "/ocpp/CP-1"));
        const auto boot = call(
            charger, R"([2,"b1","BootNotification",{"chargePointVendor":"ACME","chargePointModel":"W22",)"
                     R"("chargePointSerialNumber":"SN-1","firmwareVersion":"1.0"}])");
        QCOMPARE(boot[2]["status"].get<std::string>(), std::string("Accepted"));
        QCOMPARE(boot[2]["interval"].get<int>(), 90);
        for (int connector : {1, 2}) {
            const auto reply =
                call(charger, "[2,\"s" + std::to_string(connector) +
                                  "\",\"StatusNotification\",{\"connectorId\":" + std::to_string(connector) +
                                  ",\"errorCode\":\"NoError\",\"status\":\"" +
                                  (connector == 1 ? "Charging" : "Available") + "\"}]");
            QCOMPARE(reply[0].get<int>(), 3);
        }

        // The broker: retained live state, with the inventory's site and location.
        QTRY_VERIFY_WITH_TIMEOUT(
            console.state("depot", "CP-1") && console.state("depot", "CP-1")->connectors.size() == 2, 5000);
        auto live = *console.state("depot", "CP-1");
        QVERIFY(live.online);
        QCOMPARE(live.vendor, std::string("ACME"));
        QVERIFY(live.location.has_value());
        QCOMPARE(live.location->lat, 53.54);
        QCOMPARE(live.maxPowerKw, 22.0);
        QVERIFY(live.overall() == contract::ChargerStatus::Charging);

        // The database.
        QTRY_VERIFY_WITH_TIMEOUT(count("SELECT count(*) FROM status_history WHERE charger_id = 'CP-1'") == 2,
                                 5000);
        QCOMPARE(count("SELECT count(*) FROM connectors WHERE charger_id = 'CP-1' AND status = 'Charging'"),
                 1LL);
        QCOMPARE(count("SELECT count(*) FROM chargers WHERE id = 'CP-1' AND online AND vendor = 'ACME'"),
                 1LL);

        agent.stop();
        QVERIFY(!charger.read().has_value()); // the agent closed the connection
        QCOMPARE(count("SELECT count(*) FROM chargers WHERE id = 'CP-1' AND NOT online"), 1LL);
        QCOMPARE(count("SELECT count(*) FROM charger_connections WHERE charger_id = 'CP-1' AND event = "
                       "'disconnected'"),
                 1LL);
        QTRY_VERIFY_WITH_TIMEOUT(!console.agentOnline(agentId).value_or(true), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!console.state("depot", "CP-1")->online, 5000);
    }

    void restartRestoresTheLastKnownState() {
        const std::string agentId = "tst-agent-restart-" + std::to_string(QCoreApplication::applicationPid());
        const std::string topic = contract::chargerStateTopic("depot", "CP-1");
        Console console(m_mqtt);
        console.clearRetained(topic); // only the restarted agent can bring it back
        QTest::qWait(200);
        console.forget(topic);
        app::Agent agent(config(agentId));
        agent.start();
        QTRY_VERIFY_WITH_TIMEOUT(console.state("depot", "CP-1").has_value(), 5000);
        const auto restored = *console.state("depot", "CP-1");
        QVERIFY(!restored.online);
        QCOMPARE(restored.vendor, std::string("ACME"));
        QCOMPARE(restored.serialNumber, std::string("SN-1"));
        QCOMPARE(restored.connectors.size(), std::size_t(2));
        QVERIFY(restored.connectors[0].status == contract::ConnectorStatus::Charging);
        QVERIFY(restored.overall() == contract::ChargerStatus::Offline);
        agent.stop();
    }

    void startErrorsAreSentences() {
        app::Agent first(config("tst-agent-first"));
        first.start();
        auto clash = config("tst-agent-clash");
        clash.listenPort = first.port();
        app::Agent second(clash);
        try {
            second.start();
            QFAIL("start() should have thrown");
        } catch (const app::AgentError& e) {
            QVERIFY2(QString(e.what()).contains("cannot listen on 127.0.0.1:" +
                                                QString::number(first.port()) + ": Address already in use"),
                     e.what());
        }
        second.stop();
        first.stop();

        auto badInventory = config("tst-agent-inventory");
        const std::string path = m_dir.filePath("broken.json").toStdString();
        std::ofstream(path)
            << R"({"v":1,"sites":[],"chargers":[{"chargerId":"X","siteId":"nowhere","connectors":1}]})";
        badInventory.inventoryFile = path;
        try {
            app::Agent(badInventory).start();
            QFAIL("start() should have thrown");
        } catch (const app::AgentError& e) {
            QVERIFY2(QString(e.what()).contains("broken.json is invalid"), e.what());
        }
    }

    void executablePrintsItsUrlAndExitsCleanlyOnSigterm() {
        QProcess agent;
        agent.setProgram(qEnvironmentVariable("VOLTDESK_AGENT_BIN"));
        agent.setArguments({"--listen", "127.0.0.1:0", "--postgres", QString::fromStdString(m_postgres),
                            "--mqtt", QString::fromStdString(m_mqtt), "--agent-id", "tst-agent-exe",
                            "--inventory", QString::fromStdString(m_inventoryFile), "--log-format", "json"});
        agent.start();
        QVERIFY(agent.waitForStarted());
        QRegularExpression line(R"(^ocpp: ws://127\.0\.0\.1:(\d+)/ocpp/$)");
        QRegularExpressionMatch match;
        QTRY_VERIFY_WITH_TIMEOUT(agent.canReadLine(), 10000);
        const QString first = QString::fromUtf8(agent.readLine()).trimmed();
        match = line.match(first);
        QVERIFY2(match.hasMatch(), qPrintable(first));
        WsTestClient charger;
        QVERIFY(!charger.connect(static_cast<std::uint16_t>(match.captured(1).toUInt()), "/ocpp/CP-2"));
        const auto reply = call(charger, R"([2,"h","Heartbeat",{}])");
        QCOMPARE(reply[0].get<int>(), 3);

        agent.terminate(); // SIGTERM
        QVERIFY(agent.waitForFinished(15000));
        QCOMPARE(agent.exitStatus(), QProcess::NormalExit);
        QCOMPARE(agent.exitCode(), 0);
        // Every log line is one JSON object.
        const auto logs = agent.readAllStandardError().split('\n');
        int lines = 0;
        for (const auto& l : logs) {
            if (l.trimmed().isEmpty()) {
                continue;
            }
            ++lines;
            QVERIFY2(json::accept(l.toStdString()), l.constData());
        }
        QVERIFY(lines > 3);
        QVERIFY(logs.join('\n').contains("\"msg\":\"agent: stopped\""));
    }

    void executableFailsWithASentenceWhenTheDatabaseIsDown() {
        QProcess agent;
        agent.start(qEnvironmentVariable("VOLTDESK_AGENT_BIN"),
                    {"--listen", "127.0.0.1:0", "--postgres", "postgresql://voltdesk@127.0.0.1:1/none"});
        QVERIFY(agent.waitForFinished(15000));
        QCOMPARE(agent.exitCode(), 1);
        const QString err = QString::fromUtf8(agent.readAllStandardError());
        QVERIFY2(
            err.contains(
                "voltdesk-agent: cannot connect to PostgreSQL at postgresql://voltdesk@127.0.0.1:1/none"),
            qPrintable(err));
        QVERIFY(!err.contains("terminate called"));
        QVERIFY(agent.readAllStandardOutput().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAgent)
#include "tst_agent.moc"
