// The fleet's status records of the last 30 days kept in memory between health cycles, so each
// cycle reads only the rows added since the last one.
#pragma once

#include "domain/health/status_timeline.h"

#include <cstddef>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace voltdesk::domain {

/// Not thread-safe. Keeps, per charger and in time order, only the records that can change a health
/// figure: connection changes, the first record of each connector, out-of-service statuses, records
/// with an error code, and the first in-service record after an out-of-service one. A record that only
/// moves a connector between in-service statuses (Available, Charging, ...) is dropped.
class StatusHistoryCache {
public:
    void add(const std::string& chargerId, StatusRecord record);
    /// Drops what is older than cutoff, except each connector's last record before it (and the last
    /// connection change), which say the state at the cutoff.
    void prune(contract::EpochMs cutoff);
    /// For every charger whose connection was last recorded up before `at`: an "Offline" at `at`. The
    /// agent has just started, so no charger is connected; when it stopped without recording the
    /// disconnections (a crash), the time since is unknown and taken as online.
    void closeConnectionsAt(contract::EpochMs at);
    std::span<const StatusRecord> records(const std::string& chargerId) const;
    std::size_t recordCount() const;

private:
    std::unordered_map<std::string, std::vector<StatusRecord>> m_chargers;
};

} // namespace voltdesk::domain
