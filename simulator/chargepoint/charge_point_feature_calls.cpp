// Answers to the Smart Charging, Reservation and Local Auth List Management CALLs.
#include "chargepoint/call_args.h"
#include "chargepoint/charge_point.h"
#include "chargepoint/profile_codec.h"

namespace voltdesk::sim {

namespace ocpp = voltdesk::ocpp16;
using Json = nlohmann::json;

namespace {

Json status(std::string_view s) {
    return Json{{"status", s}};
}

void requireFeature(bool supported) {
    if (!supported) {
        throw CallFailure{ocpp::ErrorCode::NotSupported,
                          "This charger does not support this feature profile"};
    }
}

} // namespace

Json ChargePoint::onSetChargingProfile(const Json& p, EpochMs now) {
    requireFeature(m_behaviour.smartChargingSupported);
    const int connectorId = args::integer(p, "connectorId").value_or(0);
    const auto profile = decodeProfile(args::object(p, "csChargingProfiles"));
    auto* c = connectorAt(connectorId);
    using P = ocpp::ChargingProfilePurpose;
    if (c == nullptr || profile.stackLevel > m_config.integer("ChargeProfileMaxStackLevel", 8) ||
        (profile.chargingProfilePurpose == P::ChargePointMaxProfile && connectorId != 0)) {
        return status("Rejected");
    }
    if (profile.chargingProfilePurpose == P::TxProfile) {
        if (connectorId == 0 || !c->inTransaction()) {
            return status("Rejected");
        }
        const auto* r = m_ledger.find(c->txLocalId.value_or(0));
        if (profile.transactionId && r != nullptr && r->transactionId != profile.transactionId) {
            return status("Rejected");
        }
    }
    m_profiles.install(connectorId, profile, now);
    for (auto& conn : m_connectors) {
        if (conn.inTransaction()) {
            updatePower(conn, now);
            refreshStatus(conn, now);
        }
    }
    return status("Accepted");
}

Json ChargePoint::onClearChargingProfile(const Json& p, EpochMs now) {
    requireFeature(m_behaviour.smartChargingSupported);
    std::optional<ocpp::ChargingProfilePurpose> purpose;
    if (const auto text = args::text(p, "chargingProfilePurpose", false)) {
        purpose = ocpp::fromString<ocpp::ChargingProfilePurpose>(*text);
        if (!purpose) {
            throw CallFailure{ocpp::ErrorCode::PropertyConstraintViolation, "unknown chargingProfilePurpose"};
        }
    }
    const bool cleared =
        m_profiles.clear(args::integer(p, "id", false), args::integer(p, "connectorId", false), purpose,
                         args::integer(p, "stackLevel", false));
    for (auto& c : m_connectors) {
        if (c.inTransaction()) {
            updatePower(c, now);
            refreshStatus(c, now);
        }
    }
    return status(cleared ? "Accepted" : "Unknown");
}

Json ChargePoint::onGetCompositeSchedule(const Json& p, EpochMs now) {
    requireFeature(m_behaviour.smartChargingSupported);
    const int connectorId = args::integer(p, "connectorId").value_or(0);
    const int duration = args::integer(p, "duration").value_or(0);
    auto unit = m_charger.dc ? ocpp::ChargingRateUnit::W : ocpp::ChargingRateUnit::A;
    if (const auto text = args::text(p, "chargingRateUnit", false)) {
        const auto parsed = ocpp::fromString<ocpp::ChargingRateUnit>(*text);
        if (!parsed) {
            throw CallFailure{ocpp::ErrorCode::PropertyConstraintViolation, "unknown chargingRateUnit"};
        }
        unit = *parsed;
    }
    auto* c = connectorAt(connectorId);
    if (c == nullptr || duration <= 0) {
        return Json{{"status", "Rejected"}};
    }
    const auto schedule = m_profiles.composite(connectorId, now, duration, unit, c->txStartedAt,
                                               profileElectrical(), hardwareMaxW());
    return Json{{"status", "Accepted"},
                {"connectorId", connectorId},
                {"scheduleStart", args::iso(now)},
                {"chargingSchedule", encodeSchedule(schedule)}};
}

Json ChargePoint::onReserveNow(const Json& p, EpochMs now) {
    const int connectorId = args::integer(p, "connectorId").value_or(0);
    const EpochMs expiry = args::dateTime(p, "expiryDate").value_or(0);
    const std::string idTag = args::text(p, "idTag").value_or("");
    const auto parent = args::text(p, "parentIdTag", false);
    const int reservationId = args::integer(p, "reservationId").value_or(0);
    if (!m_behaviour.reservationSupported) {
        return status("Rejected");
    }
    Reservation reservation{reservationId, idTag, parent, expiry};
    // A new reservation with a known id replaces the old one.
    if (m_chargerReservation && m_chargerReservation->reservationId == reservationId) {
        m_chargerReservation.reset();
    }
    for (auto& c : m_connectors) {
        if (c.reservation && c.reservation->reservationId == reservationId) {
            c.reservation.reset();
            refreshStatus(c, now);
        }
    }
    if (connectorId == 0) {
        if (!m_behaviour.reserveConnectorZeroSupported) {
            return status("Rejected");
        }
        m_chargerReservation = reservation;
        return status("Accepted");
    }
    auto* c = connectorAt(connectorId);
    if (c == nullptr) {
        return status("Rejected");
    }
    if (c->faultCode) {
        return status("Faulted");
    }
    if (c->inoperative) {
        return status("Unavailable");
    }
    if (c->inTransaction() || c->plugged || c->authorizedIdTag || c->reservation) {
        return status("Occupied");
    }
    c->reservation = reservation;
    refreshStatus(*c, now);
    return status("Accepted");
}

Json ChargePoint::onCancelReservation(const Json& p, EpochMs now) {
    const int reservationId = args::integer(p, "reservationId").value_or(0);
    if (!m_behaviour.acceptCancelReservation) {
        return status("Rejected");
    }
    if (m_chargerReservation && m_chargerReservation->reservationId == reservationId) {
        m_chargerReservation.reset();
        return status("Accepted");
    }
    for (auto& c : m_connectors) {
        if (c.reservation && c.reservation->reservationId == reservationId) {
            c.reservation.reset();
            refreshStatus(c, now);
            return status("Accepted");
        }
    }
    return status("Rejected");
}

Json ChargePoint::onSendLocalList(const Json& p, EpochMs) {
    const int version = args::integer(p, "listVersion").value_or(0);
    const std::string updateType = args::text(p, "updateType").value_or("");
    if (updateType != "Full" && updateType != "Differential") {
        throw CallFailure{ocpp::ErrorCode::PropertyConstraintViolation,
                          "updateType must be Full or Differential"};
    }
    std::map<std::string, std::optional<IdTagEntry>> entries;
    if (const auto* list = args::field(p, "localAuthorizationList", false)) {
        if (!list->is_array()) {
            throw CallFailure{ocpp::ErrorCode::TypeConstraintViolation,
                              "localAuthorizationList must be an array"};
        }
        for (const auto& item : *list) {
            const std::string tag = args::text(item, "idTag").value_or("");
            std::optional<IdTagEntry> entry;
            if (const auto* info = args::field(item, "idTagInfo", false)) {
                entry = IdTagEntry{args::text(*info, "status").value_or("Invalid"),
                                   args::dateTime(*info, "expiryDate", false),
                                   args::text(*info, "parentIdTag", false)};
            }
            entries[tag] = entry;
        }
    }
    if (!m_behaviour.localListSupported || !m_config.boolean("LocalAuthListEnabled")) {
        return status("NotSupported");
    }
    if (m_behaviour.sendLocalListFails ||
        static_cast<int>(entries.size()) > m_config.integer("SendLocalListMaxLength", 500)) {
        return status("Failed");
    }
    switch (m_idTags.update(version, updateType == "Full", entries)) {
    case LocalListUpdate::Accepted:
        return status("Accepted");
    case LocalListUpdate::VersionMismatch:
        return status("VersionMismatch");
    case LocalListUpdate::Failed:
        break;
    }
    return status("Failed");
}

Json ChargePoint::onGetLocalListVersion(const Json&, EpochMs) {
    // OCPP 1.6: -1 when the charger has no local list support, 0 when the list is empty.
    if (!m_behaviour.localListSupported) {
        return Json{{"listVersion", -1}};
    }
    return Json{{"listVersion", m_idTags.listVersion()}};
}

} // namespace voltdesk::sim
