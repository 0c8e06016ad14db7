// Whether an agent is up. Published retained on connect; the broker publishes the "offline" last
// will when the agent vanishes, which is how consoles learn that charger states went stale.
#pragma once

#include "contract/decode_result.h"
#include "contract/iso8601.h"

#include <string>
#include <string_view>

namespace voltdesk::contract {

struct AgentPresence {
    std::string agentId;
    bool online = false;
    std::string version;
    EpochMs since = 0;

    bool operator==(const AgentPresence&) const = default;
};

std::string encodeAgentPresence(const AgentPresence& presence);
DecodeResult<AgentPresence> decodeAgentPresence(std::string_view payload);

} // namespace voltdesk::contract
