#include "app/ocpp_connection_handler.h"

#include "protocol/ocpp16/certificate_block.h"
#include "protocol/ocpp16/charger_reports_block.h"
#include "protocol/ocpp16/transaction_block.h"

#include <spdlog/spdlog.h>

namespace voltdesk::app {

namespace {

ocpp16::Ocpp16Connection::Send makeSend(const std::string& chargerId,
                                        std::shared_ptr<transport::WsSender> sender, FrameTrace* trace) {
    if (trace != nullptr && trace->enabled()) {
        return [chargerId, sender = std::move(sender), trace](std::string frame) {
            trace->record(chargerId, FrameDirection::Tx, frame);
            sender->sendText(std::move(frame));
        };
    }
    return [sender = std::move(sender)](std::string frame) { sender->sendText(std::move(frame)); };
}

} // namespace

OcppConnectionHandler::OcppConnectionHandler(const std::string& chargerId,
                                             const std::shared_ptr<transport::WsSender>& sender,
                                             const OcppServices& services)
    : m_chargerId(chargerId), m_sender(sender), m_registry(services.registry), m_trace(services.trace),
      m_connection(chargerId, services.fleet, makeSend(chargerId, sender, services.trace), services.limits) {
    m_connection.addBlock(std::make_unique<ocpp16::TransactionBlock>(services.transactions));
    m_connection.addBlock(
        std::make_unique<ocpp16::ChargerReportsBlock>(services.fleet, services.securityEvents));
    // The block lives inside m_connection and calls this only while handling a CALL of it.
    m_connection.addBlock(std::make_unique<ocpp16::CertificateBlock>(
        services.certificateSigner, services.securityEvents,
        [this](std::string action, nlohmann::json payload, ocpp16::CallCallback done) {
            m_connection.sendCall(std::move(action), std::move(payload), std::move(done));
        }));
    m_connection.setErrorLog([chargerId](std::string_view message) {
        spdlog::error("ocpp: failure charger={} error=\"{}\"", chargerId, message);
    });
    std::weak_ptr<transport::WsSender> weakSender = sender;
    m_connection.setSchedule([weakSender](std::chrono::milliseconds delay, std::function<void()> fn) {
        if (const auto s = weakSender.lock()) {
            s->postAfter(delay, std::move(fn));
        }
    });
    domain::SecurityEventSink* sink = services.securityEvents;
    m_connection.setSecurityLog([this, sink](std::string_view type, std::string_view detail) {
        spdlog::warn("ocpp: security event charger={} type={} detail=\"{}\"", m_chargerId, type, detail);
        if (sink != nullptr) {
            domain::SecurityEvent event;
            event.chargerId = m_chargerId;
            event.type = std::string(type);
            event.detail = std::string(detail);
            event.remoteAddress = m_remoteAddress;
            event.receivedAt = contract::nowMs();
            sink->report(event);
        }
    });
}

void OcppConnectionHandler::onOpen(const std::string& remoteAddress) {
    spdlog::debug("ocpp: connected charger={} remote={}", m_chargerId, remoteAddress);
    m_remoteAddress = remoteAddress;
    m_connection.onOpen(remoteAddress);
    m_registration = m_registry.attach(m_chargerId, m_sender, &m_connection);
}

void OcppConnectionHandler::onText(std::string_view text) {
    if (m_trace != nullptr) {
        m_trace->record(m_chargerId, FrameDirection::Rx, text);
    }
    m_connection.onText(text);
}

void OcppConnectionHandler::onBinary(std::string_view data) {
    m_connection.onBinary(data);
}

void OcppConnectionHandler::onClose(const std::string& reason) {
    spdlog::debug("ocpp: disconnected charger={} reason=\"{}\"", m_chargerId, reason);
    m_registry.detach(m_chargerId, m_registration);
    m_connection.onClose(reason);
}

} // namespace voltdesk::app
