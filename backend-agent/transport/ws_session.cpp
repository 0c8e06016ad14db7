#include "transport/ws_session.h"

#include "transport/ws_upgrade.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <spdlog/spdlog.h>

namespace voltdesk::transport {

namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;
namespace net = boost::asio;

namespace {

// Upgrade requests are a few hundred bytes; anything near this is not a charger.
constexpr std::uint32_t kMaxRequestHeaderBytes = 8U * 1024U;
// A read buffer that grew for one big message is given back, so 10,000 idle chargers stay small.
constexpr std::size_t kShrinkReadBufferAbove = std::size_t{4} * 1024;
// Messages are read in pieces of at most this, so the size limit is checked before a message is whole.
constexpr std::size_t kReadChunkBytes = std::size_t{16} * 1024;

class SessionSender : public WsSender {
public:
    SessionSender(std::weak_ptr<WsSession> session, std::string protocol)
        : m_session(std::move(session)), m_protocol(std::move(protocol)) {}

    void sendText(std::string text) override {
        if (auto session = m_session.lock()) {
            session->send(std::move(text));
        }
    }
    void close(std::string reason) override {
        if (auto session = m_session.lock()) {
            session->close(std::move(reason));
        }
    }
    const std::string& subprotocol() const override { return m_protocol; }

private:
    std::weak_ptr<WsSession> m_session;
    std::string m_protocol;
};

std::string remoteOf(const beast::tcp_stream& stream) {
    beast::error_code ec;
    const auto endpoint = stream.socket().remote_endpoint(ec);
    if (ec) {
        return "unknown";
    }
    const auto address = endpoint.address();
    const std::string host = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
    return host + ":" + std::to_string(endpoint.port());
}

} // namespace

// ---- HttpUpgrade -------------------------------------------------------------------------------

HttpUpgrade::HttpUpgrade(net::ip::tcp::socket socket, std::shared_ptr<ServerShared> shared)
    : m_stream(std::move(socket)), m_shared(std::move(shared)) {
    ++m_shared->pendingUpgrades;
}

HttpUpgrade::~HttpUpgrade() {
    --m_shared->pendingUpgrades;
}

void HttpUpgrade::run() {
    net::dispatch(m_stream.get_executor(), [self = shared_from_this()] {
        self->m_parser.header_limit(kMaxRequestHeaderBytes);
        self->m_stream.expires_after(self->m_shared->options.handshakeTimeout);
        http::async_read(self->m_stream, self->m_buffer, self->m_parser,
                         [self](beast::error_code ec, std::size_t) { self->onRead(ec); });
    });
}

void HttpUpgrade::onRead(beast::error_code ec) {
    if (ec) {
        // Port scanners, load balancer probes and half-open sockets end here; nothing to answer.
        spdlog::debug("transport: upgrade request not read remote={} error={}", remoteOf(m_stream),
                      ec.message());
        return;
    }
    const auto& request = m_parser.get();
    const auto& options = m_shared->options;
    const auto chargerId = chargerIdFromTarget(request.target(), options.pathPrefix);
    if (!chargerId) {
        refuse(http::status::not_found, "Not found: connect to " + options.pathPrefix + "{chargePointId}\n");
        return;
    }
    if (!websocket::is_upgrade(request)) {
        refuse(http::status::upgrade_required, "This endpoint speaks WebSocket only\n");
        return;
    }
    const auto choice = chooseSubprotocol(request[http::field::sec_websocket_protocol], options.subprotocols);
    if (!choice.acceptable) {
        spdlog::info("transport: refused charger={} remote={} reason=\"no supported subprotocol in '{}'\"",
                     *chargerId, remoteOf(m_stream),
                     std::string(request[http::field::sec_websocket_protocol]));
        refuse(http::status::bad_request,
               "No supported subprotocol offered; this server speaks " + options.subprotocols.front() + "\n");
        return;
    }
    if (m_shared->stopping) {
        refuse(http::status::service_unavailable, "Shutting down\n");
        return;
    }
    if (!m_shared->admit(*chargerId)) {
        spdlog::info("transport: refused charger={} remote={} reason=\"not admitted\"", *chargerId,
                     remoteOf(m_stream));
        refuse(http::status::not_found, "Unknown charge point\n");
        return;
    }
    const std::string remote = remoteOf(m_stream);
    m_stream.expires_never(); // the WebSocket stream has its own timeouts
    auto session = std::make_shared<WsSession>(std::move(m_stream), m_shared, *chargerId, choice.protocol,
                                               choice.echo, remote);
    session->start(m_parser.release());
}

void HttpUpgrade::refuse(http::status status, std::string body) {
    m_response.result(status);
    m_response.version(m_parser.get().version());
    m_response.set(http::field::server, "voltdesk-agent");
    m_response.set(http::field::content_type, "text/plain; charset=utf-8");
    m_response.keep_alive(false);
    m_response.body() = std::move(body);
    m_response.prepare_payload();
    http::async_write(m_stream, m_response, [self = shared_from_this()](beast::error_code, std::size_t) {
        // The peer may be gone already; then there is nothing to shut down.
        beast::error_code ec;
        if (self->m_stream.socket().shutdown(net::ip::tcp::socket::shutdown_send, ec)) {
            spdlog::debug("transport: shutdown after refusal: {}", ec.message());
        }
    });
}

// ---- WsSession ---------------------------------------------------------------------------------

WsSession::WsSession(beast::tcp_stream stream, std::shared_ptr<ServerShared> shared, std::string chargerId,
                     std::string protocol, std::string echoProtocol, std::string remote)
    : m_ws(std::move(stream)), m_shared(std::move(shared)), m_chargerId(std::move(chargerId)),
      m_protocol(std::move(protocol)), m_echoProtocol(std::move(echoProtocol)), m_remote(std::move(remote)) {
    ++m_shared->openSessions;
}

WsSession::~WsSession() {
    // Reached with a live handler only when the io_context is torn down at shutdown: the handler
    // still learns that its connection is gone, exactly once.
    if (m_handler) {
        try {
            m_handler->onClose("agent shutting down");
        } catch (const std::exception& e) {
            spdlog::error("transport: handler failed on close charger={} error={}", m_chargerId, e.what());
        }
        m_handler.reset();
    }
    --m_shared->openSessions;
}

void WsSession::start(http::request<http::empty_body> request) {
    const auto& options = m_shared->options;
    websocket::stream_base::timeout timeout{};
    timeout.handshake_timeout = options.handshakeTimeout;
    if (options.idleTimeout.count() > 0) {
        timeout.idle_timeout = options.idleTimeout;
        timeout.keep_alive_pings = true;
    } else {
        timeout.idle_timeout = websocket::stream_base::none();
        timeout.keep_alive_pings = false;
    }
    m_ws.set_option(timeout);
    // Compression would cost tens of KB of zlib state per connection for messages of a few hundred bytes.
    websocket::permessage_deflate deflate;
    deflate.server_enable = false;
    deflate.client_enable = false;
    m_ws.set_option(deflate);
    // Unfragmented server frames are written straight from our string, with no per-connection write buffer.
    m_ws.auto_fragment(false);
    // Our own limit (see onRead) closes with 1009 gracefully; Beast's own one would reset the TCP
    // connection when the peer is still sending (its teardown stops draining early), losing the close
    // frame. Beast's stays as a backstop.
    m_ws.read_message_max(options.maxMessageBytes + 2 * kReadChunkBytes);
    m_ws.set_option(
        websocket::stream_base::decorator([echo = m_echoProtocol](websocket::response_type& response) {
            response.set(http::field::server, "voltdesk-agent");
            if (!echo.empty()) {
                response.set(http::field::sec_websocket_protocol, echo);
            }
        }));
    auto shared = std::make_shared<http::request<http::empty_body>>(std::move(request));
    m_ws.async_accept(*shared,
                      [self = shared_from_this(), shared](beast::error_code ec) { self->onAccept(ec); });
}

void WsSession::onAccept(beast::error_code ec) {
    if (ec) {
        spdlog::debug("transport: handshake failed charger={} remote={} error={}", m_chargerId, m_remote,
                      ec.message());
        m_finished = true;
        return;
    }
    std::shared_ptr<WsSession> previous;
    {
        std::lock_guard lock(m_shared->mutex);
        auto& slot = m_shared->byCharger[m_chargerId];
        previous = slot.lock();
        slot = weak_from_this();
    }
    if (m_shared->stopping) {
        finish("agent shutting down");
        doClose(websocket::close_code::going_away, "agent shutting down");
        return;
    }
    if (!previous) {
        open();
        return;
    }
    spdlog::info("transport: charger={} reconnected from {}; closing its previous connection", m_chargerId,
                 m_remote);
    previous->retire("replaced by a newer connection", [self = shared_from_this()] {
        net::post(self->m_ws.get_executor(), [self] { self->open(); });
    });
}

void WsSession::open() {
    if (m_finished || m_closing) {
        return;
    }
    try {
        m_handler =
            m_shared->factory(m_chargerId, std::make_shared<SessionSender>(weak_from_this(), m_protocol));
        if (!m_handler) {
            finish("no handler for this charger");
            doClose(websocket::close_code::try_again_later, "not available");
            return;
        }
        m_handler->onOpen(m_remote);
    } catch (const std::exception& e) {
        spdlog::error("transport: handler failed to open charger={} error={}", m_chargerId, e.what());
        finish("handler failed to open");
        doClose(websocket::close_code::internal_error, "internal error");
        return;
    }
    doRead();
}

void WsSession::doRead() {
    m_ws.async_read_some(
        m_readBuffer, kReadChunkBytes,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
}

void WsSession::onRead(beast::error_code ec) {
    if (ec) {
        finish(describe(ec));
        return;
    }
    const auto limit = m_shared->options.maxMessageBytes;
    if (m_readBuffer.size() > limit) {
        finish("message larger than " + std::to_string(limit) + " bytes (closed with 1009)");
        m_readBuffer = beast::flat_buffer();
        doClose(websocket::close_code::too_big, "message too big");
        return;
    }
    if (!m_ws.is_message_done()) {
        doRead();
        return;
    }
    const std::string_view data(static_cast<const char*>(m_readBuffer.data().data()), m_readBuffer.size());
    if (m_handler) {
        try {
            if (m_ws.got_text()) {
                m_handler->onText(data);
            } else {
                m_handler->onBinary(data);
            }
        } catch (const std::exception& e) {
            spdlog::error("transport: handler failed charger={} error={}", m_chargerId, e.what());
            finish("handler failed");
            doClose(websocket::close_code::internal_error, "internal error");
            return;
        }
    }
    m_readBuffer.consume(m_readBuffer.size());
    if (m_readBuffer.capacity() > kShrinkReadBufferAbove) {
        m_readBuffer.shrink_to_fit();
    }
    doRead();
}

void WsSession::send(std::string text) {
    net::post(m_ws.get_executor(), [self = shared_from_this(), text = std::move(text)]() mutable {
        if (self->m_finished || self->m_closing || self->m_closeRequested) {
            return;
        }
        self->m_pendingBytes += text.size();
        if (self->m_pendingBytes > self->m_shared->options.maxPendingWriteBytes) {
            spdlog::warn("transport: charger={} does not read its messages ({} bytes pending); disconnecting",
                         self->m_chargerId, self->m_pendingBytes);
            self->m_writeQueue.clear();
            self->m_pendingBytes = 0;
            self->finish("peer does not read");
            self->doClose(websocket::close_code::policy_error, "not reading");
            return;
        }
        self->m_writeQueue.push_back(std::move(text));
        if (!self->m_writing) {
            self->doWrite();
        }
    });
}

void WsSession::doWrite() {
    m_writing = true;
    m_ws.text(true);
    m_ws.async_write(net::buffer(m_writeQueue.front()),
                     [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onWrite(ec); });
}

void WsSession::onWrite(beast::error_code ec) {
    m_writing = false;
    if (!m_writeQueue.empty()) {
        m_pendingBytes -= m_writeQueue.front().size();
        m_writeQueue.pop_front();
    }
    if (ec) {
        // The pending read fails as well and ends the session.
        m_writeQueue.clear();
        m_pendingBytes = 0;
        return;
    }
    if (!m_writeQueue.empty()) {
        doWrite();
    } else if (m_closeRequested) {
        doClose(websocket::close_code::normal, m_closeReason);
    }
}

void WsSession::close(std::string reason) {
    net::post(m_ws.get_executor(), [self = shared_from_this(), reason = std::move(reason)]() mutable {
        if (self->m_closing || self->m_closeRequested) {
            return;
        }
        if (self->m_writing) {
            self->m_closeRequested = true;
            self->m_closeReason = std::move(reason);
        } else {
            self->doClose(websocket::close_code::normal, reason);
        }
    });
}

void WsSession::retire(std::string reason, std::function<void()> done) {
    net::post(m_ws.get_executor(),
              [self = shared_from_this(), reason = std::move(reason), done = std::move(done)] {
                  self->finish(reason);
                  self->doClose(websocket::close_code::normal, reason);
                  done();
              });
}

void WsSession::doClose(websocket::close_code code, const std::string& reason) {
    if (m_closing) {
        return;
    }
    m_closing = true;
    if (&reason != &m_closeReason) {
        m_closeReason = reason;
    }
    m_writeQueue.clear();
    m_pendingBytes = 0;
    if (!m_ws.is_open()) {
        return;
    }
    // Close reasons are limited to 123 bytes by RFC 6455.
    m_ws.async_close(websocket::close_reason(code, reason.substr(0, 120)),
                     [self = shared_from_this()](beast::error_code) {});
}

void WsSession::finish(const std::string& reason) {
    if (m_finished) {
        return;
    }
    m_finished = true;
    if (m_handler) {
        auto handler = std::move(m_handler);
        try {
            handler->onClose(reason);
        } catch (const std::exception& e) {
            spdlog::error("transport: handler failed on close charger={} error={}", m_chargerId, e.what());
        }
    }
    std::lock_guard lock(m_shared->mutex);
    const auto it = m_shared->byCharger.find(m_chargerId);
    if (it != m_shared->byCharger.end() && it->second.lock().get() == this) {
        m_shared->byCharger.erase(it);
    }
}

std::string WsSession::describe(beast::error_code ec) const {
    if (m_closing) {
        return m_closeReason.empty() ? "closed by the agent" : m_closeReason;
    }
    if (ec == websocket::error::closed) {
        const auto& why = m_ws.reason();
        return "closed by the charger (code " + std::to_string(why.code) +
               (why.reason.empty() ? std::string(")") : ", " + std::string(why.reason.c_str()) + ")");
    }
    if (ec == beast::error::timeout) {
        return "no data and no answer to ping (timeout)";
    }
    if (ec == websocket::error::message_too_big) {
        return "message larger than " + std::to_string(m_shared->options.maxMessageBytes) +
               " bytes (closed with 1009)";
    }
    return ec.message();
}

} // namespace voltdesk::transport
