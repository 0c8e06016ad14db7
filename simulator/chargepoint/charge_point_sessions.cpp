// Sessions: authorization (online, local list, cache, offline rules), transactions, the meter and the
// power actually drawn, and the connector statuses that follow.
#include "chargepoint/charge_point.h"
#include "protocol/ocpp16-wire/core.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace voltdesk::sim {

namespace ocpp = voltdesk::ocpp16;

namespace {
constexpr EpochMs kNever = std::numeric_limits<EpochMs>::max();
constexpr double kDefaultMaxW = 22'000;
} // namespace

ConnectorState* ChargePoint::connectorAt(int connectorId) {
    if (connectorId < 0 || connectorId >= static_cast<int>(m_connectors.size())) {
        return nullptr;
    }
    return &m_connectors[static_cast<std::size_t>(connectorId)];
}

MeterElectrics ChargePoint::electrics() const {
    return m_charger.dc ? MeterElectrics{400, 1, true} : MeterElectrics{230, 3, false};
}

Electrical ChargePoint::profileElectrical() const {
    return m_charger.dc ? Electrical{400, 1} : Electrical{230, 3};
}

double ChargePoint::hardwareMaxW() const {
    return m_charger.maxPowerKw > 0 ? m_charger.maxPowerKw * 1000 : kDefaultMaxW;
}

std::optional<double> ChargePoint::limitW(const ConnectorState& c, EpochMs now) const {
    return m_profiles.limitAt(c.id, now, c.txStartedAt, profileElectrical());
}

// ---- driving the charger ----

void ChargePoint::plugIn(int connectorId, EpochMs now) {
    auto* c = connectorAt(connectorId);
    if (c == nullptr || c->id == 0) {
        return;
    }
    c->plugged = true;
    c->finished = false;
    if (c->inTransaction()) {
        c->evSuspended = false;
    } else if (c->authorizedIdTag) {
        startTransaction(*c, now);
    }
    updatePower(*c, now);
    refreshStatus(*c, now);
    pump(now);
}

void ChargePoint::unplug(int connectorId, EpochMs now) {
    auto* c = connectorAt(connectorId);
    if (c == nullptr || c->id == 0) {
        return;
    }
    c->plugged = false;
    c->finished = false;
    if (c->inTransaction()) {
        if (m_config.boolean("StopTransactionOnEVSideDisconnect")) {
            endTransaction(*c, "EVDisconnected", now);
            c->finished = false;
        } else {
            c->evSuspended = true;
        }
    }
    updatePower(*c, now);
    refreshStatus(*c, now);
    pump(now);
}

void ChargePoint::presentIdTag(int connectorId, const std::string& idTag, EpochMs now) {
    auto* c = connectorAt(connectorId);
    if (c == nullptr || c->id == 0) {
        return;
    }
    if (c->inTransaction()) {
        const auto* r = m_ledger.find(c->txLocalId.value_or(0));
        if (r != nullptr && r->idTag == idTag) {
            endTransaction(*c, "Local", now, idTag);
        }
    } else if (!c->faultCode && !c->inoperative && !(c->reservation && c->reservation->idTag != idTag)) {
        c->remoteStart = false;
        authorize(*c, idTag, now);
    }
    pump(now);
}

void ChargePoint::setEvSuspended(int connectorId, bool suspended, EpochMs now) {
    auto* c = connectorAt(connectorId);
    if (c == nullptr || c->id == 0) {
        return;
    }
    advanceMeter(*c, now);
    c->evSuspended = suspended;
    updatePower(*c, now);
    refreshStatus(*c, now);
    pump(now);
}

void ChargePoint::stopTransaction(int connectorId, const std::string& reason, EpochMs now) {
    auto* c = connectorAt(connectorId);
    if (c != nullptr && c->inTransaction()) {
        endTransaction(*c, reason, now);
    }
    pump(now);
}

void ChargePoint::fault(int connectorId, const std::string& errorCode, EpochMs now) {
    auto* c = connectorAt(connectorId);
    if (c == nullptr) {
        return;
    }
    if (c->inTransaction()) {
        endTransaction(*c, "Other", now);
    }
    c->faultCode = errorCode.empty() ? std::string("OtherError") : errorCode;
    c->authorizedIdTag.reset();
    updatePower(*c, now);
    refreshStatus(*c, now);
    pump(now);
}

void ChargePoint::clearFault(int connectorId, EpochMs now) {
    auto* c = connectorAt(connectorId);
    if (c == nullptr) {
        return;
    }
    c->faultCode.reset();
    refreshStatus(*c, now);
    pump(now);
}

void ChargePoint::powerLoss(EpochMs now) {
    for (auto& c : m_connectors) {
        if (c.inTransaction()) {
            endTransaction(c, "PowerLoss", now);
        }
    }
    m_reconnectRequested = true;
}

void ChargePoint::sendCall(const std::string& action, const nlohmann::json& payload, EpochMs now) {
    enqueue({action, payload});
    pump(now);
}

// ---- authorization ----

void ChargePoint::authorize(ConnectorState& c, const std::string& idTag, EpochMs now) {
    if (m_registration != Registration::Accepted) {
        authorizeLocally(c, idTag, now);
        return;
    }
    if (!m_behaviour.authorizeBeforeStart) {
        onAuthorized(c, idTag, "Accepted", now);
        return;
    }
    if (m_config.boolean("LocalPreAuthorize")) {
        const auto known = m_idTags.lookup(idTag, now, m_config.boolean("LocalAuthListEnabled"),
                                           m_config.boolean("AuthorizationCacheEnabled"));
        if (known && known->status == "Accepted") {
            onAuthorized(c, idTag, "Accepted", now);
            return;
        }
    }
    c.authorizingIdTag = idTag;
    QueuedCall call{"Authorize", ocpp::encode(ocpp::AuthorizeRequest{idTag})};
    call.connectorId = c.id;
    enqueue(std::move(call));
    refreshStatus(c, now);
}

void ChargePoint::authorizeLocally(ConnectorState& c, const std::string& idTag, EpochMs now) {
    std::optional<IdTagEntry> known;
    if (m_config.boolean("LocalAuthorizeOffline")) {
        known = m_idTags.lookup(idTag, now, m_config.boolean("LocalAuthListEnabled"),
                                m_config.boolean("AuthorizationCacheEnabled"));
    }
    if (known) {
        onAuthorized(c, idTag, known->status, now);
    } else {
        onAuthorized(c, idTag, m_config.boolean("AllowOfflineTxForUnknownId") ? "Accepted" : "Invalid", now);
    }
}

void ChargePoint::onAuthorized(ConnectorState& c, const std::string& idTag, const std::string& status,
                               EpochMs now) {
    if (status != "Accepted") {
        c.authorizedIdTag.reset();
        c.remoteStart = false;
        refreshStatus(c, now);
        return;
    }
    c.authorizedIdTag = idTag;
    c.authorizedAt = now;
    if (c.plugged && !c.inTransaction()) {
        startTransaction(c, now);
    }
    refreshStatus(c, now);
}

// ---- transactions ----

void ChargePoint::startTransaction(ConnectorState& c, EpochMs now) {
    const std::string idTag = c.authorizedIdTag.value_or("");
    c.authorizedIdTag.reset();
    c.remoteStart = false;
    if (m_behaviour.lockFailsOnStart) {
        c.faultCode = "ConnectorLockFailure";
        c.faultInfo = "Connector lock did not engage";
        refreshStatus(c, now);
        return;
    }
    std::optional<int> reservationId;
    if (c.reservation && c.reservation->idTag == idTag) {
        reservationId = c.reservation->reservationId;
        c.reservation.reset();
    } else if (m_chargerReservation && m_chargerReservation->idTag == idTag) {
        reservationId = m_chargerReservation->reservationId;
        m_chargerReservation.reset();
    }
    advanceMeter(c, now);
    const bool offline = m_registration != Registration::Accepted;
    auto& r = m_ledger.open(c.id, idTag, now, std::llround(std::floor(c.energyWh)), offline, reservationId);
    c.txLocalId = r.localId;
    c.txStartedAt = now;
    c.finished = false;
    c.evSuspended = false;
    c.socPercent = m_behaviour.evStartSocPercent;
    const int interval = m_config.integer("MeterValueSampleInterval", 60);
    c.nextSampleAt = interval > 0 ? now + EpochMs{interval} * 1000 : kNever;

    ocpp::StartTransactionRequest req;
    req.connectorId = c.id;
    req.idTag = idTag;
    req.meterStart = r.meterStartWh;
    req.reservationId = reservationId;
    req.timestamp = now;
    QueuedCall call{std::string(req.kAction), ocpp::encode(req), true, r.localId, c.id};
    enqueue(std::move(call));
    if (const auto pending = m_pendingTxProfiles.find(c.id); pending != m_pendingTxProfiles.end()) {
        // RemoteStartTransaction's TxProfile governs this transaction.
        const auto decoded = ocpp::decode<ocpp::RemoteStartTransactionRequest>(pending->second);
        if (decoded && decoded.value().chargingProfile.has_value()) {
            m_profiles.install(c.id, decoded.value().chargingProfile.value_or(ocpp::ChargingProfile{}), now);
        }
        m_pendingTxProfiles.erase(pending);
    }
    updatePower(c, now);
    refreshStatus(c, now);
}

std::vector<ocpp::MeterValue> ChargePoint::transactionData(const ConnectorState& c,
                                                           const TransactionRecord& r, EpochMs now) const {
    ocpp::MeterValue begin;
    begin.timestamp = r.startedAt;
    ocpp::SampledValue start;
    start.value = std::to_string(r.meterStartWh);
    start.context = ocpp::ReadingContext::TransactionBegin;
    start.measurand = ocpp::Measurand::EnergyActiveImportRegister;
    start.unit = ocpp::UnitOfMeasure::Wh;
    begin.sampledValue.push_back(start);
    auto end = meterValue(c, electrics(), now, m_config.list("StopTxnSampledData"),
                          ocpp::ReadingContext::TransactionEnd);
    return {begin, end};
}

void ChargePoint::endTransaction(ConnectorState& c, const std::string& reason, EpochMs now,
                                 const std::optional<std::string>& stopIdTag) {
    if (!c.txLocalId) {
        return;
    }
    advanceMeter(c, now);
    auto* r = m_ledger.find(*c.txLocalId);
    r->stoppedAt = now;
    r->meterStopWh = std::llround(std::floor(c.energyWh));
    r->stopReason = reason;

    ocpp::StopTransactionRequest req;
    req.idTag = stopIdTag.value_or(r->idTag);
    req.meterStop = *r->meterStopWh;
    req.timestamp = now;
    req.reason = ocpp::fromString<ocpp::Reason>(reason).value_or(ocpp::Reason::Other);
    req.transactionData = transactionData(c, *r, now);
    auto payload = ocpp::encode(req);
    payload.erase("transactionId"); // filled in when sent: the central system's id may not be known yet
    enqueue({std::string(req.kAction), std::move(payload), true, r->localId, c.id});

    c.txLocalId.reset();
    c.txStartedAt.reset();
    c.powerW = 0;
    c.evSuspended = false;
    c.finished = c.plugged;
    m_profiles.endTransaction(c.id);
    applyScheduledAvailability(c, now);
    refreshStatus(c, now);
}

void ChargePoint::onStartAnswer(int localId, const nlohmann::json& payload, EpochMs now) {
    auto* r = m_ledger.find(localId);
    const auto conf = ocpp::decode<ocpp::StartTransactionConfirmation>(payload);
    if (r == nullptr || !conf) {
        return;
    }
    const auto& answer = conf.value();
    r->transactionId = answer.transactionId;
    r->startAcknowledged = true;
    r->idTagStatus = std::string(ocpp::toString(answer.idTagInfo.status));
    if (m_config.boolean("AuthorizationCacheEnabled")) {
        m_idTags.remember(r->idTag,
                          {r->idTagStatus, answer.idTagInfo.expiryDate, answer.idTagInfo.parentIdTag});
    }
    if (answer.idTagInfo.status != ocpp::AuthorizationStatus::Accepted && r->active() &&
        m_config.boolean("StopTransactionOnInvalidId")) {
        if (auto* c = connectorAt(r->connectorId)) {
            endTransaction(*c, "DeAuthorized", now);
        }
    }
}

// ---- meter and power ----

void ChargePoint::advanceMeter(ConnectorState& c, EpochMs now) {
    if (c.meterAt == 0 || now < c.meterAt) {
        c.meterAt = now;
        return;
    }
    const double wh = c.powerW * static_cast<double>(now - c.meterAt) / 3'600'000.0;
    c.energyWh += wh;
    if (m_charger.dc && m_behaviour.evBatteryKwh > 0) {
        c.socPercent = std::min(100.0, c.socPercent + wh / (m_behaviour.evBatteryKwh * 10));
    }
    c.meterAt = now;
}

void ChargePoint::updatePower(ConnectorState& c, EpochMs now) {
    advanceMeter(c, now);
    bool drawing = c.inTransaction() && c.plugged && !c.evSuspended && !c.faultCode;
    if (m_behaviour.mode == ChargePointMode::Autonomous && c.inTransaction() && c.id > 0) {
        drawing = m_day.connector(c.id).status() == ConnectorStatus::Charging;
    }
    if (!drawing) {
        c.powerW = 0;
        return;
    }
    double demand =
        std::min(hardwareMaxW(), m_behaviour.evMaxPowerKw > 0 ? m_behaviour.evMaxPowerKw * 1000 : 1e12);
    if (m_charger.dc && c.socPercent > 80) {
        demand *= std::max(0.05, (100 - c.socPercent) / 20); // the car tapers off near full
    }
    const auto limit = limitW(c, now);
    c.powerW = std::max(0.0, limit ? std::min(demand, *limit) : demand);
}

void ChargePoint::sampleMeter(ConnectorState& c, EpochMs now, bool periodic) {
    advanceMeter(c, now);
    auto mv = meterValue(c, electrics(), now, m_config.list("MeterValuesSampledData"),
                         periodic ? ocpp::ReadingContext::SamplePeriodic : ocpp::ReadingContext::Trigger);
    ocpp::MeterValuesRequest req;
    req.connectorId = c.id;
    req.meterValue.push_back(std::move(mv));
    QueuedCall call{std::string(req.kAction), ocpp::encode(req)};
    call.connectorId = c.id;
    if (c.txLocalId && periodic) {
        call.transactional = true;
        call.localTxId = c.txLocalId;
    } else if (c.txLocalId) {
        if (const auto* r = m_ledger.find(*c.txLocalId); r != nullptr && r->transactionId) {
            call.payload["transactionId"] = *r->transactionId;
        }
    }
    enqueue(std::move(call));
}

void ChargePoint::runSessions(EpochMs now) {
    const EpochMs timeout = EpochMs{m_config.integer("ConnectionTimeOut", 60)} * 1000;
    for (auto& c : m_connectors) {
        if (c.id == 0) {
            continue;
        }
        if (c.inTransaction()) {
            updatePower(c, now);
            if (now >= c.nextSampleAt) {
                sampleMeter(c, now, true);
                const int interval = m_config.integer("MeterValueSampleInterval", 60);
                c.nextSampleAt = interval > 0 ? now + EpochMs{interval} * 1000 : kNever;
            }
        } else {
            advanceMeter(c, now);
        }
        if (c.authorizedIdTag && !c.plugged && now >= c.authorizedAt + timeout) {
            c.authorizedIdTag.reset(); // the driver never plugged in
            c.remoteStart = false;
            m_pendingTxProfiles.erase(c.id);
        }
        if (c.reservation && now >= c.reservation->expiry) {
            c.reservation.reset();
        }
        refreshStatus(c, now);
    }
    if (m_chargerReservation && now >= m_chargerReservation->expiry) {
        m_chargerReservation.reset();
    }
}

// ---- statuses ----

void ChargePoint::applyScheduledAvailability(ConnectorState& c, EpochMs now) {
    if (c.scheduledInoperative) {
        c.inoperative = *c.scheduledInoperative;
        c.scheduledInoperative.reset();
        refreshStatus(c, now);
    }
}

void ChargePoint::refreshStatus(ConnectorState& c, EpochMs now) {
    ConnectorStatus status = ConnectorStatus::Available;
    std::string errorCode = "NoError";
    if (c.id == 0) {
        status = c.inoperative ? ConnectorStatus::Unavailable : ConnectorStatus::Available;
    } else if (m_behaviour.mode == ChargePointMode::Autonomous && !c.faultCode && !c.inoperative &&
               !c.reservation) {
        c.dayStatus = m_day.connector(c.id).current();
        status = c.dayStatus->status;
        errorCode = std::string(c.dayStatus->errorCode);
    } else {
        status = c.derivedStatus(c.inTransaction() ? limitW(c, now) : std::nullopt);
        if (c.faultCode) {
            errorCode = *c.faultCode;
        }
    }
    if (c.reported == status && c.reportedErrorCode == errorCode) {
        return;
    }
    c.reported = status;
    c.reportedErrorCode = errorCode;
    if (m_registration == Registration::Accepted) {
        enqueueStatus(c.id, now);
    }
}

} // namespace voltdesk::sim
