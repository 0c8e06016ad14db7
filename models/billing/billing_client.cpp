#include "models/billing/billing_client.h"

#include "models/charger_model.h"

namespace voltdesk::models::billing {

BillingClient::BillingClient(CommandClient& commands, AgentResolver agent, QObject* parent)
    : QObject(parent), m_commands(commands), m_agent(std::move(agent)) {
    connect(&commands, &CommandClient::roleChanged, this, &BillingClient::roleChanged);
}

CommandCall* BillingClient::send(const QString& command, const QJsonObject& payload, int timeoutMs) {
    const QString agent = agentId();
    if (agent.isEmpty()) {
        return nullptr;
    }
    return m_commands.send(agent, QString(), command, payload, timeoutMs);
}

std::optional<QString> BillingClient::refusal(const QString& command) const {
    return m_commands.refusal(command, QJsonObject{});
}

BillingClient::AgentResolver agentOfFirstCharger(const ChargerModel& chargers) {
    return [&chargers] {
        QString any;
        for (int row = 0; row < chargers.rowCount(); ++row) {
            const QString agent = QString::fromStdString(chargers.stateAt(row).agentId);
            if (agent.isEmpty()) {
                continue; // a state no agent signed cannot be asked about
            }
            if (!chargers.index(row).data(ChargerModel::StaleRole).toBool()) {
                return agent;
            }
            any = any.isEmpty() ? agent : any;
        }
        return any;
    };
}

} // namespace voltdesk::models::billing
