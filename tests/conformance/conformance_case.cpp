#include "tests/conformance/conformance_case.h"

#include <QCoreApplication>
#include <thread>

namespace voltdesk::testing {

std::vector<domain::IdTag> defaultIdTags() {
    const contract::EpochMs now = contract::nowMs();
    return {
        domain::IdTag{kGroupTag, std::nullopt, std::nullopt, false},
        domain::IdTag{kValidTag, std::string(kGroupTag), std::nullopt, false},
        domain::IdTag{kOtherValidTag, std::nullopt, std::nullopt, false},
        domain::IdTag{kBlockedTag, std::nullopt, std::nullopt, true},
        domain::IdTag{kExpiredTag, std::nullopt, now - 86'400'000, false},
    };
}

ConformanceCase::ConformanceCase(const std::string& name, CaseOptions options) {
    if (options.system.idTags.empty()) {
        options.system.idTags = defaultIdTags();
    }
    m_system = std::make_unique<ConformanceSystem>(name, options.system);
    if (!m_system->ok()) {
        m_error = m_system->why();
        return;
    }
    if (options.fleet.idPrefix == sim::TestFleetOptions{}.idPrefix) {
        options.fleet.idPrefix = "CT-" + std::to_string(QCoreApplication::applicationPid() % 100000) + "-";
    }
    if (options.tls && m_system->ocppTlsUrl().empty()) {
        m_error = "the agent has no wss:// listener (pass --tls-listen)";
        return;
    }
    try {
        m_fleet = std::make_unique<sim::TestFleet>(options.tls ? m_system->ocppTlsUrl() : m_system->ocppUrl(),
                                                   options.fleet);
    } catch (const std::exception& e) {
        m_error = std::string("the simulated fleet did not start: ") + e.what();
        return;
    }
    if (options.waitForBoot && !m_fleet->waitAllAccepted(std::chrono::seconds(20))) {
        m_error = "the chargers' boots were not accepted\n" + diagnostics();
    }
}

ConformanceCase::~ConformanceCase() {
    m_fleet.reset();
    m_system.reset();
}

std::optional<contract::CommandResponse> ConformanceCase::command(const std::string& action,
                                                                  const nlohmann::json& payload, int index,
                                                                  const std::string& role) {
    return m_system->command(action, chargerId(index), payload, role);
}

std::string ConformanceCase::commandStatus(const std::string& action, const nlohmann::json& payload,
                                           int index) {
    const auto response = command(action, payload, index);
    if (!response) {
        return "<no response>";
    }
    if (response->outcome != contract::CommandOutcome::Completed) {
        return std::string(contract::toString(response->outcome));
    }
    return response->response.value("status", std::string("<no status>"));
}

bool ConformanceCase::waitStatus(int connectorId, contract::ConnectorStatus status, int index,
                                 std::chrono::milliseconds timeout) {
    return charger(index).waitUntil(
        [&](const sim::ChargePointSnapshot& s) {
            const auto* c = s.connector(connectorId);
            return c != nullptr && c->status == status;
        },
        timeout);
}

std::optional<int> ConformanceCase::waitStarted(int connectorId, int index) {
    std::optional<int> id;
    charger(index).waitUntil([&](const sim::ChargePointSnapshot& s) {
        const auto* t = s.activeTransaction(connectorId);
        if (t != nullptr && t->startAcknowledged && t->transactionId) {
            id = t->transactionId;
            return true;
        }
        return false;
    });
    return id;
}

bool ConformanceCase::waitStopped(int index, std::chrono::milliseconds timeout) {
    return charger(index).waitUntil(
        [](const sim::ChargePointSnapshot& s) {
            const auto* t = s.lastTransaction();
            return t != nullptr && !t->active() && t->stopAcknowledged;
        },
        timeout);
}

bool ConformanceCase::waitDb(const std::string& sql, const std::string& value,
                             std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        try {
            if (m_system->scalar(sql) == value) {
                return true;
            }
        } catch (const std::exception&) { // NOLINT(bugprone-empty-catch): a table not there yet; retry
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

std::string ConformanceCase::diagnostics(int index) {
    std::string text;
    if (m_fleet && index < m_fleet->size()) {
        text += "--- frames of " + chargerId(index) + "\n" + charger(index).traceText();
    }
    if (m_system) {
        text += "--- agent output (last part)\n" + m_system->agentOutput().toStdString();
    }
    return text;
}

} // namespace voltdesk::testing
