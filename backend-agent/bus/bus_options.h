// Settings of the agent's MQTT link to the consoles.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace voltdesk::bus {

struct BusOptions {
    std::string serverUri = "tcp://127.0.0.1:1883"; ///< Paho URI: tcp://HOST:PORT or ssl://HOST:PORT
    std::string agentId = "voltdesk-agent";
    std::string clientId; ///< empty: "voltdesk-agent-" + agentId, so two agents never share one
    std::string agentVersion;
    std::string username; ///< the broker login; empty: anonymous
    std::string password;
    /// At most one publish per charger per interval; the latest state wins.
    std::chrono::milliseconds publishInterval{250};
    int qos = 1;
    std::chrono::seconds keepAlive{20};
    /// QoS 1 messages awaiting their PUBACK at most; beyond, publishing pauses briefly.
    int maxInflight = 1000;
    /// Publishes Paho queues before they go out (its default is 100). A republish after a reconnect
    /// queues one per charger at once; beyond this limit publishing pauses briefly.
    int maxBufferedMessages = 50'000;
    /// Non-retained messages (telemetry) waiting for the publisher thread at most; beyond, new ones are
    /// dropped and counted, so a stalled broker link cannot grow the agent's memory without bound.
    std::size_t maxQueuedMessages = 100'000;
    std::chrono::seconds minReconnectDelay{1};
    std::chrono::seconds maxReconnectDelay{30};
};

} // namespace voltdesk::bus
