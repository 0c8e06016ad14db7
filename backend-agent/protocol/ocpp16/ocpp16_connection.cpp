#include "protocol/ocpp16/ocpp16_connection.h"

#include "protocol/ocpp16-wire/action_registry.h"
#include "protocol/ocpp16/core_block.h"

#include <exception>
#include <utility>

namespace voltdesk::ocpp16 {

namespace {

std::string describe(std::exception_ptr error) {
    try {
        std::rethrow_exception(std::move(error));
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "unknown exception";
    }
}

} // namespace

Ocpp16Connection::Ocpp16Connection(std::string chargerId, domain::ChargePointServices& services, Send send,
                                   ConnectionLimits limits, Clock clock)
    : m_services(services), m_sink(std::make_shared<ReplySink>(ReplySink{std::move(send), {}})),
      m_limits(limits), m_clock(clock ? std::move(clock) : Clock(contract::nowMs)),
      m_outgoing(OutgoingCalls::Options{limits.callTimeout, limits.maxQueuedCalls}),
      m_rateLimiter(limits.callsPerSecond, limits.callBurst),
      m_alive(std::make_shared<Ocpp16Connection*>(this)) {
    m_session.chargerId = std::move(chargerId);
    m_blocks.push_back(std::make_unique<CoreBlock>(m_services));
}

Ocpp16Connection::~Ocpp16Connection() {
    *m_alive = nullptr;
}

void Ocpp16Connection::setErrorLog(ErrorLog log) {
    m_sink->errorLog = std::move(log);
}

void Ocpp16Connection::setSchedule(Schedule schedule) {
    m_schedule = std::move(schedule);
}

void Ocpp16Connection::setSecurityLog(SecurityLog log) {
    m_securityLog = std::move(log);
}

void Ocpp16Connection::addBlock(std::unique_ptr<FunctionalBlock> block) {
    m_blocks.push_back(std::move(block));
}

void Ocpp16Connection::sendCall(std::string action, nlohmann::json payload, CallCallback done,
                                std::optional<std::chrono::milliseconds> timeout) {
    if (m_disconnectedReported) {
        if (done) {
            done(CallOutcome{CallOutcome::Kind::Closed,
                             {},
                             ErrorCode::GenericError,
                             "the charger's connection has ended",
                             {}});
        }
        return;
    }
    run(m_outgoing.enqueue(std::move(action), std::move(payload), std::move(done), timeout));
}

void Ocpp16Connection::run(OutgoingCalls::Step step) {
    if (step.frame) {
        sendSafely(std::move(*step.frame));
    }
    if (step.armTimer && m_schedule) {
        const auto [token, delay] = *step.armTimer;
        std::weak_ptr<Ocpp16Connection*> alive = m_alive;
        m_schedule(delay, [alive, token] {
            if (const auto self = alive.lock(); self && *self != nullptr) {
                (*self)->run((*self)->m_outgoing.onTimer(token));
            }
        });
    }
    for (auto& [done, outcome] : step.completed) {
        if (!done) {
            continue;
        }
        try {
            done(std::move(outcome));
        } catch (...) {
            logError("a command callback for " + m_session.chargerId +
                     " failed: " + describe(std::current_exception()));
        }
    }
}

void Ocpp16Connection::onOpen(std::string remoteAddress) {
    try {
        m_services.report(domain::ChargerConnected{m_session.chargerId, std::string(kProtocol),
                                                   std::move(remoteAddress), m_clock()});
        m_connectedReported = true;
    } catch (...) {
        logError("reporting the connection of " + m_session.chargerId +
                 " failed: " + describe(std::current_exception()));
    }
}

void Ocpp16Connection::onClose(std::string_view reason) {
    if (!m_connectedReported || m_disconnectedReported) {
        return;
    }
    m_disconnectedReported = true;
    run(m_outgoing.onClosed(reason));
    try {
        m_services.report(domain::ChargerDisconnected{m_session.chargerId, std::string(reason), m_clock()});
    } catch (...) {
        logError("reporting the disconnection of " + m_session.chargerId +
                 " failed: " + describe(std::current_exception()));
    }
}

void Ocpp16Connection::onText(std::string_view frame) {
    try {
        handleFrame(frame);
    } catch (...) {
        // handleCall answers its own failures; this is a failure before the call was known.
        try {
            logError("handling a frame from " + m_session.chargerId +
                     " failed: " + describe(std::current_exception()));
            const FramePrefix prefix = scanFramePrefix(frame);
            if (prefix.messageType != MessageType::CallResult &&
                prefix.messageType != MessageType::CallError) {
                sendError(prefix.messageId.value_or(std::string(kUnknownMessageId)), ErrorCode::InternalError,
                          "internal error");
            }
        } catch (...) { // NOLINT(bugprone-empty-catch): out of memory, most likely; must not throw
        }
    }
}

void Ocpp16Connection::onBinary(std::string_view frame) {
    try {
        std::string id(kUnknownMessageId);
        bool answer = true;
        ParsedFrame parsed = parseFrame(frame, FrameLimits{m_limits.maxFrameBytes});
        if (const auto* call = std::get_if<Call>(&parsed)) {
            id = call->messageId;
        } else if (const auto* error = std::get_if<FrameError>(&parsed)) {
            id = error->reply.messageId;
            answer = error->shouldReply();
        } else {
            answer = false; // a CALLRESULT or CALLERROR, even in a binary frame, is never answered
        }
        if (answer) {
            sendError(std::move(id), ErrorCode::FormationViolation, "OCPP-J accepts text frames only");
        }
    } catch (...) {
        logError("handling a binary frame from " + m_session.chargerId +
                 " failed: " + describe(std::current_exception()));
    }
}

void Ocpp16Connection::handleFrame(std::string_view frame) {
    const contract::EpochMs receivedAt = m_clock();
    ParsedFrame parsed = parseFrame(frame, FrameLimits{m_limits.maxFrameBytes});
    if (const auto* call = std::get_if<Call>(&parsed)) {
        if (!m_rateLimiter.allow(receivedAt)) {
            ++m_rateRefused;
            if (receivedAt - m_lastRateReport >= 1000) {
                logSecurity("RateLimitExceeded", std::to_string(m_rateRefused) + " CALLs refused, over " +
                                                     std::to_string(m_limits.callsPerSecond) + " per second");
                m_lastRateReport = receivedAt;
                m_rateRefused = 0;
            }
            sendError(call->messageId, ErrorCode::GenericError, "too many CALLs; retry later");
            return;
        }
        handleCall(*call, receivedAt);
    } else if (const auto* result = std::get_if<CallResult>(&parsed)) {
        run(m_outgoing.onResult(*result));
    } else if (const auto* callError = std::get_if<CallError>(&parsed)) {
        run(m_outgoing.onError(*callError));
    } else if (auto* error = std::get_if<FrameError>(&parsed)) {
        if (frame.size() > m_limits.maxFrameBytes) {
            logSecurity("OversizedFrame", std::to_string(frame.size()) + " bytes, over the limit of " +
                                              std::to_string(m_limits.maxFrameBytes));
        }
        if (error->shouldReply()) {
            sendSafely(serialize(error->reply));
        }
    }
}

void Ocpp16Connection::handleCall(const Call& call, contract::EpochMs receivedAt) {
    try {
        const ActionSpec* spec = findAction(call.action);
        if (spec == nullptr) {
            sendError(call.messageId, ErrorCode::NotImplemented, "unknown action '" + call.action + "'");
            return;
        }
        if (m_session.registration == domain::RegistrationStatus::Rejected &&
            call.action != "BootNotification") {
            sendError(
                call.messageId, ErrorCode::SecurityError,
                "the central system rejected this charge point's boot; only BootNotification is accepted");
            return;
        }
        FunctionalBlock* block = nullptr;
        for (const auto& candidate : m_blocks) {
            if (candidate->handles(call.action)) {
                block = candidate.get();
                break;
            }
        }
        if (block == nullptr) {
            sendError(call.messageId, ErrorCode::NotSupported,
                      "action '" + call.action + "' is not supported");
            return;
        }
        CallReply reply = block->handle(IncomingCall{call, receivedAt, m_session, m_sink});
        if (auto* payload = std::get_if<nlohmann::json>(&reply)) {
            sendSafely(serialize(CallResult{call.messageId, std::move(*payload)}));
        } else if (auto* error = std::get_if<PayloadError>(&reply)) {
            sendError(call.messageId, error->code, std::move(error->description));
        }
        // Deferred: the block answers through its DeferredReply.
    } catch (...) {
        logError("handling " + call.action + " from " + m_session.chargerId +
                 " failed: " + describe(std::current_exception()));
        sendError(call.messageId, ErrorCode::InternalError, "internal error while handling " + call.action);
    }
}

void Ocpp16Connection::sendError(std::string messageId, ErrorCode code, std::string description) {
    sendSafely(serialize(makeCallError(std::move(messageId), code, std::move(description))));
}

void Ocpp16Connection::sendSafely(std::string frame) {
    try {
        if (m_sink->send) {
            m_sink->send(std::move(frame));
        }
    } catch (...) {
        logError("sending to " + m_session.chargerId + " failed: " + describe(std::current_exception()));
    }
}

void Ocpp16Connection::logError(std::string_view message) {
    if (!m_sink->errorLog) {
        return;
    }
    try {
        m_sink->errorLog(message);
    } catch (...) { // NOLINT(bugprone-empty-catch): nowhere left to report it; must not throw
    }
}

void Ocpp16Connection::logSecurity(std::string_view type, std::string_view detail) {
    if (!m_securityLog) {
        return;
    }
    try {
        m_securityLog(type, detail);
    } catch (...) {
        logError("reporting a security event of " + m_session.chargerId +
                 " failed: " + describe(std::current_exception()));
    }
}

} // namespace voltdesk::ocpp16
