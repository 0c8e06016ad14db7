// The chargers connected to this agent right now, by id, so a command from a console reaches the
// one live connection of its charger, on that connection's strand.
#pragma once

#include "domain/charger_commands.h"
#include "protocol/ocpp16/ocpp16_connection.h"
#include "transport/ws_connection_handler.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace voltdesk::app {

/// Thread-safe.
class ConnectionRegistry final : public domain::ChargerCommands {
public:
    /// On the connection's strand, from the handler's onOpen. connection stays valid until detach();
    /// a newer connection of the same charger replaces an older one. Returns a token for detach().
    std::uint64_t attach(const std::string& chargerId, std::shared_ptr<transport::WsSender> sender,
                         ocpp16::Ocpp16Connection* connection);
    /// From the handler's onClose; does nothing when a newer connection has replaced this one.
    void detach(const std::string& chargerId, std::uint64_t token);
    bool isConnected(const std::string& chargerId) const;
    std::size_t size() const;

    /// Offline at once when the charger has no connection here; otherwise the CALL is queued on the
    /// connection's strand and done runs with its outcome (Disconnected if the connection ends first).
    void send(const std::string& chargerId, const std::string& command, nlohmann::json payload,
              std::chrono::milliseconds timeout, std::function<void(domain::CommandResult)> done) override;

private:
    struct Link {
        std::uint64_t token = 0;
        std::shared_ptr<transport::WsSender> sender;
        ocpp16::Ocpp16Connection* connection = nullptr;
    };

    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Link> m_links;
    std::uint64_t m_nextToken = 1;
};

/// The console's terms for how an OCPP CALL ended.
domain::CommandResult toCommandResult(ocpp16::CallOutcome outcome);

} // namespace voltdesk::app
