// GetChargerHistory as the agent answers it: the request's defaults and refusals, the response's shape,
// the worker that keeps the database off every other thread, and its bounds.
#include "app/charger_history_commands.h"

#include <QtTest>
#include <atomic>
#include <future>

using namespace voltdesk;
using namespace std::chrono_literals;

namespace {

constexpr contract::EpochMs kNow = 1'795'686'000'000;

/// The next ChargerCommands: records what passes through.
class Recorder final : public domain::ChargerCommands {
public:
    void send(const std::string& chargerId, const std::string& command, nlohmann::json,
              std::chrono::milliseconds, std::function<void(domain::CommandResult)> done) override {
        sent.push_back(chargerId + " " + command);
        done(domain::CommandResult{});
    }
    std::vector<std::string> sent;
};

std::string refusal(const std::string& chargerId, const nlohmann::json& payload) {
    const auto query = app::historyQueryOf(chargerId, payload, kNow);
    const auto* error = std::get_if<std::string>(&query);
    return error != nullptr ? *error : std::string();
}

} // namespace

class TestHistoryCommands : public QObject {
    Q_OBJECT

private slots:
    void requestDefaults() {
        const auto query = std::get<store::HistoryQuery>(app::historyQueryOf("CP-1", nullptr, kNow));
        QCOMPARE(query.chargerId, std::string("CP-1"));
        QCOMPARE(query.to, kNow);
        QCOMPARE(query.from, kNow - 24LL * 3'600'000);
        QCOMPARE(query.maxSamples, 2000);
        const auto onlyFrom = std::get<store::HistoryQuery>(
            app::historyQueryOf("CP-1", {{"from", contract::toIso8601(kNow - 3'600'000)}}, kNow));
        QCOMPARE(onlyFrom.from, kNow - 3'600'000);
        QCOMPARE(onlyFrom.to, kNow);
        const auto given = std::get<store::HistoryQuery>(app::historyQueryOf(
            "CP-1",
            {{"from", "2026-11-25T00:00:00Z"}, {"to", "2026-11-25T06:00:00+01:00"}, {"maxSamples", 50}},
            kNow));
        QCOMPARE(given.from, contract::EpochMs(1'795'564'800'000));
        QCOMPARE(given.to, contract::EpochMs(1'795'564'800'000 + 5 * 3'600'000));
        QCOMPARE(given.maxSamples, 50);
    }

    void badRequestsAreRefusedWithTheReason() {
        QCOMPARE(refusal("", nullptr), std::string("GetChargerHistory needs a chargerId"));
        QCOMPARE(refusal("CP", nlohmann::json::array()), std::string("the payload must be an object"));
        QCOMPARE(refusal("CP", {{"from", "yesterday"}}), std::string("from must be an ISO 8601 time"));
        QCOMPARE(refusal("CP", {{"to", 5}}), std::string("to must be an ISO 8601 time"));
        QCOMPARE(refusal("CP", {{"maxSamples", 0}}),
                 std::string("maxSamples must be an integer from 1 to 10000"));
        QCOMPARE(refusal("CP", {{"maxSamples", 10'001}}),
                 std::string("maxSamples must be an integer from 1 to 10000"));
        QCOMPARE(refusal("CP", {{"maxSamples", "100"}}),
                 std::string("maxSamples must be an integer from 1 to 10000"));
        QCOMPARE(refusal("CP", {{"from", contract::toIso8601(kNow)}}), std::string("from must be before to"));
        QCOMPARE(refusal("CP", {{"from", contract::toIso8601(kNow - 32LL * 24 * 3'600'000)}}),
                 std::string("the range may span 31 days at most"));
    }

    void responseShape() {
        store::HistoryQuery query{"CP-1", kNow - 1000, kNow, 10};
        store::ChargerHistory history;
        contract::TelemetrySample sample;
        sample.chargerId = "CP-1";
        sample.connectorId = 1;
        sample.at = kNow - 500;
        sample.powerW = 7200;
        sample.energyWh = 1234;
        history.samples = {sample};
        history.statusChanges = {
            store::StatusChangeRecord{1, "Faulted", "GroundFailure", "leak", "E-1", kNow - 900, kNow - 901},
            store::StatusChangeRecord{0, "Offline", "", "", "", kNow - 800, std::nullopt}};
        history.securityEvents = {
            store::SecurityEventRecord{"FailedAuthentication", "wrong key", "warning", kNow - 700}};
        history.maintenance = {store::MaintenanceRecord{"firmware", "Installed", std::nullopt, kNow - 600}};
        history.truncated = true;
        const auto j = app::historyResponse(query, history);
        QCOMPARE(j["from"].get<std::string>(), contract::toIso8601(kNow - 1000));
        QCOMPARE(j["maxSamples"].get<int>(), 10);
        QVERIFY(j["truncated"].get<bool>());
        const auto& s = j["samples"][0];
        QCOMPARE(s["connectorId"].get<int>(), 1);
        QCOMPARE(s["at"].get<std::string>(), contract::toIso8601(kNow - 500));
        QCOMPARE(s["powerW"].get<double>(), 7200.0);
        QCOMPARE(s["energyWh"].get<double>(), 1234.0);
        QVERIFY(!s.contains("currentA"));
        QVERIFY(!s.contains("chargerId")); // the response names the charger once
        const auto& c = j["statusChanges"][0];
        QCOMPARE(c["status"].get<std::string>(), std::string("Faulted"));
        QCOMPARE(c["errorCode"].get<std::string>(), std::string("GroundFailure"));
        QCOMPARE(c["info"].get<std::string>(), std::string("leak"));
        QCOMPARE(c["vendorErrorCode"].get<std::string>(), std::string("E-1"));
        QCOMPARE(c["chargerTime"].get<std::string>(), contract::toIso8601(kNow - 901));
        QVERIFY(!j["statusChanges"][1].contains("chargerTime"));
        QCOMPARE(j["securityEvents"][0]["type"].get<std::string>(), std::string("FailedAuthentication"));
        QCOMPARE(j["securityEvents"][0]["techInfo"].get<std::string>(), std::string("wrong key"));
        QCOMPARE(j["maintenance"][0]["kind"].get<std::string>(), std::string("firmware"));
        QCOMPARE(j["maintenance"][0]["at"].get<std::string>(), contract::toIso8601(kNow - 600));
    }

    void otherCommandsPassThrough() {
        Recorder next;
        app::ChargerHistoryCommands commands(
            next, [](const store::HistoryQuery&) { return store::ChargerHistory{}; });
        bool answered = false;
        commands.send("CP-1", "Reset", {{"type", "Soft"}}, 1s,
                      [&](domain::CommandResult) { answered = true; });
        QVERIFY(answered);
        QCOMPARE(next.sent, std::vector<std::string>{"CP-1 Reset"});
    }

    void answeredOnTheWorkerNeverInsideSend() {
        Recorder next;
        std::promise<void> release;
        auto released = release.get_future().share();
        std::atomic<std::thread::id> loadThread;
        app::ChargerHistoryCommands commands(next, [&](const store::HistoryQuery& q) {
            loadThread = std::this_thread::get_id();
            released.wait();
            store::ChargerHistory h;
            contract::TelemetrySample s;
            s.chargerId = q.chargerId;
            s.connectorId = 2;
            s.at = q.from;
            s.socPercent = 50;
            h.samples.push_back(s);
            return h;
        });
        std::promise<domain::CommandResult> result;
        commands.send("CP-1", "GetChargerHistory", {{"maxSamples", 5}}, 1s,
                      [&](domain::CommandResult r) { result.set_value(std::move(r)); });
        auto answer = result.get_future();
        QVERIFY(answer.wait_for(100ms) == std::future_status::timeout); // the database is slow, send() is not
        release.set_value();
        QVERIFY(answer.wait_for(5s) == std::future_status::ready);
        const auto r = answer.get();
        QVERIFY(r.outcome == contract::CommandOutcome::Completed);
        QCOMPARE(r.response["maxSamples"].get<int>(), 5);
        QCOMPARE(r.response["samples"][0]["socPercent"].get<double>(), 50.0);
        QVERIFY(loadThread.load() != std::this_thread::get_id());
        QVERIFY(next.sent.empty());
    }

    void boundedQueueAndStop() {
        Recorder next;
        std::promise<void> release;
        auto released = release.get_future().share();
        std::atomic<bool> loading{false};
        app::ChargerHistoryCommands commands(
            next,
            [&](const store::HistoryQuery&) {
                loading = true;
                released.wait();
                return store::ChargerHistory{};
            },
            2);
        std::mutex mutex;
        std::vector<std::string> outcomes;
        const auto record = [&](domain::CommandResult r) {
            std::lock_guard lock(mutex);
            outcomes.push_back(std::string(contract::toString(r.outcome)) + " " + r.description);
        };
        commands.send("CP-1", "GetChargerHistory", nullptr, 1s, record);
        QTRY_VERIFY_WITH_TIMEOUT(loading.load(), 5000);
        // One is being read, two wait, the fourth finds the queue full.
        for (int i = 0; i < 3; ++i) {
            commands.send("CP-1", "GetChargerHistory", nullptr, 1s, record);
        }
        std::thread releaser([&] {
            std::this_thread::sleep_for(50ms);
            release.set_value();
        });
        commands.stop(); // finishes the one in progress, refuses what waits
        releaser.join();
        std::lock_guard lock(mutex);
        QCOMPARE(outcomes.size(), std::size_t(4));
        QVERIFY2(outcomes[0].starts_with("Refused too many history requests"), outcomes[0].c_str());
        const auto refusedStopping =
            std::count(outcomes.begin(), outcomes.end(), "Refused the agent is stopping");
        const auto completed = std::count(outcomes.begin(), outcomes.end(), "Completed ");
        QCOMPARE(completed + refusedStopping, 3L);
        QVERIFY(completed >= 1);
        bool late = false;
        commands.send("CP-1", "GetChargerHistory", nullptr, 1s, [&](domain::CommandResult r) {
            late = r.outcome == contract::CommandOutcome::Refused;
        });
        QVERIFY(late);
    }
};

QTEST_GUILESS_MAIN(TestHistoryCommands)
#include "tst_history_commands.moc"
