// One simulated charger's WebSocket to the central system (Boost.Beast): connect with subprotocol
// ocpp1.6, feed the ChargePoint, write its frames one at a time, reconnect with back-off when dropped.
// Everything of a connection runs on its own strand, so any number of io_context threads may run it.
#pragma once

#include "chargepoint/charge_point.h"
#include "chargepoint/sim_stats.h"
#include "chargepoint/ws_url.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace voltdesk::sim {

struct ConnectionOptions {
    std::chrono::milliseconds connectTimeout{10'000};
    std::chrono::milliseconds minBackoff{1'000};
    std::chrono::milliseconds maxBackoff{60'000};
};

class ChargerConnection : public std::enable_shared_from_this<ChargerConnection> {
public:
    using Strand = boost::asio::strand<boost::asio::io_context::executor_type>;

    /// `endpoints`, `url` and `stats` are shared by the fleet and must outlive the connection.
    ChargerConnection(Strand strand, const std::vector<boost::asio::ip::tcp::endpoint>& endpoints,
                      const WsUrl& url, std::unique_ptr<ChargePoint> chargePoint, SimStats& stats,
                      const ConnectionOptions& options);

    /// Connects after `delay` (the fleet ramps its connections up).
    void start(std::chrono::milliseconds delay);
    /// Closes the WebSocket cleanly (or drops the attempt in progress); no reconnect afterwards.
    void stop();

private:
    enum class Phase : std::uint8_t { Waiting, Connecting, Open, Stopped };

    void connect();
    void onConnected(boost::beast::error_code ec);
    void onHandshake(boost::beast::error_code ec);
    void read();
    void onRead(boost::beast::error_code ec);
    void flush();
    void writeNext();
    void arm(std::chrono::milliseconds delay);
    void armForChargePoint();
    void onTimer(boost::beast::error_code ec);
    void lost(const char* where, boost::beast::error_code ec);
    void countOpen(bool open);

    using WebSocket = boost::beast::websocket::stream<boost::beast::tcp_stream>;

    Strand m_strand;
    const std::vector<boost::asio::ip::tcp::endpoint>& m_endpoints;
    const WsUrl& m_url;
    std::unique_ptr<ChargePoint> m_chargePoint;
    SimStats& m_stats;
    const ConnectionOptions& m_options;
    std::unique_ptr<WebSocket> m_ws;
    std::unique_ptr<boost::beast::websocket::response_type> m_handshakeResponse;
    boost::beast::flat_buffer m_readBuffer;
    boost::asio::steady_timer m_timer;
    std::chrono::steady_clock::time_point m_armedFor;
    std::vector<std::string> m_writeQueue;
    std::chrono::milliseconds m_backoff;
    std::uint32_t m_attempt = 0;
    std::uint16_t m_pendingOps = 0; ///< asynchronous operations on m_ws not yet completed
    Phase m_phase = Phase::Waiting;
    bool m_writing = false;
    bool m_counted = false; ///< counted in SimStats::connected
};

} // namespace voltdesk::sim
