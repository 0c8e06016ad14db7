// Health figures of one charger as the agent computes them (retained, per charger); docs/HEALTH.md
// defines every figure.
#pragma once

#include "contract/decode_result.h"
#include "contract/iso8601.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace voltdesk::contract {

struct ChargerHealth {
    std::string chargerId;
    EpochMs computedAt = 0;
    std::optional<double> powerW;          ///< latest measured power; absent when none is recent
    double energyTodayWh = 0;              ///< since midnight in the site's time zone (UTC without one)
    int faults24h = 0;                     ///< times a connector went Faulted in the last 24 h
    std::optional<double> availability24h; ///< 0..1; absent when nothing is known of the window
    std::optional<double> availability30d;
    int healthScore = 100;                  ///< 0..100
    std::vector<std::string> healthReasons; ///< what lowered the score, worst first, in words

    bool operator==(const ChargerHealth&) const = default;
};

inline constexpr int kChargerHealthSchemaVersion = 1;

std::string encode(const ChargerHealth& health);
DecodeResult<ChargerHealth> decodeChargerHealth(std::string_view payload);

} // namespace voltdesk::contract
