// The one place that creates the simulated chargers' connections: one per charger of the fleet, all on
// one io_context (each on its own strand), ramped up at a given rate.
#pragma once

#include "chargepoint/charge_point.h"
#include "chargepoint/sim_stats.h"
#include "chargepoint/ws_url.h"
#include "client/charger_connection.h"
#include "core/fleet.h"
#include "core/sim_clock.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <memory>
#include <vector>

namespace voltdesk::sim {

struct FleetClientOptions {
    WsUrl url;
    double connectRate = 500; ///< new connections per second while ramping up
    std::uint64_t seed = 1;   ///< drives each charger's day
    ChargePointTiming timing;
    ConnectionOptions connection;
};

class FleetClient {
public:
    /// `fleet`, `clock` and `stats` must outlive the client.
    FleetClient(boost::asio::io_context& io, const Fleet& fleet, const SimClock& clock, SimStats& stats,
                FleetClientOptions options);

    /// Resolves the central system's host once for the whole fleet (throws boost::system::system_error
    /// when it cannot), then starts every connection at its place in the ramp.
    void start();
    /// Asks every connection to close cleanly; safe from any thread.
    void stop();

private:
    boost::asio::io_context& m_io;
    const Fleet& m_fleet;
    const SimClock& m_clock;
    SimStats& m_stats;
    FleetClientOptions m_options;
    std::vector<boost::asio::ip::tcp::endpoint> m_endpoints;
    std::vector<std::shared_ptr<ChargerConnection>> m_connections;
};

} // namespace voltdesk::sim
