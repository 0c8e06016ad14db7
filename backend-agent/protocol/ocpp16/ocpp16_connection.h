// One charger's OCPP 1.6J connection as the agent sees it: frames in from the transport, domain events
// out to ChargePointServices, replies back through Send. Adapters translate, nothing more.
#pragma once

#include "contract/iso8601.h"
#include "domain/charge_point_services.h"
#include "protocol/ocpp16-wire/rpc_frame.h"
#include "protocol/ocpp16/call_rate_limiter.h"
#include "protocol/ocpp16/functional_block.h"
#include "protocol/ocpp16/outgoing_calls.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace voltdesk::ocpp16 {

struct ConnectionLimits {
    std::size_t maxFrameBytes = std::size_t{64} * 1024;
    /// How long the charger has to answer one of our CALLs.
    std::chrono::milliseconds callTimeout{30'000};
    /// Our CALLs waiting behind the outstanding one; more are refused.
    std::size_t maxQueuedCalls = 64;
    /// The charger's CALLs per second, sustained and in a burst; more get a CALLERROR and are
    /// reported as a security event. A charger replaying its offline queue sends one CALL at a time,
    /// waiting for each answer, and stays far below this. 0 disables the limit.
    double callsPerSecond = 50;
    double callBurst = 200;
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
/// Over the limit of callsPerSecond, a CALL gets GenericError and a security event is reported
/// (once per second at most).
///
/// Our CALLs (sendCall) go out one at a time; CALLRESULTs and CALLERRORs answer the outstanding one.
/// The charger's own CALLs are handled meanwhile. An answer to no outstanding CALL is dropped.
class Ocpp16Connection {
public:
    /// The transport queues the write; may be called from inside onText.
    using Send = std::function<void(std::string frame)>;
    using Clock = std::function<contract::EpochMs()>;
    /// Told about failures no CALLERROR can carry (services throwing in onOpen/onClose, say).
    using ErrorLog = std::function<void(std::string_view message)>;
    /// Runs fn after delay on the connection's serialized context (never after the connection ended,
    /// or harmlessly: the connection guards against that too). Without one, our CALLs never time out.
    using Schedule = std::function<void(std::chrono::milliseconds delay, std::function<void()> fn)>;
    /// A security-relevant event of this connection: type (e.g. "RateLimitExceeded") and details.
    using SecurityLog = std::function<void(std::string_view type, std::string_view detail)>;

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
    void setSchedule(Schedule schedule);
    void setSecurityLog(SecurityLog log);
    /// Serves further actions; blocks are asked in the order they were added, the core block first.
    void addBlock(std::unique_ptr<FunctionalBlock> block);

    /// Sends a CALL of ours, or queues it behind the outstanding one; done runs once, on this
    /// connection's context (or inside this call, when refused at once).
    void sendCall(std::string action, nlohmann::json payload, CallCallback done,
                  std::optional<std::chrono::milliseconds> timeout = std::nullopt);
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
    void logSecurity(std::string_view type, std::string_view detail);
    void run(OutgoingCalls::Step step);

    domain::ChargePointServices& m_services;
    std::shared_ptr<ReplySink> m_sink;
    ConnectionLimits m_limits;
    Clock m_clock;
    Schedule m_schedule;
    SecurityLog m_securityLog;
    OutgoingCalls m_outgoing;
    CallRateLimiter m_rateLimiter;
    contract::EpochMs m_lastRateReport = 0;
    std::uint64_t m_rateRefused = 0;
    /// Guards scheduled timers against running after this object is gone.
    std::shared_ptr<Ocpp16Connection*> m_alive;
    ConnectionSession m_session;
    std::vector<std::unique_ptr<FunctionalBlock>> m_blocks;
    bool m_connectedReported = false;
    bool m_disconnectedReported = false;
};

} // namespace voltdesk::ocpp16
