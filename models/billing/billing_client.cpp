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

QString commandFailureText(const CommandResult& result) {
    const QString& code = result.errorCode;
    if (code == QLatin1String("NotConnected") || code == QLatin1String("NotAuthorized") ||
        code == QLatin1String("NoAnswer") || code == QLatin1String("NoAgent") ||
        code.startsWith(QLatin1String("0x"))) {
        return result.description; // the console's own words: not connected, the broker, no answer
    }
    if (result.outcome == contract::CommandOutcome::Refused) {
        return BillingClient::tr("The agent refused: %1").arg(result.description);
    }
    return result.description.isEmpty()
               ? BillingClient::tr("The agent did not complete the command (%1).")
                     .arg(QString::fromStdString(std::string(contract::toString(result.outcome))))
               : result.description;
}

} // namespace voltdesk::models::billing
