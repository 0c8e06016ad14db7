// Writes the fleet's live changes to PostgreSQL on its own thread, in batches, so a charger's
// message is never held up by the database.
#pragma once

#include "domain/central_system.h"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace pqxx {
class connection; // NOLINT(readability-identifier-naming): libpqxx's name
}

namespace voltdesk::store {

struct StoreWriterOptions {
    /// Events waiting beyond this are dropped (with a warning), so a stalled database cannot eat the
    /// agent's memory. At about 1 KB an event, the default is about 100 MB.
    std::size_t maxQueuedEvents = 100'000;
    /// Events written in one transaction at most.
    std::size_t maxBatch = 2'000;
    /// How long the first event of a batch waits for others to join it.
    std::chrono::milliseconds batchDelay{50};
    /// Longest pause between reconnection attempts while the database is unreachable.
    std::chrono::milliseconds maxRetryDelay{30'000};
};

struct StoreWriterStats {
    std::uint64_t written = 0;  ///< events committed
    std::uint64_t dropped = 0;  ///< refused by the full queue, or given up at shutdown
    std::uint64_t rejected = 0; ///< refused by the database itself (logged, skipped)
    std::uint64_t batches = 0;  ///< transactions committed
};

/// A FleetListener: onChargerEvent only copies the event into a bounded queue. The writer thread
/// takes up to maxBatch events at a time and writes them in one transaction with one multi-row
/// statement per table: the chargers' latest state (one row per charger in the batch), the connectors
/// that reported, every status report and every connect/disconnect (connector 0, "Online"/"Offline")
/// into connector_status_history, every connect/disconnect also into charger_connections. A lost connection
/// is retried with backoff, keeping the batch; an event the database refuses is logged and skipped without
/// losing the rest of its batch.
class StoreWriter final : public domain::FleetListener {
public:
    StoreWriter(std::string uri, StoreWriterOptions options = {});
    /// Calls stop().
    ~StoreWriter() override;
    StoreWriter(const StoreWriter&) = delete;
    StoreWriter& operator=(const StoreWriter&) = delete;

    /// Starts the writer thread; it connects on its own and retries while the server is down.
    void start();
    /// Thread-safe and non-blocking.
    void onChargerEvent(const domain::ChargePointEvent& event, const contract::ChargerState& after) override;
    /// Waits until every event queued before the call has been written or given up. false on timeout.
    bool flush(std::chrono::milliseconds timeout);
    /// Writes what is queued (trying for at most timeout), then ends the thread. Idempotent.
    void stop(std::chrono::milliseconds timeout = std::chrono::milliseconds(10'000));
    StoreWriterStats stats() const;

private:
    struct Item {
        domain::ChargePointEvent event;
        contract::ChargerState after;
    };

    void run();
    void writeWithRetry(const std::deque<Item>& batch);
    void writeBatch(const std::deque<Item>& batch);
    /// Sleeps up to delay unless stopped past the deadline; false when it is time to give up.
    bool waitBeforeRetry(std::chrono::milliseconds delay);

    const std::string m_uri;
    const StoreWriterOptions m_options;
    std::unique_ptr<pqxx::connection> m_connection; // writer thread only

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;     // to the writer: work, flush or stop
    std::condition_variable m_progress; // to flush(): a batch is done
    std::deque<Item> m_queue;
    std::uint64_t m_enqueued = 0; // sequence numbers: every accepted event counts once
    std::uint64_t m_done = 0;     // ... and is counted done when written, rejected or given up
    std::size_t m_flushWaiters = 0;
    bool m_stopping = false;
    std::chrono::steady_clock::time_point m_stopDeadline{};
    StoreWriterStats m_stats;
    std::chrono::steady_clock::time_point m_lastDropWarning{};
    std::uint64_t m_droppedSinceWarning = 0;
    std::thread m_thread;
};

} // namespace voltdesk::store
