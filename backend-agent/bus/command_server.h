// Takes the consoles' commands from MQTT and answers each one (contract/command.h): checks who asks,
// hands the command to the chargers, and publishes the outcome to the asker's response topic.
#pragma once

#include "bus/bus_options.h"
#include "contract/command.h"
#include "domain/charger_commands.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace mqtt {
class async_client; // NOLINT(readability-identifier-naming): Paho's name
}

namespace voltdesk::bus {

/// Told about every command and its end, for the audit log. Called on Paho's and the chargers'
/// threads; must be thread-safe and quick.
class CommandObserver {
public:
    virtual ~CommandObserver() = default;
    virtual void commandReceived(const contract::CommandRequest& request, const std::string& command,
                                 contract::EpochMs at) = 0;
    virtual void commandCompleted(const contract::CommandRequest& request,
                                  const contract::CommandResponse& response) = 0;
};

struct CommandServerStats {
    std::uint64_t received = 0;     ///< requests that could be answered
    std::uint64_t refused = 0;      ///< answered Refused (malformed, role, ...)
    std::uint64_t unanswerable = 0; ///< no response topic, or not decodable at all: logged and dropped
};

/// An MQTT 5 client of its own (client id "<agent client id>-commands"), subscribed to the agent's
/// command topic. The response goes to the request's MQTT 5 response topic (else the body's
/// responseTopic) with the request's correlation data. Requests are not retained and use QoS 1; a
/// console that misses the response asks again with the same requestId, which the audit log shows.
class CommandServer {
public:
    CommandServer(BusOptions options, domain::ChargerCommands& commands, CommandObserver* observer = nullptr);
    /// Calls stop().
    ~CommandServer();
    CommandServer(const CommandServer&) = delete;
    CommandServer& operator=(const CommandServer&) = delete;

    /// Connects in the background and keeps retrying. Throws std::invalid_argument for a bad URI.
    void start();
    bool isSubscribed() const { return m_subscribed; }
    /// Stops taking commands; answers already owed are published if the broker is still there.
    void stop();
    CommandServerStats stats() const;

private:
    class SubscribeListener;

    void run();
    void onMessage(const std::string& topic, const std::string& payload, std::string responseTopic,
                   const std::string& correlation);
    void respond(const std::string& topic, const std::string& correlation,
                 const contract::CommandResponse& response);

    const BusOptions m_options;
    domain::ChargerCommands& m_commands;
    CommandObserver* m_observer;
    std::unique_ptr<SubscribeListener> m_subscribeListener;
    std::unique_ptr<mqtt::async_client> m_client;
    std::atomic<bool> m_subscribed{false};

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_connected = false;
    CommandServerStats m_stats;
    std::thread m_thread;
};

} // namespace voltdesk::bus
