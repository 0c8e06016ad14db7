// The console's one MQTT connection: subscribes to the whole network and hands messages to Qt.
#pragma once

#include "models/mqtt_message.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>

namespace mqtt {
class async_client;
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
/// Reconnects by itself: after a failed connect or a lost connection it retries with exponential
/// back-off (minBackoffMs doubling up to maxBackoffMs), and re-subscribes on every connect.
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

signals:
    /// One signal per message; prefer messagesReceived() for anything that updates a model.
    void messageReceived(const QString& topic, const QByteArray& payload);
    /// A chunk of messages in arrival order (at most kDeliveryChunk).
    void messagesReceived(const voltdesk::models::MqttMessages& messages);
    void connectionChanged(bool connected);
    void stateTextChanged(const QString& text);

private:
    friend struct BrokerLinkInbox;

    // Called on the Qt thread only, through queued invocations from the inbox.
    void deliverPending();
    void onConnected();
    void onConnectFailed(const QString& reason);
    void onConnectionLost(const QString& cause);

    void connectNow();
    void scheduleReconnect(const QString& reason);
    void setConnected(bool connected);
    void setStateText(const QString& text);

    Options m_options;
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
