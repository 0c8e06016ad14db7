#include "contract/command.h"

#include "contract/command_policy.h"
#include "contract/json_fields.h"
#include "contract/topics.h"

#include <array>

namespace voltdesk::contract {

namespace {

constexpr std::array<std::pair<CommandOutcome, std::string_view>, 7> kOutcomeNames{{
    {CommandOutcome::Completed, "Completed"},
    {CommandOutcome::ChargerError, "ChargerError"},
    {CommandOutcome::InvalidResponse, "InvalidResponse"},
    {CommandOutcome::Timeout, "Timeout"},
    {CommandOutcome::Offline, "Offline"},
    {CommandOutcome::Disconnected, "Disconnected"},
    {CommandOutcome::Refused, "Refused"},
}};

constexpr std::string_view kCommandsSegment = "/commands/";

} // namespace

std::string commandTopic(std::string_view agentId, std::string_view user, std::string_view command,
                         const nlohmann::json& payload) {
    return std::string(kTopicRoot) + "/agents/" + encodeTopicSegment(agentId) +
           std::string(kCommandsSegment) + encodeTopicSegment(user) + "/" +
           encodeTopicSegment(CommandPolicy::action(command, payload));
}

std::string commandSubscription(std::string_view agentId) {
    return std::string(kTopicRoot) + "/agents/" + encodeTopicSegment(agentId) + "/commands/+/+";
}

std::optional<CommandTopic> parseCommandTopic(std::string_view topic) {
    const std::string prefix = std::string(kTopicRoot) + "/agents/";
    if (topic.substr(0, prefix.size()) != prefix) {
        return std::nullopt;
    }
    topic.remove_prefix(prefix.size());
    const auto slash = topic.find('/');
    if (slash == std::string_view::npos) {
        return std::nullopt;
    }
    const std::string_view agent = topic.substr(0, slash);
    std::string_view rest = topic.substr(slash);
    if (rest.substr(0, kCommandsSegment.size()) != kCommandsSegment) {
        return std::nullopt;
    }
    rest.remove_prefix(kCommandsSegment.size());
    const auto userEnd = rest.find('/');
    if (userEnd == std::string_view::npos || rest.find('/', userEnd + 1) != std::string_view::npos) {
        return std::nullopt;
    }
    auto agentId = decodeTopicSegment(agent);
    auto user = decodeTopicSegment(rest.substr(0, userEnd));
    auto action = decodeTopicSegment(rest.substr(userEnd + 1));
    if (!agentId || !user || !action || agentId->empty() || user->empty() || action->empty()) {
        return std::nullopt;
    }
    return CommandTopic{std::move(*agentId), std::move(*user), std::move(*action)};
}

std::string userTopicPrefix(std::string_view user) {
    return std::string(kTopicRoot) + "/users/" + encodeTopicSegment(user) + "/";
}

std::string responseTopic(std::string_view user, std::string_view consoleId) {
    return userTopicPrefix(user) + "consoles/" + encodeTopicSegment(consoleId) + "/responses";
}

std::string_view toString(CommandOutcome outcome) {
    for (const auto& [value, name] : kOutcomeNames) {
        if (value == outcome) {
            return name;
        }
    }
    return "Refused";
}

std::optional<CommandOutcome> commandOutcomeFromString(std::string_view text) {
    for (const auto& [value, name] : kOutcomeNames) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

std::string textField(const nlohmann::json& object, const char* key) {
    if (!object.is_object()) {
        return {};
    }
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string encodeCommandRequest(const CommandRequest& r) {
    nlohmann::json j{{"v", 1},
                     {"requestId", r.requestId},
                     {"chargerId", r.chargerId},
                     {"operator", {{"user", r.requestedBy.user}, {"role", r.requestedBy.role}}},
                     {"payload", r.payload}};
    if (r.timeoutMs) {
        j["timeoutMs"] = *r.timeoutMs;
    }
    if (!r.responseTopic.empty()) {
        j["responseTopic"] = r.responseTopic;
    }
    return j.dump();
}

DecodeResult<CommandRequest> decodeCommandRequest(std::string_view payload) {
    const auto j = nlohmann::json::parse(payload, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return DecodeResult<CommandRequest>::fail("the command is not a JSON object");
    }
    JsonFields f(j);
    CommandRequest r;
    r.requestId = f.string("requestId", true);
    r.chargerId = f.string("chargerId");
    r.responseTopic = f.string("responseTopic");
    if (j.contains("timeoutMs")) {
        r.timeoutMs = f.integer("timeoutMs", true);
    }
    if (!f.ok()) {
        return DecodeResult<CommandRequest>::fail(f.error());
    }
    const auto op = j.find("operator");
    if (op == j.end() || !op->is_object()) {
        return DecodeResult<CommandRequest>::fail("operator is missing: every command names who sends it");
    }
    JsonFields o(*op, "operator.");
    r.requestedBy.user = o.string("user", true);
    r.requestedBy.role = o.string("role", true);
    if (!o.ok()) {
        return DecodeResult<CommandRequest>::fail(o.error());
    }
    if (r.requestedBy.user.empty()) {
        return DecodeResult<CommandRequest>::fail("operator.user is empty");
    }
    const auto p = j.find("payload");
    if (p != j.end() && !p->is_null()) {
        if (!p->is_object()) {
            return DecodeResult<CommandRequest>::fail("payload must be an object");
        }
        r.payload = *p;
    }
    if (r.requestId.empty()) {
        return DecodeResult<CommandRequest>::fail("requestId must not be empty");
    }
    if (r.timeoutMs && (*r.timeoutMs <= 0 || *r.timeoutMs > 600'000)) {
        return DecodeResult<CommandRequest>::fail("timeoutMs must be between 1 and 600000");
    }
    return DecodeResult<CommandRequest>::ok(std::move(r));
}

std::string encodeCommandResponse(const CommandResponse& r) {
    nlohmann::json j{{"v", 1},
                     {"requestId", r.requestId},
                     {"chargerId", r.chargerId},
                     {"command", r.command},
                     {"outcome", toString(r.outcome)},
                     {"response", r.response},
                     {"completedAt", toIso8601(r.completedAt)}};
    if (!r.errorCode.empty()) {
        j["errorCode"] = r.errorCode;
    }
    if (!r.description.empty()) {
        j["description"] = r.description;
    }
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

DecodeResult<CommandResponse> decodeCommandResponse(std::string_view payload) {
    const auto j = nlohmann::json::parse(payload, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return DecodeResult<CommandResponse>::fail("the command response is not a JSON object");
    }
    JsonFields f(j);
    CommandResponse r;
    r.requestId = f.string("requestId", true);
    r.chargerId = f.string("chargerId", true);
    r.command = f.string("command", true);
    const std::string outcome = f.string("outcome", true);
    r.errorCode = f.string("errorCode");
    r.description = f.string("description");
    r.completedAt = f.timestamp("completedAt", true);
    if (!f.ok()) {
        return DecodeResult<CommandResponse>::fail(f.error());
    }
    const auto parsed = commandOutcomeFromString(outcome);
    if (!parsed) {
        return DecodeResult<CommandResponse>::fail("outcome '" + outcome + "' is not known");
    }
    r.outcome = *parsed;
    if (const auto it = j.find("response"); it != j.end() && it->is_object()) {
        r.response = *it;
    }
    return DecodeResult<CommandResponse>::ok(std::move(r));
}

} // namespace voltdesk::contract
