// Internal to ocpp16-wire: the field tables of the types in common_types.h, shared by the profiles'
// .cpp files that nest them.
#pragma once

#include "protocol/ocpp16-wire/common_types.h"
#include "protocol/ocpp16-wire/message_schema.h"

namespace voltdesk::ocpp16::schema {

template <> struct Schema<IdTagInfo> {
    using M = IdTagInfo;
    static constexpr auto kFields = std::tuple{
        field("expiryDate", &M::expiryDate, kDateTime),
        field("parentIdTag", &M::parentIdTag, CiString{20}),
        field("status", &M::status),
    };
};

template <> struct Schema<SampledValue> {
    using M = SampledValue;
    static constexpr auto kFields = std::tuple{
        field("value", &M::value, CiString{}),
        field("context", &M::context),
        field("format", &M::format),
        field("measurand", &M::measurand),
        field("phase", &M::phase),
        field("location", &M::location),
        field("unit", &M::unit),
    };
};

template <> struct Schema<MeterValue> {
    using M = MeterValue;
    static constexpr auto kFields = std::tuple{
        field("timestamp", &M::timestamp, kDateTime),
        field("sampledValue", &M::sampledValue),
    };
};

template <> struct Schema<ChargingSchedulePeriod> {
    using M = ChargingSchedulePeriod;
    static constexpr auto kFields = std::tuple{
        field("startPeriod", &M::startPeriod),
        field("limit", &M::limit, Decimal{0.1}),
        field("numberPhases", &M::numberPhases),
    };
};

template <> struct Schema<ChargingSchedule> {
    using M = ChargingSchedule;
    static constexpr auto kFields = std::tuple{
        field("duration", &M::duration),
        field("startSchedule", &M::startSchedule, kDateTime),
        field("chargingRateUnit", &M::chargingRateUnit),
        field("chargingSchedulePeriod", &M::chargingSchedulePeriod),
        field("minChargingRate", &M::minChargingRate, Decimal{0.1}),
    };
};

template <> struct Schema<ChargingProfile> {
    using M = ChargingProfile;
    static constexpr auto kFields = std::tuple{
        field("chargingProfileId", &M::chargingProfileId),
        field("transactionId", &M::transactionId),
        field("stackLevel", &M::stackLevel),
        field("chargingProfilePurpose", &M::chargingProfilePurpose),
        field("chargingProfileKind", &M::chargingProfileKind),
        field("recurrencyKind", &M::recurrencyKind),
        field("validFrom", &M::validFrom, kDateTime),
        field("validTo", &M::validTo, kDateTime),
        field("chargingSchedule", &M::chargingSchedule),
    };
};

} // namespace voltdesk::ocpp16::schema
