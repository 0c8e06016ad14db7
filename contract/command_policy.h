// Which console role may send which command. The agent checks it on every request, the console uses
// it to hide what a role may not do, and the broker's ACLs are generated from it.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace voltdesk::contract {

enum class Role { Viewer, Dispatcher, Operator, Supervisor };

std::string_view toString(Role role);
std::optional<Role> roleFromString(std::string_view text);

/// Viewers send nothing but reads (GetChargerHistory, GetConfiguration). Dispatchers read diagnostics and
/// take connectors in or out of service for the crews. Operators run the network day to day. Only supervisors
/// may do what can end sessions at once or change what a charger runs or trusts: hard resets, firmware,
/// certificates, security keys.
class CommandPolicy {
public:
    /// nullopt when role may send command with payload; otherwise a sentence saying why not.
    static std::optional<std::string> refusal(Role role, std::string_view command,
                                              const nlohmann::json& payload);
    /// The least role that may send command with any payload (Reset: Operator, for soft resets).
    static std::optional<Role> leastRole(std::string_view command);
    /// Every command a console can send.
    static const std::vector<std::string_view>& commands();
};

} // namespace voltdesk::contract
