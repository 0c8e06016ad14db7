#include "bus/command_authorizer.h"

#include "contract/command_policy.h"

namespace voltdesk::bus {

std::optional<std::string> CommandAuthorizer::refusal(const contract::CommandTopic& topic,
                                                      const contract::CommandRequest& request) const {
    using contract::CommandPolicy;
    if (request.requestedBy.user != topic.user) {
        return "the topic names user '" + topic.user + "' but the request '" + request.requestedBy.user + "'";
    }
    const std::string command(CommandPolicy::commandOf(topic.action));
    if (const auto action = CommandPolicy::action(command, request.payload); action != topic.action) {
        return "sent as '" + topic.action + "' but its payload makes it '" + action + "'";
    }
    std::optional<contract::Role> role;
    if (m_users != nullptr) {
        const auto* user = m_users->find(topic.user);
        if (user == nullptr) {
            return "'" + topic.user + "' is not a console user of this agent";
        }
        if (request.requestedBy.role != contract::toString(user->role)) {
            return "'" + topic.user + "' has the " + std::string(contract::toString(user->role)) +
                   " role, not " + request.requestedBy.role + " as the request says";
        }
        role = user->role;
    } else {
        role = contract::roleFromString(request.requestedBy.role);
        if (!role) {
            return "'" + request.requestedBy.role + "' is not a role";
        }
    }
    return CommandPolicy::refusal(*role, command, request.payload);
}

bool CommandAuthorizer::mayAnswerOn(const std::string& user, const std::string& responseTopic) {
    const std::string prefix = contract::userTopicPrefix(user);
    return responseTopic.size() > prefix.size() && responseTopic.starts_with(prefix) &&
           responseTopic.find_first_of("+#") == std::string::npos;
}

} // namespace voltdesk::bus
