// The consoles' users and their roles (--console-users FILE): the agent judges a command by the role
// its file gives the broker user named in the topic, and publishes each user's profile.
#pragma once

#include "contract/user_profile.h"

#include <string>
#include <string_view>
#include <vector>

namespace voltdesk::bus {

/// `{"v":1,"users":[{"name":"alice","role":"operator","displayName":"Alice"}]}`. Names are broker
/// user names of letters, digits, '.', '_' and '-' only, so Mosquitto's %u and the topic's
/// percent-encoding both leave them as they are.
class ConsoleUsers {
public:
    /// Throws std::runtime_error saying what is wrong (file, JSON, a name, a role, a duplicate).
    static ConsoleUsers load(const std::string& path);
    static ConsoleUsers parse(std::string_view json);
    static bool isValidName(std::string_view name);

    const contract::UserProfile* find(std::string_view name) const;
    const std::vector<contract::UserProfile>& all() const { return m_users; }

private:
    std::vector<contract::UserProfile> m_users;
};

} // namespace voltdesk::bus
