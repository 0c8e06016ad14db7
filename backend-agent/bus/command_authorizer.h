// The agent's own check of a console's command, after the broker's ACLs: who asks, with which role,
// and whether the topic the broker judged says the same as the request.
#pragma once

#include "bus/console_users.h"
#include "contract/command.h"

#include <optional>
#include <string>

namespace voltdesk::bus {

class CommandAuthorizer {
public:
    /// users nullptr: the role in the request is trusted (setups without --console-users).
    explicit CommandAuthorizer(const ConsoleUsers* users) : m_users(users) {}

    /// nullopt when the agent may send the command; otherwise a sentence saying why not. Refused:
    /// a request naming another user than the topic, an action that does not fit the payload (a hard
    /// reset sent as "Reset"), an unknown user or a role other than the users file's, and whatever
    /// the role may not send (contract::CommandPolicy).
    std::optional<std::string> refusal(const contract::CommandTopic& topic,
                                       const contract::CommandRequest& request) const;
    /// Whether the agent answers user on topic: only under the user's own tree, so nobody can have
    /// answers published where another user reads.
    static bool mayAnswerOn(const std::string& user, const std::string& responseTopic);

private:
    const ConsoleUsers* m_users;
};

} // namespace voltdesk::bus
