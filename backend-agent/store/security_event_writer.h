// Security events into PostgreSQL (table security_events), written in batches on the writer's own
// thread, so an I/O thread that reports one never waits for the database.
#pragma once

#include "domain/security_event.h"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace pqxx {
class connection; // NOLINT(readability-identifier-naming): libpqxx's name
}

namespace voltdesk::store {

struct SecurityEventWriterOptions {
    /// Events waiting beyond this are dropped and counted: a fleet retrying wrong credentials while the
    /// database is down must not eat the agent's memory.
    std::size_t maxQueued = 20'000;
    std::size_t maxBatch = 1'000;
    /// How long the first event of a batch waits for others.
    std::chrono::milliseconds batchDelay{100};
    /// Longest pause between reconnection attempts.
    std::chrono::milliseconds maxRetryDelay{30'000};
};

struct SecurityEventWriterStats {
    std::uint64_t written = 0;
    std::uint64_t dropped = 0;  ///< queue full, or given up at stop
    std::uint64_t rejected = 0; ///< refused by the database (logged)
};

/// A SecurityEventSink: report() copies the event into a bounded queue and logs it; the writer thread
/// inserts batches with one statement, reconnecting with backoff while the database is away.
class SecurityEventWriter final : public domain::SecurityEventSink {
public:
    explicit SecurityEventWriter(std::string uri, SecurityEventWriterOptions options = {});
    /// Calls stop().
    ~SecurityEventWriter() override;
    SecurityEventWriter(const SecurityEventWriter&) = delete;
    SecurityEventWriter& operator=(const SecurityEventWriter&) = delete;

    void start();
    /// Thread-safe, never blocks on the database.
    void report(const domain::SecurityEvent& event) override;
    /// Waits until everything reported before the call is written or given up; false on timeout.
    bool flush(std::chrono::milliseconds timeout);
    /// Writes what is queued (trying for at most timeout), then ends the thread. Idempotent.
    void stop(std::chrono::milliseconds timeout = std::chrono::milliseconds(5'000));
    SecurityEventWriterStats stats() const;

private:
    void run();
    /// true when the batch is done (written, or rejected row by row); false when the database is away.
    bool write(const std::vector<domain::SecurityEvent>& batch);
    void insert(const std::vector<domain::SecurityEvent>& batch);

    const std::string m_uri;
    const SecurityEventWriterOptions m_options;
    std::unique_ptr<pqxx::connection> m_connection; // writer thread only

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_progress;
    std::deque<domain::SecurityEvent> m_queue;
    std::uint64_t m_enqueued = 0;
    std::uint64_t m_done = 0;
    bool m_stopping = false;
    std::chrono::steady_clock::time_point m_stopDeadline{};
    SecurityEventWriterStats m_stats;
    std::chrono::steady_clock::time_point m_lastDropWarning{};
    std::thread m_thread;
};

} // namespace voltdesk::store
