#include "domain/health/energy_window.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace voltdesk::domain {

double energyInWindowWh(const TransactionMeter& t, contract::EpochMs from, contract::EpochMs to) {
    if (t.start >= to || (t.stop && *t.stop < from)) {
        return 0.0;
    }
    const double begin = t.start >= from ? t.meterStartWh : t.registerBeforeWh.value_or(t.meterStartWh);
    double end = t.latestRegisterWh.value_or(begin);
    if (t.stop && *t.stop < to && t.meterStopWh) {
        end = *t.meterStopWh;
    }
    return std::max(0.0, end - begin);
}

std::optional<double> toBaseUnit(std::string_view value, std::string_view unit) {
    double number = 0;
    const char* first = value.data();
    const char* last = first + value.size(); // from_chars reads [first, last), no terminator needed
    const auto [end, error] = std::from_chars(first, last, number);
    if (error != std::errc() || end != last || !std::isfinite(number)) {
        return std::nullopt;
    }
    if (unit.empty() || unit == "Wh" || unit == "W") {
        return number;
    }
    if (unit == "kWh" || unit == "kW") {
        return number * 1000.0;
    }
    return std::nullopt;
}

std::optional<double> connectorPowerW(std::span<const PowerReading> readings) {
    std::optional<double> phases;
    for (const auto& r : readings) {
        if (r.phase.empty()) {
            return r.watts;
        }
        if (r.phase == "L1" || r.phase == "L2" || r.phase == "L3") {
            phases = phases.value_or(0.0) + r.watts;
        }
    }
    return phases;
}

} // namespace voltdesk::domain
