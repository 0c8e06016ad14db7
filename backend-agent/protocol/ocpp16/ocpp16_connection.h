// One charger's OCPP 1.6J connection as the agent sees it: frames in from the transport, domain events
// out to ChargePointServices, replies back through Send. Adapters translate, nothing more.
#pragma once

#include "contract/iso8601.h"
#include "domain/charge_point_services.h"
#include "protocol/ocpp16-wire/rpc_frame.h"
#include "protocol/ocpp16/functional_block.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace voltdesk::ocpp16 {

struct ConnectionLimits {
    std::size_t maxFrameBytes = std::size_t{64} * 1024;
};

/// Not thread-safe by design: the transport serializes the calls into one connection. Every public
/// method is noexcept in effect: a failure while handling a CALL is answered with InternalError, and
/// one outside a CALL (in onOpen, onClose or a reply to nothing) goes to the error log only.
///
/// CALL handling, in order: a broken frame gets the CALLERROR parseFrame() gives (see rpc_frame.h;
/// broken CALLRESULTs and CALLERRORs get none); an action OCPP 1.6 does not define gets NotImplemented;
/// after a Rejected boot on this connection any CALL but BootNotification gets SecurityError; an OCPP
/// 1.6 action no block handles yet gets NotSupported; otherwise the block answers. A charger that
/// never booted on this connection is served normally (it may have re-opened only the link).
/// CALLRESULTs and CALLERRORs are dropped without a reply: the agent sends no CALLs yet, so none can
/// match a pending call.
class Ocpp16Connection {
public:
    /// The transport queues the write; may be called from inside onText.
    using Send = std::function<void(std::string frame)>;
    using Clock = std::function<contract::EpochMs()>;
    /// Told about failures no CALLERROR can carry (services throwing in onOpen/onClose, say).
    using ErrorLog = std::function<void(std::string_view message)>;

    Ocpp16Connection(std::string chargerId, domain::ChargePointServices& services, Send send,
                     ConnectionLimits limits = {}, Clock clock = {});
    ~Ocpp16Connection();
    Ocpp16Connection(const Ocpp16Connection&) = delete;
    Ocpp16Connection& operator=(const Ocpp16Connection&) = delete;

    /// Reports domain::ChargerConnected{protocol "ocpp1.6"}.
    void onOpen(std::string remoteAddress);
    /// Every reply goes out through send.
    void onText(std::string_view frame);
    /// OCPP-J allows text frames only: answers a CALLERROR FormationViolation (id recovered if the
    /// bytes parse) and keeps the connection. Nothing in the frame is acted on.
    void onBinary(std::string_view frame);
    /// Reports domain::ChargerDisconnected, once, and only if onOpen reported the connection.
    void onClose(std::string_view reason);

    void setErrorLog(ErrorLog log);
    const std::string& chargerId() const { return m_session.chargerId; }
    /// The last boot decision on this connection, if the charger booted on it.
    std::optional<domain::RegistrationStatus> registration() const { return m_session.registration; }

    static constexpr std::string_view kProtocol = "ocpp1.6";

private:
    void handleFrame(std::string_view frame);
    void handleCall(const Call& call, contract::EpochMs receivedAt);
    void sendError(std::string messageId, ErrorCode code, std::string description);
    void sendSafely(std::string frame);
    void logError(std::string_view message);

    domain::ChargePointServices& m_services;
    Send m_send;
    ConnectionLimits m_limits;
    Clock m_clock;
    ErrorLog m_errorLog;
    ConnectionSession m_session;
    std::vector<std::unique_ptr<FunctionalBlock>> m_blocks;
    bool m_connectedReported = false;
    bool m_disconnectedReported = false;
};

} // namespace voltdesk::ocpp16
