#include "domain/meter_telemetry.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>

namespace voltdesk::domain {

namespace {

enum class Quantity { Power, Current, Voltage, Temperature, Soc, Energy, Count };

enum class PhaseKind { Total, Phase, Neutral };

struct Value {
    int locationRank = 0; ///< lower is preferred
    PhaseKind phase = PhaseKind::Total;
    double value = 0;
};

std::optional<Quantity> quantityOf(std::string_view measurand) {
    if (measurand.empty() || measurand == "Energy.Active.Import.Register") {
        return Quantity::Energy;
    }
    if (measurand == "Power.Active.Import") {
        return Quantity::Power;
    }
    if (measurand == "Current.Import") {
        return Quantity::Current;
    }
    if (measurand == "Voltage") {
        return Quantity::Voltage;
    }
    if (measurand == "Temperature") {
        return Quantity::Temperature;
    }
    if (measurand == "SoC") {
        return Quantity::Soc;
    }
    return std::nullopt;
}

/// The value in the quantity's fixed unit; nullopt when the unit does not belong to the quantity.
std::optional<double> inFixedUnit(Quantity quantity, std::string_view unit, double v) {
    switch (quantity) {
    case Quantity::Energy:
        if (unit.empty() || unit == "Wh") {
            return v;
        }
        return unit == "kWh" ? std::optional(v * 1000) : std::nullopt;
    case Quantity::Power:
        if (unit.empty() || unit == "W") {
            return v;
        }
        return unit == "kW" ? std::optional(v * 1000) : std::nullopt;
    case Quantity::Current:
        return unit.empty() || unit == "A" ? std::optional(v) : std::nullopt;
    case Quantity::Voltage:
        return unit.empty() || unit == "V" ? std::optional(v) : std::nullopt;
    case Quantity::Temperature:
        if (unit.empty() || unit == "Celsius" || unit == "Celcius") { // OCPP 1.6's schema has both spellings
            return v;
        }
        if (unit == "K") {
            return v - 273.15;
        }
        return unit == "Fahrenheit" ? std::optional((v - 32) * 5 / 9) : std::nullopt;
    case Quantity::Soc:
        return unit.empty() || unit == "Percent" ? std::optional(v) : std::nullopt;
    case Quantity::Count:
        break;
    }
    return std::nullopt;
}

std::optional<double> parseNumber(std::string_view text) {
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
    }
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
    }
    double v = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) {
        return std::nullopt;
    }
    return v;
}

PhaseKind phaseKindOf(std::string_view phase) {
    if (phase.empty()) {
        return PhaseKind::Total;
    }
    return phase == "N" ? PhaseKind::Neutral : PhaseKind::Phase;
}

int locationRank(std::string_view location) {
    if (location.empty() || location == "Outlet") {
        return 0;
    }
    if (location == "Inlet" || location == "EV") {
        return 1;
    }
    return 2; // Body, Cable
}

/// Combines one quantity's values of one reading by the rules in the header.
std::optional<double> combine(Quantity quantity, const std::vector<Value>& values) {
    if (values.empty()) {
        return std::nullopt;
    }
    if (quantity == Quantity::Temperature) {
        return std::max_element(values.begin(), values.end(),
                                [](const Value& a, const Value& b) { return a.value < b.value; })
            ->value;
    }
    int best = 3;
    for (const auto& v : values) {
        if (v.phase != PhaseKind::Neutral) {
            best = std::min(best, v.locationRank);
        }
    }
    std::optional<double> total;
    double sum = 0;
    int phases = 0;
    for (const auto& v : values) {
        if (v.locationRank != best || v.phase == PhaseKind::Neutral) {
            continue;
        }
        if (v.phase == PhaseKind::Total) {
            total = total.value_or(v.value); // the first one, should a charger send two
        } else {
            sum += v.value;
            ++phases;
        }
    }
    if (total) {
        return total;
    }
    if (phases == 0) {
        return std::nullopt;
    }
    return quantity == Quantity::Voltage ? sum / phases : sum;
}

} // namespace

std::vector<contract::TelemetrySample> telemetryOf(const MeterValuesReport& report) {
    std::vector<contract::TelemetrySample> samples;
    for (const auto& reading : report.readings) {
        std::array<std::vector<Value>, static_cast<std::size_t>(Quantity::Count)> byQuantity;
        for (const auto& s : reading.samples) {
            if (s.format == "SignedData") {
                continue;
            }
            const auto quantity = quantityOf(s.measurand);
            const auto number = parseNumber(s.value);
            if (!quantity || !number) {
                continue;
            }
            const auto value = inFixedUnit(*quantity, s.unit, *number);
            if (!value) {
                continue;
            }
            byQuantity.at(static_cast<std::size_t>(*quantity))
                .push_back(Value{locationRank(s.location), phaseKindOf(s.phase), *value});
        }
        const auto of = [&](Quantity q) { return combine(q, byQuantity.at(static_cast<std::size_t>(q))); };
        contract::TelemetrySample sample;
        sample.chargerId = report.chargerId;
        sample.connectorId = report.connectorId;
        sample.at = reading.timestamp;
        sample.transactionId = report.transactionId;
        sample.powerW = of(Quantity::Power);
        sample.currentA = of(Quantity::Current);
        sample.voltageV = of(Quantity::Voltage);
        sample.temperatureC = of(Quantity::Temperature);
        sample.socPercent = of(Quantity::Soc);
        sample.energyWh = of(Quantity::Energy);
        if (sample.powerW || sample.currentA || sample.voltageV || sample.temperatureC || sample.socPercent ||
            sample.energyWh) {
            samples.push_back(std::move(sample));
        }
    }
    return samples;
}

contract::TelemetrySample telemetryOf(const ActiveTransaction& started) {
    contract::TelemetrySample sample;
    sample.chargerId = started.chargerId;
    sample.connectorId = started.connectorId;
    sample.at = started.startedAt;
    sample.transactionId = started.transactionId;
    sample.energyWh = static_cast<double>(started.meterStartWh);
    return sample;
}

contract::TelemetrySample telemetryOf(const TransactionStop& stop, int connectorId) {
    contract::TelemetrySample sample;
    sample.chargerId = stop.chargerId;
    sample.connectorId = connectorId;
    sample.at = stop.timestamp;
    sample.transactionId = stop.transactionId;
    sample.energyWh = static_cast<double>(stop.meterStopWh);
    return sample;
}

} // namespace voltdesk::domain
