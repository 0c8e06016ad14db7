#include "domain/id_tag_registry.h"

#include <algorithm>

namespace voltdesk::domain {

namespace {

bool expiredAt(const IdTag& tag, contract::EpochMs now) {
    return tag.expiryDate && *tag.expiryDate <= now;
}

std::optional<contract::EpochMs> earlier(std::optional<contract::EpochMs> a,
                                         std::optional<contract::EpochMs> b) {
    if (!a) {
        return b;
    }
    if (!b) {
        return a;
    }
    return std::min(*a, *b);
}

} // namespace

std::string_view toString(AuthorizationStatus status) {
    switch (status) {
    case AuthorizationStatus::Accepted:
        return "Accepted";
    case AuthorizationStatus::Blocked:
        return "Blocked";
    case AuthorizationStatus::Expired:
        return "Expired";
    case AuthorizationStatus::Invalid:
        return "Invalid";
    case AuthorizationStatus::ConcurrentTx:
        return "ConcurrentTx";
    }
    return "Invalid";
}

std::optional<AuthorizationStatus> authorizationStatusFromString(std::string_view text) {
    for (auto s : {AuthorizationStatus::Accepted, AuthorizationStatus::Blocked, AuthorizationStatus::Expired,
                   AuthorizationStatus::Invalid, AuthorizationStatus::ConcurrentTx}) {
        if (toString(s) == text) {
            return s;
        }
    }
    return std::nullopt;
}

void IdTagRegistry::load(const std::vector<IdTag>& tags) {
    std::lock_guard lock(m_mutex);
    m_tags.clear();
    for (const auto& tag : tags) {
        m_tags.insert_or_assign(tag.idTag, tag);
    }
    ++m_version;
}

void IdTagRegistry::upsert(const IdTag& tag) {
    std::lock_guard lock(m_mutex);
    m_tags.insert_or_assign(tag.idTag, tag);
    ++m_version;
}

bool IdTagRegistry::remove(std::string_view idTag) {
    std::lock_guard lock(m_mutex);
    const auto erased = m_tags.erase(std::string(idTag));
    if (erased > 0) {
        ++m_version;
    }
    return erased > 0;
}

std::optional<IdTag> IdTagRegistry::find(std::string_view idTag) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_tags.find(std::string(idTag));
    if (it == m_tags.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::vector<IdTag> IdTagRegistry::all() const {
    std::vector<IdTag> result;
    {
        std::lock_guard lock(m_mutex);
        result.reserve(m_tags.size());
        for (const auto& [id, tag] : m_tags) {
            result.push_back(tag);
        }
    }
    std::sort(result.begin(), result.end(), [](const IdTag& a, const IdTag& b) { return a.idTag < b.idTag; });
    return result;
}

std::uint64_t IdTagRegistry::version() const {
    std::lock_guard lock(m_mutex);
    return m_version;
}

IdTagInfo IdTagRegistry::authorize(std::string_view idTag, contract::EpochMs now) const {
    std::lock_guard lock(m_mutex);
    return authorizeLocked(idTag, now);
}

IdTagInfo IdTagRegistry::authorizeLocked(std::string_view idTag, contract::EpochMs now) const {
    IdTagInfo info;
    const auto it = m_tags.find(std::string(idTag));
    if (it == m_tags.end()) {
        info.status = AuthorizationStatus::Invalid;
        return info;
    }
    const IdTag& tag = it->second;
    info.parentIdTag = tag.parentIdTag;
    info.expiryDate = tag.expiryDate;
    const IdTag* group = nullptr;
    if (tag.parentIdTag) {
        const auto parent = m_tags.find(*tag.parentIdTag);
        if (parent != m_tags.end()) {
            group = &parent->second;
            info.expiryDate = earlier(info.expiryDate, group->expiryDate);
        }
    }
    if (tag.blocked || (group != nullptr && group->blocked)) {
        info.status = AuthorizationStatus::Blocked;
    } else if (expiredAt(tag, now) || (group != nullptr && expiredAt(*group, now))) {
        info.status = AuthorizationStatus::Expired;
    } else {
        info.status = AuthorizationStatus::Accepted;
    }
    return info;
}

} // namespace voltdesk::domain
