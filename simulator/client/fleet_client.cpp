#include "client/fleet_client.h"

#include <boost/asio/strand.hpp>

namespace voltdesk::sim {

namespace asio = boost::asio;

FleetClient::FleetClient(asio::io_context& io, const Fleet& fleet, const SimClock& clock, SimStats& stats,
                         FleetClientOptions options)
    : m_io(io), m_fleet(fleet), m_clock(clock), m_stats(stats), m_options(std::move(options)) {}

void FleetClient::start() {
    asio::ip::tcp::resolver resolver(m_io);
    for (const auto& entry : resolver.resolve(m_options.url.host, m_options.url.port)) {
        m_endpoints.push_back(entry.endpoint());
    }
    m_connections.reserve(m_fleet.chargers.size());
    const double rate = m_options.connectRate > 0 ? m_options.connectRate : 1e9;
    for (std::size_t i = 0; i < m_fleet.chargers.size(); ++i) {
        auto chargePoint = std::make_unique<ChargePoint>(m_fleet.chargers[i], m_options.seed, m_clock,
                                                         &m_stats, m_options.timing);
        auto connection =
            std::make_shared<ChargerConnection>(asio::make_strand(m_io), m_endpoints, m_options.url,
                                                std::move(chargePoint), m_stats, m_options.connection);
        connection->start(
            std::chrono::milliseconds(static_cast<std::int64_t>(static_cast<double>(i) * 1000.0 / rate)));
        m_connections.push_back(std::move(connection));
    }
}

void FleetClient::stop() {
    for (const auto& c : m_connections) {
        c->stop();
    }
}

} // namespace voltdesk::sim
