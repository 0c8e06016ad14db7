// Id tags (RFID cards, app tokens) and what the central system answers about them.
#pragma once

#include "contract/iso8601.h"

#include <optional>
#include <string>
#include <string_view>

namespace voltdesk::domain {

enum class AuthorizationStatus { Accepted, Blocked, Expired, Invalid, ConcurrentTx };

std::string_view toString(AuthorizationStatus status);
std::optional<AuthorizationStatus> authorizationStatusFromString(std::string_view text);

/// What a charger is told about an id tag (OCPP's IdTagInfo).
struct IdTagInfo {
    AuthorizationStatus status = AuthorizationStatus::Invalid;
    std::optional<contract::EpochMs> expiryDate;
    std::optional<std::string> parentIdTag; ///< the group the tag belongs to
    bool operator==(const IdTagInfo&) const = default;
};

/// An id tag as the operator manages it.
struct IdTag {
    std::string idTag; ///< up to 20 characters (OCPP 1.6 IdToken)
    std::optional<std::string> parentIdTag;
    std::optional<contract::EpochMs> expiryDate;
    bool blocked = false;
    bool operator==(const IdTag&) const = default;
};

} // namespace voltdesk::domain
