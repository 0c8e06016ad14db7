// The agent's side of the broker's access control: its own login, and the console users whose roles it
// enforces (--mqtt-user, --mqtt-password-file, --console-users).
#pragma once

#include "app/agent_config.h"
#include "bus/bus_options.h"
#include "bus/console_users.h"

#include <iosfwd>
#include <optional>

namespace voltdesk::app {

/// Sets options' user name and password from config. Throws std::runtime_error when the password
/// file cannot be read or is empty.
void applyBrokerLogin(const AgentConfig& config, bus::BusOptions& options);
/// The console users of config; nullopt without --console-users. Throws std::runtime_error saying
/// what is wrong with the file.
std::optional<bus::ConsoleUsers> loadConsoleUsers(const AgentConfig& config);

/// `voltdesk-agent broker-acl`: prints the ACL file to out; the exit code (2 with a message on err
/// for a bad users file).
int runBrokerAcl(const BrokerAclRequest& request, std::ostream& out, std::ostream& err);

} // namespace voltdesk::app
