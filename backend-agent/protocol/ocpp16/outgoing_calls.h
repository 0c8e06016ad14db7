// The central system's CALLs to one charger: OCPP-J allows one outstanding CALL per direction, so
// further CALLs wait in order, each with its own timeout. Sans-I/O: the connection feeds it frames
// and timer expiries and sends what it returns.
#pragma once

#include "protocol/ocpp16-wire/rpc_frame.h"
#include "protocol/ocpp16/call_outcome.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace voltdesk::ocpp16 {

class OutgoingCalls {
public:
    struct Options {
        std::chrono::milliseconds defaultTimeout{30'000};
        std::size_t maxQueued = 64;
    };

    /// What to do after a step: a frame to send now and a timer to arm for it, and callbacks to run
    /// (after the caller's own state is consistent: a callback may enqueue the next CALL).
    struct Step {
        std::optional<std::string> frame;
        std::optional<std::pair<std::uint64_t, std::chrono::milliseconds>> armTimer; ///< (token, delay)
        std::vector<std::pair<CallCallback, CallOutcome>> completed;
    };

    explicit OutgoingCalls(Options options) : m_options(options) {}

    /// Queues a CALL; sends it at once when none is outstanding.
    Step enqueue(std::string action, nlohmann::json payload, CallCallback done,
                 std::optional<std::chrono::milliseconds> timeout = std::nullopt);
    /// A CALLRESULT or CALLERROR from the charger. One that matches no outstanding CALL is ignored
    /// (late answers after a timeout are common) and reported through matched = false.
    Step onResult(const CallResult& result, bool* matched = nullptr);
    Step onError(const CallError& error, bool* matched = nullptr);
    /// The timer armed with token fired; stale tokens (the call was answered meanwhile) do nothing.
    Step onTimer(std::uint64_t token);
    /// The connection ended: every outstanding and queued CALL completes with Closed.
    Step onClosed(std::string_view reason);

    bool busy() const { return m_inFlight.has_value(); }
    std::size_t queued() const { return m_queue.size(); }

private:
    struct Pending {
        std::string action;
        nlohmann::json payload;
        CallCallback done;
        std::chrono::milliseconds timeout{0};
        std::string messageId;
        std::uint64_t token = 0;
    };

    Step complete(CallOutcome outcome);
    void sendNext(Step& step);

    Options m_options;
    std::deque<Pending> m_queue;
    std::optional<Pending> m_inFlight;
    std::uint64_t m_nextToken = 1;
};

} // namespace voltdesk::ocpp16
