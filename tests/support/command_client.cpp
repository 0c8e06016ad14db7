#include "tests/support/command_client.h"

#include <mqtt/async_client.h>
#include <stdexcept>
#include <unistd.h>

namespace voltdesk::testing {

CommandClient::CommandClient(const std::string& serverUri, std::string agentId, std::string consoleId,
                             const CommandClientLogin& login)
    : m_agentId(std::move(agentId)), m_user(login.user.empty() ? "tester" : login.user),
      m_consoleId(std::move(consoleId)), m_responseTopic(contract::responseTopic(m_user, m_consoleId)) {
    m_client =
        std::make_unique<mqtt::async_client>(mqtt::create_options_builder()
                                                 .server_uri(serverUri)
                                                 .client_id(m_consoleId + "-" + std::to_string(::getpid()))
                                                 .mqtt_version(MQTTVERSION_5)
                                                 .finalize());
    m_client->set_message_callback([this](mqtt::const_message_ptr m) {
        if (!m->get_properties().contains(mqtt::property::CORRELATION_DATA)) {
            return;
        }
        const auto correlation =
            mqtt::get<std::string>(m->get_properties(), mqtt::property::CORRELATION_DATA);
        auto decoded = contract::decodeCommandResponse(m->to_string());
        if (!decoded) {
            return;
        }
        {
            std::lock_guard lock(m_mutex);
            m_responses.insert_or_assign(correlation, std::move(decoded).value());
        }
        m_arrived.notify_all();
    });
    try {
        auto options =
            mqtt::connect_options_builder().mqtt_version(MQTTVERSION_5).clean_start(true).finalize();
        if (!login.user.empty()) {
            options.set_user_name(login.user);
            options.set_password(login.password);
        }
        m_client->connect(options)->wait_for(std::chrono::seconds(10));
        m_client->subscribe(m_responseTopic, 1)->wait_for(std::chrono::seconds(10));
    } catch (const mqtt::exception& e) {
        throw std::runtime_error(std::string("command client cannot reach the broker: ") + e.what());
    }
}

CommandClient::~CommandClient() {
    try {
        m_client->disconnect()->wait_for(std::chrono::seconds(3));
    } catch (const mqtt::exception&) { // NOLINT(bugprone-empty-catch): the broker may be gone already
    }
}

std::optional<contract::CommandResponse>
CommandClient::send(const std::string& command, const std::string& chargerId, const nlohmann::json& payload,
                    const std::string& role, std::chrono::milliseconds chargerTimeout,
                    std::chrono::milliseconds wait, const std::string& topicAction) {
    std::string correlation;
    {
        std::lock_guard lock(m_mutex);
        correlation = "corr-" + std::to_string(++m_next);
    }
    contract::CommandRequest request;
    request.requestId = m_consoleId + "-" + correlation; // unique in command_audit across consoles
    request.chargerId = chargerId;
    request.requestedBy = {m_user, role};
    request.payload = payload;
    request.timeoutMs = static_cast<int>(chargerTimeout.count());
    mqtt::properties props;
    props.add(mqtt::property(mqtt::property::RESPONSE_TOPIC, m_responseTopic));
    props.add(mqtt::property(mqtt::property::CORRELATION_DATA, correlation));
    const std::string topic =
        topicAction.empty()
            ? contract::commandTopic(m_agentId, m_user, command, payload)
            : contract::commandTopic(m_agentId, m_user, topicAction, nlohmann::json::object());
    auto token = m_client->publish(mqtt::message_ptr_builder()
                                       .topic(topic)
                                       .payload(contract::encodeCommandRequest(request))
                                       .qos(1)
                                       .properties(props)
                                       .finalize());
    m_lastPublishReason = 0;
    try {
        token->wait_for(std::chrono::seconds(10));
        m_lastPublishReason = static_cast<int>(token->get_reason_code());
    } catch (const mqtt::exception& e) {
        m_lastPublishReason = e.get_reason_code();
    }
    std::unique_lock lock(m_mutex);
    if (!m_arrived.wait_for(lock, wait, [&] { return m_responses.contains(correlation); })) {
        return std::nullopt;
    }
    auto response = m_responses.at(correlation);
    m_responses.erase(correlation);
    return response;
}

} // namespace voltdesk::testing
