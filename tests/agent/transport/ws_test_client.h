// A Beast WebSocket client for tests (ws:// or wss://): the charger's side of a connection, driven step
// by step with timeouts, so a server that stays silent fails the test instead of hanging it.
#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/core/detail/base64.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>

namespace voltdesk::testing {

/// NextLayer: boost::asio::ip::tcp::socket (ws://) or boost::asio::ssl::stream of it (wss://).
template <class NextLayer> class BasicWsTestClient {
public:
    using Ms = std::chrono::milliseconds;
    static constexpr bool kTls = !std::is_same_v<NextLayer, boost::asio::ip::tcp::socket>;

    BasicWsTestClient()
        requires(!kTls)
        : m_ws(m_ioc) {}
    /// context holds what the client trusts and, for profile 3, its certificate and key.
    explicit BasicWsTestClient(boost::asio::ssl::context& context)
        requires kTls
        : m_ws(m_ioc, context) {}

    /// Connects and upgrades; returns the handshake error (empty on success). response() holds the
    /// server's answer either way, e.g. 404 for a refused charger. authorization: the value of an
    /// Authorization header to send, e.g. basicAuthorization("CP1", "key").
    boost::beast::error_code connect(std::uint16_t port, const std::string& target,
                                     std::optional<std::string> subprotocols = std::string("ocpp1.6"),
                                     std::optional<std::string> authorization = std::nullopt) {
        namespace net = boost::asio;
        using tcp = net::ip::tcp;
        boost::beast::error_code ec;
        tcp::resolver resolver(m_ioc);
        net::connect(boost::beast::get_lowest_layer(m_ws),
                     resolver.resolve("127.0.0.1", std::to_string(port)), ec);
        if (ec) {
            return ec;
        }
        if constexpr (kTls) {
            m_ws.next_layer().handshake(net::ssl::stream_base::client, ec);
            if (ec) {
                return ec;
            }
        }
        m_ws.set_option(boost::beast::websocket::stream_base::decorator(
            [subprotocols, authorization](boost::beast::websocket::request_type& request) {
                if (subprotocols) {
                    request.set(boost::beast::http::field::sec_websocket_protocol, *subprotocols);
                }
                if (authorization) {
                    request.set(boost::beast::http::field::authorization, *authorization);
                }
            }));
        m_ws.read_message_max(64 * 1024 * 1024);
        m_ws.handshake(m_response, "127.0.0.1", target, ec);
        return ec;
    }

    const boost::beast::websocket::response_type& response() const { return m_response; }

    boost::beast::error_code sendText(const std::string& text, Ms timeout = Ms(5000)) {
        return write(text, true, timeout);
    }
    boost::beast::error_code sendBinary(const std::string& bytes, Ms timeout = Ms(5000)) {
        return write(bytes, false, timeout);
    }

    /// The next message, or nullopt on error, close or timeout (then lastError() and closeCode() tell).
    /// A read that timed out stays pending (it keeps answering pings) and is continued by the next call.
    std::optional<std::string> read(Ms timeout = Ms(5000)) {
        if (!m_readPending && !m_readDone) {
            m_readPending = true;
            m_ws.async_read(m_buffer, [this](boost::beast::error_code ec, std::size_t) {
                m_readPending = false;
                m_readDone = true;
                m_readError = ec;
            });
        }
        runUntil([this] { return m_readDone; }, timeout);
        if (!m_readDone) {
            m_lastError = boost::asio::error::timed_out;
            return std::nullopt;
        }
        m_readDone = false;
        m_lastError = m_readError;
        if (m_readError) {
            return std::nullopt;
        }
        std::string message = boost::beast::buffers_to_string(m_buffer.data());
        m_buffer.consume(m_buffer.size());
        return message;
    }

    boost::beast::error_code lastError() const { return m_lastError; }
    int closeCode() const { return m_ws.reason().code; }

    void close() {
        bool done = false;
        m_ws.async_close(boost::beast::websocket::close_code::normal,
                         [&](boost::beast::error_code) { done = true; });
        runUntil([&] { return done; }, Ms(5000));
    }

private:
    template <typename Done> void runUntil(Done done, Ms timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        m_ioc.restart();
        while (!done() && std::chrono::steady_clock::now() < deadline) {
            m_ioc.run_one_until(deadline);
            if (m_ioc.stopped()) {
                m_ioc.restart();
                if (!done()) {
                    std::this_thread::sleep_for(Ms(1)); // nothing pending at all
                }
            }
        }
    }

    boost::beast::error_code write(const std::string& data, bool text, Ms timeout) {
        bool done = false;
        boost::beast::error_code result = boost::asio::error::timed_out;
        m_ws.text(text);
        m_ws.async_write(boost::asio::buffer(data), [&](boost::beast::error_code ec, std::size_t) {
            done = true;
            result = ec;
        });
        runUntil([&] { return done; }, timeout);
        return result;
    }

    boost::asio::io_context m_ioc;
    boost::beast::websocket::stream<NextLayer> m_ws;
    boost::beast::websocket::response_type m_response;
    boost::beast::flat_buffer m_buffer;
    bool m_readPending = false;
    bool m_readDone = false;
    boost::beast::error_code m_readError;
    boost::beast::error_code m_lastError;
};

using WsTestClient = BasicWsTestClient<boost::asio::ip::tcp::socket>;
using WssTestClient = BasicWsTestClient<boost::asio::ssl::stream<boost::asio::ip::tcp::socket>>;

/// "Basic " + base64(username:password).
inline std::string basicAuthorization(const std::string& username, const std::string& password) {
    const std::string plain = username + ":" + password;
    std::string encoded(boost::beast::detail::base64::encoded_size(plain.size()), '\0');
    encoded.resize(boost::beast::detail::base64::encode(encoded.data(), plain.data(), plain.size()));
    return "Basic " + encoded;
}

} // namespace voltdesk::testing
