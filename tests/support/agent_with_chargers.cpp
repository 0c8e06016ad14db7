#include "tests/support/agent_with_chargers.h"

#include "contract/inventory.h"
#include "core/fleet.h"
#include "tests/support/test_services.h"

#include <QCoreApplication>
#include <fstream>

namespace voltdesk::testing {

AgentWithChargers::AgentWithChargers(const QString& name, int chargers, const QStringList& extraArguments) {
    const auto services = testServices();
    if (services.postgres.isEmpty() || services.mqtt.isEmpty()) {
        m_error = QStringLiteral("the services fixture did not run");
        return;
    }
    m_mqtt = services.mqtt;
    const QString database = createScratchDatabase(services.postgres, name);
    if (database.isEmpty()) {
        m_error = QStringLiteral("no scratch database");
        return;
    }
    const QString unique = name + QString::number(QCoreApplication::applicationPid() % 100000);
    m_agentId = QStringLiteral("it-") + unique;

    sim::TestFleetOptions options;
    options.count = chargers;
    options.idPrefix = unique.toUpper().toStdString() + "-";
    options.connection.minBackoff = std::chrono::milliseconds(200);
    options.connection.maxBackoff = std::chrono::milliseconds(1000);
    // An inventory places the chargers on sites with a location, as a real network has them.
    const QString inventory = m_dir.filePath(QStringLiteral("inventory.json"));
    const auto fleet = sim::generateFleet(
        {.seed = options.seed, .count = options.count, .firstIndex = 1, .idPrefix = options.idPrefix});
    std::ofstream(inventory.toStdString()) << contract::encodeInventory(sim::toInventory(fleet)) << '\n';

    m_agent = std::make_unique<ChildProgram>(
        QStringLiteral("voltdesk-agent"),
        QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--postgres"),
                    database, QStringLiteral("--mqtt"), m_mqtt, QStringLiteral("--agent-id"), m_agentId,
                    QStringLiteral("--inventory"), inventory, QStringLiteral("--call-timeout-ms"),
                    QStringLiteral("5000"), QStringLiteral("--log-level"), QStringLiteral("info")} +
            extraArguments);
    const QString url = m_agent->waitForLine(QStringLiteral("ocpp: "), 30000);
    if (url.isEmpty()) {
        m_error = QStringLiteral("the agent did not start: ") + m_agent->output();
        return;
    }
    // Commands published before the agent subscribed would be lost (nothing retains them).
    if (!m_agent->waitForText(QStringLiteral("bus: taking commands on"), 30000)) {
        m_error = QStringLiteral("the agent did not subscribe to its commands: ") + m_agent->output();
        return;
    }
    m_fleet = std::make_unique<sim::TestFleet>(url.trimmed().toStdString(), options);
    if (!m_fleet->waitAllAccepted()) {
        m_error = QStringLiteral("the chargers were not accepted: ") +
                  QString::fromStdString(m_fleet->charger(0).traceText());
    }
}

AgentWithChargers::~AgentWithChargers() {
    m_fleet.reset();
    if (m_agent) {
        m_agent->stop();
    }
}

} // namespace voltdesk::testing
