// Commands from a console to the chargers behind an agent, and the agent's answers: a request/response
// pair over MQTT 5 (response topic and correlation data), described for people in docs/MQTT.md.
#pragma once

#include "contract/decode_result.h"
#include "contract/iso8601.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace voltdesk::contract {

/// Not retained, QoS 1: `voltdesk/v1/agents/{agentId}/commands/{user}/{action}`. user is the console's
/// broker user name, so a Mosquitto ACL `pattern write .../commands/%u/Reset` lets each user publish
/// only under its own name; action is CommandPolicy::action(command, payload) (an OCPP 1.6 action such
/// as "Reset", one of the agent's own such as "SetIdTag", or a variant such as "Reset.Hard"), so that
/// the ACLs allow or deny commands one by one. The agent checks that the action fits the payload.
std::string commandTopic(std::string_view agentId, std::string_view user, std::string_view command,
                         const nlohmann::json& payload);
/// What an agent subscribes to for its commands.
std::string commandSubscription(std::string_view agentId);

struct CommandTopic {
    std::string agentId;
    std::string user;
    std::string action;
    bool operator==(const CommandTopic&) const = default;
};
/// What a command topic names; nullopt for any other topic.
std::optional<CommandTopic> parseCommandTopic(std::string_view topic);
/// A console's own response topic (one per console instance), under its user's tree
/// `voltdesk/v1/users/{user}/`, which the broker lets that user alone read.
std::string responseTopic(std::string_view user, std::string_view consoleId);
/// The start of every response topic of user, for the agent's check of where it answers.
std::string userTopicPrefix(std::string_view user);

/// Who asks. The agent records it in its audit log with the command and its outcome.
struct Operator {
    std::string user;
    std::string role; ///< operator, supervisor, dispatcher, viewer
    bool operator==(const Operator&) const = default;
};

struct CommandRequest {
    std::string requestId; ///< chosen by the console; unique per console; echoed in the response
    std::string chargerId; ///< empty only for the agent's own commands (SetIdTag, DeleteIdTag)
    Operator requestedBy;
    nlohmann::json payload = nlohmann::json::object(); ///< the OCPP request payload of the command
    std::optional<int> timeoutMs;                      ///< how long the charger has to answer
    /// Where to answer, for clients without MQTT 5 properties; the MQTT 5 response topic wins.
    std::string responseTopic;
    bool operator==(const CommandRequest&) const = default;
};

/// How a command ended, as the console shows it.
enum class CommandOutcome {
    Completed,       ///< the charger answered; response holds its answer (which may say Rejected)
    ChargerError,    ///< the charger answered with a CALLERROR (errorCode, description)
    InvalidResponse, ///< the charger's answer broke the protocol's schema
    Timeout,         ///< the charger did not answer in time
    Offline,         ///< the charger is not connected to this agent; nothing was sent
    Disconnected,    ///< the charger's connection ended before it answered
    Refused,         ///< the agent would not send it: malformed, not permitted, or too many queued
};

std::string_view toString(CommandOutcome outcome);
std::optional<CommandOutcome> commandOutcomeFromString(std::string_view text);

struct CommandResponse {
    std::string requestId;
    std::string chargerId;
    std::string command;
    CommandOutcome outcome = CommandOutcome::Completed;
    nlohmann::json response = nlohmann::json::object(); ///< the charger's answer payload, if any
    std::string errorCode;                              ///< ChargerError: the OCPP error code
    std::string description;                            ///< a sentence for the operator
    EpochMs completedAt = 0;
    bool operator==(const CommandResponse&) const = default;
};

/// object[key] when object is an object and that member a string; "" otherwise. Payloads come from
/// consoles and chargers: reading them must never throw on a member of an unexpected type.
std::string textField(const nlohmann::json& object, const char* key);

std::string encodeCommandRequest(const CommandRequest& request);
DecodeResult<CommandRequest> decodeCommandRequest(std::string_view payload);
std::string encodeCommandResponse(const CommandResponse& response);
DecodeResult<CommandResponse> decodeCommandResponse(std::string_view payload);

} // namespace voltdesk::contract
