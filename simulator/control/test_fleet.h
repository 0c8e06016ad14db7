// The control API for tests: a fleet of 1..N simulated chargers in-process against a central system's
// URL, each autonomous (its day) or scripted (only what the test does), driven from the test thread.
// Every call is posted to the charger's strand and waits for it to run, so it is thread-safe.
//
//   sim::TestFleet fleet(url, {.count = 2, .behaviour = scripted});
//   auto& cp = fleet.charger(0);
//   QVERIFY(cp.waitUntil([](const auto& s) { return s.accepted(); }));
//   cp.plugIn(1);
//   cp.presentIdTag(1, "CARD-1");
//   QVERIFY(cp.waitUntil([](const auto& s) { return s.activeTransaction(1) &&
//   s.activeTransaction(1)->startAcknowledged; }));
#pragma once

#include "chargepoint/charge_point.h"
#include "client/fleet_client.h"
#include "core/fleet.h"

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace voltdesk::sim {

struct TestFleetOptions {
    int count = 1;
    std::string idPrefix = "VD-TST-";
    int firstIndex = 1;
    std::uint64_t seed = 1;
    double speed = 1; ///< simulated time per wall time (autonomous mode)
    /// Simulated time when the fleet starts (autonomous mode: which hour of which day the chargers'
    /// days begin at); unset: now. The OCPP messages carry the wall clock whatever the day's time.
    std::optional<contract::EpochMs> simStart;
    ChargePointBehaviour behaviour = scriptedBehaviour();
    ChargePointTiming timing;
    ConnectionOptions connection; ///< security, injected faults; the trace is added by the fleet
    double connectRate = 0;       ///< 0: all at once

    static ChargePointBehaviour scriptedBehaviour() {
        ChargePointBehaviour b;
        b.mode = ChargePointMode::Scripted;
        return b;
    }
};

/// One frame as the trace saw it.
struct TracedFrame {
    EpochMs at = 0;
    bool outgoing = false; ///< charger -> central system
    std::string text;
};

class TestCharger {
public:
    TestCharger(std::shared_ptr<ChargerConnection> connection, std::string chargerId);

    const std::string& id() const { return m_id; }

    // What drivers, cars and hardware do (connector ids from 1).
    void plugIn(int connectorId);
    void unplug(int connectorId);
    void presentIdTag(int connectorId, const std::string& idTag);
    void suspendEv(int connectorId, bool suspended = true);
    void stopTransaction(int connectorId, const std::string& reason = "Local");
    void fault(int connectorId, const std::string& errorCode = "GroundFailure");
    void clearFault(int connectorId);
    void powerLoss();
    void sendCall(const std::string& action, const nlohmann::json& payload);
    void setConfiguration(const std::string& key, const std::string& value);

    /// Drops the link and stays down until comeBack().
    void goOffline();
    void comeBack();
    /// Drops the link as a network would; it reconnects by itself.
    void dropConnection();

    /// Anything else, on the charger's strand (waits for it to run).
    void run(const std::function<void(ChargePoint&, EpochMs)>& action);
    ChargePointSnapshot snapshot();
    /// Polls snapshot() until `condition` holds; false after `timeout`.
    bool waitUntil(const std::function<bool(const ChargePointSnapshot&)>& condition,
                   std::chrono::milliseconds timeout = std::chrono::seconds(10));

    /// Every frame both ways so far, for a failing test to print.
    std::vector<TracedFrame> frames() const;
    std::string traceText() const;
    void addFrame(bool outgoing, std::string_view text);

private:
    std::shared_ptr<ChargerConnection> m_connection;
    std::string m_id;
    mutable std::mutex m_traceMutex;
    std::vector<TracedFrame> m_frames;
};

class TestFleet {
public:
    /// Starts connecting at once; throws std::invalid_argument for a bad URL.
    TestFleet(const std::string& url, const TestFleetOptions& options = {});
    ~TestFleet();
    TestFleet(const TestFleet&) = delete;
    TestFleet& operator=(const TestFleet&) = delete;

    int size() const { return static_cast<int>(m_chargers.size()); }
    TestCharger& charger(int index) { return *m_chargers.at(static_cast<std::size_t>(index)); }
    const Fleet& fleet() const { return m_fleet; }
    const SimStats& stats() const { return m_stats; }
    /// Waits until every charger's boot is accepted.
    bool waitAllAccepted(std::chrono::milliseconds timeout = std::chrono::seconds(20));

private:
    Fleet m_fleet;
    SimClock m_clock;
    SimStats m_stats;
    boost::asio::io_context m_io;
    std::unique_ptr<FleetClient> m_client;
    std::vector<std::unique_ptr<TestCharger>> m_chargers;
    std::thread m_thread;
};

} // namespace voltdesk::sim
