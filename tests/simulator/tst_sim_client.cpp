// The fleet's WebSocket client against a small in-process central system on loopback: every charger
// connects with subprotocol ocpp1.6, boots, reports each connector, heartbeats, and closes on stop.
#include "client/fleet_client.h"
#include "fake_central_system.h"

#include <QtTest>
#include <boost/asio/io_context.hpp>
#include <thread>

using namespace voltdesk;
using namespace voltdesk::sim;
using namespace std::chrono_literals;

class TestSimClient : public QObject {
    Q_OBJECT

private slots:
    void fleetBootsReportsAndHeartbeats() {
        testing::FakeCentralSystem cs(1); // heartbeat every second
        const auto fleet = generateFleet({.seed = 7, .count = 300});
        const auto t0 = contract::nowMs();
        const SimClock clock(t0, t0, 600);
        SimStats stats;
        boost::asio::io_context io;
        FleetClientOptions options;
        options.url = *parseWsUrl("ws://127.0.0.1:" + std::to_string(cs.port()) + "/ocpp/");
        options.connectRate = 1000;
        options.seed = 7;
        FleetClient client(io, fleet, clock, stats, options);
        client.start();
        std::thread runner([&io] { io.run(); });

        const auto allReported = [&] {
            const auto seen = cs.chargers();
            if (seen.size() != fleet.chargers.size()) {
                return false;
            }
            for (const auto& c : fleet.chargers) {
                const auto it = seen.find(c.chargerId);
                if (it == seen.end() || !it->second.booted || it->second.heartbeats < 1 ||
                    static_cast<int>(it->second.lastStatus.size()) != c.connectorCount + 1) {
                    return false;
                }
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allReported(), 20'000);
        QCOMPARE(stats.accepted.load(), 300);
        QCOMPARE(stats.connected.load(), 300);
        const auto seen = cs.chargers();
        for (const auto& c : fleet.chargers) {
            const auto& s = seen.at(c.chargerId);
            QVERIFY(s.subprotocolOffered);
            QCOMPARE(s.vendor, c.vendor);
        }

        client.stop();
        QTRY_COMPARE_WITH_TIMEOUT(cs.openConnections(), 0, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(stats.connected.load(), 0, 10'000);
        io.stop();
        runner.join();
    }

    void reconnectsWhenTheCentralSystemRestarts() {
        auto cs = std::make_unique<testing::FakeCentralSystem>(60);
        const unsigned short port = cs->port();
        const auto fleet = generateFleet({.seed = 2, .count = 20});
        const auto t0 = contract::nowMs();
        const SimClock clock(t0, t0, 60);
        SimStats stats;
        boost::asio::io_context io;
        FleetClientOptions options;
        options.url = *parseWsUrl("ws://127.0.0.1:" + std::to_string(port) + "/ocpp/");
        options.connection.maxBackoff = 2s;
        FleetClient client(io, fleet, clock, stats, options);
        client.start();
        std::thread runner([&io] { io.run(); });
        QTRY_COMPARE_WITH_TIMEOUT(stats.accepted.load(), 20, 10'000);

        cs.reset(); // the central system goes away...
        QTRY_COMPARE_WITH_TIMEOUT(stats.connected.load(), 0, 10'000);
        QCOMPARE(stats.accepted.load(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(stats.connectFailures.load() > 0, 10'000);

        cs = std::make_unique<testing::FakeCentralSystem>(60, port); // ...and comes back
        QTRY_COMPARE_WITH_TIMEOUT(stats.accepted.load(), 20, 15'000);
        QCOMPARE(stats.bootNotifications.load(), std::uint64_t(40));
        QCOMPARE(static_cast<int>(cs->chargers().size()), 20);

        client.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stats.connected.load(), 0, 10'000);
        io.stop();
        runner.join();
    }
};

QTEST_APPLESS_MAIN(TestSimClient)
#include "tst_sim_client.moc"
