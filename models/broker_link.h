// The console's one MQTT (5) connection: subscribes to the whole network and hands messages to Qt;
// publishes the console's command requests and hands their answers back.
#pragma once

#include "models/mqtt_message.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>

namespace mqtt {
class async_client; // NOLINT(readability-identifier-naming): Paho's name
}

namespace voltdesk::models {

struct BrokerLinkInbox;

/// Creates and owns the console's MQTT connection (Paho async_client); nothing else in the console
/// connects to the broker.
///
/// Threading rule: a BrokerLink lives on the thread that created it (the Qt GUI thread) and every
/// method must be called there; every signal is emitted there. Paho invokes its callbacks on its own
/// threads; those callbacks touch only a mutex-protected inbox (BrokerLinkInbox) and wake the Qt
/// thread with a queued QMetaObject::invokeMethod. Messages waiting in the inbox for the same topic
/// are coalesced (last value wins, which is what retained state means), and the Qt thread takes them
/// in chunks of at most kDeliveryChunk, so a burst of 10k retained messages on connect becomes a few
/// dozen messagesReceived() signals with the event loop running in between.
///
/// Telemetry (not retained, one message per sample) and the sites' CDR streams are never coalesced.
///
/// Reconnects by itself: after a failed connect or a lost connection it retries with exponential
/// back-off (minBackoffMs doubling up to maxBackoffMs), and re-subscribes on every connect.
///
/// Requests (publishRequest) carry the MQTT 5 response topic of this console and correlation data;
/// answers on that topic come back through responseReceived(), one signal per message, in order.
/// The broker's verdict on a request (the PUBACK reason code) comes back through publishRefused()
/// when it refuses, e.g. 0x87 Not authorized when its ACL denies the user the topic.
class BrokerLink : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool connected READ isConnected NOTIFY connectionChanged)
    Q_PROPERTY(QString stateText READ stateText NOTIFY stateTextChanged)

public:
    struct Options {
        QString uri = QStringLiteral("tcp://127.0.0.1:1883");
        QString username{}; ///< empty: connect without credentials
        QString password{};
        QString clientId{}; ///< empty: "voltdesk-console-<random>"
        int minBackoffMs = 500;
        int maxBackoffMs = 30000;
        int keepAliveSeconds = 10; ///< also bounds how long a silently dead link goes unnoticed
    };

    /// MQTT 5 reason code a publish ends with when it never reached the broker (not connected, or the
    /// connection dropped before the PUBACK): not a broker verdict.
    static constexpr int kNotDelivered = -1;

    /// Most messages handed to the Qt thread in one messagesReceived() signal.
    static constexpr int kDeliveryChunk = 500;

    explicit BrokerLink(Options options, QObject* parent = nullptr);
    ~BrokerLink() override;

    BrokerLink(const BrokerLink&) = delete;
    BrokerLink& operator=(const BrokerLink&) = delete;

    /// Starts connecting (and keeps trying until stop()). Returns false if the URI is unusable.
    bool start();
    /// Disconnects and stops retrying.
    void stop();

    bool isConnected() const { return m_connected; }
    /// One line for the status bar: connecting, connected to URI, or lost and when it retries.
    QString stateText() const { return m_stateText; }
    const Options& options() const { return m_options; }
    /// The user name topics name this console by: the broker user, or "anonymous" without one (a
    /// broker listener without passwords).
    QString topicUser() const;
    /// Where answers to this console's requests arrive (subscribed on every connect).
    QString responseTopic() const { return m_responseTopic; }
    /// The retained profile of the logged-in user (its role); empty without a user name.
    QString profileTopic() const { return m_profileTopic; }

    /// Publishes a request (QoS 1, not retained) with this console's response topic and `correlation`
    /// as MQTT 5 properties. Returns false, publishing nothing, while not connected; otherwise the
    /// broker's refusal, if any, arrives later through publishRefused().
    bool publishRequest(const QString& topic, const QByteArray& payload, const QByteArray& correlation);

signals:
    /// One signal per message; prefer messagesReceived() for anything that updates a model.
    void messageReceived(const QString& topic, const QByteArray& payload);
    /// A chunk of messages in arrival order (at most kDeliveryChunk).
    void messagesReceived(const voltdesk::models::MqttMessages& messages);
    void connectionChanged(bool connected);
    void stateTextChanged(const QString& text);
    /// A message on responseTopic() and its correlation data (empty if it had none).
    void responseReceived(const QByteArray& correlation, const QByteArray& payload);
    /// The broker refused a request (reasonCode >= 0x80), or it was lost on the way (kNotDelivered).
    void publishRefused(const QByteArray& correlation, int reasonCode, const QString& reason);

private:
    friend struct BrokerLinkInbox;

    // Called on the Qt thread only, through queued invocations from the inbox.
    void deliverPending();
    void onConnected();
    void onConnectFailed(const QString& reason);
    void onConnectionLost(const QString& cause);
    void deliverResponses();

    void connectNow();
    void scheduleReconnect(const QString& reason);
    void setConnected(bool connected);
    void setStateText(const QString& text);

    Options m_options;
    QString m_responseTopic;
    QString m_profileTopic;
    std::shared_ptr<BrokerLinkInbox> m_inbox;
    std::unique_ptr<mqtt::async_client> m_client;
    QTimer m_retryTimer;
    int m_backoffMs = 0;
    bool m_running = false;
    bool m_connecting = false;
    bool m_connected = false;
    QString m_stateText;
    MqttMessages m_outbox; ///< taken from the inbox, not yet delivered (Qt thread only)
    qsizetype m_outboxPos = 0;
};

} // namespace voltdesk::models
