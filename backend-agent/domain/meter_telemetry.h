// Meter readings as charts want them: the protocol's sampled values (measurand, unit, phase, location)
// turned into one TelemetrySample per connector and instant, in fixed units.
#pragma once

#include "contract/telemetry.h"
#include "domain/transaction_ledger.h"
#include "domain/transactions.h"

#include <vector>

namespace voltdesk::domain {

/// One sample per reading that has at least one value we chart, in the report's order.
/// - Power.Active.Import → powerW (kW × 1000), Current.Import → currentA, Voltage → voltageV,
///   Temperature → temperatureC (K and Fahrenheit converted; OCPP 1.6's "Celcius" spelling too), SoC →
///   socPercent, Energy.Active.Import.Register (also the default measurand) → energyWh (kWh × 1000).
/// - A value for all phases together (no phase) wins over per-phase ones; otherwise phases are summed
///   (power, current, energy) or averaged (voltage); the neutral conductor ("N") is ignored.
/// - The Outlet location (also the default) wins over Inlet, EV, Body and Cable; Temperature takes the
///   highest of all locations.
/// - Signed values, values that are not finite numbers and units that do not fit are skipped.
std::vector<contract::TelemetrySample> telemetryOf(const MeterValuesReport& report);

/// The start's meter reading: energyWh = meterStart at the charger's start time.
contract::TelemetrySample telemetryOf(const ActiveTransaction& started);

/// The stop's meter reading: energyWh = meterStop at the charger's stop time, on the connector the
/// transaction ran on.
contract::TelemetrySample telemetryOf(const TransactionStop& stop, int connectorId);

} // namespace voltdesk::domain
