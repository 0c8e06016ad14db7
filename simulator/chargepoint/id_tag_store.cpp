#include "chargepoint/id_tag_store.h"

namespace voltdesk::sim {

LocalListUpdate IdTagStore::update(int version, bool full,
                                   const std::map<std::string, std::optional<IdTagEntry>>& entries) {
    if (full) {
        m_list.clear();
    } else if (version <= m_listVersion) {
        return LocalListUpdate::VersionMismatch;
    }
    for (const auto& [tag, entry] : entries) {
        if (entry) {
            m_list[tag] = *entry;
        } else {
            m_list.erase(tag);
        }
    }
    m_listVersion = version;
    return LocalListUpdate::Accepted;
}

std::optional<IdTagEntry> IdTagStore::lookup(std::string_view idTag, EpochMs now, bool listEnabled,
                                             bool cacheEnabled) const {
    std::optional<IdTagEntry> found;
    if (listEnabled) {
        if (const auto it = m_list.find(idTag); it != m_list.end()) {
            found = it->second;
        }
    }
    if (!found && cacheEnabled) {
        if (const auto it = m_cache.find(idTag); it != m_cache.end()) {
            found = it->second;
        }
    }
    if (found && found->status == "Accepted" && found->expiryDate && *found->expiryDate < now) {
        found->status = "Expired";
    }
    return found;
}

} // namespace voltdesk::sim
