// A filled example of every OCPP 1.6 message, every optional field set, for round-trip tests.
#pragma once

#include "protocol/ocpp16-wire/messages.h"

namespace examples {

using namespace voltdesk::ocpp16;

inline constexpr EpochMs kT0 = 1795686025123; // 2026-11-26T09:40:25.123Z

template <typename T> T example();

/// The message with no optional field set: the default, unless a required field has no valid default.
template <typename T> T minimal() {
    return T{};
}

inline IdTagInfo idTagInfo() {
    return IdTagInfo{kT0 + 86'400'000, "PARENT-1", AuthorizationStatus::ConcurrentTx};
}

inline MeterValue meterValue() {
    MeterValue mv;
    mv.timestamp = kT0;
    SampledValue energy{"12345.6",         ReadingContext::SamplePeriodic,
                        ValueFormat::Raw,  Measurand::EnergyActiveImportRegister,
                        Phase::L1N,        Location::Outlet,
                        UnitOfMeasure::KWh};
    SampledValue temperature{"41.5",
                             ReadingContext::TransactionEnd,
                             ValueFormat::SignedData,
                             Measurand::Temperature,
                             Phase::N,
                             Location::Body,
                             UnitOfMeasure::Celsius};
    mv.sampledValue = {energy, temperature, SampledValue{"7", {}, {}, {}, {}, {}, {}}};
    return mv;
}

inline ChargingProfile chargingProfile() {
    ChargingProfile p;
    p.chargingProfileId = 7;
    p.transactionId = 42;
    p.stackLevel = 2;
    p.chargingProfilePurpose = ChargingProfilePurpose::TxProfile;
    p.chargingProfileKind = ChargingProfileKind::Recurring;
    p.recurrencyKind = RecurrencyKind::Daily;
    p.validFrom = kT0;
    p.validTo = kT0 + 3'600'000;
    p.chargingSchedule.duration = 3600;
    p.chargingSchedule.startSchedule = kT0;
    p.chargingSchedule.chargingRateUnit = ChargingRateUnit::W;
    p.chargingSchedule.chargingSchedulePeriod = {{0, 11000.0, 3}, {1800, 7400.5, std::nullopt}};
    p.chargingSchedule.minChargingRate = 1400.3;
    return p;
}

template <> inline AuthorizeRequest example() {
    return {"04A2B3C4D5E6F7"};
}
template <> inline AuthorizeConfirmation example() {
    return {idTagInfo()};
}
template <> inline BootNotificationRequest example() {
    return {"Alpitronic", "HYC300", "SN-1", "BOX-1", "1.2.3", "8949", "262", "EEM", "M-1"};
}
template <> inline BootNotificationConfirmation example() {
    return {RegistrationStatus::Pending, kT0, 60};
}
template <> inline ChangeAvailabilityRequest example() {
    return {2, AvailabilityType::Inoperative};
}
template <> inline ChangeAvailabilityConfirmation example() {
    return {AvailabilityStatus::Scheduled};
}
template <> inline ChangeConfigurationRequest example() {
    return {"HeartbeatInterval", "300"};
}
template <> inline ChangeConfigurationConfirmation example() {
    return {ConfigurationStatus::RebootRequired};
}
template <> inline ClearCacheRequest example() {
    return {};
}
template <> inline ClearCacheConfirmation example() {
    return {ClearCacheStatus::Rejected};
}
template <> inline DataTransferRequest example() {
    return {"com.voltdesk", "Tariff", R"({"price":0.39})"};
}
template <> inline DataTransferConfirmation example() {
    return {DataTransferStatus::UnknownMessageId, "ok"};
}
template <> inline GetConfigurationRequest example() {
    return {std::vector<std::string>{"HeartbeatInterval", "MeterValueSampleInterval"}};
}
template <> inline GetConfigurationConfirmation example() {
    return {std::vector<KeyValue>{{"HeartbeatInterval", false, "300"},
                                  {"NumberOfConnectors", true, std::nullopt}},
            std::vector<std::string>{"FooBar"}};
}
template <> inline HeartbeatRequest example() {
    return {};
}
template <> inline HeartbeatConfirmation example() {
    return {kT0};
}
template <> inline MeterValuesRequest example() {
    return {1, 42, {meterValue(), meterValue()}};
}
template <> inline MeterValuesConfirmation example() {
    return {};
}
template <> inline RemoteStartTransactionRequest example() {
    return {1, "04A2B3C4D5E6F7", chargingProfile()};
}
template <> inline RemoteStartTransactionConfirmation example() {
    return {RemoteStartStopStatus::Rejected};
}
template <> inline RemoteStopTransactionRequest example() {
    return {42};
}
template <> inline RemoteStopTransactionConfirmation example() {
    return {RemoteStartStopStatus::Accepted};
}
template <> inline ResetRequest example() {
    return {ResetType::Hard};
}
template <> inline ResetConfirmation example() {
    return {ResetStatus::Rejected};
}
template <> inline StartTransactionRequest example() {
    return {1, "04A2B3C4D5E6F7", 5'000'000'000LL, 9, kT0};
}
template <> inline StartTransactionConfirmation example() {
    return {idTagInfo(), 42};
}
template <> inline StatusNotificationRequest example() {
    return {2,
            ChargePointErrorCode::GroundFailure,
            "earth leak",
            ChargePointStatus::Faulted,
            kT0,
            "com.example",
            "E-17"};
}
template <> inline StatusNotificationConfirmation example() {
    return {};
}
template <> inline StopTransactionRequest example() {
    return {"04A2B3C4D5E6F7", 5'000'012'345LL, kT0, 42, Reason::EVDisconnected, std::vector{meterValue()}};
}
template <> inline StopTransactionConfirmation example() {
    return {idTagInfo()};
}
template <> inline UnlockConnectorRequest example() {
    return {1};
}
template <> inline UnlockConnectorConfirmation example() {
    return {UnlockStatus::UnlockFailed};
}

template <> inline GetDiagnosticsRequest example() {
    return {"ftp://diag.example.com/upload", 3, 60, kT0 - 86'400'000, kT0};
}
template <> inline GetDiagnosticsRequest minimal() {
    return {"ftp://diag.example.com/upload", {}, {}, {}, {}};
}
template <> inline GetDiagnosticsConfirmation example() {
    return {"diag-2026-11-26.tar.gz"};
}
template <> inline DiagnosticsStatusNotificationRequest example() {
    return {DiagnosticsStatus::UploadFailed};
}
template <> inline DiagnosticsStatusNotificationConfirmation example() {
    return {};
}
template <> inline FirmwareStatusNotificationRequest example() {
    return {FirmwareStatus::InstallationFailed};
}
template <> inline FirmwareStatusNotificationConfirmation example() {
    return {};
}
template <> inline UpdateFirmwareRequest example() {
    return {"https://fw.example.com/hyc300-1.2.4.bin", 5, kT0, 120};
}
template <> inline UpdateFirmwareRequest minimal() {
    return {"https://fw.example.com/hyc300-1.2.4.bin", {}, kT0, {}};
}
template <> inline UpdateFirmwareConfirmation example() {
    return {};
}
template <> inline GetLocalListVersionRequest example() {
    return {};
}
template <> inline GetLocalListVersionConfirmation example() {
    return {-1};
}
template <> inline SendLocalListRequest example() {
    return {17, std::vector<AuthorizationData>{{"TAG-1", idTagInfo()}, {"TAG-2", std::nullopt}},
            UpdateType::Differential};
}
template <> inline SendLocalListConfirmation example() {
    return {UpdateStatus::VersionMismatch};
}
template <> inline ReserveNowRequest example() {
    return {1, kT0 + 900'000, "TAG-1", "PARENT-1", 77};
}
template <> inline ReserveNowConfirmation example() {
    return {ReservationStatus::Occupied};
}
template <> inline CancelReservationRequest example() {
    return {77};
}
template <> inline CancelReservationConfirmation example() {
    return {CancelReservationStatus::Rejected};
}
template <> inline SetChargingProfileRequest example() {
    return {1, chargingProfile()};
}
template <> inline SetChargingProfileConfirmation example() {
    return {ChargingProfileStatus::NotSupported};
}
template <> inline ClearChargingProfileRequest example() {
    return {7, 1, ChargingProfilePurpose::TxDefaultProfile, 2};
}
template <> inline ClearChargingProfileConfirmation example() {
    return {ClearChargingProfileStatus::Unknown};
}
template <> inline GetCompositeScheduleRequest example() {
    return {1, 3600, ChargingRateUnit::A};
}
template <> inline GetCompositeScheduleConfirmation example() {
    return {GetCompositeScheduleStatus::Accepted, 1, kT0, chargingProfile().chargingSchedule};
}
template <> inline TriggerMessageRequest example() {
    return {MessageTrigger::DiagnosticsStatusNotification, 2};
}
template <> inline TriggerMessageConfirmation example() {
    return {TriggerMessageStatus::NotImplemented};
}

inline CertificateHashData certificateHash() {
    return {HashAlgorithm::SHA384, std::string(96, 'a'), std::string(96, 'b'), "0a1b2c3d4e5f"};
}

template <> inline SecurityEventNotificationRequest example() {
    return {"InvalidCentralSystemCertificate", kT0, "certificate expired"};
}
template <> inline SecurityEventNotificationConfirmation example() {
    return {};
}
template <> inline SignCertificateRequest example() {
    return {"-----BEGIN CERTIFICATE REQUEST-----\nMIIB...\n-----END CERTIFICATE REQUEST-----"};
}
template <> inline SignCertificateConfirmation example() {
    return {GenericStatus::Rejected};
}
template <> inline CertificateSignedRequest example() {
    return {"-----BEGIN CERTIFICATE-----\nMIIC...\n-----END CERTIFICATE-----"};
}
template <> inline CertificateSignedConfirmation example() {
    return {CertificateSignedStatus::Rejected};
}
template <> inline InstallCertificateRequest example() {
    return {CertificateUse::ManufacturerRootCertificate,
            "-----BEGIN CERTIFICATE-----\nMIID...\n-----END CERTIFICATE-----"};
}
template <> inline InstallCertificateConfirmation example() {
    return {InstallCertificateStatus::Failed};
}
template <> inline DeleteCertificateRequest example() {
    return {certificateHash()};
}
template <> inline DeleteCertificateConfirmation example() {
    return {DeleteCertificateStatus::NotFound};
}
template <> inline GetInstalledCertificateIdsRequest example() {
    return {CertificateUse::ManufacturerRootCertificate};
}
template <> inline GetInstalledCertificateIdsConfirmation example() {
    return {std::vector{certificateHash(), CertificateHashData{HashAlgorithm::SHA512, "n", "k", "1"}},
            GetInstalledCertificateStatus::Accepted};
}
template <> inline GetLogRequest example() {
    return {{"https://logs.example.com/upload", kT0 - 3'600'000, kT0}, LogType::SecurityLog, 12, 2, 30};
}
template <> inline GetLogConfirmation example() {
    return {LogStatus::AcceptedCanceled, "security-12.log"};
}
template <> inline LogStatusNotificationRequest example() {
    return {UploadLogStatus::PermissionDenied, 12};
}
template <> inline LogStatusNotificationConfirmation example() {
    return {};
}
template <> inline SignedUpdateFirmwareRequest example() {
    return {3,
            60,
            13,
            {"https://fw.example.com/hyc300-1.3.0.bin", kT0, kT0 + 3'600'000, "-----BEGIN CERTIFICATE-----",
             "c2lnbmF0dXJl"}};
}
template <> inline SignedUpdateFirmwareConfirmation example() {
    return {UpdateFirmwareStatus::RevokedCertificate};
}
template <> inline SignedFirmwareStatusNotificationRequest example() {
    return {SignedFirmwareStatus::InstallVerificationFailed, 13};
}
template <> inline SignedFirmwareStatusNotificationConfirmation example() {
    return {};
}
template <> inline ExtendedTriggerMessageRequest example() {
    return {ExtendedMessageTrigger::SignChargePointCertificate, 0};
}
template <> inline ExtendedTriggerMessageConfirmation example() {
    return {TriggerMessageStatus::Rejected};
}

} // namespace examples
