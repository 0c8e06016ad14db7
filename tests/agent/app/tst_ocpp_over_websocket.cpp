// The agent's charger side end to end over loopback: a real Beast client speaks OCPP-J 1.6 to the
// WebSocket server, the real OCPP adapter and the real CentralSystem. Admission, subprotocols, the
// three core messages, and malformed input that must get its CALLERROR and leave the connection alive.
#include "app/ocpp_connection_handler.h"
#include "domain/central_system.h"
#include "tests/agent/memory_ledger.h"
#include "tests/agent/transport/ws_test_client.h"
#include "transport/ws_server.h"

#include <QtTest>
#include <future>
#include <nlohmann/json.hpp>

using namespace voltdesk;
using voltdesk::testing::WsTestClient;
using json = nlohmann::json;
using namespace std::chrono_literals;

class TestOcppOverWebSocket : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<domain::CentralSystem> m_fleet;
    domain::IdTagRegistry m_idTags;
    testing::MemoryLedger m_ledger;
    std::unique_ptr<domain::TransactionService> m_transactions;
    std::unique_ptr<app::ConnectionRegistry> m_registry;
    std::unique_ptr<transport::WsServer> m_server;

    void connectOk(WsTestClient& client, const std::string& id) {
        const auto ec = client.connect(m_server->port(), "/ocpp/" + id);
        QVERIFY2(!ec, ec.message().c_str());
    }

    /// Sends a frame and returns the parsed reply.
    json call(WsTestClient& client, const std::string& frame) {
        if (client.sendText(frame)) {
            return json();
        }
        const auto reply = client.read();
        return reply ? json::parse(*reply, nullptr, false) : json();
    }

    /// The connection still answers a Heartbeat with its CALLRESULT.
    bool heartbeatAnswered(WsTestClient& client, const std::string& id) {
        const auto reply = call(client, "[2,\"" + id + "\",\"Heartbeat\",{}]");
        return reply.is_array() && reply.size() == 3 && reply[0] == 3 && reply[1] == id &&
               reply[2].contains("currentTime");
    }

private slots:
    void init() {
        contract::Inventory inventory;
        inventory.sites = {contract::SiteInfo{"depot", "Depot", "", "", {52.5, 13.4}}};
        inventory.chargers = {contract::InventoryCharger{"CP-1", "depot", std::nullopt, 22, 2}};
        m_fleet = std::make_unique<domain::CentralSystem>(domain::UnknownChargerPolicy::Reject, 120s);
        m_fleet->loadInventory(inventory);
        transport::WsServerOptions options;
        options.port = 0;
        auto& fleet = *m_fleet;
        m_transactions = std::make_unique<domain::TransactionService>(m_idTags, m_ledger);
        m_registry = std::make_unique<app::ConnectionRegistry>();
        const app::OcppServices services{fleet, *m_transactions, *m_registry, nullptr, nullptr, {}};
        m_server = std::make_unique<transport::WsServer>(
            options,
            [&fleet](const transport::AdmissionRequest& request) {
                return fleet.admits(request.chargerId) ? transport::Admission::Admit
                                                       : transport::Admission::UnknownCharger;
            },
            [services](const std::string& id, std::shared_ptr<transport::WsSender> sender) {
                return std::make_unique<app::OcppConnectionHandler>(id, std::move(sender), services);
            });
        m_server->start();
    }
    void cleanup() {
        m_server.reset();
        m_registry.reset();
        m_transactions.reset();
        m_fleet.reset();
    }

    void commandReachesTheConnectedCharger() {
        std::promise<domain::CommandResult> offline;
        m_registry->send("CP-1", "Reset", {{"type", "Soft"}}, 2s,
                         [&](domain::CommandResult r) { offline.set_value(std::move(r)); });
        QVERIFY(offline.get_future().get().outcome == contract::CommandOutcome::Offline);

        WsTestClient client;
        connectOk(client, "CP-1");
        QTRY_VERIFY(m_registry->isConnected("CP-1"));
        std::promise<domain::CommandResult> answered;
        m_registry->send("CP-1", "Reset", {{"type", "Soft"}}, 5s,
                         [&](domain::CommandResult r) { answered.set_value(std::move(r)); });
        const auto frame = client.read();
        QVERIFY(frame.has_value());
        const json call = json::parse(*frame);
        QCOMPARE(call[0], json(2));
        QCOMPARE(call[2], json("Reset"));
        QCOMPARE(call[3], (json{{"type", "Soft"}}));
        QVERIFY(!client.sendText(json::array({3, call[1], {{"status", "Accepted"}}}).dump()));
        auto future = answered.get_future();
        QVERIFY(future.wait_for(5s) == std::future_status::ready);
        const auto result = future.get();
        QVERIFY(result.outcome == contract::CommandOutcome::Completed);
        QCOMPARE(result.response, (json{{"status", "Accepted"}}));

        // A command left unanswered when the charger goes away ends as Disconnected, exactly once.
        std::promise<domain::CommandResult> dropped;
        m_registry->send("CP-1", "ClearCache", json::object(), 30s,
                         [&](domain::CommandResult r) { dropped.set_value(std::move(r)); });
        QVERIFY(client.read().has_value());
        client.close();
        auto droppedFuture = dropped.get_future();
        QVERIFY(droppedFuture.wait_for(10s) == std::future_status::ready);
        QVERIFY(droppedFuture.get().outcome == contract::CommandOutcome::Disconnected);
        QTRY_VERIFY(!m_registry->isConnected("CP-1"));
    }

    void unknownChargerGets404UnderRejectPolicy() {
        WsTestClient client;
        QVERIFY(client.connect(m_server->port(), "/ocpp/CP-unknown"));
        QCOMPARE(client.response().result_int(), 404u);
        QVERIFY(!m_fleet->charger("CP-unknown"));
    }

    void subprotocolOcpp16OrNone() {
        WsTestClient offered;
        QVERIFY(!offered.connect(m_server->port(), "/ocpp/CP-1", std::string("ocpp1.5, ocpp1.6")));
        QCOMPARE(std::string(offered.response()[boost::beast::http::field::sec_websocket_protocol]),
                 std::string("ocpp1.6"));
        QVERIFY(heartbeatAnswered(offered, "a"));
        offered.close();
        WsTestClient none;
        QVERIFY(!none.connect(m_server->port(), "/ocpp/CP-1", std::nullopt));
        QVERIFY(heartbeatAnswered(none, "b"));
        WsTestClient unsupported;
        QVERIFY(unsupported.connect(m_server->port(), "/ocpp/CP-1", std::string("ocpp2.0.1")));
        QCOMPARE(unsupported.response().result_int(), 400u);
    }

    void bootStatusHeartbeatRoundTrip() {
        WsTestClient client;
        connectOk(client, "CP-1");
        QTRY_VERIFY(m_fleet->charger("CP-1")->online);
        const auto boot = call(client, R"([2,"boot-1","BootNotification",{"chargePointVendor":"ACME",)"
                                       R"("chargePointModel":"Wallbox 22","firmwareVersion":"1.0.3"}])");
        QCOMPARE(boot[0].get<int>(), 3);
        QCOMPARE(boot[1].get<std::string>(), std::string("boot-1"));
        QCOMPARE(boot[2]["status"].get<std::string>(), std::string("Accepted"));
        QCOMPARE(boot[2]["interval"].get<int>(), 120);
        QVERIFY(boot[2]["currentTime"].is_string());

        const auto status =
            call(client, R"([2,"st-1","StatusNotification",{"connectorId":2,"errorCode":"NoError",)"
                         R"("status":"Charging","timestamp":"2026-11-26T08:00:00Z"}])");
        QCOMPARE(status[0].get<int>(), 3);
        QCOMPARE(status[1].get<std::string>(), std::string("st-1"));
        QVERIFY(status[2].is_object() && status[2].empty());
        QVERIFY(heartbeatAnswered(client, "hb-1"));

        const auto state = m_fleet->charger("CP-1");
        QCOMPARE(state->vendor, std::string("ACME"));
        QCOMPARE(state->connectors.size(), std::size_t(1));
        QVERIFY(state->connectors[0].status == contract::ConnectorStatus::Charging);
        QVERIFY(state->overall() == contract::ChargerStatus::Charging);

        client.close();
        QTRY_VERIFY(!m_fleet->charger("CP-1")->online);
    }

    void malformedInputGetsItsCallErrorAndTheConnectionLives_data() {
        QTest::addColumn<QString>("frame");
        QTest::addColumn<QString>("expectedId");
        QTest::addColumn<QString>("expectedCode");
        QTest::newRow("truncated JSON") << R"([2,"t-1","Heartbeat",{)" << "t-1" << "FormationViolation";
        QTest::newRow("not JSON at all") << "hello charger" << "-1" << "FormationViolation";
        QTest::newRow("not an array") << R"({"a":1})" << "-1" << "FormationViolation";
        QTest::newRow("wrong payload type")
            << R"([2,"t-2","BootNotification",{"chargePointVendor":5,"chargePointModel":"M"}])"
            << "t-2" << "TypeConstraintViolation";
        QTest::newRow("missing field") << R"([2,"t-3","BootNotification",{"chargePointModel":"M"}])" << "t-3"
                                       << "OccurenceConstraintViolation";
        QTest::newRow("bad enum")
            << R"([2,"t-4","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Dancing"}])"
            << "t-4" << "PropertyConstraintViolation";
        QTest::newRow("unknown action") << R"([2,"t-5","FlyToTheMoon",{}])" << "t-5" << "NotImplemented";
        QTest::newRow("incomplete frame") << R"([2,"t-6"])" << "t-6" << "ProtocolError";
        QTest::newRow("id not a string") << R"([2,{},"Heartbeat",{}])" << "-1" << "FormationViolation";
        QTest::newRow("huge frame 200 KB")
            << QString(R"([2,"t-7","DataTransfer",{"vendorId":"x","data":"%1"}])")
                   .arg(QString(200 * 1024, QLatin1Char('a')))
            << "t-7" << "FormationViolation";
    }
    void malformedInputGetsItsCallErrorAndTheConnectionLives() {
        QFETCH(QString, frame);
        QFETCH(QString, expectedId);
        QFETCH(QString, expectedCode);
        WsTestClient client;
        connectOk(client, "CP-1");
        const auto reply = call(client, frame.toStdString());
        QVERIFY2(reply.is_array() && reply.size() == 5, reply.dump().c_str());
        QCOMPARE(reply[0].get<int>(), 4);
        QCOMPARE(QString::fromStdString(reply[1].get<std::string>()), expectedId);
        QCOMPARE(QString::fromStdString(reply[2].get<std::string>()), expectedCode);
        QVERIFY(reply[3].is_string());
        QVERIFY(reply[4].is_object());
        QVERIFY(heartbeatAnswered(client, "after"));
    }

    void binaryFrameGetsFormationViolation() {
        WsTestClient client;
        connectOk(client, "CP-1");
        QVERIFY(!client.sendBinary(R"([2,"bin-1","Heartbeat",{}])"));
        const auto reply = client.read();
        QVERIFY(reply);
        const auto parsed = json::parse(*reply);
        QCOMPARE(parsed[0].get<int>(), 4);
        QCOMPARE(parsed[1].get<std::string>(), std::string("bin-1"));
        QCOMPARE(parsed[2].get<std::string>(), std::string("FormationViolation"));
        QVERIFY(!client.sendBinary(std::string("\x00\xFF\x10", 3)));
        const auto second = json::parse(client.read().value_or("null"));
        QCOMPARE(second[2].get<std::string>(), std::string("FormationViolation"));
        QVERIFY(heartbeatAnswered(client, "after-binary"));
    }

    void beyondTheTransportLimitClosesWith1009() {
        WsTestClient client;
        connectOk(client, "CP-1");
        QVERIFY(!client.sendText(std::string(1024 * 1024 + 1, 'x')));
        QVERIFY(!client.read());
        QCOMPARE(client.closeCode(), 1009);
        QTRY_VERIFY(!m_fleet->charger("CP-1")->online);
    }
};

QTEST_GUILESS_MAIN(TestOcppOverWebSocket)
#include "tst_ocpp_over_websocket.moc"
