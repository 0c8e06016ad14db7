// Glue between the transport and the OCPP 1.6J adapter: one instance per charger connection.
#pragma once

#include "app/connection_registry.h"
#include "app/frame_trace.h"
#include "domain/certificate_signer.h"
#include "domain/charge_point_services.h"
#include "domain/security_event.h"
#include "domain/transaction_service.h"
#include "protocol/ocpp16/ocpp16_connection.h"
#include "transport/ws_connection_handler.h"

#include <cstdint>
#include <memory>
#include <string>

namespace voltdesk::app {

/// What every connection's adapter works with; all outlive the connections.
struct OcppServices {
    domain::ChargePointServices& fleet;
    domain::TransactionService& transactions;
    ConnectionRegistry& registry;
    domain::SecurityEventSink* securityEvents = nullptr;
    FrameTrace* trace = nullptr;
    ocpp16::ConnectionLimits limits;
    /// Signs chargers' certificates (SignCertificate); null: none configured, requests are Rejected.
    const domain::CertificateSigner* certificateSigner = nullptr;
};

/// Forwards the transport's calls (serialized per connection) to an Ocpp16Connection with every
/// functional block, its replies to the connection's sender, and registers the connection so that
/// commands from the consoles reach it.
class OcppConnectionHandler final : public transport::WsConnectionHandler {
public:
    OcppConnectionHandler(const std::string& chargerId, const std::shared_ptr<transport::WsSender>& sender,
                          const OcppServices& services);

    void onOpen(const std::string& remoteAddress) override;
    void onText(std::string_view text) override;
    void onBinary(std::string_view data) override;
    void onClose(const std::string& reason) override;

private:
    std::string m_chargerId;
    std::shared_ptr<transport::WsSender> m_sender;
    ConnectionRegistry& m_registry;
    FrameTrace* m_trace;
    std::string m_remoteAddress;
    std::uint64_t m_registration = 0;
    ocpp16::Ocpp16Connection m_connection;
};

} // namespace voltdesk::app
