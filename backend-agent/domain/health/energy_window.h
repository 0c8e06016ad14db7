// Energy a charger delivered in a time window (today), from its transactions' meter readings, and
// its live power; docs/HEALTH.md.
#pragma once

#include "contract/iso8601.h"

#include <optional>
#include <span>
#include <string_view>

namespace voltdesk::domain {

/// What the store knows of one transaction's Energy.Active.Import.Register, in Wh.
struct TransactionMeter {
    contract::EpochMs start = 0;
    double meterStartWh = 0;
    std::optional<contract::EpochMs> stop; ///< absent while the transaction runs
    std::optional<double> meterStopWh;
    std::optional<double> registerBeforeWh; ///< last reading before the window, if any
    std::optional<double> latestRegisterWh; ///< last reading before the window's end, if any
};

/// Register at the window's end (the stop value when the transaction ended in it, else the latest
/// reading) minus the register at its start (meterStart when it began in the window, else the last
/// reading before it, else meterStart). Never negative; 0 for a transaction outside the window.
double energyInWindowWh(const TransactionMeter& t, contract::EpochMs from, contract::EpochMs to);

/// A sampled value in Wh or W: "Wh"/"W" or empty as is, "kWh"/"kW" times 1000; nullopt for any other
/// unit or a value that is not a number.
std::optional<double> toBaseUnit(std::string_view value, std::string_view unit);

/// One connector's latest Power.Active.Import reading, already in W.
struct PowerReading {
    std::string_view phase; ///< empty for the total, "L1".."L3" per phase
    double watts = 0;
};

/// The connector's power: its total when it reported one, else the sum of its L1..L3 phases.
std::optional<double> connectorPowerW(std::span<const PowerReading> readings);

} // namespace voltdesk::domain
