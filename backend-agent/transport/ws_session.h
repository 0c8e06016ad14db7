// Internal to the transport: one charger connection, from its TLS handshake and HTTP upgrade request to
// its close. One template over the stream, so ws:// and wss:// share every rule. Only ws_server.cpp uses it.
#pragma once

#include "transport/ws_server.h"

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace voltdesk::transport {

using PlainStream = boost::beast::tcp_stream;
using TlsStream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

/// The stream-independent face of an open WebSocket: what the server (replacement, shutdown) and a
/// handler's WsSender call. Every method may be called from any thread.
class SessionBase {
public:
    virtual ~SessionBase() = default;
    virtual void send(std::string text) = 0;
    /// Close handshake after the queued messages are written.
    virtual void close(std::string reason) = 0;
    /// End the handler now with reason, then close; then call done (any thread).
    virtual void retire(std::string reason, std::function<void()> done) = 0;
    virtual void post(std::function<void()> task) = 0;
    virtual void postAfter(std::chrono::milliseconds delay, std::function<void()> task) = 0;
};

/// What the server and all its sessions share. Sessions hold it by shared_ptr, so it outlives them
/// even when the io_context destroys the last pending handlers.
struct ServerShared {
    WsServerOptions options;
    WsServer::AdmitFunction admit;
    WsServer::HandlerFactory factory;
    std::unique_ptr<boost::asio::ssl::context> tls; ///< null: plain ws://
    std::atomic<bool> stopping{false};
    std::atomic<std::size_t> openSessions{0};    ///< WebSocket sessions alive (objects)
    std::atomic<std::size_t> pendingUpgrades{0}; ///< connections still in the TLS or HTTP phase

    std::mutex mutex;
    std::unordered_map<std::string, std::weak_ptr<SessionBase>> byCharger; ///< the current connection per id
};

/// Builds the TLS context of a wss:// server; throws TransportError with a sentence for the operator.
std::unique_ptr<boost::asio::ssl::context> makeTlsContext(const TlsOptions& options);

/// Completes the TLS handshake (wss://), reads the HTTP upgrade request, decides, and either answers
/// with an HTTP error or hands the stream to a WsSession.
template <class Stream> class HttpUpgrade : public std::enable_shared_from_this<HttpUpgrade<Stream>> {
public:
    HttpUpgrade(Stream stream, std::shared_ptr<ServerShared> shared);
    ~HttpUpgrade();
    HttpUpgrade(const HttpUpgrade&) = delete;
    HttpUpgrade& operator=(const HttpUpgrade&) = delete;
    void run();

private:
    void onHandshake(boost::beast::error_code ec);
    void readRequest();
    void onRead(boost::beast::error_code ec);
    void refuse(boost::beast::http::status status, std::string body, bool askForCredentials = false);

    Stream m_stream;
    boost::beast::flat_buffer m_buffer;
    boost::beast::http::request_parser<boost::beast::http::empty_body> m_parser;
    boost::beast::http::response<boost::beast::http::string_body> m_response;
    std::shared_ptr<ServerShared> m_shared;
    std::string m_remote;
    std::optional<std::string> m_clientCn;
};

/// One open WebSocket. Every member is touched only on the connection's strand.
template <class Stream>
class WsSession final : public SessionBase, public std::enable_shared_from_this<WsSession<Stream>> {
public:
    WsSession(Stream stream, std::shared_ptr<ServerShared> shared, std::string chargerId,
              std::string protocol, std::string echoProtocol, std::string remote);
    ~WsSession() override;
    WsSession(const WsSession&) = delete;
    WsSession& operator=(const WsSession&) = delete;

    void start(boost::beast::http::request<boost::beast::http::empty_body> request);
    void send(std::string text) override;
    void close(std::string reason) override;
    void retire(std::string reason, std::function<void()> done) override;
    void post(std::function<void()> task) override;
    void postAfter(std::chrono::milliseconds delay, std::function<void()> task) override;

private:
    void onAccept(boost::beast::error_code ec);
    void open();
    void doRead();
    void onRead(boost::beast::error_code ec);
    void doWrite();
    void onWrite(boost::beast::error_code ec);
    void runTask(const std::function<void()>& task);
    void doClose(boost::beast::websocket::close_code code, const std::string& reason);
    void finish(const std::string& reason);
    std::string describe(boost::beast::error_code ec) const;

    boost::beast::websocket::stream<Stream> m_ws;
    boost::beast::flat_buffer m_readBuffer;
    std::deque<std::string> m_writeQueue;
    std::size_t m_pendingBytes = 0;
    bool m_writing = false;
    bool m_closeRequested = false;
    bool m_closing = false;
    bool m_finished = false;
    std::string m_closeReason;
    std::unique_ptr<WsConnectionHandler> m_handler;
    std::shared_ptr<ServerShared> m_shared;
    std::string m_chargerId;
    std::string m_protocol;
    std::string m_echoProtocol;
    std::string m_remote;
};

extern template class HttpUpgrade<PlainStream>;
extern template class HttpUpgrade<TlsStream>;
extern template class WsSession<PlainStream>;
extern template class WsSession<TlsStream>;

} // namespace voltdesk::transport
