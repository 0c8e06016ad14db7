#include "client/charger_connection.h"

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/beast/core/detail/base64.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <limits>
#include <openssl/ssl.h>
#include <spdlog/spdlog.h>

namespace voltdesk::sim {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using namespace std::chrono_literals;

namespace {
constexpr std::string_view kSubprotocol = "ocpp1.6";
constexpr std::size_t kMaxMessageBytes = std::size_t{64} * 1024;
constexpr std::uint64_t kSaltFaults = 10;

bool isAnswer(std::string_view frame) {
    const auto open = frame.find_first_not_of(" \t\r\n[");
    return open != std::string_view::npos && (frame[open] == '3' || frame[open] == '4');
}
} // namespace

ChargerConnection::ChargerConnection(Strand strand, const std::vector<asio::ip::tcp::endpoint>& endpoints,
                                     const WsUrl& url, std::unique_ptr<ChargePoint> chargePoint,
                                     SimStats& stats, const ConnectionOptions& options,
                                     asio::ssl::context* tls)
    : m_strand(std::move(strand)), m_endpoints(endpoints), m_url(url), m_chargePoint(std::move(chargePoint)),
      m_stats(stats), m_options(options), m_tlsContext(tls), m_timer(m_strand), m_cpTimer(m_strand),
      m_backoff(options.minBackoff),
      m_faultRng(Rng::derive(static_cast<std::uint64_t>(m_chargePoint->charger().number), 0, kSaltFaults)) {}

void ChargerConnection::start(std::chrono::milliseconds delay) {
    asio::dispatch(m_strand, [self = shared_from_this(), delay] {
        self->m_phase = Phase::Waiting;
        self->arm(delay);
        self->armForChargePoint();
    });
}

beast::tcp_stream* ChargerConnection::lowest() {
    if (m_tls) {
        return &beast::get_lowest_layer(*m_tls);
    }
    return m_plain ? &beast::get_lowest_layer(*m_plain) : nullptr;
}

void ChargerConnection::stop() {
    asio::dispatch(m_strand, [self = shared_from_this()] {
        const Phase was = self->m_phase;
        self->m_phase = Phase::Stopped;
        self->m_timer.cancel();
        self->m_cpTimer.cancel();
        self->m_chargePoint->onDisconnected(contract::nowMs());
        if (self->lowest() == nullptr) {
            return;
        }
        if (was == Phase::Open) {
            ++self->m_pendingOps;
            self->withWs([&](auto& ws) {
                ws.async_close(websocket::close_code::normal, [self](beast::error_code) {
                    --self->m_pendingOps;
                    self->countOpen(false);
                    beast::error_code ec;
                    if (self->lowest()->socket().close(ec)) {
                        spdlog::debug("{}: closing the socket: {}", self->chargerId(), ec.message());
                    }
                });
            });
        } else {
            self->lowest()->cancel();
        }
    });
}

void ChargerConnection::post(Action action) {
    asio::post(m_strand, [self = shared_from_this(), action = std::move(action)] {
        action(*self->m_chargePoint, contract::nowMs());
        self->flush();
        self->armForChargePoint();
    });
}

void ChargerConnection::setOnline(bool online) {
    asio::post(m_strand, [self = shared_from_this(), online] {
        self->m_offline = !online;
        if (self->m_phase == Phase::Stopped) {
            return;
        }
        if (!online && (self->m_phase == Phase::Open || self->m_phase == Phase::Connecting)) {
            self->lost("offline", asio::error::network_down);
        } else if (online && self->m_phase == Phase::Waiting) {
            self->m_backoff = self->m_options.minBackoff;
            self->m_timer.cancel();
            self->arm(0ms);
        }
    });
}

void ChargerConnection::dropConnection() {
    asio::post(m_strand, [self = shared_from_this()] {
        if (self->m_phase == Phase::Open) {
            self->lost("dropped", asio::error::connection_reset);
        }
    });
}

void ChargerConnection::arm(std::chrono::milliseconds delay) {
    m_timer.expires_after(delay);
    m_timer.async_wait([self = shared_from_this()](beast::error_code ec) { self->onTimer(ec); });
}

void ChargerConnection::armForChargePoint() {
    if (m_phase == Phase::Stopped) {
        return;
    }
    const contract::EpochMs wake = m_chargePoint->nextWakeup();
    if (wake == std::numeric_limits<contract::EpochMs>::max()) {
        return;
    }
    const auto delay = std::chrono::milliseconds(std::max<contract::EpochMs>(0, wake - contract::nowMs()));
    // Re-arming only for an earlier wake-up keeps timer churn low; a wake-up that comes early does no harm.
    const auto when = std::chrono::steady_clock::now() + delay;
    if (m_cpTimer.expiry() > std::chrono::steady_clock::now() && when >= m_armedFor) {
        return;
    }
    m_armedFor = when;
    m_cpTimer.expires_at(when);
    m_cpTimer.async_wait([self = shared_from_this()](beast::error_code ec) { self->onChargePointTimer(ec); });
}

void ChargerConnection::onTimer(beast::error_code ec) {
    if (ec == asio::error::operation_aborted || m_phase != Phase::Waiting || m_offline) {
        return;
    }
    if (m_pendingOps > 0) { // the old stream's handlers have not all run yet
        arm(100ms);
        return;
    }
    connect();
}

void ChargerConnection::onChargePointTimer(beast::error_code ec) {
    if (ec == asio::error::operation_aborted || m_phase == Phase::Stopped) {
        return;
    }
    m_chargePoint->onTimer(contract::nowMs());
    flush();
    m_armedFor = std::chrono::steady_clock::time_point::max();
    armForChargePoint();
}

void ChargerConnection::connect() {
    m_phase = Phase::Connecting;
    m_writeQueue.clear();
    m_readBuffer.clear();
    m_plain.reset();
    m_tls.reset();
    if (m_url.tls && m_tlsContext != nullptr) {
        m_tls = std::make_unique<TlsWs>(m_strand, *m_tlsContext);
    } else {
        m_plain = std::make_unique<PlainWs>(m_strand);
    }
    withWs([](auto& ws) { ws.read_message_max(kMaxMessageBytes); });
    lowest()->expires_after(m_options.connectTimeout);
    ++m_pendingOps;
    lowest()->async_connect(
        m_endpoints, [self = shared_from_this()](beast::error_code ec, const asio::ip::tcp::endpoint&) {
            --self->m_pendingOps;
            self->onConnected(ec);
        });
}

void ChargerConnection::onConnected(beast::error_code ec) {
    if (m_phase != Phase::Connecting) {
        return;
    }
    if (ec) {
        lost("connect", ec);
        return;
    }
    if (!m_tls) {
        wsHandshake();
        return;
    }
    auto& ssl = m_tls->next_layer();
    if (SSL_ctrl(ssl.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                 static_cast<void*>(const_cast<char*>(m_url.host.c_str()))) != 1) { // SNI
        spdlog::debug("{}: no SNI for {}", chargerId(), m_url.host);
    }
    ssl.set_verify_mode(asio::ssl::verify_peer);
    ssl.set_verify_callback(asio::ssl::host_name_verification(m_url.host));
    ++m_pendingOps;
    ssl.async_handshake(asio::ssl::stream_base::client, [self = shared_from_this()](beast::error_code e) {
        --self->m_pendingOps;
        self->onTlsHandshake(e);
    });
}

void ChargerConnection::onTlsHandshake(beast::error_code ec) {
    if (m_phase != Phase::Connecting) {
        return;
    }
    if (ec) {
        spdlog::warn("{}: TLS handshake failed: {}", chargerId(), ec.message());
        lost("tls handshake", ec);
        return;
    }
    wsHandshake();
}

std::string ChargerConnection::authorizationHeader() const {
    std::string key = m_chargePoint->authorizationKey();
    if (key.empty()) {
        const auto it = m_options.security.authKeys.find(chargerId());
        if (it == m_options.security.authKeys.end()) {
            return {};
        }
        key = it->second;
    }
    const std::string plain = chargerId() + ":" + key;
    std::string encoded(beast::detail::base64::encoded_size(plain.size()), '\0');
    encoded.resize(beast::detail::base64::encode(encoded.data(), plain.data(), plain.size()));
    return "Basic " + encoded;
}

void ChargerConnection::wsHandshake() {
    lowest()->expires_never();
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = m_options.connectTimeout;
    timeouts.idle_timeout = websocket::stream_base::none();
    timeouts.keep_alive_pings = false;
    const std::string auth = authorizationHeader();
    withWs([&](auto& ws) {
        ws.set_option(timeouts);
        ws.set_option(websocket::stream_base::decorator([auth](websocket::request_type& req) {
            req.set(beast::http::field::sec_websocket_protocol, kSubprotocol);
            req.set(beast::http::field::user_agent, "voltdesk-sim");
            if (!auth.empty()) {
                req.set(beast::http::field::authorization, auth);
            }
        }));
    });
    m_handshakeResponse = std::make_unique<websocket::response_type>();
    const std::string host = m_url.host.find(':') != std::string::npos ? "[" + m_url.host + "]" : m_url.host;
    ++m_pendingOps;
    withWs([&](auto& ws) {
        ws.async_handshake(*m_handshakeResponse, host + ":" + m_url.port, m_url.targetFor(chargerId()),
                           [self = shared_from_this()](beast::error_code e) {
                               --self->m_pendingOps;
                               self->onHandshake(e);
                           });
    });
}

void ChargerConnection::onHandshake(beast::error_code ec) {
    const auto response = std::move(m_handshakeResponse);
    if (m_phase != Phase::Connecting) {
        return;
    }
    if (ec) {
        lost("handshake", ec);
        return;
    }
    if (response && (*response)[beast::http::field::sec_websocket_protocol] != kSubprotocol) {
        spdlog::warn("{}: the central system did not confirm subprotocol {}", chargerId(), kSubprotocol);
    }
    m_phase = Phase::Open;
    countOpen(true);
    spdlog::debug("{}: connected", chargerId());
    m_chargePoint->onConnected(contract::nowMs());
    flush();
    read();
    m_armedFor = std::chrono::steady_clock::time_point::max();
    armForChargePoint();
}

void ChargerConnection::read() {
    ++m_pendingOps;
    withWs([&](auto& ws) {
        ws.async_read(m_readBuffer, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            --self->m_pendingOps;
            self->onRead(ec);
        });
    });
}

void ChargerConnection::onRead(beast::error_code ec) {
    if (ec) {
        if (m_phase == Phase::Open) {
            lost("read", ec);
        }
        return;
    }
    if (m_phase != Phase::Open) {
        return;
    }
    bool text = false;
    withWs([&](auto& ws) { text = ws.got_text(); });
    if (text) {
        const auto data = m_readBuffer.cdata();
        const std::string_view frame(static_cast<const char*>(data.data()), data.size());
        spdlog::trace("{} <- {}", chargerId(), frame);
        if (m_options.trace) {
            m_options.trace(chargerId(), false, frame);
        }
        m_chargePoint->onText(frame, contract::nowMs());
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
    const auto& faults = m_options.faults;
    for (auto& frame : m_chargePoint->takeOutgoing()) {
        if (m_phase != Phase::Open) {
            continue;
        }
        if (faults.stallReplyRate > 0 && isAnswer(frame) && m_faultRng.chance(faults.stallReplyRate)) {
            SimStats::add(m_stats.faultsInjected);
            continue; // the central system waits for an answer that never comes
        }
        if (faults.corruptFrameRate > 0 && m_faultRng.chance(faults.corruptFrameRate)) {
            SimStats::add(m_stats.faultsInjected);
            frame = frame.substr(0, frame.size() / 2) + "#}"; // truncated, not JSON
        }
        m_writeQueue.push_back(std::move(frame));
    }
    if (!m_writing) {
        writeNext();
    }
    if (m_chargePoint->takeReconnectRequest() && m_phase == Phase::Open) {
        lost("reboot", asio::error::connection_aborted, true);
    }
}

void ChargerConnection::writeNext() {
    if (m_writeQueue.empty() || m_phase != Phase::Open) {
        return;
    }
    m_writing = true;
    spdlog::trace("{} -> {}", chargerId(), m_writeQueue.front());
    if (m_options.trace) {
        m_options.trace(chargerId(), true, m_writeQueue.front());
    }
    ++m_pendingOps;
    withWs([&](auto& ws) {
        ws.text(true);
        ws.async_write(asio::buffer(m_writeQueue.front()),
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
    });
}

void ChargerConnection::countOpen(bool open) {
    if (open != m_counted) {
        m_stats.connected.fetch_add(open ? 1 : -1, std::memory_order_relaxed);
        m_counted = open;
    }
}

void ChargerConnection::lost(const char* where, beast::error_code ec, bool quick) {
    const bool wasOpen = m_phase == Phase::Open;
    countOpen(false);
    if (wasOpen) {
        SimStats::add(m_stats.disconnects);
        spdlog::debug("{}: connection lost ({}: {})", chargerId(), where, ec.message());
    } else {
        SimStats::add(m_stats.connectFailures);
        spdlog::debug("{}: {} failed: {}", chargerId(), where, ec.message());
    }
    m_chargePoint->onDisconnected(contract::nowMs());
    if (auto* socket = lowest()) {
        beast::error_code closeError;
        if (socket->socket().close(closeError)) {
            spdlog::debug("{}: closing the socket: {}", chargerId(), closeError.message());
        }
    }
    // The stream is replaced on the next connect, once no handler of this one is pending (m_pendingOps).
    m_phase = Phase::Waiting;
    m_timer.cancel();
    armForChargePoint();
    if (m_offline) {
        return;
    }
    if (quick) { // a reboot: back in a moment
        arm(200ms);
        return;
    }
    // Back off with jitter, so a restarted central system is not hit by the whole fleet at once.
    auto rng = Rng::derive(static_cast<std::uint64_t>(m_chargePoint->charger().number), ++m_attempt, 9);
    const auto delay = std::chrono::milliseconds(
        static_cast<std::int64_t>(static_cast<double>(m_backoff.count()) * rng.uniform(0.5, 1.0)));
    m_backoff = std::min(m_backoff * 2, m_options.maxBackoff);
    arm(delay);
}

} // namespace voltdesk::sim
