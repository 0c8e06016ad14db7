#include "tests/conformance/conformance_system.h"

#include "store/credential_store.h"
#include "store/id_tag_store.h"
#include "store/store.h"
#include "tests/support/test_services.h"

#include <QCoreApplication>
#include <QDir>
#include <pqxx/pqxx>

namespace voltdesk::testing {

namespace {

std::string sanitized(const std::string& name) {
    std::string out;
    for (const char c : name) {
        out += std::isalnum(static_cast<unsigned char>(c)) != 0 ? static_cast<char>(std::tolower(c)) : '_';
    }
    return out;
}

} // namespace

ConformanceSystem::ConformanceSystem(const std::string& caseName, ConformanceOptions options)
    : m_caseName(caseName), m_options(std::move(options)) {
    const auto services = testServices();
    if (services.postgres.isEmpty() || services.mqtt.isEmpty()) {
        m_error = "the services fixture did not run";
        return;
    }
    m_mqtt = services.mqtt.toStdString();
    const QString db =
        createScratchDatabase(services.postgres, QString::fromStdString("c_" + sanitized(caseName)));
    if (db.isEmpty()) {
        m_error = "cannot create the scratch database";
        return;
    }
    m_postgres = db.toStdString();
    m_agentId = "conf-" + sanitized(caseName) + "-" + std::to_string(QCoreApplication::applicationPid());
    const QString traceDir = qEnvironmentVariable("VOLTDESK_OCPP_TRACE_DIR");
    if (!traceDir.isEmpty()) {
        QDir().mkpath(traceDir);
        m_tracePath = QDir(traceDir).filePath(QString::fromStdString(caseName + ".jsonl")).toStdString();
        QFile::remove(QString::fromStdString(m_tracePath));
    }
    try {
        // The agent's own migrations and id tag store, so the tags are there when it loads them.
        store::Store(m_postgres).migrate();
        store::IdTagStore tags(m_postgres);
        for (const auto& tag : m_options.idTags) {
            tags.upsert(tag, "conformance test");
        }
        store::CredentialStore credentials(m_postgres);
        for (const auto& seed : m_options.credentials) {
            const auto profile = domain::securityProfileFromInt(seed.profile);
            if (!profile) {
                throw std::invalid_argument("security profile " + std::to_string(seed.profile) +
                                            " is not 0-3");
            }
            std::optional<domain::StoredKey> key;
            if (!seed.authorizationKey.empty()) {
                key = domain::hashAuthorizationKey(seed.authorizationKey);
            }
            credentials.set(seed.chargerId, *profile, key, "conformance test");
        }
    } catch (const std::exception& e) {
        m_error = std::string("preparing the database failed: ") + e.what();
        return;
    }
    if (!startAgent()) {
        return;
    }
    try {
        m_console = std::make_unique<CommandClient>(m_mqtt, m_agentId, m_agentId + "-console");
    } catch (const std::exception& e) {
        m_error = e.what();
    }
}

ConformanceSystem::~ConformanceSystem() {
    m_console.reset();
    if (m_agent) {
        m_agent->stop();
    }
}

bool ConformanceSystem::startAgent() {
    QStringList args{"--postgres",
                     QString::fromStdString(m_postgres),
                     "--mqtt",
                     QString::fromStdString(m_options.agentMqtt.empty() ? m_mqtt : m_options.agentMqtt),
                     "--listen",
                     QString::fromStdString(m_listen),
                     "--agent-id",
                     QString::fromStdString(m_agentId),
                     "--unknown-chargers",
                     QString::fromStdString(m_options.unknownChargers),
                     "--heartbeat-interval",
                     QString::number(m_options.heartbeatIntervalSeconds),
                     "--call-timeout-ms",
                     QString::number(m_options.callTimeoutMs),
                     "--log-level",
                     "info"};
    if (!m_tracePath.empty()) {
        args << "--ocpp-trace" << QString::fromStdString(m_tracePath);
    }
    for (const auto& a : m_options.extraArguments) {
        args << QString::fromStdString(a);
    }
    m_agent = std::make_unique<ChildProgram>(QStringLiteral("voltdesk-agent"), args);
    const QString url = m_agent->waitForLine(QStringLiteral("ocpp: "), 30'000);
    if (url.isEmpty()) {
        m_error = "the agent did not start: " + m_agent->output().toStdString();
        return false;
    }
    m_ocppUrl = url.toStdString();
    // main() prints the wss:// line first, so it is in the output once the ws:// one is.
    m_ocppTlsUrl.clear();
    for (const QString& line : m_agent->output().split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("ocpps: "))) {
            m_ocppTlsUrl = line.mid(7).trimmed().toStdString();
        }
    }
    // Commands published before the agent subscribed would be lost (nothing retains them).
    if (!m_agent->waitForText(QStringLiteral("bus: taking commands on"), 30'000)) {
        m_error = "the agent did not subscribe to its commands: " + m_agent->output().toStdString();
        return false;
    }
    // Restart on the same port, so chargers reconnect to the same URL.
    const auto portStart = m_ocppUrl.rfind(':');
    const auto portEnd = m_ocppUrl.find('/', portStart);
    m_listen = "127.0.0.1:" + m_ocppUrl.substr(portStart + 1, portEnd - portStart - 1);
    return true;
}

bool ConformanceSystem::restartAgent(bool kill) {
    if (m_agent) {
        if (kill) {
            m_agent->kill();
        } else {
            m_agent->stop();
        }
    }
    return startAgent();
}

void ConformanceSystem::killAgent() {
    if (m_agent) {
        m_agent->kill();
    }
}

QString ConformanceSystem::agentOutput() {
    return m_agent ? m_agent->output() : QString();
}

std::optional<contract::CommandResponse> ConformanceSystem::command(const std::string& command,
                                                                    const std::string& chargerId,
                                                                    const nlohmann::json& payload,
                                                                    const std::string& role) {
    if (!m_console) {
        return std::nullopt;
    }
    return m_console->send(command, chargerId, payload, role);
}

std::string ConformanceSystem::scalar(const std::string& sql) {
    const auto all = rows(sql);
    return all.empty() || all.front().empty() ? std::string() : all.front().front();
}

std::vector<std::vector<std::string>> ConformanceSystem::rows(const std::string& sql) {
    pqxx::connection c(m_postgres);
    pqxx::read_transaction tx(c);
    std::vector<std::vector<std::string>> out;
    for (const auto& row : tx.exec(sql)) {
        std::vector<std::string> values;
        for (const auto& field : row) {
            values.push_back(field.is_null() ? std::string("<null>") : std::string(field.view()));
        }
        out.push_back(std::move(values));
    }
    return out;
}

} // namespace voltdesk::testing
