// Live meter readings of one connector, as the agent publishes them (not retained, QoS 0) for every
// sampled value set a charger reports, so consoles can plot power, current, voltage, temperature, SoC.
#pragma once

#include "contract/decode_result.h"
#include "contract/iso8601.h"

#include <optional>
#include <string>
#include <string_view>

namespace voltdesk::contract {

/// One instant of one connector. Every measured field is optional: absent when the charger did not
/// measure it. Units are fixed (W, A, V, °C, %, Wh) whatever the charger sent.
struct TelemetrySample {
    std::string chargerId;
    int connectorId = 0; ///< 0: the charger's main meter
    EpochMs at = 0;      ///< the charger's clock
    std::optional<int> transactionId;
    std::optional<double> powerW;   ///< active import, all phases summed
    std::optional<double> currentA; ///< import, all phases summed
    std::optional<double> voltageV; ///< averaged over the phases reported
    std::optional<double> temperatureC;
    std::optional<double> socPercent;
    std::optional<double> energyWh; ///< the energy register (meter reading), not the session's energy

    bool operator==(const TelemetrySample&) const = default;
};

inline constexpr int kTelemetrySchemaVersion = 1;

/// Non-finite values are left out, as if not measured.
std::string encode(const TelemetrySample& sample);
DecodeResult<TelemetrySample> decodeTelemetrySample(std::string_view payload);

} // namespace voltdesk::contract
