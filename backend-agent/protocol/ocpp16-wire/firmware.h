// OCPP 1.6 Firmware Management profile messages (field tables in firmware.cpp).
#pragma once

#include "protocol/ocpp16-wire/common_types.h"
#include "protocol/ocpp16-wire/message.h"

#include <optional>
#include <string>
#include <string_view>

namespace voltdesk::ocpp16 {

enum class DiagnosticsStatus { Idle, Uploaded, UploadFailed, Uploading };

template <> struct EnumText<DiagnosticsStatus> {
    using enum DiagnosticsStatus;
    static constexpr auto kNames = enumNames<DiagnosticsStatus>(
        {{Idle, "Idle"}, {Uploaded, "Uploaded"}, {UploadFailed, "UploadFailed"}, {Uploading, "Uploading"}});
};

enum class FirmwareStatus {
    Downloaded,
    DownloadFailed,
    Downloading,
    Idle,
    InstallationFailed,
    Installing,
    Installed
};

template <> struct EnumText<FirmwareStatus> {
    using enum FirmwareStatus;
    static constexpr auto kNames = enumNames<FirmwareStatus>({
        {Downloaded, "Downloaded"},
        {DownloadFailed, "DownloadFailed"},
        {Downloading, "Downloading"},
        {Idle, "Idle"},
        {InstallationFailed, "InstallationFailed"},
        {Installing, "Installing"},
        {Installed, "Installed"},
    });
};

struct GetDiagnosticsRequest {
    static constexpr std::string_view kAction = "GetDiagnostics";
    std::string location; ///< an absolute URI to upload to
    std::optional<int> retries;
    std::optional<int> retryInterval; ///< seconds
    std::optional<EpochMs> startTime;
    std::optional<EpochMs> stopTime;
    bool operator==(const GetDiagnosticsRequest&) const = default;
};

struct GetDiagnosticsConfirmation {
    static constexpr std::string_view kAction = "GetDiagnostics";
    std::optional<std::string> fileName; ///< CiString255; absent: no diagnostics available
    bool operator==(const GetDiagnosticsConfirmation&) const = default;
};

struct DiagnosticsStatusNotificationRequest {
    static constexpr std::string_view kAction = "DiagnosticsStatusNotification";
    DiagnosticsStatus status = DiagnosticsStatus::Idle;
    bool operator==(const DiagnosticsStatusNotificationRequest&) const = default;
};

struct DiagnosticsStatusNotificationConfirmation {
    static constexpr std::string_view kAction = "DiagnosticsStatusNotification";
    bool operator==(const DiagnosticsStatusNotificationConfirmation&) const = default;
};

struct FirmwareStatusNotificationRequest {
    static constexpr std::string_view kAction = "FirmwareStatusNotification";
    FirmwareStatus status = FirmwareStatus::Idle;
    bool operator==(const FirmwareStatusNotificationRequest&) const = default;
};

struct FirmwareStatusNotificationConfirmation {
    static constexpr std::string_view kAction = "FirmwareStatusNotification";
    bool operator==(const FirmwareStatusNotificationConfirmation&) const = default;
};

struct UpdateFirmwareRequest {
    static constexpr std::string_view kAction = "UpdateFirmware";
    std::string location; ///< an absolute URI to download from
    std::optional<int> retries;
    EpochMs retrieveDate = 0;
    std::optional<int> retryInterval; ///< seconds
    bool operator==(const UpdateFirmwareRequest&) const = default;
};

struct UpdateFirmwareConfirmation {
    static constexpr std::string_view kAction = "UpdateFirmware";
    bool operator==(const UpdateFirmwareConfirmation&) const = default;
};

// clang-format off
template <> struct Action<"GetDiagnostics"> : ActionTypes<GetDiagnosticsRequest, GetDiagnosticsConfirmation> {};
template <> struct Action<"DiagnosticsStatusNotification"> : ActionTypes<DiagnosticsStatusNotificationRequest, DiagnosticsStatusNotificationConfirmation> {};
template <> struct Action<"FirmwareStatusNotification"> : ActionTypes<FirmwareStatusNotificationRequest, FirmwareStatusNotificationConfirmation> {};
template <> struct Action<"UpdateFirmware"> : ActionTypes<UpdateFirmwareRequest, UpdateFirmwareConfirmation> {};
// clang-format on

} // namespace voltdesk::ocpp16
