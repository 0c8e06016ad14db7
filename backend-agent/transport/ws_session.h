// Internal to the transport: one charger connection, from its HTTP upgrade request to its close.
// Not part of the library's interface; only ws_server.cpp includes it.
#pragma once

#include "transport/ws_server.h"

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace voltdesk::transport {

class WsSession;

/// What the server and all its sessions share. Sessions hold it by shared_ptr, so it outlives them
/// even when the io_context destroys the last pending handlers.
struct ServerShared {
    WsServerOptions options;
    WsServer::AdmitFunction admit;
    WsServer::HandlerFactory factory;
    std::atomic<bool> stopping{false};
    std::atomic<std::size_t> openSessions{0};    ///< WebSocket sessions alive (objects)
    std::atomic<std::size_t> pendingUpgrades{0}; ///< connections still in the HTTP phase

    std::mutex mutex;
    std::unordered_map<std::string, std::weak_ptr<WsSession>> byCharger; ///< the current connection per id
};

/// Reads the HTTP upgrade request, decides, and either answers with an HTTP error or hands the
/// socket to a WsSession.
class HttpUpgrade : public std::enable_shared_from_this<HttpUpgrade> {
public:
    HttpUpgrade(boost::asio::ip::tcp::socket socket, std::shared_ptr<ServerShared> shared);
    ~HttpUpgrade();
    void run();

private:
    void onRead(boost::beast::error_code ec);
    void refuse(boost::beast::http::status status, std::string body);

    boost::beast::tcp_stream m_stream;
    boost::beast::flat_buffer m_buffer;
    boost::beast::http::request_parser<boost::beast::http::empty_body> m_parser;
    boost::beast::http::response<boost::beast::http::string_body> m_response;
    std::shared_ptr<ServerShared> m_shared;
};

/// One open WebSocket. Every member is touched only on the connection's strand.
class WsSession : public std::enable_shared_from_this<WsSession> {
public:
    WsSession(boost::beast::tcp_stream stream, std::shared_ptr<ServerShared> shared, std::string chargerId,
              std::string protocol, std::string echoProtocol, std::string remote);
    ~WsSession();

    void start(boost::beast::http::request<boost::beast::http::empty_body> request);
    /// From any thread.
    void send(std::string text);
    /// From any thread: close handshake after the queued messages are written.
    void close(std::string reason);
    /// From any thread: end the handler now with reason, then close; then call done (any thread).
    void retire(std::string reason, std::function<void()> done);

private:
    void onAccept(boost::beast::error_code ec);
    void open();
    void doRead();
    void onRead(boost::beast::error_code ec);
    void doWrite();
    void onWrite(boost::beast::error_code ec);
    void doClose(boost::beast::websocket::close_code code, const std::string& reason);
    void finish(const std::string& reason);
    std::string describe(boost::beast::error_code ec) const;

    boost::beast::websocket::stream<boost::beast::tcp_stream> m_ws;
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

} // namespace voltdesk::transport
