#include "app/connection_registry.h"

#include <utility>

namespace voltdesk::app {

namespace {

/// Answers Disconnected if the posted task is dropped unrun (the connection ended first), so every
/// command gets exactly one answer.
class Completion {
public:
    explicit Completion(std::function<void(domain::CommandResult)> done) : m_done(std::move(done)) {}
    ~Completion() {
        if (m_done) {
            try {
                m_done(domain::CommandResult{contract::CommandOutcome::Disconnected,
                                             nlohmann::json::object(),
                                             {},
                                             "the charger's connection ended before the command was sent"});
            } catch (...) { // NOLINT(bugprone-empty-catch): a destructor must not throw
            }
        }
    }
    Completion(const Completion&) = delete;
    Completion& operator=(const Completion&) = delete;

    void operator()(domain::CommandResult result) {
        auto done = std::move(m_done);
        m_done = nullptr;
        if (done) {
            done(std::move(result));
        }
    }

private:
    std::function<void(domain::CommandResult)> m_done;
};

} // namespace

domain::CommandResult toCommandResult(ocpp16::CallOutcome outcome) {
    using Kind = ocpp16::CallOutcome::Kind;
    using contract::CommandOutcome;
    domain::CommandResult result;
    result.response = std::move(outcome.payload);
    result.description = std::move(outcome.description);
    switch (outcome.kind) {
    case Kind::Result:
        result.outcome = CommandOutcome::Completed;
        break;
    case Kind::Error:
        result.outcome = CommandOutcome::ChargerError;
        result.errorCode = std::string(ocpp16::toString(outcome.errorCode));
        break;
    case Kind::InvalidResponse:
        result.outcome = CommandOutcome::InvalidResponse;
        result.errorCode = std::string(ocpp16::toString(outcome.errorCode));
        break;
    case Kind::Timeout:
        result.outcome = CommandOutcome::Timeout;
        break;
    case Kind::Closed:
        result.outcome = CommandOutcome::Disconnected;
        break;
    case Kind::Refused:
        result.outcome = CommandOutcome::Refused;
        break;
    }
    return result;
}

std::uint64_t ConnectionRegistry::attach(const std::string& chargerId,
                                         std::shared_ptr<transport::WsSender> sender,
                                         ocpp16::Ocpp16Connection* connection) {
    std::lock_guard lock(m_mutex);
    const std::uint64_t token = m_nextToken++;
    m_links.insert_or_assign(chargerId, Link{token, std::move(sender), connection});
    return token;
}

void ConnectionRegistry::detach(const std::string& chargerId, std::uint64_t token) {
    std::lock_guard lock(m_mutex);
    const auto it = m_links.find(chargerId);
    if (it != m_links.end() && it->second.token == token) {
        m_links.erase(it);
    }
}

bool ConnectionRegistry::isConnected(const std::string& chargerId) const {
    std::lock_guard lock(m_mutex);
    return m_links.contains(chargerId);
}

std::size_t ConnectionRegistry::size() const {
    std::lock_guard lock(m_mutex);
    return m_links.size();
}

void ConnectionRegistry::send(const std::string& chargerId, const std::string& command,
                              nlohmann::json payload, std::chrono::milliseconds timeout,
                              std::function<void(domain::CommandResult)> done) {
    Link link;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_links.find(chargerId);
        if (it != m_links.end()) {
            link = it->second;
        }
    }
    if (!link.sender) {
        done(domain::CommandResult{contract::CommandOutcome::Offline,
                                   nlohmann::json::object(),
                                   {},
                                   "charger " + chargerId + " is not connected to this agent"});
        return;
    }
    auto completion = std::make_shared<Completion>(std::move(done));
    // Runs on the connection's strand before its onClose, so the connection is alive.
    link.sender->post([connection = link.connection, command, payload = std::move(payload), timeout,
                       completion] {
        connection->sendCall(
            command, payload,
            [completion](ocpp16::CallOutcome outcome) { (*completion)(toCommandResult(std::move(outcome))); },
            timeout);
    });
}

} // namespace voltdesk::app
