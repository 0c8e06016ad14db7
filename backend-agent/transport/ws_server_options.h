// Settings of the charger-facing WebSocket server; defaults suit 10,000 chargers on one small host.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace voltdesk::transport {

/// wss:// instead of ws://: TLS 1.2 or newer with the OCPP 1.6 Security Whitepaper's cipher suites (plus
/// their ECDHE-RSA forms, for RSA server keys with forward secrecy). Files are PEM.
struct TlsOptions {
    std::string certificateChainFile; ///< the server certificate first, then its intermediates
    std::string privateKeyFile;
    /// Non-empty: client certificates are requested and verified against these CAs (security profile 3).
    std::string clientCaFile;
    /// With clientCaFile: true refuses a TLS handshake without a client certificate; false lets chargers
    /// without one (profile 2) share the port, and admission decides. A certificate that is presented
    /// but does not verify always fails the handshake.
    bool requireClientCertificate = true;
};

struct WsServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8180; ///< 0 picks a free port; WsServer::port() tells which
    /// Requests must target pathPrefix + percent-encoded charger id, nothing after it.
    std::string pathPrefix = "/ocpp/";
    /// What we speak. Of the client's offers the first one in the client's order that is listed here wins;
    /// a client that offers none gets the first of this list.
    std::vector<std::string> subprotocols{"ocpp1.6"};
    /// Hard limit for one message; a larger one closes the connection with 1009 (message too big).
    std::size_t maxMessageBytes = std::size_t{1024} * 1024;
    /// Sent but not yet written bytes above which a peer that does not read is disconnected.
    std::size_t maxPendingWriteBytes = std::size_t{4} * 1024 * 1024;
    /// After this long without any data from the peer a WebSocket ping is sent; after twice this long
    /// the connection is considered dead and closed. Zero disables both.
    std::chrono::seconds idleTimeout{60};
    /// Limit for the HTTP upgrade and for the close handshake.
    std::chrono::seconds handshakeTimeout{15};
    /// Threads running the one io_context shared by all connections.
    int ioThreads = 2;
    /// Set: this server speaks wss:// only.
    std::optional<TlsOptions> tls;
};

} // namespace voltdesk::transport
