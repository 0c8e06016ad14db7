// Glue between the transport and the OCPP 1.6J adapter: one instance per charger connection.
#pragma once

#include "domain/charge_point_services.h"
#include "protocol/ocpp16/ocpp16_connection.h"
#include "transport/ws_connection_handler.h"

#include <memory>
#include <string>

namespace voltdesk::app {

/// Forwards the transport's calls (serialized per connection) to an Ocpp16Connection, and its replies
/// to the connection's sender.
class OcppConnectionHandler final : public transport::WsConnectionHandler {
public:
    OcppConnectionHandler(const std::string& chargerId, std::shared_ptr<transport::WsSender> sender,
                          domain::ChargePointServices& services, ocpp16::ConnectionLimits limits);

    void onOpen(const std::string& remoteAddress) override;
    void onText(std::string_view text) override;
    void onBinary(std::string_view data) override;
    void onClose(const std::string& reason) override;

private:
    ocpp16::Ocpp16Connection m_connection;
};

} // namespace voltdesk::app
