#include "contract/agent_presence.h"

#include "contract/json_fields.h"

namespace voltdesk::contract {

std::string encodeAgentPresence(const AgentPresence& p) {
    return nlohmann::json{{"v", 1},
                          {"agentId", p.agentId},
                          {"state", p.online ? "online" : "offline"},
                          {"version", p.version},
                          {"since", toIso8601(p.since)}}
        .dump();
}

DecodeResult<AgentPresence> decodeAgentPresence(std::string_view payload) {
    const auto j = nlohmann::json::parse(payload, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return DecodeResult<AgentPresence>::fail("agent status is not a JSON object");
    }
    JsonFields f(j);
    AgentPresence p;
    p.agentId = f.string("agentId", true);
    const std::string state = f.string("state", true);
    p.version = f.string("version");
    p.since = f.timestamp("since");
    if (!f.ok()) {
        return DecodeResult<AgentPresence>::fail(f.error());
    }
    if (state != "online" && state != "offline") {
        return DecodeResult<AgentPresence>::fail("state must be online or offline");
    }
    p.online = state == "online";
    return DecodeResult<AgentPresence>::ok(std::move(p));
}

} // namespace voltdesk::contract
