// Answers to the Core profile's CALLs and the two trigger messages, as the behaviour knobs say.
#include "chargepoint/call_args.h"
#include "chargepoint/charge_point.h"
#include "protocol/ocpp16-wire/core.h"

#include <algorithm>
#include <array>
#include <limits>

namespace voltdesk::sim {

namespace ocpp = voltdesk::ocpp16;
using Json = nlohmann::json;

namespace {

Json status(std::string_view s) {
    return Json{{"status", s}};
}

} // namespace

Json ChargePoint::onReset(const Json& p, EpochMs now) {
    const auto req = decodeOrFail(ocpp::decode<ocpp::ResetRequest>(p));
    if (!m_behaviour.acceptReset) {
        return status("Rejected");
    }
    const std::string reason = req.type == ocpp::ResetType::Hard ? "HardReset" : "SoftReset";
    for (auto& c : m_connectors) {
        if (c.inTransaction()) {
            endTransaction(c, reason, now);
        }
    }
    requestReboot(now);
    return status("Accepted");
}

Json ChargePoint::onRemoteStart(const Json& p, EpochMs now) {
    const auto req = decodeOrFail(ocpp::decode<ocpp::RemoteStartTransactionRequest>(p));
    if (!m_behaviour.acceptRemoteStart) {
        return status("Rejected");
    }
    if (req.chargingProfile &&
        req.chargingProfile->chargingProfilePurpose != ocpp::ChargingProfilePurpose::TxProfile) {
        return status("Rejected");
    }
    ConnectorState* target = nullptr;
    if (req.connectorId) {
        target = connectorAt(*req.connectorId);
        if (target == nullptr || target->id == 0) {
            return status("Rejected");
        }
    } else {
        for (auto& c : m_connectors) {
            if (c.id > 0 && !c.inTransaction() && !c.faultCode && !c.inoperative && !c.authorizedIdTag &&
                (!c.reservation || c.reservation->idTag == req.idTag)) {
                target = &c;
                break;
            }
        }
    }
    if (target == nullptr || target->inTransaction() || target->faultCode || target->inoperative ||
        (target->reservation && target->reservation->idTag != req.idTag)) {
        return status("Rejected");
    }
    if (req.chargingProfile) {
        m_pendingTxProfiles[target->id] = p;
    }
    target->remoteStart = true;
    if (m_config.boolean("AuthorizeRemoteTxRequests")) {
        authorize(*target, req.idTag, now);
    } else {
        onAuthorized(*target, req.idTag, "Accepted", now);
    }
    target->remoteStart = !target->inTransaction() && target->authorizedIdTag.has_value();
    return status("Accepted");
}

Json ChargePoint::onRemoteStop(const Json& p, EpochMs now) {
    const auto req = decodeOrFail(ocpp::decode<ocpp::RemoteStopTransactionRequest>(p));
    auto* r = m_ledger.byTransactionId(req.transactionId);
    if (!m_behaviour.acceptRemoteStop || r == nullptr || !r->active()) {
        return status("Rejected");
    }
    if (auto* c = connectorAt(r->connectorId)) {
        endTransaction(*c, "Remote", now);
    }
    return status("Accepted");
}

Json ChargePoint::onUnlockConnector(const Json& p, EpochMs now) {
    const auto req = decodeOrFail(ocpp::decode<ocpp::UnlockConnectorRequest>(p));
    auto* c = connectorAt(req.connectorId);
    if (c == nullptr || c->id == 0 || m_behaviour.fixedCable ||
        m_behaviour.unlockResult == UnlockResult::NotSupported) {
        return status("NotSupported");
    }
    if (c->inTransaction()) {
        endTransaction(*c, "UnlockCommand", now);
    }
    if (m_behaviour.unlockResult == UnlockResult::UnlockFailed) {
        return status("UnlockFailed");
    }
    return status("Unlocked");
}

Json ChargePoint::onChangeAvailability(const Json& p, EpochMs now) {
    const auto req = decodeOrFail(ocpp::decode<ocpp::ChangeAvailabilityRequest>(p));
    if (req.connectorId >= static_cast<int>(m_connectors.size())) {
        return status("Rejected");
    }
    const bool inoperative = req.type == ocpp::AvailabilityType::Inoperative;
    bool scheduled = false;
    for (auto& c : m_connectors) {
        if (req.connectorId != 0 && c.id != req.connectorId) {
            continue;
        }
        if (c.inTransaction() && inoperative) {
            c.scheduledInoperative = true;
            scheduled = true;
            continue;
        }
        c.scheduledInoperative.reset();
        c.inoperative = inoperative;
        refreshStatus(c, now);
    }
    return status(scheduled ? "Scheduled" : "Accepted");
}

Json ChargePoint::onGetConfiguration(const Json& p, EpochMs) {
    const auto req = decodeOrFail(ocpp::decode<ocpp::GetConfigurationRequest>(p));
    Json known = Json::array();
    Json unknown = Json::array();
    const auto add = [&](const std::string& key, const ConfigurationStore::Entry& e) {
        Json kv{{"key", key}, {"readonly", e.readonly}};
        if (!e.writeOnly) {
            kv["value"] = e.value;
        }
        known.push_back(std::move(kv));
    };
    if (!req.key || req.key->empty()) {
        for (const auto& [key, entry] : m_config.entries()) {
            add(key, entry);
        }
    } else {
        for (const auto& key : *req.key) {
            if (const auto* e = m_config.find(key)) {
                add(key, *e);
            } else {
                unknown.push_back(key);
            }
        }
    }
    Json answer = Json::object();
    if (!known.empty()) {
        answer["configurationKey"] = std::move(known);
    }
    if (!unknown.empty()) {
        answer["unknownKey"] = std::move(unknown);
    }
    return answer;
}

Json ChargePoint::onChangeConfiguration(const Json& p, EpochMs now) {
    const auto req = decodeOrFail(ocpp::decode<ocpp::ChangeConfigurationRequest>(p));
    const auto result = m_config.change(req.key, req.value);
    switch (result) {
    case ConfigChange::NotSupported:
        return status("NotSupported");
    case ConfigChange::Rejected:
        return status("Rejected");
    case ConfigChange::RebootRequired:
        return status("RebootRequired");
    case ConfigChange::Accepted:
        break;
    }
    if (req.key == "HeartbeatInterval") {
        m_heartbeatSeconds = std::max(1, m_config.integer("HeartbeatInterval", 300));
        m_nextHeartbeatAt = now + EpochMs{m_heartbeatSeconds} * 1000;
    } else if (req.key == "MeterValueSampleInterval") {
        const int interval = m_config.integer("MeterValueSampleInterval", 60);
        for (auto& c : m_connectors) {
            if (c.inTransaction()) {
                c.nextSampleAt =
                    interval > 0 ? now + EpochMs{interval} * 1000 : std::numeric_limits<EpochMs>::max();
            }
        }
    } else if (req.key == "AuthorizationKey" || req.key == "SecurityProfile") {
        // The charger connects again with the new password or profile once this answer is out.
        m_rebootAt = now + 500;
    } else if (req.key == "AuthorizationCacheEnabled" && !m_config.boolean("AuthorizationCacheEnabled")) {
        m_idTags.clearCache();
    }
    return status("Accepted");
}

Json ChargePoint::onClearCache(const Json& p, EpochMs) {
    (void)decodeOrFail(ocpp::decode<ocpp::ClearCacheRequest>(p));
    if (!m_behaviour.acceptClearCache) {
        return status("Rejected");
    }
    m_idTags.clearCache();
    return status("Accepted");
}

Json ChargePoint::onDataTransfer(const Json& p, EpochMs) {
    (void)decodeOrFail(ocpp::decode<ocpp::DataTransferRequest>(p));
    return status(m_behaviour.dataTransferStatus);
}

bool ChargePoint::trigger(const std::string& message, std::optional<int> connectorId, EpochMs now) {
    if (connectorId && (*connectorId < 0 || *connectorId >= static_cast<int>(m_connectors.size()))) {
        return false;
    }
    if (message == "BootNotification") {
        ocpp::BootNotificationRequest req;
        req.chargePointVendor = m_charger.vendor;
        req.chargePointModel = m_charger.model;
        req.chargePointSerialNumber = m_charger.serialNumber;
        req.chargeBoxSerialNumber = m_charger.serialNumber;
        req.firmwareVersion = m_firmwareVersion;
        enqueue({"BootNotification", ocpp::encode(req)});
    } else if (message == "Heartbeat") {
        enqueue({"Heartbeat", Json::object()});
    } else if (message == "StatusNotification") {
        for (auto& c : m_connectors) {
            if (!connectorId || c.id == *connectorId) {
                enqueueStatus(c.id, now);
            }
        }
    } else if (message == "MeterValues") {
        for (auto& c : m_connectors) {
            if (c.id > 0 && (!connectorId || *connectorId == 0 || c.id == *connectorId)) {
                sampleMeter(c, now, false);
            }
        }
    } else if (message == "FirmwareStatusNotification") {
        enqueue({"FirmwareStatusNotification", Json{{"status", m_firmwareStatus}}});
    } else if (message == "SignedFirmwareStatus") {
        enqueue({"SignedFirmwareStatusNotification", Json{{"status", m_firmwareStatus}}});
    } else if (message == "DiagnosticsStatusNotification") {
        enqueue({"DiagnosticsStatusNotification", Json{{"status", m_diagnosticsStatus}}});
    } else if (message == "LogStatusNotification") {
        enqueue({"LogStatusNotification", Json{{"status", "Idle"}}});
    } else if (message == "SignChargePointCertificate") {
        sendSignCertificate(now);
    } else {
        return false;
    }
    return true;
}

Json ChargePoint::onTriggerMessage(const Json& p, EpochMs now) {
    const auto message = args::text(p, "requestedMessage").value_or("");
    const auto connectorId = args::integer(p, "connectorId", false);
    static const std::array<std::string_view, 6> kCore{"BootNotification",
                                                       "DiagnosticsStatusNotification",
                                                       "FirmwareStatusNotification",
                                                       "Heartbeat",
                                                       "MeterValues",
                                                       "StatusNotification"};
    if (std::find(kCore.begin(), kCore.end(), message) == kCore.end()) {
        throw CallFailure{ocpp::ErrorCode::PropertyConstraintViolation,
                          "requestedMessage is not a MessageTrigger"};
    }
    if (!m_behaviour.acceptTriggerMessage) {
        return status("Rejected");
    }
    return status(trigger(message, connectorId, now) ? "Accepted" : "Rejected");
}

Json ChargePoint::onExtendedTriggerMessage(const Json& p, EpochMs now) {
    const auto message = args::text(p, "requestedMessage").value_or("");
    const auto connectorId = args::integer(p, "connectorId", false);
    static const std::array<std::string_view, 7> kExtended{
        "BootNotification", "LogStatusNotification",      "FirmwareStatusNotification", "Heartbeat",
        "MeterValues",      "SignChargePointCertificate", "StatusNotification"};
    if (std::find(kExtended.begin(), kExtended.end(), message) == kExtended.end()) {
        throw CallFailure{ocpp::ErrorCode::PropertyConstraintViolation,
                          "requestedMessage is not a MessageTrigger"};
    }
    if (!m_behaviour.acceptTriggerMessage) {
        return status("Rejected");
    }
    return status(
        trigger(message == "FirmwareStatusNotification" ? "SignedFirmwareStatus" : message, connectorId, now)
            ? "Accepted"
            : "Rejected");
}

} // namespace voltdesk::sim
