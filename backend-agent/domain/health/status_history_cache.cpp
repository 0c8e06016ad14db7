#include "domain/health/status_history_cache.h"

#include <algorithm>
#include <set>

namespace voltdesk::domain {

namespace {

/// What a record says something about: the connection (-1) or a connector.
int slotOf(const StatusRecord& r) {
    return isConnectivity(r) ? -1 : r.connectorId;
}

} // namespace

void StatusHistoryCache::add(const std::string& chargerId, StatusRecord record) {
    auto& records = m_chargers[chargerId];
    if (!isConnectivity(record) && !isOutOfService(record.status) && !isError(record.errorCode)) {
        const int slot = slotOf(record);
        const auto last = std::find_if(records.rbegin(), records.rend(),
                                       [slot](const StatusRecord& r) { return slotOf(r) == slot; });
        if (last != records.rend() && !isOutOfService(last->status) && last->at <= record.at) {
            return;
        }
    }
    // Rows arrive in id order, which is nearly time order; a late one is put in its place.
    const auto at = std::upper_bound(records.begin(), records.end(), record.at,
                                     [](contract::EpochMs t, const StatusRecord& r) { return t < r.at; });
    records.insert(at, std::move(record));
}

void StatusHistoryCache::prune(contract::EpochMs cutoff) {
    for (auto& [id, records] : m_chargers) {
        const auto firstKept =
            std::lower_bound(records.begin(), records.end(), cutoff,
                             [](const StatusRecord& r, contract::EpochMs t) { return r.at < t; });
        std::set<int> seen;
        std::vector<StatusRecord> seeds;
        for (auto it = std::make_reverse_iterator(firstKept); it != records.rend(); ++it) {
            if (seen.insert(slotOf(*it)).second) {
                seeds.push_back(*it);
            }
        }
        if (seeds.size() == static_cast<std::size_t>(firstKept - records.begin())) {
            continue;
        }
        std::reverse(seeds.begin(), seeds.end());
        seeds.insert(seeds.end(), std::make_move_iterator(firstKept), std::make_move_iterator(records.end()));
        records = std::move(seeds);
    }
}

void StatusHistoryCache::closeConnectionsAt(contract::EpochMs at) {
    for (auto& [id, records] : m_chargers) {
        const auto end =
            std::lower_bound(records.begin(), records.end(), at,
                             [](const StatusRecord& r, contract::EpochMs t) { return r.at < t; });
        const auto last = std::find_if(std::make_reverse_iterator(end), records.rend(), isConnectivity);
        if (last != records.rend() && last->status == "Online") {
            records.insert(end, StatusRecord{0, "Offline", "", at});
        }
    }
}

std::span<const StatusRecord> StatusHistoryCache::records(const std::string& chargerId) const {
    const auto it = m_chargers.find(chargerId);
    if (it == m_chargers.end()) {
        return {};
    }
    return it->second;
}

std::size_t StatusHistoryCache::recordCount() const {
    std::size_t n = 0;
    for (const auto& [id, records] : m_chargers) {
        n += records.size();
    }
    return n;
}

} // namespace voltdesk::domain
