// One simulated charger's WebSocket to the central system (Boost.Beast, ws:// or wss://): connect with
// subprotocol ocpp1.6 (Basic auth, TLS, client certificate as the security profile asks), feed the
// ChargePoint, write its frames one at a time, reconnect with back-off when dropped. The charge point
// keeps running while offline (sessions, queued transaction messages). Everything of a connection runs
// on its own strand, so any number of io_context threads may run it; post() is the door for others.
#pragma once

#include "chargepoint/charge_point.h"
#include "chargepoint/sim_stats.h"
#include "chargepoint/ws_url.h"
#include "client/connection_options.h"
#include "core/rng.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace voltdesk::sim {

class ChargerConnection : public std::enable_shared_from_this<ChargerConnection> {
public:
    using Strand = boost::asio::strand<boost::asio::io_context::executor_type>;
    using Action = std::function<void(ChargePoint&, EpochMs now)>;

    /// `endpoints`, `url`, `stats`, `options` and `tls` (null for ws://) are shared by the fleet and must
    /// outlive the connection.
    ChargerConnection(Strand strand, const std::vector<boost::asio::ip::tcp::endpoint>& endpoints,
                      const WsUrl& url, std::unique_ptr<ChargePoint> chargePoint, SimStats& stats,
                      const ConnectionOptions& options, boost::asio::ssl::context* tls = nullptr);

    /// Connects after `delay` (the fleet ramps its connections up).
    void start(std::chrono::milliseconds delay);
    /// Closes the WebSocket cleanly (or drops the attempt in progress); no reconnect afterwards.
    void stop();
    /// Runs `action` on the strand with the charge point, then sends what it produced; any thread.
    void post(Action action);
    /// false: drop the link now and stay offline; true: connect again. Any thread.
    void setOnline(bool online);
    /// Drops the link (no close handshake, like a lost network); it reconnects with back-off. Any thread.
    void dropConnection();
    const std::string& chargerId() const { return m_chargePoint->charger().chargerId; }

private:
    enum class Phase : std::uint8_t { Waiting, Connecting, Open, Stopped };
    using PlainWs = boost::beast::websocket::stream<boost::beast::tcp_stream>;
    using TlsWs = boost::beast::websocket::stream<boost::beast::ssl_stream<boost::beast::tcp_stream>>;

    template <typename F> void withWs(F&& f) {
        if (m_tls) {
            f(*m_tls);
        } else if (m_plain) {
            f(*m_plain);
        }
    }
    boost::beast::tcp_stream* lowest();
    void connect();
    void onConnected(boost::beast::error_code ec);
    void onTlsHandshake(boost::beast::error_code ec);
    void wsHandshake();
    void onHandshake(boost::beast::error_code ec);
    void read();
    void onRead(boost::beast::error_code ec);
    void flush();
    void writeNext();
    void arm(std::chrono::milliseconds delay);
    void armForChargePoint();
    void onTimer(boost::beast::error_code ec);
    void onChargePointTimer(boost::beast::error_code ec);
    void lost(const char* where, boost::beast::error_code ec, bool quick = false);
    void countOpen(bool open);
    std::string authorizationHeader() const;

    Strand m_strand;
    const std::vector<boost::asio::ip::tcp::endpoint>& m_endpoints;
    const WsUrl& m_url;
    std::unique_ptr<ChargePoint> m_chargePoint;
    SimStats& m_stats;
    const ConnectionOptions& m_options;
    boost::asio::ssl::context* m_tlsContext;
    std::unique_ptr<PlainWs> m_plain;
    std::unique_ptr<TlsWs> m_tls;
    std::unique_ptr<boost::beast::websocket::response_type> m_handshakeResponse;
    boost::beast::flat_buffer m_readBuffer;
    boost::asio::steady_timer m_timer;   ///< connect and reconnect
    boost::asio::steady_timer m_cpTimer; ///< the charge point's next wake-up, online or not
    std::chrono::steady_clock::time_point m_armedFor;
    std::vector<std::string> m_writeQueue;
    std::chrono::milliseconds m_backoff;
    Rng m_faultRng;
    std::uint32_t m_attempt = 0;
    std::uint16_t m_pendingOps = 0; ///< asynchronous operations on the stream not yet completed
    Phase m_phase = Phase::Waiting;
    bool m_writing = false;
    bool m_counted = false; ///< counted in SimStats::connected
    bool m_offline = false; ///< held offline by setOnline(false)
};

} // namespace voltdesk::sim
