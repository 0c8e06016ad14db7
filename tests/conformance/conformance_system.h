// The system a conformance case runs against: a scratch PostgreSQL database, the real voltdesk-agent
// as a child process (with its OCPP frame trace for the schema check), the real Mosquitto, and a
// console's command client. One per test function; the simulated chargers come from the simulator.
#pragma once

#include "domain/authorization.h"
#include "tests/support/child_program.h"
#include "tests/support/command_client.h"

#include <QString>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace voltdesk::testing {

/// A charger's OCPP security profile and AuthorizationKey (empty: none), as `set-charger-key` stores them.
struct ChargerCredentialSeed {
    std::string chargerId;
    int profile = 0;
    std::string authorizationKey;
};

struct ConformanceOptions {
    std::vector<domain::IdTag> idTags;              ///< in the database before the agent starts
    std::vector<ChargerCredentialSeed> credentials; ///< in the database before the agent starts
    std::string unknownChargers = "accept";
    int heartbeatIntervalSeconds = 60;
    int callTimeoutMs = 5'000;
    std::vector<std::string> extraArguments;
    /// The broker the agent connects to; empty: the fixture's anonymous listener (the console's).
    std::string agentMqtt;
};

class ConformanceSystem {
public:
    /// caseName names the trace file and the database. Check ok() (and why()) before use.
    ConformanceSystem(const std::string& caseName, ConformanceOptions options = {});
    ~ConformanceSystem();
    ConformanceSystem(const ConformanceSystem&) = delete;
    ConformanceSystem& operator=(const ConformanceSystem&) = delete;

    bool ok() const { return m_error.empty(); }
    const std::string& why() const { return m_error; }

    /// ws://127.0.0.1:PORT/ocpp/ of the running agent.
    const std::string& ocppUrl() const { return m_ocppUrl; }
    /// wss://127.0.0.1:PORT/ocpp/ when extraArguments start the TLS listener (--tls-listen), else "".
    /// A restart may move it to another port.
    const std::string& ocppTlsUrl() const { return m_ocppTlsUrl; }
    const std::string& agentId() const { return m_agentId; }
    const std::string& postgres() const { return m_postgres; }
    const std::string& mqtt() const { return m_mqtt; }

    /// Sends a console command as role and waits for the agent's answer.
    std::optional<contract::CommandResponse> command(const std::string& command, const std::string& chargerId,
                                                     const nlohmann::json& payload,
                                                     const std::string& role = "supervisor");

    /// Stops the agent with SIGTERM (a clean shutdown) or SIGKILL, and starts it again on the same
    /// port and database.
    bool restartAgent(bool kill = false);
    void killAgent();
    bool startAgent();
    QString agentOutput();

    /// One value of a query on the scratch database, as text ("" when no row).
    std::string scalar(const std::string& sql);
    /// Every row of a query, each column as text (NULL as "<null>").
    std::vector<std::vector<std::string>> rows(const std::string& sql);

private:
    std::string m_caseName;
    ConformanceOptions m_options;
    std::string m_error;
    std::string m_postgres;
    std::string m_mqtt;
    std::string m_agentId;
    std::string m_listen = "127.0.0.1:0";
    std::string m_ocppUrl;
    std::string m_ocppTlsUrl;
    std::string m_tracePath;
    std::unique_ptr<ChildProgram> m_agent;
    std::unique_ptr<CommandClient> m_console;
};

} // namespace voltdesk::testing
