#include "models/broker_link.h"

#include "contract/command.h"
#include "contract/topics.h"
#include "contract/user_profile.h"

#include <QHash>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QMetaObject>
#include <QUuid>
#include <mqtt/async_client.h>
#include <mutex>
#include <utility>

namespace voltdesk::models {

namespace {

Q_LOGGING_CATEGORY(lcLink, "voltdesk.mqtt")

QString reasonOf(const mqtt::token& token) {
    std::string text = token.get_error_message();
    if (text.empty()) {
        text = mqtt::exception::error_str(token.get_return_code());
    }
    return QString::fromStdString(text);
}

constexpr const char* kAnonymousUser = "anonymous";

/// Topics where each message is an event of its own (a telemetry sample, a CDR version of the site's
/// stream): coalescing by topic would drop them, unlike retained state.
bool isEventStream(const std::string& topic) {
    return topic.ends_with("/telemetry") || topic.ends_with("/cdrs");
}

} // namespace

/// The part of BrokerLink that Paho's threads may touch. Held by shared_ptr from Paho's callbacks
/// so it outlives them; `owner` is cleared (under the mutex) when the BrokerLink goes away, after
/// which every callback is a no-op.
struct BrokerLinkInbox : mqtt::iaction_listener {
    enum class Action { Connect, Subscribe };

    struct Response {
        QByteArray correlation;
        QByteArray payload;
    };

    /// The PUBACK of a request: the correlation data travels as the token's user context.
    struct PublishListener : mqtt::iaction_listener {
        explicit PublishListener(BrokerLinkInbox& owner) : inbox(owner) {}
        void on_success(const mqtt::token& token) override { release(token); }
        void on_failure(const mqtt::token& token) override {
            const QByteArray correlation = release(token);
            const int code = static_cast<int>(token.get_reason_code());
            const bool verdict = code >= 0x80;
            const QString reason =
                verdict ? QString::fromStdString(mqtt::exception::reason_code_str(code)) : reasonOf(token);
            inbox.post([correlation, code, verdict, reason](BrokerLink& link) {
                emit link.publishRefused(correlation, verdict ? code : BrokerLink::kNotDelivered, reason);
            });
        }
        static QByteArray release(const mqtt::token& token) {
            std::unique_ptr<QByteArray> correlation(static_cast<QByteArray*>(token.get_user_context()));
            return correlation ? *correlation : QByteArray();
        }
        BrokerLinkInbox& inbox;
    };

    struct Listener : mqtt::iaction_listener {
        Listener(BrokerLinkInbox& owner, Action what) : inbox(owner), action(what) {}
        void on_success(const mqtt::token&) override {}
        void on_failure(const mqtt::token& token) override { inbox.failed(action, reasonOf(token)); }
        BrokerLinkInbox& inbox;
        Action action;
    };

    explicit BrokerLinkInbox(BrokerLink* link) : owner(link) {}

    void on_success(const mqtt::token&) override {}
    void on_failure(const mqtt::token&) override {}

    // Paho thread.
    void push(const mqtt::const_message_ptr& msg) {
        const std::string& t = msg->get_topic();
        if (t == responseTopic) {
            pushResponse(msg);
            return;
        }
        MqttMessage m{
            QString::fromUtf8(t.data(), static_cast<qsizetype>(t.size())),
            QByteArray(msg->get_payload().data(), static_cast<qsizetype>(msg->get_payload().size()))};
        std::lock_guard lock(mutex);
        if (owner == nullptr) {
            return;
        }
        const auto it = isEventStream(t) ? index.constEnd() : index.constFind(m.topic);
        if (it != index.constEnd()) {
            pending[*it].payload = std::move(m.payload);
        } else {
            if (!isEventStream(t)) {
                index.insert(m.topic, pending.size());
            }
            pending.push_back(std::move(m));
        }
        if (!deliveryScheduled) {
            deliveryScheduled = true;
            QMetaObject::invokeMethod(owner, &BrokerLink::deliverPending, Qt::QueuedConnection);
        }
    }

    // Paho thread. Answers are few and each one matters: never coalesced.
    void pushResponse(const mqtt::const_message_ptr& msg) {
        Response r;
        if (msg->get_properties().contains(mqtt::property::CORRELATION_DATA)) {
            const auto c = mqtt::get<std::string>(msg->get_properties(), mqtt::property::CORRELATION_DATA);
            r.correlation = QByteArray(c.data(), static_cast<qsizetype>(c.size()));
        }
        r.payload = QByteArray(msg->get_payload().data(), static_cast<qsizetype>(msg->get_payload().size()));
        std::lock_guard lock(mutex);
        if (owner == nullptr) {
            return;
        }
        responses.push_back(std::move(r));
        if (responses.size() == 1) {
            QMetaObject::invokeMethod(owner, &BrokerLink::deliverResponses, Qt::QueuedConnection);
        }
    }

    // Paho thread: wakes the Qt thread with fn(owner).
    template <typename Fn> void post(Fn fn) {
        std::lock_guard lock(mutex);
        if (owner == nullptr) {
            return;
        }
        BrokerLink* link = owner;
        QMetaObject::invokeMethod(link, [link, fn = std::move(fn)] { fn(*link); }, Qt::QueuedConnection);
    }

    void failed(Action action, const QString& reason) {
        if (action == Action::Connect) {
            post([reason](BrokerLink& link) { link.onConnectFailed(reason); });
        } else {
            post([reason](BrokerLink&) { qCWarning(lcLink) << "subscribe failed:" << reason; });
        }
    }

    std::mutex mutex;
    BrokerLink* owner;         ///< guarded by mutex
    std::string responseTopic; ///< set before the client exists, constant afterwards
    QList<Response> responses; ///< guarded by mutex
    MqttMessages pending;
    QHash<QString, qsizetype> index; ///< topic → position in pending, for coalescing
    bool deliveryScheduled = false;
    Listener connectListener{*this, Action::Connect};
    Listener subscribeListener{*this, Action::Subscribe};
    PublishListener publishListener{*this};
};

BrokerLink::BrokerLink(Options options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_inbox(std::make_shared<BrokerLinkInbox>(this)) {
    if (m_options.clientId.isEmpty()) {
        m_options.clientId =
            QStringLiteral("voltdesk-console-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    }
    m_responseTopic = QString::fromStdString(
        contract::responseTopic(topicUser().toStdString(), m_options.clientId.toStdString()));
    m_inbox->responseTopic = m_responseTopic.toStdString();
    if (!m_options.username.isEmpty()) {
        m_profileTopic = QString::fromStdString(contract::userProfileTopic(m_options.username.toStdString()));
    }
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &BrokerLink::connectNow);
    m_stateText = tr("Not connected");
}

BrokerLink::~BrokerLink() {
    {
        std::lock_guard lock(m_inbox->mutex);
        m_inbox->owner = nullptr;
    }
    if (m_client) {
        try {
            if (m_client->is_connected()) {
                m_client->disconnect(1000)->wait_for(std::chrono::seconds(2));
            }
        } catch (const mqtt::exception&) { // NOLINT(bugprone-empty-catch)
            // Going away anyway; the broker notices the closed socket.
        }
    }
}

bool BrokerLink::start() {
    if (m_running) {
        return true;
    }
    if (!m_client) {
        try {
            // MQTT 5: requests carry a response topic and correlation data, and the PUBACK says why
            // the broker refused one.
            m_client = std::make_unique<mqtt::async_client>(mqtt::create_options_builder()
                                                                .server_uri(m_options.uri.toStdString())
                                                                .client_id(m_options.clientId.toStdString())
                                                                .mqtt_version(MQTTVERSION_5)
                                                                .finalize());
        } catch (const mqtt::exception& e) {
            setStateText(tr("Invalid broker address %1: %2").arg(m_options.uri, QString::fromUtf8(e.what())));
            qCWarning(lcLink) << "cannot create MQTT client for" << m_options.uri << e.what();
            return false;
        }
        const std::shared_ptr<BrokerLinkInbox> inbox = m_inbox;
        m_client->set_message_callback([inbox](const mqtt::const_message_ptr& msg) { inbox->push(msg); });
        m_client->set_connected_handler(
            [inbox](const std::string&) { inbox->post([](BrokerLink& link) { link.onConnected(); }); });
        m_client->set_connection_lost_handler([inbox](const std::string& cause) {
            const QString text = QString::fromStdString(cause);
            inbox->post([text](BrokerLink& link) { link.onConnectionLost(text); });
        });
    }
    m_running = true;
    m_backoffMs = 0;
    connectNow();
    return true;
}

void BrokerLink::stop() {
    m_running = false;
    m_retryTimer.stop();
    if (m_client) {
        try {
            if (m_client->is_connected()) {
                m_client->disconnect(1000)->wait_for(std::chrono::seconds(2));
            }
        } catch (const mqtt::exception& e) {
            qCWarning(lcLink) << "disconnect:" << e.what();
        }
    }
    m_connecting = false;
    setConnected(false);
    setStateText(tr("Disconnected"));
}

void BrokerLink::connectNow() {
    if (!m_running || m_connecting || m_connected || !m_client) {
        return;
    }
    auto builder = mqtt::connect_options_builder()
                       .mqtt_version(MQTTVERSION_5)
                       .clean_start(true)
                       .keep_alive_interval(std::chrono::seconds(m_options.keepAliveSeconds))
                       .connect_timeout(std::chrono::seconds(5))
                       .automatic_reconnect(false); // our own back-off, so failed first connects retry too
    if (!m_options.username.isEmpty()) {
        builder.user_name(m_options.username.toStdString());
        builder.password(m_options.password.toStdString());
    }
    m_connecting = true;
    setStateText(tr("Connecting to %1…").arg(m_options.uri));
    try {
        m_client->connect(builder.finalize(), nullptr, m_inbox->connectListener);
    } catch (const mqtt::exception& e) {
        m_connecting = false;
        scheduleReconnect(QString::fromUtf8(e.what()));
    }
}

void BrokerLink::onConnected() {
    m_connecting = false;
    m_backoffMs = 0;
    if (!m_running) {
        return;
    }
    try {
        std::vector<std::string> topics{
            std::string(contract::kAllAgentStatus), std::string(contract::kAllSiteInfo),
            std::string(contract::kAllChargerStates), std::string(contract::kAllChargerHealth),
            // Billing: each running session's live cost (retained) and each CDR version as it is stored.
            std::string(contract::kAllSessionCosts), std::string(contract::kAllCdrs),
            m_responseTopic.toStdString()};
        // QoS 1: a status change the broker accepted reaches the console even over a shaky link.
        mqtt::iasync_client::qos_collection qos(topics.size(), 1);
        if (!m_profileTopic.isEmpty()) {
            topics.push_back(m_profileTopic.toStdString());
            qos.push_back(1);
        }
        // QoS 0, like the agent publishes it: a lost sample is replaced by the next one.
        topics.emplace_back(contract::kAllChargerTelemetry);
        qos.push_back(0);
        m_client->subscribe(mqtt::string_collection::create(topics), qos, nullptr,
                            m_inbox->subscribeListener);
    } catch (const mqtt::exception& e) {
        qCWarning(lcLink) << "subscribe:" << e.what();
    }
    setConnected(true);
    setStateText(tr("Connected to %1").arg(m_options.uri));
}

void BrokerLink::onConnectFailed(const QString& reason) {
    m_connecting = false;
    qCInfo(lcLink) << "connect to" << m_options.uri << "failed:" << reason;
    scheduleReconnect(reason);
}

void BrokerLink::onConnectionLost(const QString& cause) {
    m_connecting = false;
    qCWarning(lcLink) << "connection to" << m_options.uri << "lost:" << cause;
    setConnected(false);
    scheduleReconnect(cause.isEmpty() ? tr("connection lost") : cause);
}

void BrokerLink::scheduleReconnect(const QString& reason) {
    if (!m_running) {
        return;
    }
    m_backoffMs =
        m_backoffMs == 0 ? m_options.minBackoffMs : std::min(m_backoffMs * 2, m_options.maxBackoffMs);
    const int seconds = std::max(1, (m_backoffMs + 999) / 1000);
    setStateText(
        tr("No connection to %1 (%2); retrying in %n s", nullptr, seconds).arg(m_options.uri, reason));
    m_retryTimer.start(m_backoffMs);
}

void BrokerLink::deliverPending() {
    if (m_outboxPos >= m_outbox.size()) {
        m_outbox.clear();
        m_outboxPos = 0;
        std::lock_guard lock(m_inbox->mutex);
        m_outbox.swap(m_inbox->pending);
        m_inbox->index.clear();
        m_inbox->deliveryScheduled = false;
    }
    if (m_outbox.isEmpty()) {
        return;
    }
    const qsizetype end = std::min(m_outbox.size(), m_outboxPos + kDeliveryChunk);
    MqttMessages chunk(m_outbox.begin() + m_outboxPos, m_outbox.begin() + end);
    m_outboxPos = end;
    if (m_outboxPos < m_outbox.size()) {
        // Let the event loop paint and handle input before the next chunk.
        QMetaObject::invokeMethod(this, &BrokerLink::deliverPending, Qt::QueuedConnection);
    }
    if (isSignalConnected(QMetaMethod::fromSignal(&BrokerLink::messageReceived))) {
        for (const MqttMessage& m : std::as_const(chunk)) {
            emit messageReceived(m.topic, m.payload);
        }
    }
    emit messagesReceived(chunk);
}

QString BrokerLink::topicUser() const {
    return m_options.username.isEmpty() ? QString::fromLatin1(kAnonymousUser) : m_options.username;
}

bool BrokerLink::publishRequest(const QString& topic, const QByteArray& payload,
                                const QByteArray& correlation) {
    if (!m_connected || !m_client) {
        return false;
    }
    mqtt::properties props;
    props.add(mqtt::property(mqtt::property::RESPONSE_TOPIC, m_responseTopic.toStdString()));
    props.add(
        mqtt::property(mqtt::property::CORRELATION_DATA,
                       mqtt::binary(correlation.constData(), static_cast<std::size_t>(correlation.size()))));
    auto message = mqtt::message_ptr_builder()
                       .topic(topic.toStdString())
                       .payload(mqtt::binary(payload.constData(), static_cast<std::size_t>(payload.size())))
                       .qos(1)
                       .retained(false)
                       .properties(std::move(props))
                       .finalize();
    // Released by the listener when the PUBACK (or the failure) comes.
    auto context = std::make_unique<QByteArray>(correlation);
    try {
        m_client->publish(message, context.get(), m_inbox->publishListener);
        [[maybe_unused]] QByteArray* handedOver = context.release();
    } catch (const mqtt::exception& e) {
        qCWarning(lcLink) << "publish to" << topic << "failed:" << e.what();
        return false;
    }
    return true;
}

void BrokerLink::deliverResponses() {
    QList<BrokerLinkInbox::Response> responses;
    {
        std::lock_guard lock(m_inbox->mutex);
        responses.swap(m_inbox->responses);
    }
    for (const auto& r : std::as_const(responses)) {
        emit responseReceived(r.correlation, r.payload);
    }
}

void BrokerLink::setConnected(bool connected) {
    if (m_connected == connected) {
        return;
    }
    m_connected = connected;
    emit connectionChanged(connected);
}

void BrokerLink::setStateText(const QString& text) {
    if (m_stateText == text) {
        return;
    }
    m_stateText = text;
    emit stateTextChanged(text);
}

} // namespace voltdesk::models
