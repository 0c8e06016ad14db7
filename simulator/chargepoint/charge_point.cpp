#include "chargepoint/charge_point.h"

#include "protocol/ocpp16-wire/action_registry.h"
#include "protocol/ocpp16-wire/core.h"
#include "protocol/ocpp16-wire/rpc_frame.h"

#include <algorithm>
#include <limits>
#include <variant>

namespace voltdesk::sim {

namespace ocpp = voltdesk::ocpp16;

namespace {

ocpp::ChargePointStatus toOcpp(contract::ConnectorStatus s) {
    // The contract's vocabulary is OCPP 1.6's, value for value.
    return static_cast<ocpp::ChargePointStatus>(static_cast<int>(s));
}

} // namespace

ChargePoint::ChargePoint(const SimCharger& charger, std::uint64_t seed, const SimClock& clock,
                         SimStats* stats, ChargePointTiming timing)
    : m_charger(charger), m_clock(clock), m_stats(stats), m_timing(timing), m_day(charger, seed) {
    m_day.start(clock.simAt(contract::nowMs()));
}

ChargePoint::~ChargePoint() {
    setRegistration(Registration::Disconnected);
}

void ChargePoint::setRegistration(Registration next) {
    if (m_stats != nullptr &&
        (next == Registration::Accepted) != (m_registration == Registration::Accepted)) {
        m_stats->accepted.fetch_add(next == Registration::Accepted ? 1 : -1, std::memory_order_relaxed);
    }
    m_registration = next;
}

std::string ChargePoint::nextMessageId() {
    return std::to_string(++m_messageCounter);
}

void ChargePoint::onConnected(EpochMs now) {
    m_outstanding.reset();
    m_queue.clear();
    sendBoot(now);
}

void ChargePoint::onDisconnected(EpochMs) {
    setRegistration(Registration::Disconnected);
    m_outstanding.reset();
    m_queue.clear();
    m_outbox.clear();
}

void ChargePoint::sendBoot(EpochMs now) {
    setRegistration(Registration::Booting);
    ocpp::BootNotificationRequest req;
    req.chargePointVendor = m_charger.vendor;
    req.chargePointModel = m_charger.model;
    req.chargePointSerialNumber = m_charger.serialNumber;
    req.chargeBoxSerialNumber = m_charger.serialNumber;
    req.firmwareVersion = m_charger.firmwareVersion;
    ocpp::Call call{nextMessageId(), std::string(req.kAction), ocpp::encode(req)};
    m_outstanding = Outstanding{call.messageId, Action::BootNotification, now + m_timing.callTimeoutMs};
    m_outbox.push_back(ocpp::serialize(call));
    if (m_stats != nullptr) {
        SimStats::add(m_stats->bootNotifications);
    }
}

void ChargePoint::send(const QueuedCall& q, EpochMs now) {
    ocpp::Call call;
    call.messageId = nextMessageId();
    if (q.action == Action::Heartbeat) {
        call.action = ocpp::HeartbeatRequest::kAction;
        call.payload = ocpp::encode(ocpp::HeartbeatRequest{});
        if (m_stats != nullptr) {
            SimStats::add(m_stats->heartbeats);
        }
    } else {
        ocpp::StatusNotificationRequest req;
        req.connectorId = q.connectorId;
        req.status = toOcpp(q.change.status);
        req.errorCode = ocpp::chargePointErrorCodeFromString(q.change.errorCode)
                            .value_or(ocpp::ChargePointErrorCode::OtherError);
        if (!q.change.info.empty()) {
            req.info = std::string(q.change.info);
        }
        if (!q.change.vendorErrorCode.empty()) {
            req.vendorId = m_charger.vendor;
            req.vendorErrorCode = std::string(q.change.vendorErrorCode);
        }
        // The wall clock, not simulated time: the central system compares it with its own.
        req.timestamp = now;
        call.action = req.kAction;
        call.payload = ocpp::encode(req);
        if (m_stats != nullptr) {
            SimStats::add(m_stats->statusNotifications);
        }
    }
    m_outstanding = Outstanding{call.messageId, q.action, now + m_timing.callTimeoutMs};
    m_outbox.push_back(ocpp::serialize(call));
}

void ChargePoint::enqueue(QueuedCall call) {
    if (m_queue.size() >= m_timing.maxQueuedCalls && call.action == Action::StatusNotification) {
        // The central system is not keeping up: what matters is each connector's latest status.
        std::erase_if(m_queue, [&](const QueuedCall& q) {
            return q.action == Action::StatusNotification && q.connectorId == call.connectorId;
        });
    }
    if (m_queue.size() >= m_timing.maxQueuedCalls) {
        m_queue.erase(m_queue.begin());
    }
    m_queue.push_back(call);
}

void ChargePoint::pump(EpochMs now) {
    if (m_registration != Registration::Accepted || m_outstanding || m_queue.empty()) {
        return;
    }
    const QueuedCall next = m_queue.front();
    m_queue.erase(m_queue.begin());
    send(next, now);
}

void ChargePoint::runDay(EpochMs now, bool report) {
    const EpochMs simNow = m_clock.simAt(now);
    while (auto change = m_day.step(simNow)) {
        if (report) {
            enqueue({Action::StatusNotification, change->connectorId, change->change});
        }
    }
}

void ChargePoint::onBootAnswer(std::optional<int> acceptedInterval, bool accepted, int retryInterval,
                               EpochMs now) {
    if (accepted) {
        setRegistration(Registration::Accepted);
        m_heartbeatSeconds = acceptedInterval.value_or(0) > 0 ? acceptedInterval.value_or(0)
                                                              : m_timing.defaultHeartbeatSeconds;
        m_nextHeartbeatAt = now + EpochMs{m_heartbeatSeconds} * 1000;
        // Catch the day up silently, then report where every connector stands now.
        runDay(now, false);
        enqueue({Action::StatusNotification, 0, StatusChange{}});
        for (int id = 1; id <= m_day.connectorCount(); ++id) {
            enqueue({Action::StatusNotification, id, m_day.connector(id).current()});
        }
        return;
    }
    m_retryBootAt = now + EpochMs{retryInterval > 0 ? retryInterval : m_timing.defaultRetrySeconds} * 1000;
}

void ChargePoint::handleCall(std::string_view messageId, std::string_view action) {
    if (m_stats != nullptr) {
        SimStats::add(m_stats->callsReceived);
    }
    const bool known = ocpp::findAction(action) != nullptr;
    m_outbox.push_back(ocpp::serialize(ocpp::makeCallError(
        std::string(messageId), known ? ocpp::ErrorCode::NotSupported : ocpp::ErrorCode::NotImplemented,
        known ? "The simulator does not support this action" : "Unknown action")));
}

void ChargePoint::onText(std::string_view text, EpochMs now) {
    if (m_registration == Registration::Disconnected) {
        return;
    }
    auto frame = ocpp::parseFrame(text);
    if (auto* call = std::get_if<ocpp::Call>(&frame)) {
        handleCall(call->messageId, call->action);
    } else if (auto* err = std::get_if<ocpp::FrameError>(&frame)) {
        if (err->shouldReply()) {
            m_outbox.push_back(ocpp::serialize(err->reply));
        }
    } else if (auto* result = std::get_if<ocpp::CallResult>(&frame)) {
        if (m_outstanding && result->messageId == m_outstanding->messageId) {
            const Action action = m_outstanding->action;
            m_outstanding.reset();
            if (action == Action::BootNotification) {
                const auto conf = ocpp::decode<ocpp::BootNotificationConfirmation>(result->payload);
                if (!conf) {
                    setRegistration(Registration::Pending);
                    onBootAnswer(std::nullopt, false, 0, now);
                } else {
                    const auto& c = conf.value();
                    const bool accepted = c.status == ocpp::RegistrationStatus::Accepted;
                    if (!accepted) {
                        setRegistration(c.status == ocpp::RegistrationStatus::Pending
                                            ? Registration::Pending
                                            : Registration::Rejected);
                    }
                    onBootAnswer(c.interval, accepted, c.interval, now);
                }
            }
        }
    } else if (auto* error = std::get_if<ocpp::CallError>(&frame)) {
        if (m_outstanding && error->messageId == m_outstanding->messageId) {
            if (m_stats != nullptr) {
                SimStats::add(m_stats->callErrorsReceived);
            }
            const Action action = m_outstanding->action;
            m_outstanding.reset();
            if (action == Action::BootNotification) {
                setRegistration(Registration::Rejected);
                onBootAnswer(std::nullopt, false, 0, now);
            }
        }
    }
    pump(now);
}

void ChargePoint::onTimer(EpochMs now) {
    if (m_registration == Registration::Disconnected) {
        return;
    }
    if (m_outstanding && now >= m_outstanding->deadline) {
        if (m_stats != nullptr) {
            SimStats::add(m_stats->timeouts);
        }
        const Action action = m_outstanding->action;
        m_outstanding.reset();
        if (action == Action::BootNotification) {
            setRegistration(Registration::Pending);
            m_retryBootAt = now; // the timeout was the wait
        }
    }
    const bool waiting = m_registration == Registration::Pending || m_registration == Registration::Rejected;
    if (waiting && !m_outstanding && now >= m_retryBootAt) {
        sendBoot(now);
    }
    runDay(now, m_registration == Registration::Accepted);
    if (m_registration == Registration::Accepted && now >= m_nextHeartbeatAt) {
        const bool queued = std::any_of(m_queue.begin(), m_queue.end(),
                                        [](const QueuedCall& q) { return q.action == Action::Heartbeat; });
        if (!queued) {
            enqueue({Action::Heartbeat, 0, StatusChange{}});
        }
        m_nextHeartbeatAt = now + EpochMs{m_heartbeatSeconds} * 1000;
    }
    pump(now);
}

std::vector<std::string> ChargePoint::takeOutgoing() {
    std::vector<std::string> out;
    out.swap(m_outbox);
    return out;
}

EpochMs ChargePoint::nextWakeup() const {
    EpochMs next = std::numeric_limits<EpochMs>::max();
    if (m_registration == Registration::Disconnected) {
        return next;
    }
    if (m_outstanding) {
        next = m_outstanding->deadline;
    }
    switch (m_registration) {
    case Registration::Pending:
    case Registration::Rejected:
        if (!m_outstanding) {
            next = std::min(next, m_retryBootAt);
        }
        break;
    case Registration::Accepted:
        next = std::min(next, m_nextHeartbeatAt);
        next = std::min(next, m_clock.realAt(m_day.nextEventAt()));
        break;
    default:
        break;
    }
    return next;
}

} // namespace voltdesk::sim
