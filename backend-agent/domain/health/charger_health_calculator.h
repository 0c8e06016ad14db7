// Everything health needs about one charger, turned into the published figures (contract).
#pragma once

#include "contract/charger_health.h"
#include "domain/health/energy_window.h"
#include "domain/health/status_timeline.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace voltdesk::domain {

struct ChargerHealthData {
    std::string chargerId;
    std::vector<StatusRecord> records;          ///< time order: the last 30 days and what came before
    std::vector<TransactionMeter> transactions; ///< those that overlap today
    std::optional<double> powerW;               ///< live power; absent when unknown
    contract::EpochMs dayStart = 0;             ///< midnight in the site's time zone (UTC without one)
    contract::EpochMs lastSeen = 0;
    /// The live connection, when known; it wins over the records, which may lag behind it (and say
    /// nothing of a charger that never connected).
    std::optional<bool> online;
};

struct HealthWindows {
    std::chrono::milliseconds day{std::chrono::hours(24)};
    std::chrono::milliseconds month{std::chrono::hours(24 * 30)};
    std::chrono::milliseconds staleAfter{std::chrono::minutes(15)}; ///< silence that makes a charger stale
};

/// The figures of interface 4 at `now`. Offline, the power is absent.
contract::ChargerHealth computeChargerHealth(const ChargerHealthData& data, contract::EpochMs now,
                                             const HealthWindows& windows = {});

} // namespace voltdesk::domain
