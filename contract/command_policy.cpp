#include "contract/command_policy.h"

#include "contract/command.h"

#include <algorithm>
#include <array>
#include <utility>

namespace voltdesk::contract {

namespace {

constexpr std::array<std::pair<std::string_view, Role>, 29> kLeastRole{{
    // Reads. GetChargerHistory is answered by the agent from its database. GetConfiguration reaches
    // the charger, but only reads: OCPP 1.6 makes AuthorizationKey write-only (a charger never
    // reports it), and the detail view shows every role the configuration of what it watches.
    {"GetChargerHistory", Role::Viewer},
    {"GetConfiguration", Role::Viewer},
    // Diagnostics
    {"GetDiagnostics", Role::Dispatcher},
    {"GetLog", Role::Dispatcher},
    {"GetLocalListVersion", Role::Dispatcher},
    {"GetCompositeSchedule", Role::Dispatcher},
    {"GetInstalledCertificateIds", Role::Dispatcher},
    {"TriggerMessage", Role::Dispatcher},
    {"ExtendedTriggerMessage", Role::Dispatcher},
    {"ChangeAvailability", Role::Dispatcher},
    // Day-to-day operation
    {"RemoteStartTransaction", Role::Operator},
    {"RemoteStopTransaction", Role::Operator},
    {"Reset", Role::Operator}, // Hard: Supervisor, see refusal()
    {"UnlockConnector", Role::Operator},
    {"ChangeConfiguration", Role::Operator}, // security keys: Supervisor
    {"ClearCache", Role::Operator},
    {"DataTransfer", Role::Operator},
    {"SetChargingProfile", Role::Operator},
    {"ClearChargingProfile", Role::Operator},
    {"ReserveNow", Role::Operator},
    {"CancelReservation", Role::Operator},
    {"SendLocalList", Role::Operator},
    // The agent's own: the id tags it authorizes with
    {"SetIdTag", Role::Operator},
    {"DeleteIdTag", Role::Operator},
    // What a charger runs and trusts
    {"UpdateFirmware", Role::Supervisor},
    {"SignedUpdateFirmware", Role::Supervisor},
    {"InstallCertificate", Role::Supervisor},
    {"DeleteCertificate", Role::Supervisor},
    {"CertificateSigned", Role::Supervisor},
}};

/// Configuration keys whose change alters how a charger authenticates itself.
bool isSecurityKey(std::string_view key) {
    return key == "AuthorizationKey" || key == "SecurityProfile" || key == "CpoName" ||
           key == "CertificateStoreMaxLength" || key == "AdditionalRootCertificateCheck";
}

} // namespace

std::string_view toString(Role role) {
    switch (role) {
    case Role::Viewer:
        return "viewer";
    case Role::Dispatcher:
        return "dispatcher";
    case Role::Operator:
        return "operator";
    case Role::Supervisor:
        return "supervisor";
    }
    return "viewer";
}

std::optional<Role> roleFromString(std::string_view text) {
    for (auto r : {Role::Viewer, Role::Dispatcher, Role::Operator, Role::Supervisor}) {
        if (toString(r) == text) {
            return r;
        }
    }
    return std::nullopt;
}

std::optional<Role> CommandPolicy::leastRole(std::string_view command) {
    const auto it = std::find_if(kLeastRole.begin(), kLeastRole.end(),
                                 [&](const auto& entry) { return entry.first == command; });
    if (it == kLeastRole.end()) {
        return std::nullopt;
    }
    return it->second;
}

const std::vector<std::string_view>& CommandPolicy::commands() {
    static const std::vector<std::string_view> all = [] {
        std::vector<std::string_view> names;
        names.reserve(kLeastRole.size());
        for (const auto& [name, role] : kLeastRole) {
            names.push_back(name);
        }
        return names;
    }();
    return all;
}

std::optional<std::string> CommandPolicy::refusal(Role role, std::string_view command,
                                                  const nlohmann::json& payload) {
    const auto least = leastRole(command);
    if (!least) {
        return "'" + std::string(command) + "' is not a command";
    }
    Role needed = *least;
    if (command == "Reset" && payload.is_object() && textField(payload, "type") == "Hard") {
        needed = Role::Supervisor;
    }
    if (command == "ChangeConfiguration" && payload.is_object() && isSecurityKey(textField(payload, "key"))) {
        needed = Role::Supervisor;
    }
    if (static_cast<int>(role) >= static_cast<int>(needed)) {
        return std::nullopt;
    }
    std::string what(command);
    if (needed != *least) {
        what = command == "Reset" ? "a hard reset" : "changing " + textField(payload, "key") + "";
    }
    return "a " + std::string(toString(role)) + " may not send " + what + "; it needs the " +
           std::string(toString(needed)) + " role";
}

} // namespace voltdesk::contract
