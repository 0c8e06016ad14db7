#include "client/fleet_client.h"

#include <array>
#include <stdexcept>

namespace voltdesk::sim {

namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {
constexpr std::uint64_t kSaltChaos = 11;
constexpr std::array<const char*, 4> kInjectedFaults{"GroundFailure", "OverCurrentFailure", "HighTemperature",
                                                     "EVCommunicationError"};
} // namespace

FleetClient::FleetClient(asio::io_context& io, const Fleet& fleet, const SimClock& clock, SimStats& stats,
                         FleetClientOptions options)
    : m_io(io), m_fleet(fleet), m_clock(clock), m_stats(stats), m_options(std::move(options)),
      m_chaosStrand(asio::make_strand(io)), m_chaosTimer(m_chaosStrand),
      m_chaosRng(Rng::derive(m_options.seed, 0, kSaltChaos)) {}

void FleetClient::start() {
    if (m_options.url.tls) {
        m_tls.emplace(asio::ssl::context::tls_client);
        const auto& s = m_options.connection.security;
        boost::system::error_code ec;
        if (s.caFile.empty()) {
            if (m_tls->set_default_verify_paths(ec)) {
                throw std::runtime_error("no system CA store: " + ec.message());
            }
        } else if (m_tls->load_verify_file(s.caFile, ec)) {
            throw std::runtime_error("cannot read the CA file " + s.caFile + ": " + ec.message());
        }
        if (!s.clientCert.empty()) {
            if (m_tls->use_certificate_chain_file(s.clientCert, ec) ||
                m_tls->use_private_key_file(s.clientKey, asio::ssl::context::pem, ec)) {
                throw std::runtime_error("cannot read the client certificate or key: " + ec.message());
            }
        }
    }
    asio::ip::tcp::resolver resolver(m_io);
    for (const auto& entry : resolver.resolve(m_options.url.host, m_options.url.port)) {
        m_endpoints.push_back(entry.endpoint());
    }
    m_connections.reserve(m_fleet.chargers.size());
    const double rate = m_options.connectRate > 0 ? m_options.connectRate : 1e9;
    for (std::size_t i = 0; i < m_fleet.chargers.size(); ++i) {
        auto behaviour = m_options.behaviour;
        if (const auto it = m_options.connection.security.authKeys.find(m_fleet.chargers[i].chargerId);
            it != m_options.connection.security.authKeys.end() && behaviour.authorizationKey.empty()) {
            behaviour.authorizationKey = it->second;
        }
        auto chargePoint = std::make_unique<ChargePoint>(m_fleet.chargers[i], m_options.seed, m_clock,
                                                         &m_stats, m_options.timing, std::move(behaviour));
        auto connection = std::make_shared<ChargerConnection>(
            asio::make_strand(m_io), m_endpoints, m_options.url, std::move(chargePoint), m_stats,
            m_options.connection, m_tls ? &*m_tls : nullptr);
        connection->start(
            std::chrono::milliseconds(static_cast<std::int64_t>(static_cast<double>(i) * 1000.0 / rate)));
        m_connections.push_back(std::move(connection));
    }
    if (!m_connections.empty() &&
        (m_options.dropConnectionEverySeconds > 0 || m_options.faultsPerChargerHour > 0)) {
        scheduleChaos();
    }
}

void FleetClient::scheduleChaos() {
    m_chaosTimer.expires_after(1s);
    m_chaosTimer.async_wait([this](boost::system::error_code ec) {
        if (ec) {
            return;
        }
        const auto pick = [this] {
            return m_connections[static_cast<std::size_t>(
                m_chaosRng.between(0, static_cast<int>(m_connections.size()) - 1))];
        };
        m_sinceDrop += 1;
        if (m_options.dropConnectionEverySeconds > 0 && m_sinceDrop >= m_options.dropConnectionEverySeconds) {
            m_sinceDrop = 0;
            pick()->dropConnection();
            SimStats::add(m_stats.faultsInjected);
        }
        // Each second, each charger faults with probability rate/3600.
        const double expected =
            m_options.faultsPerChargerHour * static_cast<double>(m_connections.size()) / 3600.0;
        for (int n = static_cast<int>(m_chaosRng.exponential(1.0) < expected ? 1 : 0); n > 0; --n) {
            auto target = pick();
            const char* code = kInjectedFaults[static_cast<std::size_t>(m_chaosRng.between(0, 3))];
            const int lastsSeconds = m_chaosRng.between(60, 300);
            target->post([this, code, lastsSeconds, target](ChargePoint& cp, EpochMs now) {
                const int connector = 1 + static_cast<int>(now % cp.charger().connectorCount);
                cp.fault(connector, code, now);
                SimStats::add(m_stats.faultsInjected);
                auto clear = std::make_shared<asio::steady_timer>(m_io, std::chrono::seconds(lastsSeconds));
                clear->async_wait([clear, target, connector](boost::system::error_code e) {
                    if (!e) {
                        target->post([connector](ChargePoint& c, EpochMs t) { c.clearFault(connector, t); });
                    }
                });
            });
        }
        scheduleChaos();
    });
}

void FleetClient::stop() {
    asio::post(m_chaosStrand, [this] { m_chaosTimer.cancel(); });
    for (const auto& c : m_connections) {
        c->stop();
    }
}

} // namespace voltdesk::sim
