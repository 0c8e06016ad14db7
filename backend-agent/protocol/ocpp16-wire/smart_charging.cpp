// Field tables of the Smart Charging profile, as the OCPP 1.6 JSON schemas list them.
#include "protocol/ocpp16-wire/smart_charging.h"

#include "protocol/ocpp16-wire/common_schemas.h"

namespace voltdesk::ocpp16 {

namespace schema {

template <> struct Schema<SetChargingProfileRequest> {
    using M = SetChargingProfileRequest;
    static constexpr auto kFields = std::tuple{
        field("connectorId", &M::connectorId, kConnectorId),
        field("csChargingProfiles", &M::csChargingProfiles),
    };
};

template <> struct Schema<SetChargingProfileConfirmation> {
    static constexpr auto kFields = std::tuple{field("status", &SetChargingProfileConfirmation::status)};
};

template <> struct Schema<ClearChargingProfileRequest> {
    using M = ClearChargingProfileRequest;
    static constexpr auto kFields = std::tuple{
        field("id", &M::id),
        field("connectorId", &M::connectorId, kConnectorId),
        field("chargingProfilePurpose", &M::chargingProfilePurpose),
        field("stackLevel", &M::stackLevel),
    };
};

template <> struct Schema<ClearChargingProfileConfirmation> {
    static constexpr auto kFields = std::tuple{field("status", &ClearChargingProfileConfirmation::status)};
};

template <> struct Schema<GetCompositeScheduleRequest> {
    using M = GetCompositeScheduleRequest;
    static constexpr auto kFields = std::tuple{
        field("connectorId", &M::connectorId, kConnectorId),
        field("duration", &M::duration),
        field("chargingRateUnit", &M::chargingRateUnit),
    };
};

template <> struct Schema<GetCompositeScheduleConfirmation> {
    using M = GetCompositeScheduleConfirmation;
    static constexpr auto kFields = std::tuple{
        field("status", &M::status),
        field("connectorId", &M::connectorId, kConnectorId),
        field("scheduleStart", &M::scheduleStart, kDateTime),
        field("chargingSchedule", &M::chargingSchedule),
    };
};

} // namespace schema

template struct MessageCodec<SetChargingProfileRequest>;
template struct MessageCodec<SetChargingProfileConfirmation>;
template struct MessageCodec<ClearChargingProfileRequest>;
template struct MessageCodec<ClearChargingProfileConfirmation>;
template struct MessageCodec<GetCompositeScheduleRequest>;
template struct MessageCodec<GetCompositeScheduleConfirmation>;

} // namespace voltdesk::ocpp16
