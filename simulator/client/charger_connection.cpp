#include "client/charger_connection.h"

#include "core/rng.h"

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/websocket.hpp>
#include <limits>
#include <spdlog/spdlog.h>

namespace voltdesk::sim {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using namespace std::chrono_literals;

namespace {
constexpr std::string_view kSubprotocol = "ocpp1.6";
constexpr std::size_t kMaxMessageBytes = std::size_t{64} * 1024;
} // namespace

ChargerConnection::ChargerConnection(Strand strand, const std::vector<asio::ip::tcp::endpoint>& endpoints,
                                     const WsUrl& url, std::unique_ptr<ChargePoint> chargePoint,
                                     SimStats& stats, const ConnectionOptions& options)
    : m_strand(std::move(strand)), m_endpoints(endpoints), m_url(url), m_chargePoint(std::move(chargePoint)),
      m_stats(stats), m_options(options), m_timer(m_strand), m_backoff(options.minBackoff) {}

void ChargerConnection::start(std::chrono::milliseconds delay) {
    asio::dispatch(m_strand, [self = shared_from_this(), delay] {
        self->m_phase = Phase::Waiting;
        self->arm(delay);
    });
}

void ChargerConnection::stop() {
    asio::dispatch(m_strand, [self = shared_from_this()] {
        const Phase was = self->m_phase;
        self->m_phase = Phase::Stopped;
        self->m_timer.cancel();
        self->m_chargePoint->onDisconnected(contract::nowMs());
        if (!self->m_ws) {
            return;
        }
        if (was == Phase::Open) {
            ++self->m_pendingOps;
            self->m_ws->async_close(websocket::close_code::normal, [self](beast::error_code) {
                --self->m_pendingOps;
                self->countOpen(false);
                if (self->m_ws) {
                    beast::error_code ec;
                    if (self->m_ws->next_layer().socket().close(ec)) {
                        spdlog::debug("{}: closing the socket: {}", self->m_chargePoint->charger().chargerId,
                                      ec.message());
                    }
                }
            });
        } else {
            beast::get_lowest_layer(*self->m_ws).cancel();
        }
    });
}

void ChargerConnection::arm(std::chrono::milliseconds delay) {
    m_armedFor = std::chrono::steady_clock::now() + delay;
    m_timer.expires_at(m_armedFor);
    m_timer.async_wait([self = shared_from_this()](beast::error_code ec) { self->onTimer(ec); });
}

void ChargerConnection::armForChargePoint() {
    const contract::EpochMs wake = m_chargePoint->nextWakeup();
    if (wake == std::numeric_limits<contract::EpochMs>::max()) {
        return;
    }
    const auto delay = std::chrono::milliseconds(std::max<contract::EpochMs>(0, wake - contract::nowMs()));
    // Re-arming only for an earlier wake-up keeps timer churn low; a wake-up that comes early does no harm.
    const auto when = std::chrono::steady_clock::now() + delay;
    if (m_timer.expiry() > std::chrono::steady_clock::now() && when >= m_armedFor) {
        return;
    }
    arm(delay);
}

void ChargerConnection::onTimer(beast::error_code ec) {
    if (ec == asio::error::operation_aborted || m_phase == Phase::Stopped) {
        return;
    }
    if (m_phase == Phase::Waiting) {
        if (m_pendingOps > 0) { // the old stream's handlers have not all run yet
            arm(100ms);
            return;
        }
        connect();
        return;
    }
    if (m_phase == Phase::Open) {
        m_chargePoint->onTimer(contract::nowMs());
        flush();
        m_armedFor = std::chrono::steady_clock::time_point::max();
        armForChargePoint();
    }
}

void ChargerConnection::connect() {
    m_phase = Phase::Connecting;
    m_writeQueue.clear();
    m_readBuffer.clear();
    m_ws = std::make_unique<WebSocket>(m_strand);
    m_ws->read_message_max(kMaxMessageBytes);
    m_ws->next_layer().expires_after(m_options.connectTimeout);
    ++m_pendingOps;
    m_ws->next_layer().async_connect(
        m_endpoints, [self = shared_from_this()](beast::error_code ec, const asio::ip::tcp::endpoint&) {
            --self->m_pendingOps;
            self->onConnected(ec);
        });
}

void ChargerConnection::onConnected(beast::error_code ec) {
    if (m_phase == Phase::Stopped) {
        return;
    }
    if (ec) {
        lost("connect", ec);
        return;
    }
    m_ws->next_layer().expires_never();
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = m_options.connectTimeout;
    timeouts.idle_timeout = websocket::stream_base::none();
    timeouts.keep_alive_pings = false;
    m_ws->set_option(timeouts);
    m_ws->set_option(websocket::stream_base::decorator([](websocket::request_type& req) {
        req.set(beast::http::field::sec_websocket_protocol, kSubprotocol);
        req.set(beast::http::field::user_agent, "voltdesk-sim");
    }));
    m_handshakeResponse = std::make_unique<websocket::response_type>();
    std::string host = m_url.host.find(':') != std::string::npos ? "[" + m_url.host + "]" : m_url.host;
    ++m_pendingOps;
    m_ws->async_handshake(*m_handshakeResponse, host + ":" + m_url.port,
                          m_url.targetFor(m_chargePoint->charger().chargerId),
                          [self = shared_from_this()](beast::error_code e) {
                              --self->m_pendingOps;
                              self->onHandshake(e);
                          });
}

void ChargerConnection::onHandshake(beast::error_code ec) {
    const auto response = std::move(m_handshakeResponse);
    if (m_phase == Phase::Stopped) {
        return;
    }
    if (ec) {
        lost("handshake", ec);
        return;
    }
    if (response && (*response)[beast::http::field::sec_websocket_protocol] != kSubprotocol) {
        spdlog::warn("{}: the central system did not confirm subprotocol {}",
                     m_chargePoint->charger().chargerId, kSubprotocol);
    }
    m_phase = Phase::Open;
    countOpen(true);
    spdlog::debug("{}: connected", m_chargePoint->charger().chargerId);
    m_chargePoint->onConnected(contract::nowMs());
    flush();
    read();
    m_timer.cancel();
    m_armedFor = std::chrono::steady_clock::time_point::max();
    armForChargePoint();
}

void ChargerConnection::read() {
    ++m_pendingOps;
    m_ws->async_read(m_readBuffer, [self = shared_from_this()](beast::error_code ec, std::size_t) {
        --self->m_pendingOps;
        self->onRead(ec);
    });
}

void ChargerConnection::onRead(beast::error_code ec) {
    if (ec) {
        if (m_phase == Phase::Open) {
            lost("read", ec);
        }
        return;
    }
    if (m_ws->got_text()) {
        const auto data = m_readBuffer.cdata();
        const std::string_view text(static_cast<const char*>(data.data()), data.size());
        spdlog::trace("{} <- {}", m_chargePoint->charger().chargerId, text);
        m_chargePoint->onText(text, contract::nowMs());
        if (m_chargePoint->registration() == Registration::Accepted) {
            m_backoff = m_options.minBackoff;
        }
    }
    m_readBuffer.consume(m_readBuffer.size());
    if (m_readBuffer.capacity() > 4096) {
        m_readBuffer.shrink_to_fit(); // a large message once should not cost memory for ever
    }
    flush();
    armForChargePoint();
    read();
}

void ChargerConnection::flush() {
    for (auto& frame : m_chargePoint->takeOutgoing()) {
        m_writeQueue.push_back(std::move(frame));
    }
    if (!m_writing) {
        writeNext();
    }
}

void ChargerConnection::writeNext() {
    if (m_writeQueue.empty() || m_phase != Phase::Open) {
        return;
    }
    m_writing = true;
    m_ws->text(true);
    spdlog::trace("{} -> {}", m_chargePoint->charger().chargerId, m_writeQueue.front());
    ++m_pendingOps;
    m_ws->async_write(asio::buffer(m_writeQueue.front()),
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                          --self->m_pendingOps;
                          self->m_writing = false;
                          if (self->m_phase != Phase::Open) {
                              return; // lost or stopped meanwhile; the queue belongs to the next connection
                          }
                          if (ec) {
                              self->lost("write", ec);
                              return;
                          }
                          self->m_writeQueue.erase(self->m_writeQueue.begin());
                          self->writeNext();
                      });
}

void ChargerConnection::countOpen(bool open) {
    if (open != m_counted) {
        m_stats.connected.fetch_add(open ? 1 : -1, std::memory_order_relaxed);
        m_counted = open;
    }
}

void ChargerConnection::lost(const char* where, beast::error_code ec) {
    const bool wasOpen = m_phase == Phase::Open;
    countOpen(false);
    if (wasOpen) {
        SimStats::add(m_stats.disconnects);
        spdlog::debug("{}: connection lost ({}: {})", m_chargePoint->charger().chargerId, where,
                      ec.message());
    } else {
        SimStats::add(m_stats.connectFailures);
        spdlog::debug("{}: {} failed: {}", m_chargePoint->charger().chargerId, where, ec.message());
    }
    m_chargePoint->onDisconnected(contract::nowMs());
    if (m_ws) {
        beast::error_code closeError;
        if (beast::get_lowest_layer(*m_ws).socket().close(closeError)) {
            spdlog::debug("{}: closing the socket: {}", m_chargePoint->charger().chargerId,
                          closeError.message());
        }
    }
    // m_ws is replaced on the next connect, once no handler of this one is pending (m_pendingOps).
    m_phase = Phase::Waiting;
    // Back off with jitter, so a restarted central system is not hit by the whole fleet at once.
    auto rng = Rng::derive(static_cast<std::uint64_t>(m_chargePoint->charger().number), ++m_attempt, 9);
    const auto delay = std::chrono::milliseconds(
        static_cast<std::int64_t>(static_cast<double>(m_backoff.count()) * rng.uniform(0.5, 1.0)));
    m_backoff = std::min(m_backoff * 2, m_options.maxBackoff);
    m_timer.cancel();
    arm(delay);
}

} // namespace voltdesk::sim
