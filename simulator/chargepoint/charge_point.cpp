#include "chargepoint/charge_point.h"

#include "chargepoint/call_failure.h"
#include "protocol/ocpp16-wire/action_registry.h"
#include "protocol/ocpp16-wire/core.h"
#include "protocol/ocpp16-wire/rpc_frame.h"

#include <algorithm>
#include <limits>
#include <variant>

namespace voltdesk::sim {

namespace ocpp = voltdesk::ocpp16;

namespace {
constexpr std::size_t kLogSize = 512;
constexpr EpochMs kRebootDelayMs = 1'000;
} // namespace

ChargePoint::ChargePoint(const SimCharger& charger, std::uint64_t seed, const SimClock& clock,
                         SimStats* stats, ChargePointTiming timing, ChargePointBehaviour behaviour)
    : m_charger(charger), m_clock(clock), m_stats(stats), m_timing(timing), m_behaviour(std::move(behaviour)),
      m_day(charger, seed), m_config(m_behaviour, charger.connectorCount, charger.dc),
      m_queue(m_behaviour.maxQueuedTransactionMessages), m_firmwareVersion(charger.firmwareVersion) {
    if (m_behaviour.mode == ChargePointMode::Autonomous) {
        m_day.start(clock.simAt(contract::nowMs()));
    }
    m_connectors.resize(static_cast<std::size_t>(charger.connectorCount) + 1);
    for (std::size_t i = 0; i < m_connectors.size(); ++i) {
        auto& c = m_connectors[i];
        c.id = static_cast<int>(i);
        // Meters do not start at zero on chargers that have been in the field for a while.
        c.energyWh =
            static_cast<double>((charger.number * 7919 + static_cast<int>(i) * 104'729) % 900'000) * 10;
    }
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

void ChargePoint::record(std::deque<ExchangedCall>& log, ExchangedCall call) {
    log.push_back(std::move(call));
    if (log.size() > kLogSize) {
        log.pop_front();
    }
}

ExchangedCall* ChargePoint::findSent(const std::string& messageId) {
    for (auto it = m_sent.rbegin(); it != m_sent.rend(); ++it) {
        if (it->messageId == messageId) {
            return &*it;
        }
    }
    return nullptr;
}

void ChargePoint::onConnected(EpochMs now) {
    m_outstanding.reset();
    m_queue.dropVolatile();
    sendBoot(now);
}

void ChargePoint::onDisconnected(EpochMs now) {
    setRegistration(Registration::Disconnected);
    if (m_outstanding) {
        // Its fate is unknown: a transaction message goes again (with a new id) after the next boot.
        if (m_outstanding->call.transactional) {
            m_queue.pushFront(std::move(m_outstanding->call));
        }
        m_outstanding.reset();
    }
    m_queue.dropVolatile();
    m_outbox.clear();
    // An Authorize that will never be answered: decide offline.
    for (auto& c : m_connectors) {
        if (c.authorizingIdTag) {
            const std::string tag = *c.authorizingIdTag;
            c.authorizingIdTag.reset();
            authorize(c, tag, now);
        }
    }
}

bool ChargePoint::takeReconnectRequest() {
    return std::exchange(m_reconnectRequested, false);
}

void ChargePoint::sendBoot(EpochMs now) {
    setRegistration(Registration::Booting);
    ocpp::BootNotificationRequest req;
    req.chargePointVendor = m_charger.vendor;
    req.chargePointModel = m_charger.model;
    req.chargePointSerialNumber = m_charger.serialNumber;
    req.chargeBoxSerialNumber = m_charger.serialNumber;
    req.firmwareVersion = m_firmwareVersion;
    QueuedCall boot{std::string(req.kAction), ocpp::encode(req)};
    const std::string id = nextMessageId();
    m_outstanding = Outstanding{id, boot, now + m_timing.callTimeoutMs};
    record(m_sent, {id, boot.action, boot.payload, std::nullopt, {}, now});
    m_outbox.push_back(ocpp::serialize(ocpp::Call{id, boot.action, boot.payload}));
    if (m_stats != nullptr) {
        SimStats::add(m_stats->bootNotifications);
    }
}

void ChargePoint::enqueue(QueuedCall call) {
    if (call.action == "StatusNotification" && m_queue.size() >= m_timing.maxQueuedCalls) {
        // The central system is not keeping up: only each connector's latest status matters. Rebuild
        // the queue without this connector's older reports.
        CallQueue kept(m_behaviour.maxQueuedTransactionMessages);
        while (!m_queue.empty()) {
            auto q = m_queue.pop();
            if (!(q.action == "StatusNotification" && q.connectorId == call.connectorId)) {
                (void)kept.push(std::move(q));
            }
        }
        m_queue = std::move(kept);
    }
    if (auto dropped = m_queue.push(std::move(call))) {
        if (dropped->localTxId) {
            if (auto* r = m_ledger.find(*dropped->localTxId)) {
                r->dropped.push_back(dropped->action + ": offline queue full");
            }
        }
        if (m_stats != nullptr) {
            SimStats::add(m_stats->transactionMessagesDropped);
        }
    }
}

void ChargePoint::enqueueStatus(int connectorId, EpochMs now) {
    auto& c = m_connectors[static_cast<std::size_t>(connectorId)];
    ocpp::StatusNotificationRequest req;
    req.connectorId = connectorId;
    req.status = static_cast<ocpp::ChargePointStatus>(
        static_cast<int>(c.reported.value_or(ConnectorStatus::Available)));
    req.errorCode = ocpp::chargePointErrorCodeFromString(c.reportedErrorCode)
                        .value_or(ocpp::ChargePointErrorCode::OtherError);
    if (c.dayStatus && c.dayStatus->status == c.reported && c.dayStatus->errorCode == c.reportedErrorCode) {
        if (!c.dayStatus->info.empty()) {
            req.info = std::string(c.dayStatus->info);
        }
        if (!c.dayStatus->vendorErrorCode.empty()) {
            req.vendorId = m_charger.vendor;
            req.vendorErrorCode = std::string(c.dayStatus->vendorErrorCode);
        }
    } else if (c.faultCode && !c.faultInfo.empty()) {
        req.info = c.faultInfo;
    }
    // The wall clock, not simulated time: the central system compares it with its own.
    req.timestamp = now;
    QueuedCall q{std::string(req.kAction), ocpp::encode(req)};
    q.connectorId = connectorId;
    enqueue(std::move(q));
}

void ChargePoint::pump(EpochMs now) {
    if (m_registration != Registration::Accepted || m_outstanding) {
        return;
    }
    while (!m_queue.empty() && !m_outstanding) {
        if (m_queue.front().notBefore > now) {
            return;
        }
        QueuedCall next = m_queue.pop();
        if (next.localTxId && next.action != "StartTransaction") {
            const auto* r = m_ledger.find(*next.localTxId);
            if (r == nullptr || !r->transactionId) {
                // Its StartTransaction was given up on: there is no id to send it with.
                if (r != nullptr) {
                    m_ledger.find(*next.localTxId)->dropped.push_back(next.action + ": no transactionId");
                }
                continue;
            }
            next.payload["transactionId"] = *r->transactionId;
        }
        const std::string id = nextMessageId();
        if (m_stats != nullptr) {
            if (next.action == "Heartbeat") {
                SimStats::add(m_stats->heartbeats);
            } else if (next.action == "StatusNotification") {
                SimStats::add(m_stats->statusNotifications);
            } else if (next.transactional) {
                SimStats::add(m_stats->transactionMessages);
            }
        }
        if (next.action == "MeterValues" && next.localTxId) {
            ++m_ledger.find(*next.localTxId)->meterValuesSent;
        }
        record(m_sent, {id, next.action, next.payload, std::nullopt, {}, now});
        m_outbox.push_back(ocpp::serialize(ocpp::Call{id, next.action, next.payload}));
        m_outstanding = Outstanding{id, std::move(next), now + m_timing.callTimeoutMs};
    }
}

void ChargePoint::onBootAnswer(std::optional<int> acceptedInterval, bool accepted, int retryInterval,
                               EpochMs now) {
    if (accepted) {
        setRegistration(Registration::Accepted);
        ++m_bootCount;
        m_heartbeatSeconds = acceptedInterval.value_or(0) > 0 ? acceptedInterval.value_or(0)
                                                              : m_timing.defaultHeartbeatSeconds;
        m_config.set("HeartbeatInterval", std::to_string(m_heartbeatSeconds));
        m_nextHeartbeatAt = now + EpochMs{m_heartbeatSeconds} * 1000;
        if (m_behaviour.mode == ChargePointMode::Autonomous) {
            runDay(now, false); // catch the day up silently, then report where every connector stands
        }
        for (auto& c : m_connectors) {
            if (c.id > 0) {
                advanceMeter(c, now);
            }
            c.reported.reset();
            refreshStatus(c, now);
        }
        for (auto& step : m_flow) {
            step.afterBoot = false;
        }
        m_reportedOnce = true;
        return;
    }
    m_retryBootAt = now + EpochMs{retryInterval > 0 ? retryInterval : m_timing.defaultRetrySeconds} * 1000;
}

void ChargePoint::onResult(const Outstanding& sent, const nlohmann::json& payload, EpochMs now) {
    const auto& action = sent.call.action;
    if (action == "BootNotification") {
        const auto conf = ocpp::decode<ocpp::BootNotificationConfirmation>(payload);
        if (!conf) {
            setRegistration(Registration::Pending);
            onBootAnswer(std::nullopt, false, 0, now);
            return;
        }
        const auto& c = conf.value();
        const bool accepted = c.status == ocpp::RegistrationStatus::Accepted;
        if (!accepted) {
            setRegistration(c.status == ocpp::RegistrationStatus::Pending ? Registration::Pending
                                                                          : Registration::Rejected);
        }
        onBootAnswer(c.interval, accepted, c.interval, now);
    } else if (action == "StartTransaction") {
        if (!ocpp::decode<ocpp::StartTransactionConfirmation>(payload)) {
            onFailure(sent, "FormationViolation", now); // an answer without a usable transactionId
            return;
        }
        onStartAnswer(sent.call.localTxId.value_or(0), payload, now);
    } else if (action == "StopTransaction") {
        if (auto* r = m_ledger.find(sent.call.localTxId.value_or(0))) {
            r->stopAcknowledged = true;
        }
    } else if (action == "MeterValues") {
        if (sent.call.localTxId) {
            ++m_ledger.find(*sent.call.localTxId)->meterValuesAcknowledged;
        }
    } else if (action == "Authorize") {
        auto* c = connectorAt(sent.call.connectorId);
        const auto conf = ocpp::decode<ocpp::AuthorizeConfirmation>(payload);
        if (c != nullptr && c->authorizingIdTag) {
            const std::string tag = *c->authorizingIdTag;
            c->authorizingIdTag.reset();
            const auto status = conf ? std::string(ocpp::toString(conf.value().idTagInfo.status)) : "Invalid";
            if (conf && m_config.boolean("AuthorizationCacheEnabled")) {
                const auto& info = conf.value().idTagInfo;
                m_idTags.remember(tag, {status, info.expiryDate, info.parentIdTag});
            }
            onAuthorized(*c, tag, status, now);
        }
    }
}

void ChargePoint::onFailure(const Outstanding& sent, const std::string& code, EpochMs now) {
    if (auto* log = findSent(sent.messageId)) {
        log->errorCode = code;
    }
    const auto& action = sent.call.action;
    if (action == "BootNotification") {
        setRegistration(code == "Timeout" ? Registration::Pending : Registration::Rejected);
        if (code == "Timeout") {
            m_retryBootAt = now; // the timeout was the wait
        } else {
            onBootAnswer(std::nullopt, false, 0, now);
        }
        return;
    }
    if (action == "Authorize") {
        if (auto* c = connectorAt(sent.call.connectorId); c != nullptr && c->authorizingIdTag) {
            const std::string tag = *c->authorizingIdTag;
            c->authorizingIdTag.reset();
            authorizeLocally(*c, tag, now); // no answer: decide as if offline
        }
        return;
    }
    if (!sent.call.transactional) {
        return;
    }
    QueuedCall retry = sent.call;
    ++retry.attempts;
    const int attempts = std::max(1, m_config.integer("TransactionMessageAttempts", 3));
    if (retry.attempts < attempts) {
        const EpochMs interval = EpochMs{m_config.integer("TransactionMessageRetryInterval", 10)} * 1000;
        retry.notBefore = now + interval * retry.attempts;
        if (retry.localTxId) {
            retry.payload.erase("transactionId"); // filled in again when sent
        }
        m_queue.pushFront(std::move(retry));
        return;
    }
    if (auto* r = m_ledger.find(sent.call.localTxId.value_or(0))) {
        r->dropped.push_back(action + ": gave up after " + std::to_string(retry.attempts) + " attempts (" +
                             code + ")");
    }
    if (m_stats != nullptr) {
        SimStats::add(m_stats->transactionMessagesDropped);
    }
}

void ChargePoint::reply(const std::string& messageId, const nlohmann::json& payload) {
    m_outbox.push_back(ocpp::serialize(ocpp::CallResult{messageId, payload}));
}

void ChargePoint::handleCall(const std::string& messageId, const std::string& action,
                             const nlohmann::json& payload, EpochMs now) {
    if (m_stats != nullptr) {
        SimStats::add(m_stats->callsReceived);
    }
    ExchangedCall entry{messageId, action, payload, std::nullopt, {}, now};
    const auto& table = handlers();
    const auto it = table.find(action);
    try {
        if (it == table.end()) {
            const bool known = ocpp::findAction(action) != nullptr;
            throw CallFailure{known ? ocpp::ErrorCode::NotSupported : ocpp::ErrorCode::NotImplemented,
                              known ? "The simulator does not support this action" : "Unknown action"};
        }
        // The answer goes out before anything the CALL sets off (a triggered message, a StopTransaction).
        const std::size_t answerAt = m_outbox.size();
        auto answer = (this->*(it->second))(payload, now);
        m_outbox.insert(m_outbox.begin() + static_cast<std::ptrdiff_t>(answerAt),
                        ocpp::serialize(ocpp::CallResult{messageId, answer}));
        entry.result = std::move(answer);
    } catch (const CallFailure& f) {
        m_outbox.push_back(ocpp::serialize(ocpp::makeCallError(messageId, f.code, f.description)));
        entry.errorCode = std::string(ocpp::toString(f.code));
    }
    record(m_received, std::move(entry));
}

void ChargePoint::onText(std::string_view text, EpochMs now) {
    if (m_registration == Registration::Disconnected) {
        return;
    }
    auto frame = ocpp::parseFrame(text);
    if (auto* call = std::get_if<ocpp::Call>(&frame)) {
        handleCall(call->messageId, call->action, call->payload, now);
    } else if (auto* err = std::get_if<ocpp::FrameError>(&frame)) {
        if (err->shouldReply()) {
            m_outbox.push_back(ocpp::serialize(err->reply));
        }
    } else if (auto* result = std::get_if<ocpp::CallResult>(&frame)) {
        if (m_outstanding && result->messageId == m_outstanding->messageId) {
            const Outstanding sent = std::move(*m_outstanding);
            m_outstanding.reset();
            if (auto* log = findSent(sent.messageId)) {
                log->result = result->payload;
            }
            onResult(sent, result->payload, now);
        }
    } else if (auto* error = std::get_if<ocpp::CallError>(&frame)) {
        if (m_outstanding && error->messageId == m_outstanding->messageId) {
            if (m_stats != nullptr) {
                SimStats::add(m_stats->callErrorsReceived);
            }
            const Outstanding sent = std::move(*m_outstanding);
            m_outstanding.reset();
            onFailure(sent, std::string(ocpp::toString(error->code)), now);
        }
    }
    pump(now);
}

void ChargePoint::requestReboot(EpochMs now) {
    m_rebootAt = now + kRebootDelayMs;
}

void ChargePoint::runFlows(EpochMs now) {
    while (!m_flow.empty() && !m_flow.front().afterBoot && m_flow.front().at <= now) {
        FlowStep step = m_flow.front();
        m_flow.erase(m_flow.begin());
        if (!step.firmwareStatus.empty()) {
            m_firmwareStatus = step.firmwareStatus;
        }
        if (!step.diagnosticsStatus.empty()) {
            m_diagnosticsStatus = step.diagnosticsStatus;
        }
        if (!step.action.empty()) {
            enqueue({step.action, step.payload});
        }
        if (step.reboot) {
            m_firmwareVersion = m_behaviour.installedFirmwareVersion;
            for (auto& rest : m_flow) {
                rest.afterBoot = true;
                rest.at = 0;
            }
            requestReboot(now);
        }
    }
}

void ChargePoint::onTimer(EpochMs now) {
    if (m_outstanding && now >= m_outstanding->deadline) {
        if (m_stats != nullptr) {
            SimStats::add(m_stats->timeouts);
        }
        const Outstanding sent = std::move(*m_outstanding);
        m_outstanding.reset();
        onFailure(sent, "Timeout", now);
    }
    const bool waiting = m_registration == Registration::Pending || m_registration == Registration::Rejected;
    if (waiting && !m_outstanding && now >= m_retryBootAt) {
        sendBoot(now);
    }
    if (m_behaviour.mode == ChargePointMode::Autonomous) {
        runDay(now, true);
    }
    runSessions(now);
    runFlows(now);
    if (m_rebootAt != 0 && now >= m_rebootAt) {
        m_rebootAt = 0;
        m_reconnectRequested = true;
    }
    if (m_registration == Registration::Accepted && now >= m_nextHeartbeatAt) {
        if (!m_queue.contains("Heartbeat")) {
            enqueue({"Heartbeat", nlohmann::json::object()});
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
        if (!m_outstanding && !m_queue.empty()) {
            next = std::min(next, m_queue.front().notBefore);
        }
        break;
    default:
        break;
    }
    if (m_behaviour.mode == ChargePointMode::Autonomous) {
        next = std::min(next, m_clock.realAt(m_day.nextEventAt()));
    }
    for (const auto& c : m_connectors) {
        if (c.inTransaction()) {
            next = std::min({next, c.nextSampleAt, c.meterAt + m_timing.powerUpdateMs});
        }
        if (c.authorizedIdTag && !c.plugged) {
            next = std::min(next, c.authorizedAt + EpochMs{m_config.integer("ConnectionTimeOut", 60)} * 1000);
        }
        if (c.reservation) {
            next = std::min(next, c.reservation->expiry);
        }
    }
    if (m_chargerReservation) {
        next = std::min(next, m_chargerReservation->expiry);
    }
    if (!m_flow.empty() && !m_flow.front().afterBoot) {
        next = std::min(next, m_flow.front().at);
    }
    if (m_rebootAt != 0) {
        next = std::min(next, m_rebootAt);
    }
    return next;
}

ChargePointSnapshot ChargePoint::snapshot(EpochMs now) const {
    ChargePointSnapshot s;
    s.chargerId = m_charger.chargerId;
    s.registration = m_registration;
    for (const auto& c : m_connectors) {
        ConnectorSnapshot cs;
        cs.id = c.id;
        cs.status = c.reported.value_or(ConnectorStatus::Available);
        cs.errorCode = c.reportedErrorCode;
        cs.plugged = c.plugged;
        cs.transactionLocalId = c.txLocalId;
        cs.powerW = c.powerW;
        cs.energyWh = c.energyWh;
        cs.socPercent = c.socPercent;
        if (c.id > 0) {
            cs.limitW = limitW(c, now);
        }
        if (c.reservation) {
            cs.reservationId = c.reservation->reservationId;
        } else if (c.id == 0 && m_chargerReservation) {
            cs.reservationId = m_chargerReservation->reservationId;
        }
        s.connectors.push_back(cs);
    }
    s.transactions = m_ledger.records();
    s.sent.assign(m_sent.begin(), m_sent.end());
    s.received.assign(m_received.begin(), m_received.end());
    for (const auto& [key, entry] : m_config.entries()) {
        s.configuration[key] = entry.value;
    }
    s.queuedTransactionMessages =
        m_queue.transactionalCount() + (m_outstanding && m_outstanding->call.transactional ? 1 : 0);
    s.firmwareStatus = m_firmwareStatus;
    s.diagnosticsStatus = m_diagnosticsStatus;
    s.firmwareVersion = m_firmwareVersion;
    s.localListVersion = m_behaviour.localListSupported ? m_idTags.listVersion() : -1;
    s.authorizationCacheSize = m_idTags.cacheSize();
    s.installedCertificates = m_certificates.size();
    s.bootCount = m_bootCount;
    return s;
}

const std::map<std::string, ChargePoint::Handler, std::less<>>& ChargePoint::handlers() {
    static const std::map<std::string, Handler, std::less<>> kHandlers{
        {"Reset", &ChargePoint::onReset},
        {"RemoteStartTransaction", &ChargePoint::onRemoteStart},
        {"RemoteStopTransaction", &ChargePoint::onRemoteStop},
        {"UnlockConnector", &ChargePoint::onUnlockConnector},
        {"ChangeAvailability", &ChargePoint::onChangeAvailability},
        {"GetConfiguration", &ChargePoint::onGetConfiguration},
        {"ChangeConfiguration", &ChargePoint::onChangeConfiguration},
        {"ClearCache", &ChargePoint::onClearCache},
        {"DataTransfer", &ChargePoint::onDataTransfer},
        {"TriggerMessage", &ChargePoint::onTriggerMessage},
        {"ExtendedTriggerMessage", &ChargePoint::onExtendedTriggerMessage},
        {"SetChargingProfile", &ChargePoint::onSetChargingProfile},
        {"ClearChargingProfile", &ChargePoint::onClearChargingProfile},
        {"GetCompositeSchedule", &ChargePoint::onGetCompositeSchedule},
        {"ReserveNow", &ChargePoint::onReserveNow},
        {"CancelReservation", &ChargePoint::onCancelReservation},
        {"SendLocalList", &ChargePoint::onSendLocalList},
        {"GetLocalListVersion", &ChargePoint::onGetLocalListVersion},
        {"UpdateFirmware", &ChargePoint::onUpdateFirmware},
        {"SignedUpdateFirmware", &ChargePoint::onSignedUpdateFirmware},
        {"GetDiagnostics", &ChargePoint::onGetDiagnostics},
        {"GetLog", &ChargePoint::onGetLog},
        {"InstallCertificate", &ChargePoint::onInstallCertificate},
        {"DeleteCertificate", &ChargePoint::onDeleteCertificate},
        {"GetInstalledCertificateIds", &ChargePoint::onGetInstalledCertificateIds},
        {"CertificateSigned", &ChargePoint::onCertificateSigned},
    };
    return kHandlers;
}

} // namespace voltdesk::sim
