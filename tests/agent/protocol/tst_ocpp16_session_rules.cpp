// Session rules of one OCPP-J connection: our CALLs one at a time with queueing and timeouts, the
// charger's CALLs served while ours is outstanding, answers given later from another thread, and the
// per-charger rate limit with its security event.
#include "fake_charge_point_services.h"
#include "protocol/ocpp16-wire/rpc_frame.h"
#include "protocol/ocpp16/ocpp16_connection.h"

#include <QtTest>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

using namespace voltdesk;
using namespace voltdesk::ocpp16;
using Json = nlohmann::json;

namespace {

/// A block that defers every DataTransfer and answers it when the test says so.
class DeferringBlock final : public FunctionalBlock {
public:
    bool handles(std::string_view action) const override { return action == "DataTransfer"; }
    CallReply handle(const IncomingCall& incoming) override {
        pending.push_back(incoming.defer());
        return Deferred{};
    }
    std::vector<DeferredReply> pending;
};

struct Harness {
    testing::FakeChargePointServices services;
    std::mutex mutex;
    std::vector<std::string> sent;
    std::vector<std::pair<std::chrono::milliseconds, std::function<void()>>> timers;
    std::vector<std::pair<std::string, std::string>> securityEvents;
    contract::EpochMs now = 1'000'000;
    std::unique_ptr<Ocpp16Connection> connection;

    explicit Harness(ConnectionLimits limits = {}) {
        connection = std::make_unique<Ocpp16Connection>(
            "CP-1", services,
            [this](std::string frame) {
                std::lock_guard lock(mutex);
                sent.push_back(std::move(frame));
            },
            limits, [this] { return now; });
        connection->setSchedule([this](std::chrono::milliseconds delay, std::function<void()> fn) {
            timers.emplace_back(delay, std::move(fn));
        });
        connection->setSecurityLog([this](std::string_view type, std::string_view detail) {
            securityEvents.emplace_back(std::string(type), std::string(detail));
        });
        connection->onOpen("test");
    }

    std::string last() {
        std::lock_guard lock(mutex);
        return sent.empty() ? std::string() : sent.back();
    }
    std::size_t count() {
        std::lock_guard lock(mutex);
        return sent.size();
    }
};

Call callOf(const std::string& frame) {
    const ParsedFrame parsed = parseFrame(frame);
    const auto* call = std::get_if<Call>(&parsed);
    return call != nullptr ? *call : Call{"<not a CALL>", "", Json::object()};
}

} // namespace

class TstOcpp16SessionRules : public QObject {
    Q_OBJECT

private slots:
    void oneOutstandingCallOthersQueuedInOrder() {
        Harness h;
        std::vector<CallOutcome> outcomes;
        auto record = [&](CallOutcome o) { outcomes.push_back(std::move(o)); };
        h.connection->sendCall("Reset", {{"type", "Soft"}}, record);
        h.connection->sendCall("ClearCache", Json::object(), record);
        QCOMPARE(h.count(), std::size_t(1)); // the second waits
        const Call first = callOf(h.last());
        QCOMPARE(first.action, std::string("Reset"));
        QCOMPARE(first.payload, (Json{{"type", "Soft"}}));

        h.connection->onText(serialize(CallResult{first.messageId, {{"status", "Accepted"}}}));
        QCOMPARE(outcomes.size(), std::size_t(1));
        QVERIFY(outcomes[0].kind == CallOutcome::Kind::Result);
        QCOMPARE(outcomes[0].payload, (Json{{"status", "Accepted"}}));
        QCOMPARE(h.count(), std::size_t(2)); // now the second went out
        const Call second = callOf(h.last());
        QCOMPARE(second.action, std::string("ClearCache"));
        QVERIFY(second.messageId != first.messageId);

        h.connection->onText(serialize(makeCallError(second.messageId, ErrorCode::NotSupported, "no cache")));
        QCOMPARE(outcomes.size(), std::size_t(2));
        QVERIFY(outcomes[1].kind == CallOutcome::Kind::Error);
        QVERIFY(outcomes[1].errorCode == ErrorCode::NotSupported);
        QCOMPARE(outcomes[1].description, std::string("no cache"));
    }

    void chargerCallServedWhileOursIsOutstanding() {
        Harness h;
        bool done = false;
        h.connection->sendCall("Reset", {{"type", "Hard"}}, [&](const CallOutcome&) { done = true; });
        const Call ours = callOf(h.last());
        h.connection->onText(R"([2,"hb-1","Heartbeat",{}])");
        const ParsedFrame reply = parseFrame(h.last());
        QVERIFY(std::holds_alternative<CallResult>(reply));
        QCOMPARE(std::get<CallResult>(reply).messageId, std::string("hb-1"));
        QVERIFY(!done);
        h.connection->onText(serialize(CallResult{ours.messageId, {{"status", "Accepted"}}}));
        QVERIFY(done);
    }

    void timeoutCompletesAndSendsNext() {
        ConnectionLimits limits;
        limits.callTimeout = std::chrono::milliseconds(5000);
        Harness h(limits);
        std::vector<CallOutcome> outcomes;
        h.connection->sendCall("Reset", {{"type", "Soft"}}, [&](CallOutcome o) { outcomes.push_back(o); });
        h.connection->sendCall(
            "ClearCache", Json::object(), [&](CallOutcome o) { outcomes.push_back(o); },
            std::chrono::milliseconds(100));
        const Call first = callOf(h.last());
        QCOMPARE(h.timers.size(), std::size_t(1));
        QCOMPARE(h.timers[0].first, std::chrono::milliseconds(5000));
        h.timers[0].second(); // fires
        QCOMPARE(outcomes.size(), std::size_t(1));
        QVERIFY(outcomes[0].kind == CallOutcome::Kind::Timeout);
        QCOMPARE(callOf(h.last()).action, std::string("ClearCache"));
        QCOMPARE(h.timers.size(), std::size_t(2));
        QCOMPARE(h.timers[1].first, std::chrono::milliseconds(100));

        // A late answer to the timed-out call is ignored and does not complete the current one.
        h.connection->onText(serialize(CallResult{first.messageId, {{"status", "Accepted"}}}));
        QCOMPARE(outcomes.size(), std::size_t(1));
        // A stale timer does nothing either.
        h.timers[0].second();
        QCOMPARE(outcomes.size(), std::size_t(1));
    }

    void invalidConfirmationIsReportedNotTrusted() {
        Harness h;
        std::optional<CallOutcome> outcome;
        h.connection->sendCall("Reset", {{"type", "Soft"}}, [&](CallOutcome o) { outcome = o; });
        h.connection->onText(serialize(CallResult{callOf(h.last()).messageId, {{"status", "Maybe"}}}));
        QVERIFY(outcome.has_value());
        QVERIFY(outcome->kind == CallOutcome::Kind::InvalidResponse);
        QVERIFY(outcome->errorCode == ErrorCode::PropertyConstraintViolation);
        QCOMPARE(outcome->payload, (Json{{"status", "Maybe"}}));
    }

    void refusedWithoutSending() {
        Harness h;
        std::vector<CallOutcome> outcomes;
        h.connection->sendCall("Heartbeat", Json::object(), [&](CallOutcome o) { outcomes.push_back(o); });
        h.connection->sendCall("NoSuchAction", Json::object(), [&](CallOutcome o) { outcomes.push_back(o); });
        QCOMPARE(outcomes.size(), std::size_t(2));
        QVERIFY(outcomes[0].kind == CallOutcome::Kind::Refused); // charger-initiated action
        QVERIFY(outcomes[1].kind == CallOutcome::Kind::Refused);
        QCOMPARE(h.count(), std::size_t(0));

        ConnectionLimits limits;
        limits.maxQueuedCalls = 2;
        Harness small(limits);
        std::vector<CallOutcome> queued;
        for (int i = 0; i < 4; ++i) {
            small.connection->sendCall("ClearCache", Json::object(),
                                       [&](CallOutcome o) { queued.push_back(o); });
        }
        // One in flight, two queued, the fourth refused.
        QCOMPARE(queued.size(), std::size_t(1));
        QVERIFY(queued[0].kind == CallOutcome::Kind::Refused);
    }

    void closeCompletesEverything() {
        Harness h;
        std::vector<CallOutcome> outcomes;
        for (int i = 0; i < 3; ++i) {
            h.connection->sendCall("ClearCache", Json::object(),
                                   [&](CallOutcome o) { outcomes.push_back(o); });
        }
        h.connection->onClose("network down");
        QCOMPARE(outcomes.size(), std::size_t(3));
        for (const auto& o : outcomes) {
            QVERIFY(o.kind == CallOutcome::Kind::Closed);
        }
        h.connection->sendCall("ClearCache", Json::object(), [&](CallOutcome o) { outcomes.push_back(o); });
        QCOMPARE(outcomes.size(), std::size_t(4));
        QVERIFY(outcomes[3].kind == CallOutcome::Kind::Closed);
    }

    void timerAfterDestructionIsHarmless() {
        std::function<void()> timer;
        {
            Harness h;
            h.connection->sendCall("ClearCache", Json::object(), [](const CallOutcome&) {});
            timer = h.timers.at(0).second;
        }
        timer(); // must not touch the destroyed connection (ASan would tell)
    }

    void deferredReplyFromAnotherThread() {
        Harness h;
        auto block = std::make_unique<DeferringBlock>();
        DeferringBlock* blockPtr = block.get();
        h.connection->addBlock(std::move(block));
        h.connection->onText(R"([2,"dt-1","DataTransfer",{"vendorId":"X"}])");
        QCOMPARE(h.count(), std::size_t(0)); // not answered yet
        QCOMPARE(blockPtr->pending.size(), std::size_t(1));
        std::thread other([reply = blockPtr->pending[0]] { reply.result({{"status", "Accepted"}}); });
        other.join();
        const ParsedFrame reply = parseFrame(h.last());
        QVERIFY(std::holds_alternative<CallResult>(reply));
        QCOMPARE(std::get<CallResult>(reply).messageId, std::string("dt-1"));
        QCOMPARE(std::get<CallResult>(reply).payload, (Json{{"status", "Accepted"}}));

        h.connection->onText(R"([2,"dt-2","DataTransfer",{"vendorId":"X"}])");
        blockPtr->pending[1].error(PayloadError{ErrorCode::InternalError, "not stored"});
        const ParsedFrame error = parseFrame(h.last());
        QVERIFY(std::holds_alternative<CallError>(error));
        QCOMPARE(std::get<CallError>(error).messageId, std::string("dt-2"));
    }

    void rateLimitAnswersErrorAndReportsOnce() {
        ConnectionLimits limits;
        limits.callsPerSecond = 10;
        limits.callBurst = 5;
        Harness h(limits);
        int errors = 0;
        for (int i = 0; i < 20; ++i) {
            h.connection->onText("[2,\"h" + std::to_string(i) + "\",\"Heartbeat\",{}]");
            if (std::holds_alternative<CallError>(parseFrame(h.last()))) {
                ++errors;
            }
        }
        QCOMPARE(errors, 15); // the burst of 5 passes at one instant
        QCOMPARE(h.securityEvents.size(), std::size_t(1));
        QCOMPARE(h.securityEvents[0].first, std::string("RateLimitExceeded"));
        h.now += 1000; // ten tokens later
        h.connection->onText(R"([2,"later","Heartbeat",{}])");
        QVERIFY(std::holds_alternative<CallResult>(parseFrame(h.last())));
    }

    void oversizedFrameIsASecurityEvent() {
        ConnectionLimits limits;
        limits.maxFrameBytes = 64;
        Harness h(limits);
        h.connection->onText("[2,\"big\",\"DataTransfer\",{\"vendorId\":\"" + std::string(100, 'x') + "\"}]");
        QVERIFY(std::holds_alternative<CallError>(parseFrame(h.last())));
        QCOMPARE(h.securityEvents.size(), std::size_t(1));
        QCOMPARE(h.securityEvents[0].first, std::string("OversizedFrame"));
    }
};

QTEST_APPLESS_MAIN(TstOcpp16SessionRules)
#include "tst_ocpp16_session_rules.moc"
