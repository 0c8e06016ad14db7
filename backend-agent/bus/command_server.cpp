#include "bus/command_server.h"

#include "contract/command_policy.h"
#include "contract/user_profile.h"

#include <atomic>
#include <memory>
#include <mqtt/async_client.h>
#include <spdlog/spdlog.h>

namespace voltdesk::bus {

/// Paho reports the SUBACK here.
class CommandServer::SubscribeListener final : public mqtt::iaction_listener {
public:
    explicit SubscribeListener(CommandServer& server) : m_server(server) {}
    void on_success(const mqtt::token&) override {
        m_server.m_subscribed = true;
        spdlog::info("bus: taking commands on {}", contract::commandSubscription(m_server.m_options.agentId));
    }
    void on_failure(const mqtt::token& token) override {
        spdlog::error("bus: subscribing to commands failed (reason {})",
                      static_cast<int>(token.get_reason_code()));
    }

private:
    CommandServer& m_server;
};

namespace {

constexpr std::chrono::milliseconds kDefaultCommandTimeout{30'000};

contract::CommandResponse refusedResponse(const contract::CommandRequest& request, const std::string& command,
                                          std::string why) {
    contract::CommandResponse r;
    r.requestId = request.requestId;
    r.chargerId = request.chargerId;
    r.command = command;
    r.outcome = contract::CommandOutcome::Refused;
    r.description = std::move(why);
    r.completedAt = contract::nowMs();
    return r;
}

} // namespace

CommandServer::CommandServer(BusOptions options, domain::ChargerCommands& commands, CommandObserver* observer,
                             std::optional<ConsoleUsers> users)
    : m_options(std::move(options)), m_commands(commands), m_observer(observer), m_users(std::move(users)),
      m_authorizer(m_users ? &*m_users : nullptr),
      m_subscribeListener(std::make_unique<SubscribeListener>(*this)) {}

CommandServer::~CommandServer() {
    stop();
}

void CommandServer::start() {
    const std::string base =
        m_options.clientId.empty() ? "voltdesk-agent-" + m_options.agentId : m_options.clientId;
    try {
        m_client = std::make_unique<mqtt::async_client>(mqtt::create_options_builder()
                                                            .server_uri(m_options.serverUri)
                                                            .client_id(base + "-commands")
                                                            .mqtt_version(MQTTVERSION_5)
                                                            .finalize());
    } catch (const mqtt::exception& e) {
        throw std::invalid_argument("invalid MQTT server URI '" + m_options.serverUri + "': " + e.what());
    }
    m_client->set_connected_handler([this](const std::string&) {
        {
            std::lock_guard lock(m_mutex);
            m_connected = true;
        }
        // From Paho's callback thread: never wait for a token here, the listener tells when it is done.
        try {
            m_client->subscribe(contract::commandSubscription(m_options.agentId), 1, nullptr,
                                *m_subscribeListener);
        } catch (const mqtt::exception& e) {
            spdlog::error("bus: subscribing to commands failed: {}", e.what());
        }
        publishProfiles();
    });
    m_client->set_connection_lost_handler([this](const std::string&) {
        m_subscribed = false;
        std::lock_guard lock(m_mutex);
        m_connected = false;
    });
    m_client->set_message_callback([this](const mqtt::const_message_ptr& message) {
        const auto& props = message->get_properties();
        std::string responseTopic;
        std::string correlation;
        if (props.contains(mqtt::property::RESPONSE_TOPIC)) {
            responseTopic = mqtt::get<std::string>(props, mqtt::property::RESPONSE_TOPIC);
        }
        if (props.contains(mqtt::property::CORRELATION_DATA)) {
            correlation = mqtt::get<std::string>(props, mqtt::property::CORRELATION_DATA);
        }
        try {
            onMessage(message->get_topic(), message->to_string(), std::move(responseTopic), correlation);
        } catch (const std::exception& e) {
            spdlog::error("bus: handling a command failed: {}", e.what());
        }
    });
    m_thread = std::thread([this] { run(); });
}

void CommandServer::run() {
    auto options = mqtt::connect_options_builder()
                       .mqtt_version(MQTTVERSION_5)
                       .clean_start(true)
                       .keep_alive_interval(m_options.keepAlive)
                       .connect_timeout(std::chrono::seconds(10))
                       .automatic_reconnect(m_options.minReconnectDelay, m_options.maxReconnectDelay)
                       .finalize();
    if (!m_options.username.empty()) {
        options.set_user_name(m_options.username);
        options.set_password(m_options.password);
    }
    std::chrono::seconds delay{0};
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        bool connected = false;
        try {
            auto token = m_client->connect(options);
            while (!token->wait_for(std::chrono::milliseconds(100))) {
                std::lock_guard stopping(m_mutex);
                if (m_stopping) {
                    break;
                }
            }
            connected = m_client->is_connected();
        } catch (const mqtt::exception& e) {
            if (delay.count() == 0) {
                spdlog::warn("bus: commands cannot connect to {}: {}; retrying", m_options.serverUri,
                             e.what());
            }
        }
        lock.lock();
        if (connected) {
            break; // Paho reconnects by itself from now on
        }
        delay = std::min(std::max(delay * 2, m_options.minReconnectDelay), m_options.maxReconnectDelay);
        m_wake.wait_for(lock, delay, [this] { return m_stopping; });
    }
}

void CommandServer::publishProfiles() {
    if (!m_users) {
        return;
    }
    for (const auto& profile : m_users->all()) {
        try {
            m_client->publish(mqtt::message_ptr_builder()
                                  .topic(contract::userProfileTopic(profile.user))
                                  .payload(contract::encode(profile))
                                  .qos(1)
                                  .retained(true)
                                  .finalize());
        } catch (const mqtt::exception& e) {
            spdlog::warn("bus: profile of {} not published: {}", profile.user, e.what());
        }
    }
    spdlog::info("bus: published the profiles of {} console users", m_users->all().size());
}

void CommandServer::onMessage(const std::string& topic, const std::string& payload, std::string responseTopic,
                              const std::string& correlation) {
    const auto parsed = contract::parseCommandTopic(topic);
    if (!parsed) {
        return;
    }
    const std::string command(contract::CommandPolicy::commandOf(parsed->action));
    auto decoded = contract::decodeCommandRequest(payload);
    if (!decoded) {
        spdlog::warn("bus: unreadable command {} dropped: {}", command, decoded.error());
        std::lock_guard lock(m_mutex);
        ++m_stats.unanswerable;
        return;
    }
    contract::CommandRequest request = std::move(decoded).value();
    if (responseTopic.empty()) {
        responseTopic = request.responseTopic;
    }
    if (responseTopic.empty()) {
        spdlog::warn("bus: command {} request={} has no response topic; dropped", command, request.requestId);
        std::lock_guard lock(m_mutex);
        ++m_stats.unanswerable;
        return;
    }
    if (!CommandAuthorizer::mayAnswerOn(parsed->user, responseTopic)) {
        spdlog::warn("bus: command {} request={} by {} wants its answer on {}, outside {}; dropped", command,
                     request.requestId, parsed->user, responseTopic, contract::userTopicPrefix(parsed->user));
        std::lock_guard lock(m_mutex);
        ++m_stats.unanswerable;
        return;
    }
    const contract::EpochMs receivedAt = contract::nowMs();
    if (m_observer != nullptr) {
        m_observer->commandReceived(request, command, receivedAt);
    }
    {
        std::lock_guard lock(m_mutex);
        ++m_stats.received;
    }
    if (const auto refusal = m_authorizer.refusal(*parsed, request)) {
        spdlog::warn("bus: command {} to {} by {} ({}) refused: {}", command, request.chargerId,
                     request.requestedBy.user, request.requestedBy.role, *refusal);
        {
            std::lock_guard lock(m_mutex);
            ++m_stats.refused;
        }
        const auto response = refusedResponse(request, command, *refusal);
        if (m_observer != nullptr) {
            m_observer->commandCompleted(request, response);
        }
        respond(responseTopic, correlation, response);
        return;
    }
    spdlog::info("bus: command {} to {} by {} ({}) request={}", command, request.chargerId,
                 request.requestedBy.user, request.requestedBy.role, request.requestId);
    const auto timeout =
        request.timeoutMs ? std::chrono::milliseconds(*request.timeoutMs) : kDefaultCommandTimeout;
    // The agent's own writes record who made them (a tariff's created_by, a re-rating's): the user the
    // authorizer checked, never a name the console could put in the payload itself.
    nlohmann::json payloadToSend = request.payload;
    if (payloadToSend.is_object() &&
        (command == "PutTariff" || command == "AssignTariff" || command == "RerateSession")) {
        payloadToSend["requestedBy"] = parsed->user;
    }
    // Exactly one answer per request, even when something below throws: the console waits for it.
    auto answered = std::make_shared<std::atomic<bool>>(false);
    try {
        m_commands.send(
            request.chargerId, command, std::move(payloadToSend), timeout,
            [this, request, command, responseTopic, correlation, answered](domain::CommandResult result) {
                answered->store(true);
                contract::CommandResponse response;
                response.requestId = request.requestId;
                response.chargerId = request.chargerId;
                response.command = command;
                response.outcome = result.outcome;
                response.response = std::move(result.response);
                response.errorCode = std::move(result.errorCode);
                response.description = std::move(result.description);
                response.completedAt = contract::nowMs();
                if (m_observer != nullptr) {
                    m_observer->commandCompleted(request, response);
                }
                respond(responseTopic, correlation, response);
            });
    } catch (const std::exception& e) {
        spdlog::error("bus: command {} to {} failed: {}", command, request.chargerId, e.what());
        if (!answered->exchange(true)) {
            auto response =
                refusedResponse(request, command, std::string("the agent could not send it: ") + e.what());
            if (m_observer != nullptr) {
                m_observer->commandCompleted(request, response);
            }
            respond(responseTopic, correlation, response);
        }
    }
}

void CommandServer::respond(const std::string& topic, const std::string& correlation,
                            const contract::CommandResponse& response) {
    try {
        mqtt::properties props;
        if (!correlation.empty()) {
            props.add(mqtt::property(mqtt::property::CORRELATION_DATA, correlation));
        }
        auto message = mqtt::message_ptr_builder()
                           .topic(topic)
                           .payload(contract::encodeCommandResponse(response))
                           .qos(1)
                           .retained(false)
                           .properties(std::move(props))
                           .finalize();
        m_client->publish(message);
    } catch (const mqtt::exception& e) {
        spdlog::warn("bus: response to command {} request={} not published: {}", response.command,
                     response.requestId, e.what());
    }
}

void CommandServer::stop() {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
            return;
        }
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
    if (m_client) {
        try {
            if (m_client->is_connected()) {
                m_client->disconnect()->wait_for(std::chrono::seconds(3));
            }
        } catch (const mqtt::exception& e) {
            spdlog::debug("bus: commands disconnect: {}", e.what());
        }
    }
    m_subscribed = false;
}

CommandServerStats CommandServer::stats() const {
    std::lock_guard lock(m_mutex);
    return m_stats;
}

} // namespace voltdesk::bus
