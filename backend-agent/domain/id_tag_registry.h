// The operator's id tags held in memory, so that Authorize and StartTransaction are answered without
// a database round trip; the store loads them at start and every change goes through here.
#pragma once

#include "domain/authorization.h"

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace voltdesk::domain {

/// Thread-safe.
class IdTagRegistry {
public:
    /// Replaces every tag (start-up).
    void load(const std::vector<IdTag>& tags);
    void upsert(const IdTag& tag);
    /// false when there was no such tag.
    bool remove(std::string_view idTag);
    std::optional<IdTag> find(std::string_view idTag) const;
    std::vector<IdTag> all() const;

    /// The answer for idTag at time now. Unknown: Invalid. Blocked, or in a blocked group: Blocked.
    /// Past its expiry, or its group's: Expired. Otherwise Accepted, with the earlier of the tag's and
    /// the group's expiry and the group as parentIdTag. Id tags compare exactly: OCPP 1.6 leaves case
    /// to the operator, and a card's UID is usually upper-case hex anyway.
    IdTagInfo authorize(std::string_view idTag, contract::EpochMs now) const;

    /// Increases with every change; a charger whose local list has an older version needs an update.
    std::uint64_t version() const;

private:
    IdTagInfo authorizeLocked(std::string_view idTag, contract::EpochMs now) const;

    mutable std::mutex m_mutex;
    std::unordered_map<std::string, IdTag> m_tags;
    std::uint64_t m_version = 0;
};

} // namespace voltdesk::domain
