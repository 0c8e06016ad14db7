// OCPP 1.6 Smart Charging profile messages (field tables in smart_charging.cpp); ChargingProfile and
// its schedule are in common_types.h, as Core's RemoteStartTransaction carries one too.
#pragma once

#include "protocol/ocpp16-wire/common_types.h"
#include "protocol/ocpp16-wire/message.h"

#include <optional>
#include <string_view>

namespace voltdesk::ocpp16 {

enum class ChargingProfileStatus { Accepted, Rejected, NotSupported };
enum class ClearChargingProfileStatus { Accepted, Unknown };
enum class GetCompositeScheduleStatus { Accepted, Rejected };

template <> struct EnumText<ChargingProfileStatus> {
    using enum ChargingProfileStatus;
    static constexpr auto kNames = enumNames<ChargingProfileStatus>(
        {{Accepted, "Accepted"}, {Rejected, "Rejected"}, {NotSupported, "NotSupported"}});
};

template <> struct EnumText<ClearChargingProfileStatus> {
    using enum ClearChargingProfileStatus;
    static constexpr auto kNames =
        enumNames<ClearChargingProfileStatus>({{Accepted, "Accepted"}, {Unknown, "Unknown"}});
};

template <> struct EnumText<GetCompositeScheduleStatus> {
    using enum GetCompositeScheduleStatus;
    static constexpr auto kNames =
        enumNames<GetCompositeScheduleStatus>({{Accepted, "Accepted"}, {Rejected, "Rejected"}});
};

struct SetChargingProfileRequest {
    static constexpr std::string_view kAction = "SetChargingProfile";
    int connectorId = 0; ///< 0: the charge point as a whole
    ChargingProfile csChargingProfiles;
    bool operator==(const SetChargingProfileRequest&) const = default;
};

struct SetChargingProfileConfirmation {
    static constexpr std::string_view kAction = "SetChargingProfile";
    ChargingProfileStatus status = ChargingProfileStatus::Accepted;
    bool operator==(const SetChargingProfileConfirmation&) const = default;
};

/// Every field narrows what is cleared; none set clears every profile.
struct ClearChargingProfileRequest {
    static constexpr std::string_view kAction = "ClearChargingProfile";
    std::optional<int> id;
    std::optional<int> connectorId;
    std::optional<ChargingProfilePurpose> chargingProfilePurpose;
    std::optional<int> stackLevel;
    bool operator==(const ClearChargingProfileRequest&) const = default;
};

struct ClearChargingProfileConfirmation {
    static constexpr std::string_view kAction = "ClearChargingProfile";
    ClearChargingProfileStatus status = ClearChargingProfileStatus::Accepted;
    bool operator==(const ClearChargingProfileConfirmation&) const = default;
};

struct GetCompositeScheduleRequest {
    static constexpr std::string_view kAction = "GetCompositeSchedule";
    int connectorId = 0;
    int duration = 0; ///< seconds
    std::optional<ChargingRateUnit> chargingRateUnit;
    bool operator==(const GetCompositeScheduleRequest&) const = default;
};

struct GetCompositeScheduleConfirmation {
    static constexpr std::string_view kAction = "GetCompositeSchedule";
    GetCompositeScheduleStatus status = GetCompositeScheduleStatus::Accepted;
    std::optional<int> connectorId;
    std::optional<EpochMs> scheduleStart;
    std::optional<ChargingSchedule> chargingSchedule;
    bool operator==(const GetCompositeScheduleConfirmation&) const = default;
};

// clang-format off
template <> struct Action<"SetChargingProfile"> : ActionTypes<SetChargingProfileRequest, SetChargingProfileConfirmation> {};
template <> struct Action<"ClearChargingProfile"> : ActionTypes<ClearChargingProfileRequest, ClearChargingProfileConfirmation> {};
template <> struct Action<"GetCompositeSchedule"> : ActionTypes<GetCompositeScheduleRequest, GetCompositeScheduleConfirmation> {};
// clang-format on

} // namespace voltdesk::ocpp16
