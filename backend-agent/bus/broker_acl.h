// The Mosquitto ACL file that makes the broker enforce the command policy, generated from the one
// policy (contract/command_policy.h) and the users file, so the broker and the agent never disagree.
#pragma once

#include "bus/console_users.h"

#include <string>

namespace voltdesk::bus {

/// An acl_file for Mosquitto 2: agentUser reads and writes everything under voltdesk/v1/; every
/// console user reads the network's state (agents' presence, sites, chargers) and its own tree
/// voltdesk/v1/users/{user}/ (profile, responses), and publishes only the command actions its role
/// may send, under its own name. Throws std::invalid_argument for an agent user name a console user
/// also has, or one that is not a valid broker user name.
std::string brokerAcl(const ConsoleUsers& users, const std::string& agentUser);

} // namespace voltdesk::bus
