// The one place that creates the simulated chargers' connections: one per charger of the fleet, all on
// one io_context (each on its own strand), ramped up at a given rate; the TLS context for wss:// and the
// fleet-wide fault injection (dropped connections, faulted connectors) live here too.
#pragma once

#include "chargepoint/charge_point.h"
#include "chargepoint/sim_stats.h"
#include "chargepoint/ws_url.h"
#include "client/charger_connection.h"
#include "client/connection_options.h"
#include "core/fleet.h"
#include "core/rng.h"
#include "core/sim_clock.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <memory>
#include <optional>
#include <vector>

namespace voltdesk::sim {

struct FleetClientOptions {
    WsUrl url;
    double connectRate = 500; ///< new connections per second while ramping up
    std::uint64_t seed = 1;   ///< drives each charger's day and the injected faults
    ChargePointTiming timing;
    ChargePointBehaviour behaviour;
    ConnectionOptions connection;
    double dropConnectionEverySeconds = 0; ///< drop a random charger's link this often (0: never)
    double faultsPerChargerHour = 0;       ///< connectors faulted at random, each for 1-5 minutes
};

class FleetClient {
public:
    /// `fleet`, `clock` and `stats` must outlive the client.
    FleetClient(boost::asio::io_context& io, const Fleet& fleet, const SimClock& clock, SimStats& stats,
                FleetClientOptions options);

    /// Resolves the central system's host once for the whole fleet (throws boost::system::system_error
    /// when it cannot; std::runtime_error for unreadable TLS files), then starts every connection at its
    /// place in the ramp.
    void start();
    /// Asks every connection to close cleanly; safe from any thread.
    void stop();
    /// The connections, in fleet order (after start()).
    const std::vector<std::shared_ptr<ChargerConnection>>& connections() const { return m_connections; }

private:
    void scheduleChaos();

    boost::asio::io_context& m_io;
    const Fleet& m_fleet;
    const SimClock& m_clock;
    SimStats& m_stats;
    FleetClientOptions m_options;
    std::optional<boost::asio::ssl::context> m_tls;
    std::vector<boost::asio::ip::tcp::endpoint> m_endpoints;
    std::vector<std::shared_ptr<ChargerConnection>> m_connections;
    boost::asio::strand<boost::asio::io_context::executor_type> m_chaosStrand;
    boost::asio::steady_timer m_chaosTimer;
    Rng m_chaosRng;
    double m_sinceDrop = 0;
};

} // namespace voltdesk::sim
