// The console's command side: sends a command to a charger through its agent over the BrokerLink and
// hands back how it ended (contract/command.h), and learns the user's role from the profile topic.
#pragma once

#include "contract/command.h"
#include "contract/command_policy.h"
#include "models/broker_link.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <optional>

namespace voltdesk::models {

/// How one command ended, as the console shows it. errorCode and description are also set for what
/// the console itself decided: "NotConnected", "NotAuthorized" (the broker refused), "NoAnswer".
struct CommandResult {
    QString requestId, chargerId, command;
    contract::CommandOutcome outcome = contract::CommandOutcome::Refused;
    QJsonObject response;
    QString errorCode, description;
};

/// One command in flight. Owned by the CommandClient, which deletes it (deleteLater) right after
/// finished(): copy the result in the slot, do not keep the pointer.
class CommandCall : public QObject {
    Q_OBJECT

public:
    CommandCall(QString requestId, CommandResult pending, QObject* parent);

    const QString& requestId() const { return m_requestId; }
    bool isFinished() const { return m_finished; }
    const CommandResult& result() const { return m_result; }

signals:
    void finished(const voltdesk::models::CommandResult& result);

private:
    friend class CommandClient;
    void finish(CommandResult result);

    QString m_requestId;
    CommandResult m_result;
    QTimer m_timeout;
    bool m_finished = false;
};

/// Sends commands (one request, one answer, matched by correlation data) and tracks the user's role.
/// Lives on the Qt thread with its BrokerLink; never blocks. Every call finishes exactly once: with
/// the agent's answer, with the broker's refusal (PUBACK reason code), at once when the link is
/// down, or when timeoutMs pass without an answer.
class CommandClient : public QObject {
    Q_OBJECT

public:
    explicit CommandClient(BrokerLink& link, QObject* parent = nullptr);

    /// agentId from ChargerState::agentId. The charger gets a little less than timeoutMs to answer,
    /// so that the agent's own Timeout answer normally arrives before the console gives up.
    CommandCall* send(const QString& agentId, const QString& chargerId, const QString& command,
                      const QJsonObject& payload, int timeoutMs = 30000);

    /// The user commands are sent as (the broker user name; "anonymous" without one).
    QString user() const;
    /// The role from the user's retained profile; before one arrived, the fallback role.
    std::optional<contract::Role> role() const;
    /// The name the profile gives the user (empty until it arrives).
    QString displayName() const { return m_displayName; }
    /// The role assumed until (or without) a profile, e.g. from --role on an anonymous test broker.
    void setFallbackRole(std::optional<contract::Role> role);
    /// nullopt when role() may send command with payload; else a sentence saying why not.
    std::optional<QString> refusal(const QString& command, const QJsonObject& payload) const;
    /// Calls not finished yet.
    int pendingCount() const { return static_cast<int>(m_calls.size()); }

    /// Reads the profile topic; connected to the link's messagesReceived by the constructor.
    void applyMessages(const voltdesk::models::MqttMessages& messages);

signals:
    void roleChanged();

private:
    void onResponse(const QByteArray& correlation, const QByteArray& payload);
    void onPublishRefused(const QByteArray& correlation, int reasonCode, const QString& reason);
    void finishLater(CommandCall* call, const CommandResult& result);
    void complete(const QString& requestId, CommandResult result);

    BrokerLink& m_link;
    QHash<QString, QPointer<CommandCall>> m_calls; ///< by requestId (= correlation data)
    std::optional<contract::Role> m_profileRole;
    std::optional<contract::Role> m_fallbackRole;
    QString m_displayName;
    quint64 m_sequence = 0;
};

/// The QJsonObject as nlohmann::json and back (payloads cross between Qt and the contract).
nlohmann::json toJson(const QJsonObject& object);
QJsonObject toQJson(const nlohmann::json& object);

} // namespace voltdesk::models

Q_DECLARE_METATYPE(voltdesk::models::CommandResult)
