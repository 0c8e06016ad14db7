#include "protocol/ocpp16/outgoing_calls.h"

#include "protocol/ocpp16-wire/action_registry.h"

#include <atomic>
#include <utility>

namespace voltdesk::ocpp16 {

namespace {

/// Unique across every connection of the process, so a late answer on a new connection can never
/// be taken for the answer to a newer CALL.
std::string nextMessageId() {
    static std::atomic<std::uint64_t> counter{0};
    return "vd-" + std::to_string(counter.fetch_add(1, std::memory_order_relaxed) + 1);
}

} // namespace

std::string_view toString(CallOutcome::Kind kind) {
    switch (kind) {
    case CallOutcome::Kind::Result:
        return "Result";
    case CallOutcome::Kind::Error:
        return "Error";
    case CallOutcome::Kind::InvalidResponse:
        return "InvalidResponse";
    case CallOutcome::Kind::Timeout:
        return "Timeout";
    case CallOutcome::Kind::Closed:
        return "Closed";
    case CallOutcome::Kind::Refused:
        return "Refused";
    }
    return "Refused";
}

OutgoingCalls::Step OutgoingCalls::enqueue(std::string action, nlohmann::json payload, CallCallback done,
                                           std::optional<std::chrono::milliseconds> timeout) {
    Step step;
    const ActionSpec* spec = findAction(action);
    if (spec == nullptr || spec->initiator == Initiator::ChargePoint) {
        step.completed.emplace_back(std::move(done),
                                    CallOutcome{CallOutcome::Kind::Refused,
                                                {},
                                                ErrorCode::NotImplemented,
                                                "'" + action + "' is not a central system CALL of OCPP 1.6",
                                                {}});
        return step;
    }
    if (spec->checkRequest != nullptr) {
        if (auto error = spec->checkRequest(payload)) {
            step.completed.emplace_back(
                std::move(done), CallOutcome{CallOutcome::Kind::Refused,
                                             {},
                                             error->code,
                                             "the " + action + " request is invalid: " + error->description,
                                             {}});
            return step;
        }
    }
    if (m_queue.size() >= m_options.maxQueued) {
        step.completed.emplace_back(std::move(done),
                                    CallOutcome{CallOutcome::Kind::Refused,
                                                {},
                                                ErrorCode::GenericError,
                                                "too many commands are waiting for this charger",
                                                {}});
        return step;
    }
    m_queue.push_back(Pending{std::move(action),
                              std::move(payload),
                              std::move(done),
                              timeout.value_or(m_options.defaultTimeout),
                              {},
                              0});
    if (!m_inFlight) {
        sendNext(step);
    }
    return step;
}

void OutgoingCalls::sendNext(Step& step) {
    if (m_inFlight || m_queue.empty()) {
        return;
    }
    m_inFlight = std::move(m_queue.front());
    m_queue.pop_front();
    m_inFlight->messageId = nextMessageId();
    m_inFlight->token = m_nextToken++;
    step.frame = serialize(Call{m_inFlight->messageId, m_inFlight->action, m_inFlight->payload});
    step.armTimer = std::make_pair(m_inFlight->token, m_inFlight->timeout);
}

OutgoingCalls::Step OutgoingCalls::complete(CallOutcome outcome) {
    Step step;
    if (!m_inFlight) {
        return step; // callers check first; kept safe for future callers
    }
    outcome.messageId = m_inFlight->messageId;
    step.completed.emplace_back(std::move(m_inFlight->done), std::move(outcome));
    m_inFlight.reset();
    sendNext(step);
    return step;
}

OutgoingCalls::Step OutgoingCalls::onResult(const CallResult& result, bool* matched) {
    const bool match = m_inFlight && m_inFlight->messageId == result.messageId;
    if (matched != nullptr) {
        *matched = match;
    }
    if (!match) {
        return {};
    }
    CallOutcome outcome;
    outcome.payload = result.payload;
    const ActionSpec* spec = findAction(m_inFlight->action);
    if (spec != nullptr && spec->checkConfirmation != nullptr) {
        if (auto error = spec->checkConfirmation(result.payload)) {
            outcome.kind = CallOutcome::Kind::InvalidResponse;
            outcome.errorCode = error->code;
            outcome.description = error->description;
        }
    }
    return complete(std::move(outcome));
}

OutgoingCalls::Step OutgoingCalls::onError(const CallError& error, bool* matched) {
    const bool match = m_inFlight && m_inFlight->messageId == error.messageId;
    if (matched != nullptr) {
        *matched = match;
    }
    if (!match) {
        return {};
    }
    CallOutcome outcome;
    outcome.kind = CallOutcome::Kind::Error;
    outcome.errorCode = error.code;
    outcome.description = error.description;
    outcome.payload = error.details;
    return complete(std::move(outcome));
}

OutgoingCalls::Step OutgoingCalls::onTimer(std::uint64_t token) {
    if (!m_inFlight || m_inFlight->token != token) {
        return {};
    }
    CallOutcome outcome;
    outcome.kind = CallOutcome::Kind::Timeout;
    outcome.description =
        "no answer from the charger within " + std::to_string(m_inFlight->timeout.count()) + " ms";
    return complete(std::move(outcome));
}

OutgoingCalls::Step OutgoingCalls::onClosed(std::string_view reason) {
    Step step;
    const std::string why = "the charger's connection ended before it answered: " + std::string(reason);
    if (m_inFlight) {
        step.completed.emplace_back(
            std::move(m_inFlight->done),
            CallOutcome{CallOutcome::Kind::Closed, {}, ErrorCode::GenericError, why, m_inFlight->messageId});
        m_inFlight.reset();
    }
    for (auto& pending : m_queue) {
        step.completed.emplace_back(std::move(pending.done),
                                    CallOutcome{CallOutcome::Kind::Closed,
                                                {},
                                                ErrorCode::GenericError,
                                                "the charger's connection ended before the command was sent",
                                                {}});
    }
    m_queue.clear();
    return step;
}

} // namespace voltdesk::ocpp16
