// Publishes the fleet's live state to the consoles over MQTT (retained, per the contract in
// contract/topics.h), with the agent's presence and its last will.
#pragma once

#include "bus/bus_options.h"
#include "contract/charger_state.h"
#include "contract/site_info.h"
#include "domain/central_system.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace mqtt {
class async_client; // NOLINT(readability-identifier-naming): Paho's name
}

namespace voltdesk::bus {

struct BusStats {
    std::uint64_t statePublishes = 0;    ///< charger state messages handed to the client
    std::uint64_t connects = 0;          ///< successful connections, the first one included
    std::uint64_t messagesPublished = 0; ///< publishMessage() messages handed to the client
    std::uint64_t messagesDropped = 0;   ///< non-retained publishMessage() messages lost while disconnected
};

/// A FleetListener. Threads: onChargerEvent()/update() may be called from any thread and only record
/// the latest state; one publisher thread of its own talks to Paho; Paho's callbacks only set flags.
///
/// - Connects in the background and keeps retrying, so the agent runs while the broker is down.
/// - Last will: retained AgentPresence{online=false} on agentStatusTopic(agentId). On every connect:
///   retained presence online, then every site's SiteInfo and every charger's ChargerState, so the
///   broker's retained set is whole again after a broker restart.
/// - Coalescing: a charger's state is published at most once per publishInterval, always its latest,
///   so a burst of reports from one charger costs one message per interval.
/// - A charger whose site changes has its old retained topic cleared (empty retained payload).
class BusPublisher final : public domain::FleetListener {
public:
    explicit BusPublisher(BusOptions options);
    /// Calls stop().
    ~BusPublisher() override;
    BusPublisher(const BusPublisher&) = delete;
    BusPublisher& operator=(const BusPublisher&) = delete;

    /// Starts connecting; sites and initial states are published once connected. Throws
    /// std::invalid_argument for a malformed server URI.
    void start(std::vector<contract::SiteInfo> sites, const std::vector<contract::ChargerState>& initial);
    void onChargerEvent(const domain::ChargePointEvent& event, const contract::ChargerState& after) override;
    /// Records a charger's latest state; thread-safe, never blocks on the network.
    void update(const contract::ChargerState& state);
    /// Publishes any message through the agent's one broker connection (telemetry, health, profiles).
    /// Thread-safe; queued to the publisher thread, never blocks on the network. A non-retained message
    /// is dropped (and counted) while disconnected or when BusOptions::maxQueuedMessages wait already; a
    /// retained one is kept, latest per topic, and sent again after every reconnect (an empty retained
    /// payload clears the topic and is kept the same way).
    void publishMessage(std::string topic, std::string payload, int qos, bool retained);
    bool isConnected() const { return m_connected; }
    /// Publishes what is still pending, then presence offline (retained), then disconnects, waiting at
    /// most timeout in all. Idempotent.
    void stop(std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));
    BusStats stats() const;

private:
    using Clock = std::chrono::steady_clock;

    struct Entry {
        contract::ChargerState latest;
        std::string publishedTopic; ///< where its retained state is now, to clear when the site changes
        Clock::time_point lastSent{};
        bool scheduled = false;
    };
    struct Outgoing {
        std::string topic;
        std::string payload;
        std::string chargerId; ///< for a charger state, to retry it; empty otherwise
        int qos = -1;          ///< -1: the options' QoS, retained (states, presence, sites)
        bool retained = true;
    };
    struct RetainedMessage {
        std::string payload;
        int qos = 1;
        bool pending = false; ///< not yet handed to the client since it last changed
    };

    void run();
    void connect();
    void schedule(const std::string& chargerId, Entry& entry, Clock::time_point now);     // m_mutex held
    void collectAll(std::vector<Outgoing>& out, Clock::time_point now);                   // m_mutex held
    void collectCharger(Entry& entry, std::vector<Outgoing>& out, Clock::time_point now); // m_mutex held
    void collectMessages(std::vector<Outgoing>& out, bool allRetained);                   // m_mutex held
    bool messagesDue(Clock::time_point now) const;                                        // m_mutex held
    void publish(std::vector<Outgoing>& out);
    std::string presencePayload(bool online) const;

    const BusOptions m_options;
    std::unique_ptr<mqtt::async_client> m_client;
    const contract::EpochMs m_startedAt;

    std::atomic<bool> m_connected{false};
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<contract::SiteInfo> m_sites;
    std::unordered_map<std::string, Entry> m_chargers;
    std::multimap<Clock::time_point, std::string> m_due;
    std::deque<Outgoing> m_messages; ///< non-retained publishMessage() messages, in order
    std::map<std::string, RetainedMessage> m_retained;
    std::size_t m_retainedPending = 0;
    Clock::time_point m_messagesHeldUntil{}; ///< the client was busy: try again from then
    bool m_republishAll = false;
    bool m_connecting = false;
    bool m_everConnected = false; // after the first success Paho reconnects by itself
    std::chrono::seconds m_connectDelay{0};
    Clock::time_point m_nextConnect{};
    bool m_stopping = false;
    BusStats m_stats;
    std::thread m_thread;
};

} // namespace voltdesk::bus
