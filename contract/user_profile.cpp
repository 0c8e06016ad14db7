#include "contract/user_profile.h"

#include "contract/command.h"
#include "contract/json_fields.h"

namespace voltdesk::contract {

std::string userProfileTopic(std::string_view user) {
    return userTopicPrefix(user) + "profile";
}

std::string encode(const UserProfile& profile) {
    return nlohmann::json{{"v", 1},
                          {"user", profile.user},
                          {"role", toString(profile.role)},
                          {"displayName", profile.displayName}}
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

DecodeResult<UserProfile> decodeUserProfile(std::string_view payload) {
    const auto j = nlohmann::json::parse(payload, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return DecodeResult<UserProfile>::fail("the user profile is not a JSON object");
    }
    JsonFields f(j);
    UserProfile p;
    p.user = f.string("user", true);
    const std::string role = f.string("role", true);
    p.displayName = f.string("displayName");
    if (!f.ok()) {
        return DecodeResult<UserProfile>::fail(f.error());
    }
    if (p.user.empty()) {
        return DecodeResult<UserProfile>::fail("user is empty");
    }
    const auto parsed = roleFromString(role);
    if (!parsed) {
        return DecodeResult<UserProfile>::fail("role '" + role + "' is not a role");
    }
    p.role = *parsed;
    return DecodeResult<UserProfile>::ok(std::move(p));
}

} // namespace voltdesk::contract
