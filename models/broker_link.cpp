#include "models/broker_link.h"

#include "contract/topics.h"

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

} // namespace

/// The part of BrokerLink that Paho's threads may touch. Held by shared_ptr from Paho's callbacks
/// so it outlives them; `owner` is cleared (under the mutex) when the BrokerLink goes away, after
/// which every callback is a no-op.
struct BrokerLinkInbox : mqtt::iaction_listener {
    enum class Action { Connect, Subscribe };

    struct Listener : mqtt::iaction_listener {
        Listener(BrokerLinkInbox& inbox, Action action) : m_inbox(inbox), m_action(action) {}
        void on_success(const mqtt::token&) override {}
        void on_failure(const mqtt::token& token) override { m_inbox.failed(m_action, reasonOf(token)); }
        BrokerLinkInbox& m_inbox;
        Action m_action;
    };

    explicit BrokerLinkInbox(BrokerLink* link) : owner(link) {}

    void on_success(const mqtt::token&) override {}
    void on_failure(const mqtt::token&) override {}

    // Paho thread.
    void push(const mqtt::const_message_ptr& msg) {
        const std::string& t = msg->get_topic();
        MqttMessage m{
            QString::fromUtf8(t.data(), static_cast<qsizetype>(t.size())),
            QByteArray(msg->get_payload().data(), static_cast<qsizetype>(msg->get_payload().size()))};
        std::lock_guard lock(mutex);
        if (owner == nullptr) {
            return;
        }
        const auto it = index.constFind(m.topic);
        if (it != index.constEnd()) {
            pending[*it].payload = std::move(m.payload);
        } else {
            index.insert(m.topic, pending.size());
            pending.push_back(std::move(m));
        }
        if (!deliveryScheduled) {
            deliveryScheduled = true;
            QMetaObject::invokeMethod(owner, &BrokerLink::deliverPending, Qt::QueuedConnection);
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
    BrokerLink* owner; ///< guarded by mutex
    MqttMessages pending;
    QHash<QString, qsizetype> index; ///< topic → position in pending, for coalescing
    bool deliveryScheduled = false;
    Listener connectListener{*this, Action::Connect};
    Listener subscribeListener{*this, Action::Subscribe};
};

BrokerLink::BrokerLink(Options options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_inbox(std::make_shared<BrokerLinkInbox>(this)) {
    if (m_options.clientId.isEmpty()) {
        m_options.clientId =
            QStringLiteral("voltdesk-console-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
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
        } catch (const mqtt::exception&) {
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
            m_client = std::make_unique<mqtt::async_client>(m_options.uri.toStdString(),
                                                            m_options.clientId.toStdString());
        } catch (const mqtt::exception& e) {
            setStateText(tr("Invalid broker address %1: %2").arg(m_options.uri, QString::fromUtf8(e.what())));
            qCWarning(lcLink) << "cannot create MQTT client for" << m_options.uri << e.what();
            return false;
        }
        const std::shared_ptr<BrokerLinkInbox> inbox = m_inbox;
        m_client->set_message_callback([inbox](mqtt::const_message_ptr msg) { inbox->push(msg); });
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
                       .clean_session(true)
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
        auto topics = mqtt::string_collection::create({std::string(contract::kAllAgentStatus),
                                                       std::string(contract::kAllSiteInfo),
                                                       std::string(contract::kAllChargerStates)});
        // QoS 1: a status change the broker accepted reaches the console even over a shaky link.
        m_client->subscribe(topics, mqtt::iasync_client::qos_collection{1, 1, 1}, nullptr,
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
