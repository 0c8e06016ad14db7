// A filled example of every OCPP 1.6 message, every optional field set, for round-trip tests.
#pragma once

#include "protocol/ocpp16-wire/core.h"

namespace examples {

using namespace voltdesk::ocpp16;

inline constexpr EpochMs kT0 = 1795686025123; // 2026-11-26T09:40:25.123Z

template <typename T> T example();

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

} // namespace examples
