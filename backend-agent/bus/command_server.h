// Takes the consoles' commands from MQTT and answers each one (contract/command.h): checks who asks,
// hands the command to the chargers, and publishes the outcome to the asker's response topic.
#pragma once

#include "bus/bus_options.h"
#include "bus/command_authorizer.h"
#include "bus/console_users.h"
#include "contract/command.h"
#include "domain/charger_commands.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
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
/// command topics. The response goes to the request's MQTT 5 response topic (else the body's
/// responseTopic) with the request's correlation data, and only under the asking user's own topic
/// tree. Requests are not retained and use QoS 1; a console that misses the response asks again with
/// the same requestId, which the audit log shows. With console users, it also publishes every user's
/// profile, retained, each time it connects.
class CommandServer {
public:
    /// users nullopt: the role in each request is trusted (setups without --console-users).
    CommandServer(BusOptions options, domain::ChargerCommands& commands, CommandObserver* observer = nullptr,
                  std::optional<ConsoleUsers> users = std::nullopt);
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
    void publishProfiles();
    void onMessage(const std::string& topic, const std::string& payload, std::string responseTopic,
                   const std::string& correlation);
    void respond(const std::string& topic, const std::string& correlation,
                 const contract::CommandResponse& response);

    const BusOptions m_options;
    domain::ChargerCommands& m_commands;
    CommandObserver* m_observer;
    const std::optional<ConsoleUsers> m_users;
    const CommandAuthorizer m_authorizer;
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
