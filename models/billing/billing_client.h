// The billing views' way to the agent: the billing commands of docs/MQTT.md sent through the console's
// one CommandClient (never a connection of its own), to the agent a resolver names.
#pragma once

#include "models/command_client.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace voltdesk::models {
class ChargerModel;
}

namespace voltdesk::models::billing {

/// Billing commands need no charger; any agent of the network answers them from the shared database.
/// Lives on the Qt thread with its CommandClient.
class BillingClient : public QObject {
    Q_OBJECT

public:
    /// Names the agent to ask (e.g. the agent of the first charger that is not stale); empty: none known.
    using AgentResolver = std::function<QString()>;

    BillingClient(CommandClient& commands, AgentResolver agent, QObject* parent = nullptr);

    /// Sends a billing command; nullptr when no agent is known (nothing sent).
    CommandCall* send(const QString& command, const QJsonObject& payload, int timeoutMs = 30000);
    /// nullopt when the user's role may send the command; else why not (for tooltips).
    std::optional<QString> refusal(const QString& command) const;
    bool mayWriteTariffs() const { return !refusal(QStringLiteral("PutTariff")); }
    bool mayRerate() const { return !refusal(QStringLiteral("RerateSession")); }
    QString agentId() const { return m_agent ? m_agent() : QString(); }
    CommandClient& commands() const { return m_commands; }

signals:
    /// The user's role changed (the profile arrived): what may be sent may have changed.
    void roleChanged();

private:
    CommandClient& m_commands;
    AgentResolver m_agent;
};

/// Names the agent of the first charger whose state is not stale, else of any charger; chargers must
/// outlive the resolver.
BillingClient::AgentResolver agentOfFirstCharger(const ChargerModel& chargers);

/// Why a billing command did not complete, in words (the agent's refusal, the broker's, no answer).
QString commandFailureText(const CommandResult& result);

} // namespace voltdesk::models::billing
