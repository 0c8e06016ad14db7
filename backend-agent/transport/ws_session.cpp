#include "transport/ws_session.h"

#include "transport/ws_upgrade.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <spdlog/spdlog.h>
#include <type_traits>

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

// TLS 1.2: the four suites of the OCPP 1.6 Security Whitepaper, then the ECDHE-RSA forms of its RSA
// ones (forward secrecy with the RSA server certificates most operators have). TLS 1.3 keeps its own.
constexpr const char* kTls12Ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
                                      "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:"
                                      "AES128-GCM-SHA256:AES256-GCM-SHA384";

template <class Stream> constexpr bool kIsTls = std::is_same_v<Stream, TlsStream>;

class SessionSender final : public WsSender {
public:
    SessionSender(std::weak_ptr<SessionBase> session, std::string protocol)
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
    void post(std::function<void()> task) override {
        if (auto session = m_session.lock()) {
            session->post(std::move(task));
        }
    }
    void postAfter(std::chrono::milliseconds delay, std::function<void()> task) override {
        if (auto session = m_session.lock()) {
            session->postAfter(delay, std::move(task));
        }
    }

private:
    std::weak_ptr<SessionBase> m_session;
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

/// The subject CN of the peer's certificate when one was presented and verified; nullopt when there is
/// none, or several (which one would name the charger is not clear).
std::optional<std::string> verifiedPeerCommonName(SSL* ssl) {
    X509* certificate = SSL_get0_peer_certificate(ssl);
    if (certificate == nullptr || SSL_get_verify_result(ssl) != X509_V_OK) {
        return std::nullopt;
    }
    X509_NAME* subject = X509_get_subject_name(certificate);
    const int index = X509_NAME_get_index_by_NID(subject, NID_commonName, -1);
    if (index < 0 || X509_NAME_get_index_by_NID(subject, NID_commonName, index) >= 0) {
        return std::nullopt;
    }
    unsigned char* utf8 = nullptr;
    const int length =
        ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, index)));
    if (length < 0) {
        return std::nullopt;
    }
    std::string cn(reinterpret_cast<const char*>(utf8), static_cast<std::size_t>(length));
    OPENSSL_free(utf8);
    if (cn.find('\0') != std::string::npos) {
        return std::nullopt;
    }
    return cn;
}

} // namespace

std::unique_ptr<net::ssl::context> makeTlsContext(const TlsOptions& options) {
    auto context = std::make_unique<net::ssl::context>(net::ssl::context::tls_server);
    const auto step = [](const std::string& what, auto&& action) {
        try {
            action();
        } catch (const boost::system::system_error& e) {
            throw TransportError("TLS: cannot " + what + ": " + e.code().message());
        }
    };
    context->set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
                         net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 |
                         net::ssl::context::no_tlsv1_1 | net::ssl::context::single_dh_use);
    SSL_CTX* native = context->native_handle();
    SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
    if (SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1) {
        throw TransportError("TLS: this OpenSSL offers none of the OCPP cipher suites");
    }
    // Idle connections give their read and write buffers back (about 34 KB each), which matters at
    // 10,000 chargers that talk once a minute.
    SSL_CTX_set_mode(native, SSL_MODE_RELEASE_BUFFERS);
    step("read the certificate chain " + options.certificateChainFile,
         [&] { context->use_certificate_chain_file(options.certificateChainFile); });
    step("read the private key " + options.privateKeyFile,
         [&] { context->use_private_key_file(options.privateKeyFile, net::ssl::context::pem); });
    if (SSL_CTX_check_private_key(native) != 1) {
        throw TransportError("TLS: the private key " + options.privateKeyFile +
                             " does not belong to the certificate " + options.certificateChainFile);
    }
    if (!options.clientCaFile.empty()) {
        step("read the client CA file " + options.clientCaFile,
             [&] { context->load_verify_file(options.clientCaFile); });
        // Tells clients which CAs we accept, so a charger with several certificates picks the right one.
        if (STACK_OF(X509_NAME)* names = SSL_load_client_CA_file(options.clientCaFile.c_str())) {
            SSL_CTX_set_client_CA_list(native, names);
        }
        net::ssl::verify_mode mode = net::ssl::verify_peer;
        if (options.requireClientCertificate) {
            mode |= net::ssl::verify_fail_if_no_peer_cert;
        }
        context->set_verify_mode(mode);
    } else {
        context->set_verify_mode(net::ssl::verify_none);
    }
    return context;
}

// ---- HttpUpgrade -------------------------------------------------------------------------------

template <class Stream>
HttpUpgrade<Stream>::HttpUpgrade(Stream stream, std::shared_ptr<ServerShared> shared)
    : m_stream(std::move(stream)), m_shared(std::move(shared)),
      m_remote(remoteOf(beast::get_lowest_layer(m_stream))) {
    ++m_shared->pendingUpgrades;
}

template <class Stream> HttpUpgrade<Stream>::~HttpUpgrade() {
    --m_shared->pendingUpgrades;
}

template <class Stream> void HttpUpgrade<Stream>::run() {
    net::dispatch(m_stream.get_executor(), [self = this->shared_from_this()] {
        beast::get_lowest_layer(self->m_stream).expires_after(self->m_shared->options.handshakeTimeout);
        if constexpr (kIsTls<Stream>) {
            self->m_stream.async_handshake(net::ssl::stream_base::server,
                                           [self](beast::error_code ec) { self->onHandshake(ec); });
        } else {
            self->readRequest();
        }
    });
}

template <class Stream> void HttpUpgrade<Stream>::onHandshake(beast::error_code ec) {
    if constexpr (kIsTls<Stream>) {
        if (ec) {
            // A client certificate from another CA ends here, before any charger id is known.
            spdlog::info("transport: TLS handshake failed remote={} error=\"{}\"", m_remote, ec.message());
            return;
        }
        m_clientCn = verifiedPeerCommonName(m_stream.native_handle());
    }
    readRequest();
}

template <class Stream> void HttpUpgrade<Stream>::readRequest() {
    m_parser.header_limit(kMaxRequestHeaderBytes);
    http::async_read(
        m_stream, m_buffer, m_parser,
        [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
}

template <class Stream> void HttpUpgrade<Stream>::onRead(beast::error_code ec) {
    if (ec) {
        // Port scanners, load balancer probes and half-open sockets end here; nothing to answer.
        spdlog::debug("transport: upgrade request not read remote={} error={}", m_remote, ec.message());
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
                     *chargerId, m_remote, std::string(request[http::field::sec_websocket_protocol]));
        refuse(http::status::bad_request,
               "No supported subprotocol offered; this server speaks " + options.subprotocols.front() + "\n");
        return;
    }
    if (m_shared->stopping) {
        refuse(http::status::service_unavailable, "Shutting down\n");
        return;
    }
    AdmissionRequest admission;
    admission.chargerId = *chargerId;
    if (const auto header = request.find(http::field::authorization); header != request.end()) {
        admission.basic = parseBasicAuthorization(header->value());
    }
    admission.tls = kIsTls<Stream>;
    admission.clientCertificateCn = m_clientCn;
    admission.remoteAddress = m_remote;
    switch (m_shared->admit(admission)) {
    case Admission::Admit:
        break;
    case Admission::Unauthorized:
        spdlog::info("transport: refused charger={} remote={} reason=\"not authorized\"", *chargerId,
                     m_remote);
        refuse(http::status::unauthorized, "Unauthorized\n", true);
        return;
    case Admission::UnknownCharger:
        spdlog::info("transport: refused charger={} remote={} reason=\"not admitted\"", *chargerId, m_remote);
        refuse(http::status::not_found, "Unknown charge point\n");
        return;
    }
    beast::get_lowest_layer(m_stream).expires_never(); // the WebSocket stream has its own timeouts
    auto session = std::make_shared<WsSession<Stream>>(std::move(m_stream), m_shared, *chargerId,
                                                       choice.protocol, choice.echo, m_remote);
    session->start(m_parser.release());
}

template <class Stream>
void HttpUpgrade<Stream>::refuse(http::status status, std::string body, bool askForCredentials) {
    m_response.result(status);
    m_response.version(m_parser.get().version());
    m_response.set(http::field::server, "voltdesk-agent");
    m_response.set(http::field::content_type, "text/plain; charset=utf-8");
    if (askForCredentials) {
        m_response.set(http::field::www_authenticate, "Basic realm=\"voltdesk\"");
    }
    m_response.keep_alive(false);
    m_response.body() = std::move(body);
    m_response.prepare_payload();
    http::async_write(m_stream, m_response,
                      [self = this->shared_from_this()](beast::error_code, std::size_t) {
                          // No TLS close_notify exchange: the response has a length, and waiting for a
                          // refused peer's close_notify would only hold the socket. The peer may be gone
                          // already; nothing to shut down then.
                          beast::error_code ec;
                          if (beast::get_lowest_layer(self->m_stream)
                                  .socket()
                                  .shutdown(net::ip::tcp::socket::shutdown_send, ec)) {
                              spdlog::debug("transport: shutdown after refusal: {}", ec.message());
                          }
                      });
}

// ---- WsSession ---------------------------------------------------------------------------------

template <class Stream>
WsSession<Stream>::WsSession(Stream stream, std::shared_ptr<ServerShared> shared, std::string chargerId,
                             std::string protocol, std::string echoProtocol, std::string remote)
    : m_ws(std::move(stream)), m_shared(std::move(shared)), m_chargerId(std::move(chargerId)),
      m_protocol(std::move(protocol)), m_echoProtocol(std::move(echoProtocol)), m_remote(std::move(remote)) {
    ++m_shared->openSessions;
}

template <class Stream> WsSession<Stream>::~WsSession() {
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

template <class Stream> void WsSession<Stream>::start(http::request<http::empty_body> request) {
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
    m_ws.async_accept(
        *shared, [self = this->shared_from_this(), shared](beast::error_code ec) { self->onAccept(ec); });
}

template <class Stream> void WsSession<Stream>::onAccept(beast::error_code ec) {
    if (ec) {
        spdlog::debug("transport: handshake failed charger={} remote={} error={}", m_chargerId, m_remote,
                      ec.message());
        m_finished = true;
        return;
    }
    std::shared_ptr<SessionBase> previous;
    {
        std::lock_guard lock(m_shared->mutex);
        auto& slot = m_shared->byCharger[m_chargerId];
        previous = slot.lock();
        slot = std::weak_ptr<SessionBase>(this->weak_from_this());
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
    previous->retire("replaced by a newer connection", [self = this->shared_from_this()] {
        net::post(self->m_ws.get_executor(), [self] { self->open(); });
    });
}

template <class Stream> void WsSession<Stream>::open() {
    if (m_finished || m_closing) {
        return;
    }
    try {
        m_handler = m_shared->factory(
            m_chargerId,
            std::make_shared<SessionSender>(std::weak_ptr<SessionBase>(this->weak_from_this()), m_protocol));
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

template <class Stream> void WsSession<Stream>::doRead() {
    m_ws.async_read_some(
        m_readBuffer, kReadChunkBytes,
        [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
}

template <class Stream> void WsSession<Stream>::onRead(beast::error_code ec) {
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

template <class Stream> void WsSession<Stream>::send(std::string text) {
    net::post(m_ws.get_executor(), [self = this->shared_from_this(), text = std::move(text)]() mutable {
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

template <class Stream> void WsSession<Stream>::doWrite() {
    m_writing = true;
    m_ws.text(true);
    m_ws.async_write(
        net::buffer(m_writeQueue.front()),
        [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->onWrite(ec); });
}

template <class Stream> void WsSession<Stream>::onWrite(beast::error_code ec) {
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

template <class Stream> void WsSession<Stream>::close(std::string reason) {
    net::post(m_ws.get_executor(), [self = this->shared_from_this(), reason = std::move(reason)]() mutable {
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

template <class Stream> void WsSession<Stream>::retire(std::string reason, std::function<void()> done) {
    net::post(m_ws.get_executor(),
              [self = this->shared_from_this(), reason = std::move(reason), done = std::move(done)] {
                  self->finish(reason);
                  self->doClose(websocket::close_code::normal, reason);
                  done();
              });
}

template <class Stream> void WsSession<Stream>::post(std::function<void()> task) {
    net::post(m_ws.get_executor(),
              [self = this->shared_from_this(), task = std::move(task)] { self->runTask(task); });
}

template <class Stream>
void WsSession<Stream>::postAfter(std::chrono::milliseconds delay, std::function<void()> task) {
    // One timer per task, alive only while it waits; it holds the session weakly, so a task waiting
    // long keeps neither the session nor the server's shutdown waiting.
    auto timer = std::make_shared<net::steady_timer>(m_ws.get_executor(), delay);
    timer->async_wait([weak = this->weak_from_this(), timer, task = std::move(task)](beast::error_code ec) {
        auto self = weak.lock();
        if (!ec && self) {
            self->runTask(task);
        }
    });
}

template <class Stream> void WsSession<Stream>::runTask(const std::function<void()>& task) {
    if (m_finished || !m_handler) {
        return;
    }
    try {
        task();
    } catch (const std::exception& e) {
        spdlog::error("transport: posted task failed charger={} error={}", m_chargerId, e.what());
        finish("handler failed");
        doClose(websocket::close_code::internal_error, "internal error");
    }
}

template <class Stream>
void WsSession<Stream>::doClose(websocket::close_code code, const std::string& reason) {
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
                     [self = this->shared_from_this()](beast::error_code) {});
}

template <class Stream> void WsSession<Stream>::finish(const std::string& reason) {
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
    if (it != m_shared->byCharger.end() && it->second.lock().get() == static_cast<SessionBase*>(this)) {
        m_shared->byCharger.erase(it);
    }
}

template <class Stream> std::string WsSession<Stream>::describe(beast::error_code ec) const {
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

template class HttpUpgrade<PlainStream>;
template class HttpUpgrade<TlsStream>;
template class WsSession<PlainStream>;
template class WsSession<TlsStream>;

} // namespace voltdesk::transport
