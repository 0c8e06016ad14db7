// What the charger knows about idTags without asking: the Local Authorization List the central system
// sends (full or differential, versioned) and the authorization cache of answers it has seen.
#pragma once

#include "contract/iso8601.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace voltdesk::sim {

using contract::EpochMs;

/// AuthorizationStatus as OCPP 1.6 spells it: "Accepted", "Blocked", "Expired", "Invalid", "ConcurrentTx".
struct IdTagEntry {
    std::string status = "Accepted";
    std::optional<EpochMs> expiryDate;
    std::optional<std::string> parentIdTag;
};

enum class LocalListUpdate : std::uint8_t { Accepted, Failed, VersionMismatch };

class IdTagStore {
public:
    int listVersion() const { return m_listVersion; }
    const std::map<std::string, IdTagEntry, std::less<>>& localList() const { return m_list; }

    /// Full replaces the list; Differential needs a version above the current one, and an entry without
    /// idTagInfo removes that idTag.
    LocalListUpdate update(int version, bool full,
                           const std::map<std::string, std::optional<IdTagEntry>>& entries);

    void remember(std::string_view idTag, IdTagEntry entry) {
        m_cache[std::string(idTag)] = std::move(entry);
    }
    void clearCache() { m_cache.clear(); }
    std::size_t cacheSize() const { return m_cache.size(); }

    /// The local list first, then the cache (when enabled); an expired entry reads as Expired.
    std::optional<IdTagEntry> lookup(std::string_view idTag, EpochMs now, bool listEnabled,
                                     bool cacheEnabled) const;

private:
    int m_listVersion = 0;
    std::map<std::string, IdTagEntry, std::less<>> m_list;
    std::map<std::string, IdTagEntry, std::less<>> m_cache;
};

} // namespace voltdesk::sim
