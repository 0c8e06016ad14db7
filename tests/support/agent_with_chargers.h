// The back end a console test talks to: the real voltdesk-agent (scratch database, the fixture's
// Mosquitto) with a few scripted simulated chargers connected to it.
#pragma once

#include "control/test_fleet.h"
#include "tests/support/child_program.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>
#include <string>

namespace voltdesk::testing {

class AgentWithChargers {
public:
    /// name makes the database, agent id and charger ids unique to this test process; extraArguments
    /// go to the agent. Check ok().
    AgentWithChargers(const QString& name, int chargers, const QStringList& extraArguments = {});
    ~AgentWithChargers();
    AgentWithChargers(const AgentWithChargers&) = delete;
    AgentWithChargers& operator=(const AgentWithChargers&) = delete;

    bool ok() const { return m_error.isEmpty(); }
    const QString& why() const { return m_error; }
    const QString& mqtt() const { return m_mqtt; }
    const QString& agentId() const { return m_agentId; }
    QString chargerId(int index) { return QString::fromStdString(m_fleet->charger(index).id()); }
    sim::TestCharger& charger(int index) { return m_fleet->charger(index); }
    QString agentOutput() { return m_agent ? m_agent->output() : QString(); }

private:
    QString m_error;
    QString m_mqtt;
    QString m_agentId;
    QTemporaryDir m_dir;
    std::unique_ptr<ChildProgram> m_agent;
    std::unique_ptr<sim::TestFleet> m_fleet;
};

} // namespace voltdesk::testing
