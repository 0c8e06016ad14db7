// Computes every charger's health (domain/health) from the store and publishes it, retained, on
// its health topic: at start, every interval, and soon after a charger connects, disconnects or faults.
#pragma once

#include "contract/charger_state.h"
#include "domain/central_system.h"
#include "domain/health/charger_health_calculator.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace voltdesk::app {

struct HealthReporterOptions {
    std::chrono::milliseconds interval{60'000};
    /// After a connect, disconnect or fault, how long to wait for more before recomputing those chargers.
    std::chrono::milliseconds triggerDelay{1'000};
    domain::HealthWindows windows;
};

struct HealthReporterStats {
    std::uint64_t cycles = 0;               ///< full passes over the fleet
    std::uint64_t triggered = 0;            ///< passes over the chargers an event named
    std::uint64_t published = 0;            ///< health messages handed to publish
    std::uint64_t failures = 0;             ///< passes the database broke off (retried at the next one)
    std::chrono::milliseconds lastCycle{0}; ///< duration of the last full pass
};

/// A FleetListener whose onChargerEvent only notes the charger. One thread of its own reads the store
/// (its own connection), computes and calls publish(topic, payload) for each charger of snapshot().
class HealthReporter final : public domain::FleetListener {
public:
    using Snapshot = std::function<std::vector<contract::ChargerState>()>;
    using Publish = std::function<void(const std::string& topic, const std::string& payload)>;
    /// Called before each pass so the events it follows are in the database (StoreWriter::flush).
    using Flush = std::function<void()>;

    HealthReporter(std::string uri, HealthReporterOptions options, Snapshot snapshot, Publish publish,
                   Flush flush);
    /// Calls stop().
    ~HealthReporter() override;
    HealthReporter(const HealthReporter&) = delete;
    HealthReporter& operator=(const HealthReporter&) = delete;

    /// `agentStartedAt`: no charger was connected then (see StatusHistoryCache::closeConnectionsAt).
    void start(contract::EpochMs agentStartedAt);
    void onChargerEvent(const domain::ChargePointEvent& event, const contract::ChargerState& after) override;
    /// Ends the thread after the pass it is in. Idempotent.
    void stop();
    HealthReporterStats stats() const;

private:
    using Clock = std::chrono::steady_clock;
    void run(contract::EpochMs agentStartedAt);

    const std::string m_uri;
    const HealthReporterOptions m_options;
    const Snapshot m_snapshot;
    const Publish m_publish;
    const Flush m_flush;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::set<std::string> m_triggered;
    std::set<std::string> m_faulted; ///< chargers last published with a fault: any status may clear it
    Clock::time_point m_triggerDue{};
    bool m_stopping = false;
    HealthReporterStats m_stats;
    std::thread m_thread;
};

} // namespace voltdesk::app
