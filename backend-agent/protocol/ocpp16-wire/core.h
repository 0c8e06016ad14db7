// OCPP 1.6 Core profile messages as typed structs, checked against the 1.6 JSON schemas. One header per
// feature profile: firmware.h, reservation.h, ... follow the same pattern.
#pragma once

#include "contract/iso8601.h"
#include "protocol/ocpp16-wire/payload_result.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace voltdesk::ocpp16 {

using contract::EpochMs;

enum class RegistrationStatus { Accepted, Pending, Rejected };

enum class ChargePointStatus {
    Available,
    Preparing,
    Charging,
    SuspendedEVSE,
    SuspendedEV,
    Finishing,
    Reserved,
    Unavailable,
    Faulted,
};

enum class ChargePointErrorCode {
    ConnectorLockFailure,
    EVCommunicationError,
    GroundFailure,
    HighTemperature,
    InternalError,
    LocalListConflict,
    NoError,
    OtherError,
    OverCurrentFailure,
    PowerMeterFailure,
    PowerSwitchFailure,
    ReaderFailure,
    ResetFailure,
    UnderVoltage,
    OverVoltage,
    WeakSignal,
};

std::string_view toString(RegistrationStatus value);
std::string_view toString(ChargePointStatus value);
std::string_view toString(ChargePointErrorCode value);
std::optional<RegistrationStatus> registrationStatusFromString(std::string_view text);
std::optional<ChargePointStatus> chargePointStatusFromString(std::string_view text);
std::optional<ChargePointErrorCode> chargePointErrorCodeFromString(std::string_view text);

struct BootNotificationRequest {
    static constexpr std::string_view kAction = "BootNotification";
    std::string chargePointVendor;                      ///< CiString20
    std::string chargePointModel;                       ///< CiString20
    std::optional<std::string> chargePointSerialNumber; ///< CiString25
    std::optional<std::string> chargeBoxSerialNumber;   ///< CiString25
    std::optional<std::string> firmwareVersion;         ///< CiString50
    std::optional<std::string> iccid;                   ///< CiString20
    std::optional<std::string> imsi;                    ///< CiString20
    std::optional<std::string> meterType;               ///< CiString25
    std::optional<std::string> meterSerialNumber;       ///< CiString25
    bool operator==(const BootNotificationRequest&) const = default;
};

struct BootNotificationConfirmation {
    static constexpr std::string_view kAction = "BootNotification";
    RegistrationStatus status = RegistrationStatus::Accepted;
    EpochMs currentTime = 0;
    int interval = 0; ///< seconds: heartbeat interval when Accepted, retry interval otherwise
    bool operator==(const BootNotificationConfirmation&) const = default;
};

struct HeartbeatRequest {
    static constexpr std::string_view kAction = "Heartbeat";
    bool operator==(const HeartbeatRequest&) const = default;
};

struct HeartbeatConfirmation {
    static constexpr std::string_view kAction = "Heartbeat";
    EpochMs currentTime = 0;
    bool operator==(const HeartbeatConfirmation&) const = default;
};

struct StatusNotificationRequest {
    static constexpr std::string_view kAction = "StatusNotification";
    int connectorId = 0; ///< 0: the charge point as a whole
    ChargePointErrorCode errorCode = ChargePointErrorCode::NoError;
    std::optional<std::string> info; ///< CiString50
    ChargePointStatus status = ChargePointStatus::Available;
    std::optional<EpochMs> timestamp;
    std::optional<std::string> vendorId;        ///< CiString255
    std::optional<std::string> vendorErrorCode; ///< CiString50
    bool operator==(const StatusNotificationRequest&) const = default;
};

struct StatusNotificationConfirmation {
    static constexpr std::string_view kAction = "StatusNotification";
    bool operator==(const StatusNotificationConfirmation&) const = default;
};

/// The payload object of a message. Both directions exist: the simulator encodes requests and decodes
/// confirmations, the agent the other way round.
nlohmann::json encode(const BootNotificationRequest& message);
nlohmann::json encode(const BootNotificationConfirmation& message);
nlohmann::json encode(const HeartbeatRequest& message);
nlohmann::json encode(const HeartbeatConfirmation& message);
nlohmann::json encode(const StatusNotificationRequest& message);
nlohmann::json encode(const StatusNotificationConfirmation& message);

/// Checks a payload against the message's schema (codes as PayloadReader documents) and reads it.
template <typename T> PayloadResult<T> decode(const nlohmann::json& payload);

template <>
PayloadResult<BootNotificationRequest> decode<BootNotificationRequest>(const nlohmann::json& payload);
template <>
PayloadResult<BootNotificationConfirmation>
decode<BootNotificationConfirmation>(const nlohmann::json& payload);
template <> PayloadResult<HeartbeatRequest> decode<HeartbeatRequest>(const nlohmann::json& payload);
template <> PayloadResult<HeartbeatConfirmation> decode<HeartbeatConfirmation>(const nlohmann::json& payload);
template <>
PayloadResult<StatusNotificationRequest> decode<StatusNotificationRequest>(const nlohmann::json& payload);
template <>
PayloadResult<StatusNotificationConfirmation>
decode<StatusNotificationConfirmation>(const nlohmann::json& payload);

} // namespace voltdesk::ocpp16
