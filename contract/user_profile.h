// Who a console user is, as the agent publishes it (retained) under the user's own topic tree, so a
// console learns its role after logging in to the broker with its own credentials.
#pragma once

#include "contract/command_policy.h"
#include "contract/decode_result.h"

#include <string>
#include <string_view>

namespace voltdesk::contract {

struct UserProfile {
    std::string user; ///< the broker user name
    Role role = Role::Viewer;
    std::string displayName;
    bool operator==(const UserProfile&) const = default;
};

/// Retained, QoS 1: `voltdesk/v1/users/{user}/profile`, readable by that user alone.
std::string userProfileTopic(std::string_view user);

std::string encode(const UserProfile& profile);
DecodeResult<UserProfile> decodeUserProfile(std::string_view payload);

} // namespace voltdesk::contract
