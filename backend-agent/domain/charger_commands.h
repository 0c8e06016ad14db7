// Sending a central-system command to one charger, whatever protocol it speaks; the app implements it
// over the live connections, the bus calls it for the consoles.
#pragma once

#include "contract/command.h"

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

namespace voltdesk::domain {

struct CommandResult {
    contract::CommandOutcome outcome = contract::CommandOutcome::Completed;
    nlohmann::json response = nlohmann::json::object();
    std::string errorCode;
    std::string description;
};

/// Thread-safe. done runs exactly once, on any thread, possibly inside send() (an offline charger
/// fails at once).
class ChargerCommands {
public:
    virtual ~ChargerCommands() = default;
    virtual void send(const std::string& chargerId, const std::string& command, nlohmann::json payload,
                      std::chrono::milliseconds timeout, std::function<void(CommandResult)> done) = 0;
};

} // namespace voltdesk::domain
