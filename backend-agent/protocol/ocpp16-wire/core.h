// OCPP 1.6 Core profile messages as typed structs, checked against the 1.6 JSON schemas (field tables
// in core.cpp). Lengths are the schemas' CiString limits, in characters.
#pragma once

#include "protocol/ocpp16-wire/common_types.h"
#include "protocol/ocpp16-wire/message.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace voltdesk::ocpp16 {

enum class RegistrationStatus { Accepted, Pending, Rejected };

template <> struct EnumText<RegistrationStatus> {
    using enum RegistrationStatus;
    static constexpr auto kNames =
        enumNames<RegistrationStatus>({{Accepted, "Accepted"}, {Pending, "Pending"}, {Rejected, "Rejected"}});
};

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

template <> struct EnumText<ChargePointStatus> {
    using enum ChargePointStatus;
    static constexpr auto kNames = enumNames<ChargePointStatus>({
        {Available, "Available"},
        {Preparing, "Preparing"},
        {Charging, "Charging"},
        {SuspendedEVSE, "SuspendedEVSE"},
        {SuspendedEV, "SuspendedEV"},
        {Finishing, "Finishing"},
        {Reserved, "Reserved"},
        {Unavailable, "Unavailable"},
        {Faulted, "Faulted"},
    });
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

template <> struct EnumText<ChargePointErrorCode> {
    using enum ChargePointErrorCode;
    static constexpr auto kNames = enumNames<ChargePointErrorCode>({
        {ConnectorLockFailure, "ConnectorLockFailure"},
        {EVCommunicationError, "EVCommunicationError"},
        {GroundFailure, "GroundFailure"},
        {HighTemperature, "HighTemperature"},
        {InternalError, "InternalError"},
        {LocalListConflict, "LocalListConflict"},
        {NoError, "NoError"},
        {OtherError, "OtherError"},
        {OverCurrentFailure, "OverCurrentFailure"},
        {PowerMeterFailure, "PowerMeterFailure"},
        {PowerSwitchFailure, "PowerSwitchFailure"},
        {ReaderFailure, "ReaderFailure"},
        {ResetFailure, "ResetFailure"},
        {UnderVoltage, "UnderVoltage"},
        {OverVoltage, "OverVoltage"},
        {WeakSignal, "WeakSignal"},
    });
};

enum class AvailabilityType { Inoperative, Operative };
enum class AvailabilityStatus { Accepted, Rejected, Scheduled };
enum class ConfigurationStatus { Accepted, Rejected, RebootRequired, NotSupported };
enum class ClearCacheStatus { Accepted, Rejected };
enum class DataTransferStatus { Accepted, Rejected, UnknownMessageId, UnknownVendorId };
enum class RemoteStartStopStatus { Accepted, Rejected };
enum class ResetType { Hard, Soft };
enum class ResetStatus { Accepted, Rejected };
enum class UnlockStatus { Unlocked, UnlockFailed, NotSupported };
enum class Reason {
    EmergencyStop,
    EVDisconnected,
    HardReset,
    Local,
    Other,
    PowerLoss,
    Reboot,
    Remote,
    SoftReset,
    UnlockCommand,
    DeAuthorized,
};

template <> struct EnumText<AvailabilityType> {
    using enum AvailabilityType;
    static constexpr auto kNames =
        enumNames<AvailabilityType>({{Inoperative, "Inoperative"}, {Operative, "Operative"}});
};
template <> struct EnumText<AvailabilityStatus> {
    using enum AvailabilityStatus;
    static constexpr auto kNames = enumNames<AvailabilityStatus>(
        {{Accepted, "Accepted"}, {Rejected, "Rejected"}, {Scheduled, "Scheduled"}});
};
template <> struct EnumText<ConfigurationStatus> {
    using enum ConfigurationStatus;
    static constexpr auto kNames = enumNames<ConfigurationStatus>({
        {Accepted, "Accepted"},
        {Rejected, "Rejected"},
        {RebootRequired, "RebootRequired"},
        {NotSupported, "NotSupported"},
    });
};
template <> struct EnumText<ClearCacheStatus> {
    using enum ClearCacheStatus;
    static constexpr auto kNames =
        enumNames<ClearCacheStatus>({{Accepted, "Accepted"}, {Rejected, "Rejected"}});
};
template <> struct EnumText<DataTransferStatus> {
    using enum DataTransferStatus;
    static constexpr auto kNames = enumNames<DataTransferStatus>({
        {Accepted, "Accepted"},
        {Rejected, "Rejected"},
        {UnknownMessageId, "UnknownMessageId"},
        {UnknownVendorId, "UnknownVendorId"},
    });
};
template <> struct EnumText<RemoteStartStopStatus> {
    using enum RemoteStartStopStatus;
    static constexpr auto kNames =
        enumNames<RemoteStartStopStatus>({{Accepted, "Accepted"}, {Rejected, "Rejected"}});
};
template <> struct EnumText<ResetType> {
    using enum ResetType;
    static constexpr auto kNames = enumNames<ResetType>({{Hard, "Hard"}, {Soft, "Soft"}});
};
template <> struct EnumText<ResetStatus> {
    using enum ResetStatus;
    static constexpr auto kNames = enumNames<ResetStatus>({{Accepted, "Accepted"}, {Rejected, "Rejected"}});
};
template <> struct EnumText<UnlockStatus> {
    using enum UnlockStatus;
    static constexpr auto kNames = enumNames<UnlockStatus>(
        {{Unlocked, "Unlocked"}, {UnlockFailed, "UnlockFailed"}, {NotSupported, "NotSupported"}});
};
template <> struct EnumText<Reason> {
    using enum Reason;
    static constexpr auto kNames = enumNames<Reason>({
        {EmergencyStop, "EmergencyStop"},
        {EVDisconnected, "EVDisconnected"},
        {HardReset, "HardReset"},
        {Local, "Local"},
        {Other, "Other"},
        {PowerLoss, "PowerLoss"},
        {Reboot, "Reboot"},
        {Remote, "Remote"},
        {SoftReset, "SoftReset"},
        {UnlockCommand, "UnlockCommand"},
        {DeAuthorized, "DeAuthorized"},
    });
};

// Kept from before the generic toString()/fromString() existed; the core block and simulator use them.
inline std::optional<RegistrationStatus> registrationStatusFromString(std::string_view text) {
    return fromString<RegistrationStatus>(text);
}
inline std::optional<ChargePointStatus> chargePointStatusFromString(std::string_view text) {
    return fromString<ChargePointStatus>(text);
}
inline std::optional<ChargePointErrorCode> chargePointErrorCodeFromString(std::string_view text) {
    return fromString<ChargePointErrorCode>(text);
}

struct AuthorizeRequest {
    static constexpr std::string_view kAction = "Authorize";
    std::string idTag; ///< CiString20
    bool operator==(const AuthorizeRequest&) const = default;
};

struct AuthorizeConfirmation {
    static constexpr std::string_view kAction = "Authorize";
    IdTagInfo idTagInfo;
    bool operator==(const AuthorizeConfirmation&) const = default;
};

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

struct ChangeAvailabilityRequest {
    static constexpr std::string_view kAction = "ChangeAvailability";
    int connectorId = 0; ///< 0: the charge point as a whole
    AvailabilityType type = AvailabilityType::Operative;
    bool operator==(const ChangeAvailabilityRequest&) const = default;
};

struct ChangeAvailabilityConfirmation {
    static constexpr std::string_view kAction = "ChangeAvailability";
    AvailabilityStatus status = AvailabilityStatus::Accepted;
    bool operator==(const ChangeAvailabilityConfirmation&) const = default;
};

struct ChangeConfigurationRequest {
    static constexpr std::string_view kAction = "ChangeConfiguration";
    std::string key;   ///< CiString50
    std::string value; ///< CiString500
    bool operator==(const ChangeConfigurationRequest&) const = default;
};

struct ChangeConfigurationConfirmation {
    static constexpr std::string_view kAction = "ChangeConfiguration";
    ConfigurationStatus status = ConfigurationStatus::Accepted;
    bool operator==(const ChangeConfigurationConfirmation&) const = default;
};

struct ClearCacheRequest {
    static constexpr std::string_view kAction = "ClearCache";
    bool operator==(const ClearCacheRequest&) const = default;
};

struct ClearCacheConfirmation {
    static constexpr std::string_view kAction = "ClearCache";
    ClearCacheStatus status = ClearCacheStatus::Accepted;
    bool operator==(const ClearCacheConfirmation&) const = default;
};

struct DataTransferRequest {
    static constexpr std::string_view kAction = "DataTransfer";
    std::string vendorId;                 ///< CiString255
    std::optional<std::string> messageId; ///< CiString50
    std::optional<std::string> data;      ///< unbounded text
    bool operator==(const DataTransferRequest&) const = default;
};

struct DataTransferConfirmation {
    static constexpr std::string_view kAction = "DataTransfer";
    DataTransferStatus status = DataTransferStatus::Accepted;
    std::optional<std::string> data; ///< unbounded text
    bool operator==(const DataTransferConfirmation&) const = default;
};

struct GetConfigurationRequest {
    static constexpr std::string_view kAction = "GetConfiguration";
    std::optional<std::vector<std::string>> key; ///< CiString50 each; absent: every key
    bool operator==(const GetConfigurationRequest&) const = default;
};

struct KeyValue {
    std::string key; ///< CiString50
    bool readonly = false;
    std::optional<std::string> value; ///< CiString500
    bool operator==(const KeyValue&) const = default;
};

struct GetConfigurationConfirmation {
    static constexpr std::string_view kAction = "GetConfiguration";
    std::optional<std::vector<KeyValue>> configurationKey;
    std::optional<std::vector<std::string>> unknownKey; ///< CiString50 each
    bool operator==(const GetConfigurationConfirmation&) const = default;
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

struct MeterValuesRequest {
    static constexpr std::string_view kAction = "MeterValues";
    int connectorId = 0;
    std::optional<int> transactionId;
    std::vector<MeterValue> meterValue;
    bool operator==(const MeterValuesRequest&) const = default;
};

struct MeterValuesConfirmation {
    static constexpr std::string_view kAction = "MeterValues";
    bool operator==(const MeterValuesConfirmation&) const = default;
};

struct RemoteStartTransactionRequest {
    static constexpr std::string_view kAction = "RemoteStartTransaction";
    std::optional<int> connectorId;
    std::string idTag; ///< CiString20
    std::optional<ChargingProfile> chargingProfile;
    bool operator==(const RemoteStartTransactionRequest&) const = default;
};

struct RemoteStartTransactionConfirmation {
    static constexpr std::string_view kAction = "RemoteStartTransaction";
    RemoteStartStopStatus status = RemoteStartStopStatus::Accepted;
    bool operator==(const RemoteStartTransactionConfirmation&) const = default;
};

struct RemoteStopTransactionRequest {
    static constexpr std::string_view kAction = "RemoteStopTransaction";
    int transactionId = 0;
    bool operator==(const RemoteStopTransactionRequest&) const = default;
};

struct RemoteStopTransactionConfirmation {
    static constexpr std::string_view kAction = "RemoteStopTransaction";
    RemoteStartStopStatus status = RemoteStartStopStatus::Accepted;
    bool operator==(const RemoteStopTransactionConfirmation&) const = default;
};

struct ResetRequest {
    static constexpr std::string_view kAction = "Reset";
    ResetType type = ResetType::Soft;
    bool operator==(const ResetRequest&) const = default;
};

struct ResetConfirmation {
    static constexpr std::string_view kAction = "Reset";
    ResetStatus status = ResetStatus::Accepted;
    bool operator==(const ResetConfirmation&) const = default;
};

struct StartTransactionRequest {
    static constexpr std::string_view kAction = "StartTransaction";
    int connectorId = 0;
    std::string idTag;        ///< CiString20
    long long meterStart = 0; ///< Wh
    std::optional<int> reservationId;
    EpochMs timestamp = 0;
    bool operator==(const StartTransactionRequest&) const = default;
};

struct StartTransactionConfirmation {
    static constexpr std::string_view kAction = "StartTransaction";
    IdTagInfo idTagInfo;
    int transactionId = 0;
    bool operator==(const StartTransactionConfirmation&) const = default;
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

struct StopTransactionRequest {
    static constexpr std::string_view kAction = "StopTransaction";
    std::optional<std::string> idTag; ///< CiString20
    long long meterStop = 0;          ///< Wh
    EpochMs timestamp = 0;
    int transactionId = 0;
    std::optional<Reason> reason;
    std::optional<std::vector<MeterValue>> transactionData;
    bool operator==(const StopTransactionRequest&) const = default;
};

struct StopTransactionConfirmation {
    static constexpr std::string_view kAction = "StopTransaction";
    std::optional<IdTagInfo> idTagInfo;
    bool operator==(const StopTransactionConfirmation&) const = default;
};

struct UnlockConnectorRequest {
    static constexpr std::string_view kAction = "UnlockConnector";
    int connectorId = 0;
    bool operator==(const UnlockConnectorRequest&) const = default;
};

struct UnlockConnectorConfirmation {
    static constexpr std::string_view kAction = "UnlockConnector";
    UnlockStatus status = UnlockStatus::Unlocked;
    bool operator==(const UnlockConnectorConfirmation&) const = default;
};

// clang-format off
template <> struct Action<"Authorize"> : ActionTypes<AuthorizeRequest, AuthorizeConfirmation> {};
template <> struct Action<"BootNotification"> : ActionTypes<BootNotificationRequest, BootNotificationConfirmation> {};
template <> struct Action<"ChangeAvailability"> : ActionTypes<ChangeAvailabilityRequest, ChangeAvailabilityConfirmation> {};
template <> struct Action<"ChangeConfiguration"> : ActionTypes<ChangeConfigurationRequest, ChangeConfigurationConfirmation> {};
template <> struct Action<"ClearCache"> : ActionTypes<ClearCacheRequest, ClearCacheConfirmation> {};
template <> struct Action<"DataTransfer"> : ActionTypes<DataTransferRequest, DataTransferConfirmation> {};
template <> struct Action<"GetConfiguration"> : ActionTypes<GetConfigurationRequest, GetConfigurationConfirmation> {};
template <> struct Action<"Heartbeat"> : ActionTypes<HeartbeatRequest, HeartbeatConfirmation> {};
template <> struct Action<"MeterValues"> : ActionTypes<MeterValuesRequest, MeterValuesConfirmation> {};
template <> struct Action<"RemoteStartTransaction"> : ActionTypes<RemoteStartTransactionRequest, RemoteStartTransactionConfirmation> {};
template <> struct Action<"RemoteStopTransaction"> : ActionTypes<RemoteStopTransactionRequest, RemoteStopTransactionConfirmation> {};
template <> struct Action<"Reset"> : ActionTypes<ResetRequest, ResetConfirmation> {};
template <> struct Action<"StartTransaction"> : ActionTypes<StartTransactionRequest, StartTransactionConfirmation> {};
template <> struct Action<"StatusNotification"> : ActionTypes<StatusNotificationRequest, StatusNotificationConfirmation> {};
template <> struct Action<"StopTransaction"> : ActionTypes<StopTransactionRequest, StopTransactionConfirmation> {};
template <> struct Action<"UnlockConnector"> : ActionTypes<UnlockConnectorRequest, UnlockConnectorConfirmation> {};
// clang-format on

} // namespace voltdesk::ocpp16
