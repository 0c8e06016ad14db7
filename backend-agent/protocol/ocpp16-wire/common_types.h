// Types more than one OCPP 1.6 profile carries: the answer to an idTag (IdTagInfo), meter readings
// (MeterValue, SampledValue) and charging profiles (Core's RemoteStartTransaction and Smart Charging).
#pragma once

#include "contract/iso8601.h"
#include "protocol/ocpp16-wire/enum_text.h"

#include <optional>
#include <string>
#include <vector>

namespace voltdesk::ocpp16 {

using contract::EpochMs;

enum class AuthorizationStatus { Accepted, Blocked, Expired, Invalid, ConcurrentTx };

template <> struct EnumText<AuthorizationStatus> {
    using enum AuthorizationStatus;
    static constexpr auto kNames = enumNames<AuthorizationStatus>({
        {Accepted, "Accepted"},
        {Blocked, "Blocked"},
        {Expired, "Expired"},
        {Invalid, "Invalid"},
        {ConcurrentTx, "ConcurrentTx"},
    });
};

struct IdTagInfo {
    std::optional<EpochMs> expiryDate;
    std::optional<std::string> parentIdTag; ///< CiString20
    AuthorizationStatus status = AuthorizationStatus::Invalid;
    bool operator==(const IdTagInfo&) const = default;
};

enum class ReadingContext {
    InterruptionBegin,
    InterruptionEnd,
    SampleClock,
    SamplePeriodic,
    TransactionBegin,
    TransactionEnd,
    Trigger,
    Other,
};

template <> struct EnumText<ReadingContext> {
    using enum ReadingContext;
    static constexpr auto kNames = enumNames<ReadingContext>({
        {InterruptionBegin, "Interruption.Begin"},
        {InterruptionEnd, "Interruption.End"},
        {SampleClock, "Sample.Clock"},
        {SamplePeriodic, "Sample.Periodic"},
        {TransactionBegin, "Transaction.Begin"},
        {TransactionEnd, "Transaction.End"},
        {Trigger, "Trigger"},
        {Other, "Other"},
    });
};

enum class ValueFormat { Raw, SignedData };

template <> struct EnumText<ValueFormat> {
    using enum ValueFormat;
    static constexpr auto kNames = enumNames<ValueFormat>({{Raw, "Raw"}, {SignedData, "SignedData"}});
};

enum class Measurand {
    EnergyActiveExportRegister,
    EnergyActiveImportRegister,
    EnergyReactiveExportRegister,
    EnergyReactiveImportRegister,
    EnergyActiveExportInterval,
    EnergyActiveImportInterval,
    EnergyReactiveExportInterval,
    EnergyReactiveImportInterval,
    PowerActiveExport,
    PowerActiveImport,
    PowerOffered,
    PowerReactiveExport,
    PowerReactiveImport,
    PowerFactor,
    CurrentImport,
    CurrentExport,
    CurrentOffered,
    Voltage,
    Frequency,
    Temperature,
    SoC,
    RPM,
};

template <> struct EnumText<Measurand> {
    using enum Measurand;
    static constexpr auto kNames = enumNames<Measurand>({
        {EnergyActiveExportRegister, "Energy.Active.Export.Register"},
        {EnergyActiveImportRegister, "Energy.Active.Import.Register"},
        {EnergyReactiveExportRegister, "Energy.Reactive.Export.Register"},
        {EnergyReactiveImportRegister, "Energy.Reactive.Import.Register"},
        {EnergyActiveExportInterval, "Energy.Active.Export.Interval"},
        {EnergyActiveImportInterval, "Energy.Active.Import.Interval"},
        {EnergyReactiveExportInterval, "Energy.Reactive.Export.Interval"},
        {EnergyReactiveImportInterval, "Energy.Reactive.Import.Interval"},
        {PowerActiveExport, "Power.Active.Export"},
        {PowerActiveImport, "Power.Active.Import"},
        {PowerOffered, "Power.Offered"},
        {PowerReactiveExport, "Power.Reactive.Export"},
        {PowerReactiveImport, "Power.Reactive.Import"},
        {PowerFactor, "Power.Factor"},
        {CurrentImport, "Current.Import"},
        {CurrentExport, "Current.Export"},
        {CurrentOffered, "Current.Offered"},
        {Voltage, "Voltage"},
        {Frequency, "Frequency"},
        {Temperature, "Temperature"},
        {SoC, "SoC"},
        {RPM, "RPM"},
    });
};

enum class Phase { L1, L2, L3, N, L1N, L2N, L3N, L1L2, L2L3, L3L1 };

template <> struct EnumText<Phase> {
    using enum Phase;
    static constexpr auto kNames = enumNames<Phase>({
        {L1, "L1"},
        {L2, "L2"},
        {L3, "L3"},
        {N, "N"},
        {L1N, "L1-N"},
        {L2N, "L2-N"},
        {L3N, "L3-N"},
        {L1L2, "L1-L2"},
        {L2L3, "L2-L3"},
        {L3L1, "L3-L1"},
    });
};

enum class Location { Cable, EV, Inlet, Outlet, Body };

template <> struct EnumText<Location> {
    using enum Location;
    static constexpr auto kNames = enumNames<Location>({
        {Cable, "Cable"},
        {EV, "EV"},
        {Inlet, "Inlet"},
        {Outlet, "Outlet"},
        {Body, "Body"},
    });
};

enum class UnitOfMeasure {
    Wh,
    KWh,
    Varh,
    Kvarh,
    W,
    KW,
    VA,
    KVA,
    Var,
    Kvar,
    A,
    V,
    K,
    Celsius,
    Fahrenheit,
    Percent
};

/// The 1.6 schemas spell the unit "Celcius"; the OCPP-J 1.6 errata (2025-04, "incorrect spelling of
/// Celsius V2") add "Celsius" to MeterValues and StopTransaction, tell charge points to keep sending
/// "Celcius" and central systems to accept both. Both read as Celsius; it is written "Celcius".
template <> struct EnumText<UnitOfMeasure> {
    using enum UnitOfMeasure;
    static constexpr auto kNames = enumNames<UnitOfMeasure>({
        {Wh, "Wh"},
        {KWh, "kWh"},
        {Varh, "varh"},
        {Kvarh, "kvarh"},
        {W, "W"},
        {KW, "kW"},
        {VA, "VA"},
        {KVA, "kVA"},
        {Var, "var"},
        {Kvar, "kvar"},
        {A, "A"},
        {V, "V"},
        {K, "K"},
        {Celsius, "Celcius"},
        {Celsius, "Celsius"},
        {Fahrenheit, "Fahrenheit"},
        {Percent, "Percent"},
    });
};

struct SampledValue {
    std::string value; ///< a string on the wire, also for numbers (strict: a JSON number is refused)
    std::optional<ReadingContext> context;
    std::optional<ValueFormat> format;
    std::optional<Measurand> measurand;
    std::optional<Phase> phase;
    std::optional<Location> location;
    std::optional<UnitOfMeasure> unit;
    bool operator==(const SampledValue&) const = default;
};

struct MeterValue {
    EpochMs timestamp = 0;
    std::vector<SampledValue> sampledValue;
    bool operator==(const MeterValue&) const = default;
};

enum class ChargingProfilePurpose { ChargePointMaxProfile, TxDefaultProfile, TxProfile };

template <> struct EnumText<ChargingProfilePurpose> {
    using enum ChargingProfilePurpose;
    static constexpr auto kNames = enumNames<ChargingProfilePurpose>({
        {ChargePointMaxProfile, "ChargePointMaxProfile"},
        {TxDefaultProfile, "TxDefaultProfile"},
        {TxProfile, "TxProfile"},
    });
};

enum class ChargingProfileKind { Absolute, Recurring, Relative };

template <> struct EnumText<ChargingProfileKind> {
    using enum ChargingProfileKind;
    static constexpr auto kNames = enumNames<ChargingProfileKind>({
        {Absolute, "Absolute"},
        {Recurring, "Recurring"},
        {Relative, "Relative"},
    });
};

enum class RecurrencyKind { Daily, Weekly };

template <> struct EnumText<RecurrencyKind> {
    using enum RecurrencyKind;
    static constexpr auto kNames = enumNames<RecurrencyKind>({{Daily, "Daily"}, {Weekly, "Weekly"}});
};

enum class ChargingRateUnit { A, W };

template <> struct EnumText<ChargingRateUnit> {
    using enum ChargingRateUnit;
    static constexpr auto kNames = enumNames<ChargingRateUnit>({{A, "A"}, {W, "W"}});
};

struct ChargingSchedulePeriod {
    int startPeriod = 0; ///< seconds from the start of the schedule
    double limit = 0;    ///< in the schedule's unit, a multiple of 0.1
    std::optional<int> numberPhases;
    bool operator==(const ChargingSchedulePeriod&) const = default;
};

struct ChargingSchedule {
    std::optional<int> duration; ///< seconds
    std::optional<EpochMs> startSchedule;
    ChargingRateUnit chargingRateUnit = ChargingRateUnit::A;
    std::vector<ChargingSchedulePeriod> chargingSchedulePeriod;
    std::optional<double> minChargingRate; ///< a multiple of 0.1
    bool operator==(const ChargingSchedule&) const = default;
};

struct ChargingProfile {
    int chargingProfileId = 0;
    std::optional<int> transactionId;
    int stackLevel = 0;
    ChargingProfilePurpose chargingProfilePurpose = ChargingProfilePurpose::TxProfile;
    ChargingProfileKind chargingProfileKind = ChargingProfileKind::Absolute;
    std::optional<RecurrencyKind> recurrencyKind;
    std::optional<EpochMs> validFrom;
    std::optional<EpochMs> validTo;
    ChargingSchedule chargingSchedule;
    bool operator==(const ChargingProfile&) const = default;
};

} // namespace voltdesk::ocpp16
