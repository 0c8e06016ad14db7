// What the WebSocket server hands to the protocol layer for each charger connection. The transport
// knows nothing about OCPP: it delivers frames in order and sends what the handler gives it.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

namespace voltdesk::transport {

/// The sending half of one connection. Thread-safe: any thread may call it at any time, also after
/// the connection has ended (the call is then ignored). Messages go out in the order given.
class WsSender {
public:
    virtual ~WsSender() = default;

    /// Queues one text frame.
    virtual void sendText(std::string text) = 0;
    /// Starts a normal close handshake (1000); the handler then receives onClose.
    virtual void close(std::string reason = {}) = 0;
    /// The subprotocol agreed in the handshake, e.g. "ocpp1.6".
    virtual const std::string& subprotocol() const = 0;
    /// Runs task on the connection's strand, serialized with the handler's calls, after the call that
    /// is running now. Dropped (destroyed, never run) once the handler has received onClose. An
    /// exception from task ends the connection like one from the handler.
    virtual void post(std::function<void()> task) = 0;
    /// As post(), after delay (a steady timer that exists only while it waits, so an idle connection
    /// costs nothing). A task still waiting when the connection ends is dropped when its delay passes.
    virtual void postAfter(std::chrono::milliseconds delay, std::function<void()> task) = 0;
};

/// The receiving half, one instance per connection, created by the server's handler factory once the
/// WebSocket handshake has completed. All calls for one connection are serialized (never two at once,
/// always on the connection's strand), so an implementation needs no lock for its own state. Calls
/// must return quickly: they run on one of the few I/O threads shared by all chargers.
class WsConnectionHandler {
public:
    virtual ~WsConnectionHandler() = default;

    /// First call, once. remoteAddress is "ip:port" of the peer.
    virtual void onOpen(const std::string& remoteAddress) = 0;
    virtual void onText(std::string_view text) = 0;
    virtual void onBinary(std::string_view data) = 0;
    /// Last call, once; the handler is destroyed right after it. reason says why in words.
    virtual void onClose(const std::string& reason) = 0;
};

} // namespace voltdesk::transport
