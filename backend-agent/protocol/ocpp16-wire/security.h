// The OCPP 1.6 Security Whitepaper (edition 3) messages (field tables in security.cpp). Its schemas
// are draft-06; field names, lengths and enumerations are theirs.
#pragma once

#include "protocol/ocpp16-wire/common_types.h"
#include "protocol/ocpp16-wire/message.h"
#include "protocol/ocpp16-wire/remote_trigger.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace voltdesk::ocpp16 {

enum class HashAlgorithm { SHA256, SHA384, SHA512 };
enum class CertificateUse { CentralSystemRootCertificate, ManufacturerRootCertificate };
enum class GenericStatus { Accepted, Rejected };
enum class CertificateSignedStatus { Accepted, Rejected };
enum class InstallCertificateStatus { Accepted, Failed, Rejected };
enum class DeleteCertificateStatus { Accepted, Failed, NotFound };
enum class GetInstalledCertificateStatus { Accepted, NotFound };
enum class LogType { DiagnosticsLog, SecurityLog };
enum class LogStatus { Accepted, Rejected, AcceptedCanceled };
enum class UploadLogStatus {
    BadMessage,
    Idle,
    NotSupportedOperation,
    PermissionDenied,
    Uploaded,
    UploadFailure,
    Uploading
};
enum class UpdateFirmwareStatus {
    Accepted,
    Rejected,
    AcceptedCanceled,
    InvalidCertificate,
    RevokedCertificate
};
enum class SignedFirmwareStatus {
    Downloaded,
    DownloadFailed,
    Downloading,
    DownloadScheduled,
    DownloadPaused,
    Idle,
    InstallationFailed,
    Installing,
    Installed,
    InstallRebooting,
    InstallScheduled,
    InstallVerificationFailed,
    InvalidSignature,
    SignatureVerified,
};
enum class ExtendedMessageTrigger {
    BootNotification,
    LogStatusNotification,
    FirmwareStatusNotification,
    Heartbeat,
    MeterValues,
    SignChargePointCertificate,
    StatusNotification,
};

template <> struct EnumText<HashAlgorithm> {
    using enum HashAlgorithm;
    static constexpr auto kNames =
        enumNames<HashAlgorithm>({{SHA256, "SHA256"}, {SHA384, "SHA384"}, {SHA512, "SHA512"}});
};
template <> struct EnumText<CertificateUse> {
    using enum CertificateUse;
    static constexpr auto kNames = enumNames<CertificateUse>({
        {CentralSystemRootCertificate, "CentralSystemRootCertificate"},
        {ManufacturerRootCertificate, "ManufacturerRootCertificate"},
    });
};
template <> struct EnumText<GenericStatus> {
    using enum GenericStatus;
    static constexpr auto kNames = enumNames<GenericStatus>({{Accepted, "Accepted"}, {Rejected, "Rejected"}});
};
template <> struct EnumText<CertificateSignedStatus> {
    using enum CertificateSignedStatus;
    static constexpr auto kNames =
        enumNames<CertificateSignedStatus>({{Accepted, "Accepted"}, {Rejected, "Rejected"}});
};
template <> struct EnumText<InstallCertificateStatus> {
    using enum InstallCertificateStatus;
    static constexpr auto kNames = enumNames<InstallCertificateStatus>(
        {{Accepted, "Accepted"}, {Failed, "Failed"}, {Rejected, "Rejected"}});
};
template <> struct EnumText<DeleteCertificateStatus> {
    using enum DeleteCertificateStatus;
    static constexpr auto kNames = enumNames<DeleteCertificateStatus>(
        {{Accepted, "Accepted"}, {Failed, "Failed"}, {NotFound, "NotFound"}});
};
template <> struct EnumText<GetInstalledCertificateStatus> {
    using enum GetInstalledCertificateStatus;
    static constexpr auto kNames =
        enumNames<GetInstalledCertificateStatus>({{Accepted, "Accepted"}, {NotFound, "NotFound"}});
};
template <> struct EnumText<LogType> {
    using enum LogType;
    static constexpr auto kNames =
        enumNames<LogType>({{DiagnosticsLog, "DiagnosticsLog"}, {SecurityLog, "SecurityLog"}});
};
template <> struct EnumText<LogStatus> {
    using enum LogStatus;
    static constexpr auto kNames = enumNames<LogStatus>(
        {{Accepted, "Accepted"}, {Rejected, "Rejected"}, {AcceptedCanceled, "AcceptedCanceled"}});
};
template <> struct EnumText<UploadLogStatus> {
    using enum UploadLogStatus;
    static constexpr auto kNames = enumNames<UploadLogStatus>({
        {BadMessage, "BadMessage"},
        {Idle, "Idle"},
        {NotSupportedOperation, "NotSupportedOperation"},
        {PermissionDenied, "PermissionDenied"},
        {Uploaded, "Uploaded"},
        {UploadFailure, "UploadFailure"},
        {Uploading, "Uploading"},
    });
};
template <> struct EnumText<UpdateFirmwareStatus> {
    using enum UpdateFirmwareStatus;
    static constexpr auto kNames = enumNames<UpdateFirmwareStatus>({
        {Accepted, "Accepted"},
        {Rejected, "Rejected"},
        {AcceptedCanceled, "AcceptedCanceled"},
        {InvalidCertificate, "InvalidCertificate"},
        {RevokedCertificate, "RevokedCertificate"},
    });
};
template <> struct EnumText<SignedFirmwareStatus> {
    using enum SignedFirmwareStatus;
    static constexpr auto kNames = enumNames<SignedFirmwareStatus>({
        {Downloaded, "Downloaded"},
        {DownloadFailed, "DownloadFailed"},
        {Downloading, "Downloading"},
        {DownloadScheduled, "DownloadScheduled"},
        {DownloadPaused, "DownloadPaused"},
        {Idle, "Idle"},
        {InstallationFailed, "InstallationFailed"},
        {Installing, "Installing"},
        {Installed, "Installed"},
        {InstallRebooting, "InstallRebooting"},
        {InstallScheduled, "InstallScheduled"},
        {InstallVerificationFailed, "InstallVerificationFailed"},
        {InvalidSignature, "InvalidSignature"},
        {SignatureVerified, "SignatureVerified"},
    });
};
template <> struct EnumText<ExtendedMessageTrigger> {
    using enum ExtendedMessageTrigger;
    static constexpr auto kNames = enumNames<ExtendedMessageTrigger>({
        {BootNotification, "BootNotification"},
        {LogStatusNotification, "LogStatusNotification"},
        {FirmwareStatusNotification, "FirmwareStatusNotification"},
        {Heartbeat, "Heartbeat"},
        {MeterValues, "MeterValues"},
        {SignChargePointCertificate, "SignChargePointCertificate"},
        {StatusNotification, "StatusNotification"},
    });
};

struct CertificateHashData {
    HashAlgorithm hashAlgorithm = HashAlgorithm::SHA256;
    std::string issuerNameHash; ///< at most 128 characters
    std::string issuerKeyHash;  ///< at most 128 characters
    std::string serialNumber;   ///< at most 40 characters
    bool operator==(const CertificateHashData&) const = default;
};

struct LogParameters {
    std::string remoteLocation; ///< at most 512 characters
    std::optional<EpochMs> oldestTimestamp;
    std::optional<EpochMs> latestTimestamp;
    bool operator==(const LogParameters&) const = default;
};

struct Firmware {
    std::string location; ///< at most 512 characters (a plain string in this schema, not "uri")
    EpochMs retrieveDateTime = 0;
    std::optional<EpochMs> installDateTime;
    std::string signingCertificate; ///< PEM, at most 5500 characters
    std::string signature;          ///< Base64, at most 800 characters
    bool operator==(const Firmware&) const = default;
};

struct SecurityEventNotificationRequest {
    static constexpr std::string_view kAction = "SecurityEventNotification";
    std::string type; ///< at most 50 characters
    EpochMs timestamp = 0;
    std::optional<std::string> techInfo; ///< at most 255 characters
    bool operator==(const SecurityEventNotificationRequest&) const = default;
};

struct SecurityEventNotificationConfirmation {
    static constexpr std::string_view kAction = "SecurityEventNotification";
    bool operator==(const SecurityEventNotificationConfirmation&) const = default;
};

struct SignCertificateRequest {
    static constexpr std::string_view kAction = "SignCertificate";
    std::string csr; ///< PEM, at most 5500 characters
    bool operator==(const SignCertificateRequest&) const = default;
};

struct SignCertificateConfirmation {
    static constexpr std::string_view kAction = "SignCertificate";
    GenericStatus status = GenericStatus::Accepted;
    bool operator==(const SignCertificateConfirmation&) const = default;
};

struct CertificateSignedRequest {
    static constexpr std::string_view kAction = "CertificateSigned";
    std::string certificateChain; ///< PEM, at most 10000 characters
    bool operator==(const CertificateSignedRequest&) const = default;
};

struct CertificateSignedConfirmation {
    static constexpr std::string_view kAction = "CertificateSigned";
    CertificateSignedStatus status = CertificateSignedStatus::Accepted;
    bool operator==(const CertificateSignedConfirmation&) const = default;
};

struct InstallCertificateRequest {
    static constexpr std::string_view kAction = "InstallCertificate";
    CertificateUse certificateType = CertificateUse::CentralSystemRootCertificate;
    std::string certificate; ///< PEM, at most 5500 characters
    bool operator==(const InstallCertificateRequest&) const = default;
};

struct InstallCertificateConfirmation {
    static constexpr std::string_view kAction = "InstallCertificate";
    InstallCertificateStatus status = InstallCertificateStatus::Accepted;
    bool operator==(const InstallCertificateConfirmation&) const = default;
};

struct DeleteCertificateRequest {
    static constexpr std::string_view kAction = "DeleteCertificate";
    CertificateHashData certificateHashData;
    bool operator==(const DeleteCertificateRequest&) const = default;
};

struct DeleteCertificateConfirmation {
    static constexpr std::string_view kAction = "DeleteCertificate";
    DeleteCertificateStatus status = DeleteCertificateStatus::Accepted;
    bool operator==(const DeleteCertificateConfirmation&) const = default;
};

struct GetInstalledCertificateIdsRequest {
    static constexpr std::string_view kAction = "GetInstalledCertificateIds";
    CertificateUse certificateType = CertificateUse::CentralSystemRootCertificate;
    bool operator==(const GetInstalledCertificateIdsRequest&) const = default;
};

struct GetInstalledCertificateIdsConfirmation {
    static constexpr std::string_view kAction = "GetInstalledCertificateIds";
    std::optional<std::vector<CertificateHashData>> certificateHashData; ///< at least one when present
    GetInstalledCertificateStatus status = GetInstalledCertificateStatus::Accepted;
    bool operator==(const GetInstalledCertificateIdsConfirmation&) const = default;
};

struct GetLogRequest {
    static constexpr std::string_view kAction = "GetLog";
    LogParameters log;
    LogType logType = LogType::DiagnosticsLog;
    int requestId = 0;
    std::optional<int> retries;
    std::optional<int> retryInterval; ///< seconds
    bool operator==(const GetLogRequest&) const = default;
};

struct GetLogConfirmation {
    static constexpr std::string_view kAction = "GetLog";
    LogStatus status = LogStatus::Accepted;
    std::optional<std::string> filename; ///< at most 255 characters (sic: "filename", unlike GetDiagnostics)
    bool operator==(const GetLogConfirmation&) const = default;
};

struct LogStatusNotificationRequest {
    static constexpr std::string_view kAction = "LogStatusNotification";
    UploadLogStatus status = UploadLogStatus::Idle;
    std::optional<int> requestId;
    bool operator==(const LogStatusNotificationRequest&) const = default;
};

struct LogStatusNotificationConfirmation {
    static constexpr std::string_view kAction = "LogStatusNotification";
    bool operator==(const LogStatusNotificationConfirmation&) const = default;
};

struct SignedUpdateFirmwareRequest {
    static constexpr std::string_view kAction = "SignedUpdateFirmware";
    std::optional<int> retries;
    std::optional<int> retryInterval; ///< seconds
    int requestId = 0;
    Firmware firmware;
    bool operator==(const SignedUpdateFirmwareRequest&) const = default;
};

struct SignedUpdateFirmwareConfirmation {
    static constexpr std::string_view kAction = "SignedUpdateFirmware";
    UpdateFirmwareStatus status = UpdateFirmwareStatus::Accepted;
    bool operator==(const SignedUpdateFirmwareConfirmation&) const = default;
};

struct SignedFirmwareStatusNotificationRequest {
    static constexpr std::string_view kAction = "SignedFirmwareStatusNotification";
    SignedFirmwareStatus status = SignedFirmwareStatus::Idle;
    std::optional<int> requestId;
    bool operator==(const SignedFirmwareStatusNotificationRequest&) const = default;
};

struct SignedFirmwareStatusNotificationConfirmation {
    static constexpr std::string_view kAction = "SignedFirmwareStatusNotification";
    bool operator==(const SignedFirmwareStatusNotificationConfirmation&) const = default;
};

struct ExtendedTriggerMessageRequest {
    static constexpr std::string_view kAction = "ExtendedTriggerMessage";
    ExtendedMessageTrigger requestedMessage = ExtendedMessageTrigger::Heartbeat;
    std::optional<int> connectorId;
    bool operator==(const ExtendedTriggerMessageRequest&) const = default;
};

struct ExtendedTriggerMessageConfirmation {
    static constexpr std::string_view kAction = "ExtendedTriggerMessage";
    TriggerMessageStatus status = TriggerMessageStatus::Accepted;
    bool operator==(const ExtendedTriggerMessageConfirmation&) const = default;
};

// clang-format off
template <> struct Action<"SecurityEventNotification"> : ActionTypes<SecurityEventNotificationRequest, SecurityEventNotificationConfirmation> {};
template <> struct Action<"SignCertificate"> : ActionTypes<SignCertificateRequest, SignCertificateConfirmation> {};
template <> struct Action<"CertificateSigned"> : ActionTypes<CertificateSignedRequest, CertificateSignedConfirmation> {};
template <> struct Action<"InstallCertificate"> : ActionTypes<InstallCertificateRequest, InstallCertificateConfirmation> {};
template <> struct Action<"DeleteCertificate"> : ActionTypes<DeleteCertificateRequest, DeleteCertificateConfirmation> {};
template <> struct Action<"GetInstalledCertificateIds"> : ActionTypes<GetInstalledCertificateIdsRequest, GetInstalledCertificateIdsConfirmation> {};
template <> struct Action<"GetLog"> : ActionTypes<GetLogRequest, GetLogConfirmation> {};
template <> struct Action<"LogStatusNotification"> : ActionTypes<LogStatusNotificationRequest, LogStatusNotificationConfirmation> {};
template <> struct Action<"SignedUpdateFirmware"> : ActionTypes<SignedUpdateFirmwareRequest, SignedUpdateFirmwareConfirmation> {};
template <> struct Action<"SignedFirmwareStatusNotification"> : ActionTypes<SignedFirmwareStatusNotificationRequest, SignedFirmwareStatusNotificationConfirmation> {};
template <> struct Action<"ExtendedTriggerMessage"> : ActionTypes<ExtendedTriggerMessageRequest, ExtendedTriggerMessageConfirmation> {};
// clang-format on

} // namespace voltdesk::ocpp16
