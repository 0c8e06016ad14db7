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

/// Viewers send nothing but reads (GetChargerHistory, GetConfiguration). Dispatchers read diagnostics
/// and take connectors in or out of service for the crews. Operators run the network day to day. Only
/// supervisors may do what can end sessions at once or change what a charger runs or trusts: hard
/// resets, firmware, certificates, security keys.
///
/// An action is what the broker sees of a command: its name, or for the payloads that need a higher
/// role than the command itself, the name with a variant ("Reset.Hard", "ChangeConfiguration.Security").
/// Actions are the last level of the command topic, so the broker's ACLs, generated from this policy,
/// enforce the same rule as the agent.
class CommandPolicy {
public:
    /// nullopt when role may send command with payload; otherwise a sentence saying why not.
    static std::optional<std::string> refusal(Role role, std::string_view command,
                                              const nlohmann::json& payload);
    /// The least role that may send a command with any payload (Reset: Operator, for soft resets), or
    /// an action ("Reset.Hard": Supervisor).
    static std::optional<Role> leastRole(std::string_view commandOrAction);
    /// Every command a console can send.
    static const std::vector<std::string_view>& commands();
    /// Every action: every command, and the variants.
    static const std::vector<std::string_view>& actions();
    /// The action command with payload is sent as.
    static std::string action(std::string_view command, const nlohmann::json& payload);
    /// The command an action sends ("Reset.Hard": "Reset").
    static std::string_view commandOf(std::string_view action);
};

} // namespace voltdesk::contract
