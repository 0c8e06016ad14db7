#include "app/ocpp_connection_handler.h"

#include <spdlog/spdlog.h>

namespace voltdesk::app {

OcppConnectionHandler::OcppConnectionHandler(const std::string& chargerId,
                                             std::shared_ptr<transport::WsSender> sender,
                                             domain::ChargePointServices& services,
                                             ocpp16::ConnectionLimits limits)
    : m_connection(
          chargerId, services,
          [sender = std::move(sender)](std::string frame) { sender->sendText(std::move(frame)); }, limits) {
    m_connection.setErrorLog([chargerId](std::string_view message) {
        spdlog::error("ocpp: failure charger={} error=\"{}\"", chargerId, message);
    });
}

void OcppConnectionHandler::onOpen(const std::string& remoteAddress) {
    spdlog::debug("ocpp: connected charger={} remote={}", m_connection.chargerId(), remoteAddress);
    m_connection.onOpen(remoteAddress);
}

void OcppConnectionHandler::onText(std::string_view text) {
    m_connection.onText(text);
}

void OcppConnectionHandler::onBinary(std::string_view data) {
    m_connection.onBinary(data);
}

void OcppConnectionHandler::onClose(const std::string& reason) {
    spdlog::debug("ocpp: disconnected charger={} reason=\"{}\"", m_connection.chargerId(), reason);
    m_connection.onClose(reason);
}

} // namespace voltdesk::app
