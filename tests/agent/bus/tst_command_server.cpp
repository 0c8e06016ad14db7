// The command server against a real Mosquitto: an MQTT 5 console client sends commands with a response
// topic and correlation data and gets exactly one answer each; roles are enforced; bad requests are
// refused or dropped as the contract says; the audit observer sees every command and its end.
#include "bus/command_server.h"
#include "tests/support/test_services.h"

#include <QtTest>
#include <mqtt/async_client.h>
#include <mutex>

using namespace voltdesk;
using namespace std::chrono_literals;

namespace {

/// Answers as the test says, recording what it was asked.
class ScriptedCommands final : public domain::ChargerCommands {
public:
    void send(const std::string& chargerId, const std::string& command, nlohmann::json payload,
              std::chrono::milliseconds timeout, std::function<void(domain::CommandResult)> done) override {
        {
            std::lock_guard lock(mutex);
            asked.push_back({chargerId, command, payload, timeout});
        }
        if (chargerId == "CP-THROWS") {
            throw std::runtime_error("no such connection table");
        }
        if (chargerId == "CP-OFFLINE") {
            done({contract::CommandOutcome::Offline, nlohmann::json::object(), {}, "not connected"});
            return;
        }
        // From another thread, as the charger's strand would.
        std::thread([done] {
            done({contract::CommandOutcome::Completed, {{"status", "Accepted"}}, {}, {}});
        }).detach();
    }
    struct Asked {
        std::string chargerId, command;
        nlohmann::json payload;
        std::chrono::milliseconds timeout;
    };
    std::mutex mutex;
    std::vector<Asked> asked;
};

class RecordingObserver final : public bus::CommandObserver {
public:
    void commandReceived(const contract::CommandRequest& r, const std::string& command,
                         contract::EpochMs) override {
        std::lock_guard lock(mutex);
        received.push_back(command + ":" + r.requestId + ":" + r.requestedBy.user);
    }
    void commandCompleted(const contract::CommandRequest& r,
                          const contract::CommandResponse& response) override {
        std::lock_guard lock(mutex);
        completed.push_back(r.requestId + ":" + std::string(contract::toString(response.outcome)));
    }
    std::mutex mutex;
    std::vector<std::string> received, completed;
};

/// A console: MQTT 5, its own response topic, collects responses with their correlation data.
class Console {
public:
    explicit Console(const std::string& uri, std::string user = "alice")
        : m_user(std::move(user)), m_client(mqtt::create_options_builder()
                                                .server_uri(uri)
                                                .client_id("tst-console-" + m_user)
                                                .mqtt_version(MQTTVERSION_5)
                                                .finalize()) {
        m_client.set_message_callback([this](mqtt::const_message_ptr m) {
            std::string correlation;
            if (m->get_properties().contains(mqtt::property::CORRELATION_DATA)) {
                correlation = mqtt::get<std::string>(m->get_properties(), mqtt::property::CORRELATION_DATA);
            }
            std::lock_guard lock(m_mutex);
            responses.emplace_back(correlation, m->to_string());
        });
        m_client
            .connect(mqtt::connect_options_builder().mqtt_version(MQTTVERSION_5).clean_start(true).finalize())
            ->wait();
        m_client.subscribe(contract::responseTopic(m_user, "tst-console"), 1)->wait();
    }
    ~Console() { m_client.disconnect()->wait(); }

    /// Sent on the topic the contract gives command with body's payload, under this console's user.
    void send(const std::string& command, const std::string& body, const std::string& correlation,
              bool withResponseTopic = true) {
        const auto j = nlohmann::json::parse(body);
        const auto payload = j.contains("payload") ? j["payload"] : nlohmann::json::object();
        sendOn(contract::commandTopic("agent-t", m_user, command, payload), body, correlation,
               withResponseTopic ? contract::responseTopic(m_user, "tst-console") : "");
    }
    void sendOn(const std::string& topic, const std::string& body, const std::string& correlation,
                const std::string& responseTopic) {
        mqtt::properties props;
        if (!responseTopic.empty()) {
            props.add(mqtt::property(mqtt::property::RESPONSE_TOPIC, responseTopic));
        }
        props.add(mqtt::property(mqtt::property::CORRELATION_DATA, correlation));
        m_client
            .publish(
                mqtt::message_ptr_builder().topic(topic).payload(body).qos(1).properties(props).finalize())
            ->wait();
    }
    std::size_t count() {
        std::lock_guard lock(m_mutex);
        return responses.size();
    }
    std::optional<std::pair<std::string, contract::CommandResponse>> byCorrelation(const std::string& c) {
        std::lock_guard lock(m_mutex);
        for (const auto& [corr, body] : responses) {
            if (corr == c) {
                auto decoded = contract::decodeCommandResponse(body);
                if (decoded) {
                    return std::make_pair(corr, decoded.value());
                }
            }
        }
        return std::nullopt;
    }

    std::vector<std::pair<std::string, std::string>> responses;

private:
    std::string m_user;
    mqtt::async_client m_client;
    std::mutex m_mutex;
};

std::string request(const std::string& id, const std::string& charger, const std::string& role,
                    nlohmann::json payload = nlohmann::json::object(), const std::string& user = "alice") {
    contract::CommandRequest r;
    r.requestId = id;
    r.chargerId = charger;
    r.requestedBy = {user, role};
    r.payload = std::move(payload);
    r.timeoutMs = 4000;
    return contract::encodeCommandRequest(r);
}

} // namespace

class TstCommandServer : public QObject {
    Q_OBJECT

private slots:
    void requestResponse() {
        const auto services = testing::testServices();
        if (services.mqtt.isEmpty()) {
            QFAIL("the services fixture did not run");
        }
        ScriptedCommands commands;
        RecordingObserver observer;
        bus::BusOptions options;
        options.serverUri = services.mqtt.toStdString();
        options.agentId = "agent-t";
        bus::CommandServer server(options, commands, &observer);
        server.start();
        QTRY_VERIFY_WITH_TIMEOUT(server.isSubscribed(), 10000);

        Console console(options.serverUri);
        console.send("Reset", request("r1", "CP-1", "operator", {{"type", "Soft"}}), "corr-1");
        console.send("Reset", request("r2", "CP-1", "operator", {{"type", "Hard"}}), "corr-2");
        console.send("Reset", request("r3", "CP-1", "supervisor", {{"type", "Hard"}}), "corr-3");
        console.send("ClearCache", request("r4", "CP-1", "viewer"), "corr-4");
        console.send("ClearCache", request("r5", "CP-OFFLINE", "operator"), "corr-5");
        console.send("ClearCache", request("r6", "CP-1", "janitor"), "corr-6");
        console.send("ClearCache", R"({"requestId":"r7","chargerId":"CP-1"})", "corr-7"); // no operator
        console.send("ClearCache", request("r8", "CP-1", "operator"), "corr-8", false);   // nowhere to answer
        console.send("ClearCache", request("r9", "CP-THROWS", "operator"), "corr-9");
        // A payload member of an unexpected type must not break the role check.
        console.send("Reset", request("r10", "CP-1", "operator", {{"type", nlohmann::json::array({"Hard"})}}),
                     "corr-10");
        // A hard reset on the soft reset's topic, which a broker lets operators publish.
        const std::string ownResponses = contract::responseTopic("alice", "tst-console");
        console.sendOn(contract::commandTopic("agent-t", "alice", "Reset", {{"type", "Soft"}}),
                       request("r11", "CP-1", "supervisor", {{"type", "Hard"}}), "corr-11", ownResponses);
        // A request in another user's name than the topic's.
        console.sendOn(contract::commandTopic("agent-t", "alice", "ClearCache", {}),
                       request("r12", "CP-1", "operator", {}, "mallory"), "corr-12", ownResponses);
        // An answer wanted where another user reads: never published there.
        console.send("ClearCache", request("r13", "CP-1", "operator"), "corr-13", false);
        console.sendOn(contract::commandTopic("agent-t", "alice", "ClearCache", {}),
                       request("r14", "CP-1", "operator"), "corr-14", contract::responseTopic("bob", "c"));

        QTRY_COMPARE_WITH_TIMEOUT(console.count(), std::size_t(10), 10000);
        const auto r1 = console.byCorrelation("corr-1");
        QVERIFY(r1);
        QVERIFY(r1->second.outcome == contract::CommandOutcome::Completed);
        QCOMPARE(r1->second.requestId, std::string("r1"));
        QCOMPARE(r1->second.command, std::string("Reset"));
        QCOMPARE(r1->second.response, (nlohmann::json{{"status", "Accepted"}}));

        const auto r2 = console.byCorrelation("corr-2");
        QVERIFY(r2);
        QVERIFY(r2->second.outcome == contract::CommandOutcome::Refused);
        QVERIFY2(r2->second.description.find("supervisor") != std::string::npos,
                 r2->second.description.c_str());
        QVERIFY(console.byCorrelation("corr-3")->second.outcome == contract::CommandOutcome::Completed);
        QVERIFY(console.byCorrelation("corr-4")->second.outcome == contract::CommandOutcome::Refused);
        QVERIFY(console.byCorrelation("corr-5")->second.outcome == contract::CommandOutcome::Offline);
        QVERIFY(console.byCorrelation("corr-6")->second.outcome == contract::CommandOutcome::Refused);
        QVERIFY(!console.byCorrelation("corr-7"));
        QVERIFY(!console.byCorrelation("corr-8"));
        const auto r9 = console.byCorrelation("corr-9");
        QVERIFY(r9 && r9->second.outcome == contract::CommandOutcome::Refused);
        QVERIFY2(r9->second.description.find("no such connection table") != std::string::npos,
                 r9->second.description.c_str());
        QVERIFY(console.byCorrelation("corr-10"));
        const auto r11 = console.byCorrelation("corr-11");
        QVERIFY(r11 && r11->second.outcome == contract::CommandOutcome::Refused);
        QVERIFY2(r11->second.description.find("Reset.Hard") != std::string::npos,
                 r11->second.description.c_str());
        const auto r12 = console.byCorrelation("corr-12");
        QVERIFY(r12 && r12->second.outcome == contract::CommandOutcome::Refused);
        QVERIFY2(r12->second.description.find("mallory") != std::string::npos,
                 r12->second.description.c_str());

        {
            std::lock_guard lock(commands.mutex);
            // Only permitted commands reached the chargers: r1, r3, r5, r9, r10.
            QCOMPARE(commands.asked.size(), std::size_t(5));
            QCOMPARE(commands.asked[0].timeout, std::chrono::milliseconds(4000));
        }
        {
            std::lock_guard lock(observer.mutex);
            QCOMPARE(observer.received.size(), std::size_t(10));
            QCOMPARE(observer.completed.size(), std::size_t(10));
        }
        QTRY_COMPARE_WITH_TIMEOUT(server.stats().unanswerable, std::uint64_t(4), 5000);
        QCOMPARE(server.stats().refused, std::uint64_t(5));
        server.stop();
    }

    // With a users file the role comes from it, never from the request; every user's profile is
    // published, retained.
    void consoleUsers() {
        const auto services = testing::testServices();
        if (services.mqtt.isEmpty()) {
            QFAIL("the services fixture did not run");
        }
        ScriptedCommands commands;
        RecordingObserver observer;
        bus::BusOptions options;
        options.serverUri = services.mqtt.toStdString();
        options.agentId = "agent-t";
        options.clientId = "agent-users";
        auto users = bus::ConsoleUsers::parse(
            R"({"v":1,"users":[{"name":"olga","role":"operator","displayName":"Olga"},{"name":"vic","role":"viewer"}]})");
        bus::CommandServer server(options, commands, &observer, users);
        server.start();
        QTRY_VERIFY_WITH_TIMEOUT(server.isSubscribed(), 10000);

        Console olga(options.serverUri, "olga");
        Console vic(options.serverUri, "vic");
        Console eve(options.serverUri, "eve");
        olga.send("Reset", request("u1", "CP-1", "operator", {{"type", "Soft"}}, "olga"), "corr-u1");
        olga.send("Reset", request("u2", "CP-1", "supervisor", {{"type", "Hard"}}, "olga"), "corr-u2");
        vic.send("Reset", request("u3", "CP-1", "operator", {{"type", "Soft"}}, "vic"), "corr-u3");
        vic.send("GetChargerHistory", request("u4", "CP-1", "viewer", {}, "vic"), "corr-u4");
        eve.send("ClearCache", request("u5", "CP-1", "supervisor", {}, "eve"), "corr-u5");
        QTRY_COMPARE_WITH_TIMEOUT(olga.count() + vic.count() + eve.count(), std::size_t(5), 10000);
        QVERIFY(olga.byCorrelation("corr-u1")->second.outcome == contract::CommandOutcome::Completed);
        const auto u2 = olga.byCorrelation("corr-u2");
        QVERIFY(u2->second.outcome == contract::CommandOutcome::Refused);
        QVERIFY2(u2->second.description.find("has the operator role") != std::string::npos,
                 u2->second.description.c_str());
        QVERIFY(vic.byCorrelation("corr-u3")->second.outcome == contract::CommandOutcome::Refused);
        QVERIFY(vic.byCorrelation("corr-u4")->second.outcome == contract::CommandOutcome::Completed);
        const auto u5 = eve.byCorrelation("corr-u5");
        QVERIFY(u5->second.outcome == contract::CommandOutcome::Refused);
        QVERIFY2(u5->second.description.find("not a console user") != std::string::npos,
                 u5->second.description.c_str());

        // Retained profiles, read by a late subscriber.
        mqtt::async_client reader(options.serverUri, "tst-profile-reader");
        std::mutex mutex;
        std::map<std::string, contract::UserProfile> profiles;
        reader.set_message_callback([&](mqtt::const_message_ptr m) {
            auto decoded = contract::decodeUserProfile(m->to_string());
            if (decoded) {
                std::lock_guard lock(mutex);
                profiles[m->get_topic()] = decoded.value();
            }
        });
        reader.connect()->wait();
        reader.subscribe("voltdesk/v1/users/+/profile", 1)->wait();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                std::lock_guard lock(mutex);
                return profiles.size() >= 2;
            }(),
            10000);
        {
            std::lock_guard lock(mutex);
            const auto& p = profiles.at(contract::userProfileTopic("olga"));
            QVERIFY(p.role == contract::Role::Operator);
            QCOMPARE(p.displayName, std::string("Olga"));
            QVERIFY(profiles.at(contract::userProfileTopic("vic")).role == contract::Role::Viewer);
        }
        // Leave no retained profiles behind for other tests.
        for (const auto* user : {"olga", "vic"}) {
            reader.publish(contract::userProfileTopic(user), "", 0, 1, true)->wait();
        }
        reader.disconnect()->wait();
        server.stop();
    }
};

QTEST_GUILESS_MAIN(TstCommandServer)
#include "tst_command_server.moc"
