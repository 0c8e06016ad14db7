// What the rating engine reads (a session's times and meter readings) and what it returns (line items
// that add up to the total, and the meter anomalies it found).
#pragma once

#include "domain/billing/meter_profile.h"

#include <optional>
#include <string>
#include <vector>

namespace voltdesk::billing {

struct SessionInput {
    EpochMs start = 0;
    /// Absent while the session runs: it is then rated up to RatingOptions::asOf, else to its last
    /// reading (the live cost). The same readings with stop = that instant give the same rating.
    std::optional<EpochMs> stop;
    /// When charging finished (power ~0, SuspendedEV), if known: time price stops, idle time starts.
    std::optional<EpochMs> chargingFinished;
    std::vector<MeterReading> readings;
};

struct RatingOptions {
    MeterProfileOptions meter;
    std::optional<EpochMs> asOf; ///< the end of a running session; ignored once it has a stop
};

enum class LineKind {
    Energy,       ///< energy price x kWh of one period slice
    ServiceFee,   ///< service fee x kWh of the same slice
    ChargingTime, ///< per minute from start until charging finished, per tariff
    IdleTime,     ///< per minute after charging finished and the grace period, capped
    SessionFee,   ///< once per session
    MinimumPrice, ///< raises the subtotal to the tariff's minimum
    MaximumPrice, ///< lowers the subtotal to the tariff's maximum (negative)
};

struct LineItem {
    LineKind kind = LineKind::Energy;
    std::string tariffId;
    int tariffVersion = 0;
    std::string period; ///< Energy and ServiceFee lines
    EpochMs from = 0;   ///< UTC
    EpochMs to = 0;
    std::string localFrom; ///< site time with offset, "2025-10-26T02:30:00+02:00"
    std::string localTo;
    std::int64_t milliWh = 0;    ///< Energy and ServiceFee lines
    std::int64_t durationMs = 0; ///< ChargingTime and IdleTime lines (billable time)
    UnitPrice unitPrice;         ///< per kWh or per minute
    Money amount = 0;
};

struct SessionRating {
    std::string currency;
    int minorDigits = 2;
    EpochMs from = 0;
    EpochMs to = 0;           ///< the stop, or the instant a running session was rated at
    bool provisional = false; ///< true for a running session's live cost
    std::vector<LineItem> lines;
    std::int64_t billedMilliWh = 0;
    std::int64_t unbilledMilliWh = 0; ///< the anomalies' energy, left out of the rating
    Money subtotal = 0;               ///< sum of the lines' amounts
    Money tax = 0;
    Money total = 0; ///< subtotal + tax
    std::vector<MeterAnomaly> anomalies;
};

} // namespace voltdesk::billing
