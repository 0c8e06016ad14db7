// Internal to the charge point: ChargingProfile and ChargingSchedule to and from JSON through the wire
// library's own field tables (by way of RemoteStartTransaction, which nests a profile), until the
// Smart Charging messages land in ocpp16-wire.
#pragma once

#include "chargepoint/call_failure.h"
#include "protocol/ocpp16-wire/core.h"

namespace voltdesk::sim {

inline ocpp16::ChargingProfile decodeProfile(const nlohmann::json& profile) {
    const auto holder = decodeOrFail(ocpp16::decode<ocpp16::RemoteStartTransactionRequest>(
        nlohmann::json{{"idTag", "-"}, {"chargingProfile", profile}}));
    return holder.chargingProfile.value_or(ocpp16::ChargingProfile{});
}

inline nlohmann::json encodeSchedule(const ocpp16::ChargingSchedule& schedule) {
    ocpp16::RemoteStartTransactionRequest holder;
    holder.idTag = "-";
    holder.chargingProfile = ocpp16::ChargingProfile{};
    holder.chargingProfile->chargingSchedule = schedule;
    return ocpp16::encode(holder)["chargingProfile"]["chargingSchedule"];
}

} // namespace voltdesk::sim
