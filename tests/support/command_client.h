// A console's command side for tests: sends CommandRequests over MQTT 5 and waits for the agent's
// CommandResponse, matched by correlation data. The console proper gets its own Qt-side client.
#pragma once

#include "contract/command.h"

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace mqtt {
class async_client; // NOLINT(readability-identifier-naming): Paho's name
}

namespace voltdesk::testing {

/// How a test console logs in to the broker; an empty user name connects anonymously and sends as
/// "tester".
struct CommandClientLogin {
    std::string user;
    std::string password;
};

class CommandClient {
public:
    /// Connects and subscribes to its response topic; throws std::runtime_error when it cannot.
    CommandClient(const std::string& serverUri, std::string agentId, std::string consoleId = "tst-console",
                  const CommandClientLogin& login = {});
    ~CommandClient();
    CommandClient(const CommandClient&) = delete;
    CommandClient& operator=(const CommandClient&) = delete;

    /// Sends and waits for the answer; nullopt when none came within wait. The topic is the one the
    /// contract gives command and payload, unless topicAction names another action (a test of what
    /// the broker and the agent do with a mislabelled command).
    std::optional<contract::CommandResponse>
    send(const std::string& command, const std::string& chargerId, const nlohmann::json& payload,
         const std::string& role = "supervisor",
         std::chrono::milliseconds chargerTimeout = std::chrono::milliseconds(10'000),
         std::chrono::milliseconds wait = std::chrono::milliseconds(20'000),
         const std::string& topicAction = "");
    /// The broker's reason code for the last publish (MQTT 5 PUBACK; 0 is success).
    int lastPublishReason() const { return m_lastPublishReason; }
    const std::string& user() const { return m_user; }

private:
    std::unique_ptr<mqtt::async_client> m_client;
    std::string m_agentId;
    std::string m_user;
    std::string m_consoleId;
    std::string m_responseTopic;
    int m_lastPublishReason = 0;
    std::mutex m_mutex;
    std::condition_variable m_arrived;
    std::map<std::string, contract::CommandResponse> m_responses; ///< by correlation data
    std::uint64_t m_next = 0;
};

} // namespace voltdesk::testing
