// The charger-facing WebSocket server: ws:// or wss://HOST:PORT/ocpp/{chargerId}. One io_context with a
// few threads serves every connection; each connection is a strand, so its handler never runs twice at once.
#pragma once

#include "transport/ws_connection_handler.h"
#include "transport/ws_server_options.h"
#include "transport/ws_upgrade.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace voltdesk::transport {

/// The server could not start, e.g. the port is in use; what() is a sentence for the operator.
class TransportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// What an upgrade request presented, for the admission decision (the OCPP security profiles).
struct AdmissionRequest {
    std::string chargerId;
    /// From `Authorization: Basic ...`; nullopt when absent or malformed.
    std::optional<BasicCredentials> basic;
    /// The connection is wss://.
    bool tls = false;
    /// Subject CN of a client certificate that verified against the configured CAs; nullopt when none
    /// was presented, or its subject has no CN or several.
    std::optional<std::string> clientCertificateCn;
    std::string remoteAddress; ///< "ip:port"
};

enum class Admission {
    Admit,
    Unauthorized,  ///< HTTP 401 with `WWW-Authenticate: Basic realm="voltdesk"`
    UnknownCharger ///< HTTP 404, the OCPP-J way to refuse an unknown charger
};

/// Accepts chargers. Upgrade rules, in the order they are checked:
///  - a target that is not pathPrefix + a valid id gets HTTP 404; a request that is not a WebSocket
///    upgrade gets HTTP 426;
///  - Sec-WebSocket-Protocol: see chooseSubprotocol(); offering only unsupported protocols gets HTTP 400;
///  - then admit(request) decides: Admit, Unauthorized (HTTP 401) or UnknownCharger (HTTP 404).
/// Over TLS the handshake comes first: with TlsOptions::clientCaFile set, a client certificate that
/// does not verify ends the connection before any HTTP is read.
/// When a second connection arrives for a charger id that is already connected, the newer one wins:
/// the old handler receives onClose("replaced by a newer connection") and the old socket is closed
/// before the new handler's onOpen runs, so events of one charger never interleave. A charger that
/// reconnects after losing its link is the common case, and the old socket is usually half-dead.
class WsServer {
public:
    /// Called on an I/O thread before upgrading; must be thread-safe and quick (milliseconds at most:
    /// a whole fleet reconnects at once after an outage).
    using AdmitFunction = std::function<Admission(const AdmissionRequest& request)>;
    /// Called once per connection after the handshake; returning nullptr closes the connection.
    using HandlerFactory = std::function<std::unique_ptr<WsConnectionHandler>(
        const std::string& chargerId, std::shared_ptr<WsSender> sender)>;

    WsServer(WsServerOptions options, AdmitFunction admit, HandlerFactory factory);
    /// Stops the server if still running.
    ~WsServer();
    WsServer(const WsServer&) = delete;
    WsServer& operator=(const WsServer&) = delete;

    /// Binds, listens and starts the I/O threads. Throws TransportError when it cannot listen or, with
    /// TLS, cannot load its certificate, key or client CAs.
    void start();
    /// The port actually bound (useful with port 0). Valid after start().
    std::uint16_t port() const;
    /// WebSocket connections currently open (handshake done, not yet ended).
    std::size_t connectionCount() const;
    /// Stops accepting, closes every connection (every handler gets onClose), waits up to grace for
    /// the close handshakes, then stops the I/O threads. Idempotent.
    void stop(std::chrono::milliseconds grace = std::chrono::milliseconds(3000));

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace voltdesk::transport
