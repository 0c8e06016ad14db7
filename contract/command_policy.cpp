#include "contract/command_policy.h"

#include "contract/command.h"

#include <algorithm>
#include <array>
#include <utility>

namespace voltdesk::contract {

namespace {

constexpr std::array<std::pair<std::string_view, Role>, 37> kLeastRole{{
    // Reads. GetChargerHistory is answered by the agent from its database. GetConfiguration reaches
    // the charger, but only reads: OCPP 1.6 makes AuthorizationKey write-only (a charger never
    // reports it), and the detail view shows every role the configuration of what it watches.
    {"GetChargerHistory", Role::Viewer},
    {"GetConfiguration", Role::Viewer},
    // Billing reads, answered by the agent from its database (PreviewTariff writes nothing)
    {"GetTariffs", Role::Viewer},
    {"PreviewTariff", Role::Viewer},
    {"GetSessions", Role::Viewer},
    {"GetCdr", Role::Viewer},
    {"GetRevenueSummary", Role::Viewer},
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
    {"Reset", Role::Operator}, // Hard: Supervisor, see kVariants
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
    // What a session is billed: prices, where they apply, corrections of a record
    {"PutTariff", Role::Supervisor},
    {"AssignTariff", Role::Supervisor},
    {"RerateSession", Role::Supervisor},
}};

/// Payloads that need a higher role than their command, sent as an action of their own.
struct Variant {
    std::string_view command;
    std::string_view action;
    Role role;
    std::string_view what; ///< for the refusal's sentence
};
constexpr std::array<Variant, 2> kVariants{{
    {"Reset", "Reset.Hard", Role::Supervisor, "a hard reset"},
    {"ChangeConfiguration", "ChangeConfiguration.Security", Role::Supervisor, "a change of a security key"},
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

std::optional<Role> CommandPolicy::leastRole(std::string_view commandOrAction) {
    const auto it = std::find_if(kLeastRole.begin(), kLeastRole.end(),
                                 [&](const auto& entry) { return entry.first == commandOrAction; });
    if (it != kLeastRole.end()) {
        return it->second;
    }
    const auto variant = std::find_if(kVariants.begin(), kVariants.end(),
                                      [&](const auto& v) { return v.action == commandOrAction; });
    if (variant != kVariants.end()) {
        return variant->role;
    }
    return std::nullopt;
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

const std::vector<std::string_view>& CommandPolicy::actions() {
    static const std::vector<std::string_view> all = [] {
        std::vector<std::string_view> names = commands();
        for (const auto& variant : kVariants) {
            names.push_back(variant.action);
        }
        return names;
    }();
    return all;
}

std::string CommandPolicy::action(std::string_view command, const nlohmann::json& payload) {
    if (command == "Reset" && textField(payload, "type") == "Hard") {
        return "Reset.Hard";
    }
    if (command == "ChangeConfiguration" && isSecurityKey(textField(payload, "key"))) {
        return "ChangeConfiguration.Security";
    }
    return std::string(command);
}

std::string_view CommandPolicy::commandOf(std::string_view action) {
    return action.substr(0, action.find('.'));
}

std::optional<std::string> CommandPolicy::refusal(Role role, std::string_view command,
                                                  const nlohmann::json& payload) {
    if (!leastRole(command) || command.find('.') != std::string_view::npos) {
        return "'" + std::string(command) + "' is not a command";
    }
    const std::string sentAs = action(command, payload);
    // A command's variants all have a role of their own (kVariants), so this is never the fallback.
    const Role needed = leastRole(sentAs).value_or(Role::Supervisor);
    if (static_cast<int>(role) >= static_cast<int>(needed)) {
        return std::nullopt;
    }
    std::string what(command);
    for (const auto& variant : kVariants) {
        if (variant.action == sentAs) {
            what = variant.what;
        }
    }
    return "a " + std::string(toString(role)) + " may not send " + what + "; it needs the " +
           std::string(toString(needed)) + " role";
}

} // namespace voltdesk::contract
