// The agent's billing of sessions: the live cost of every running session (retained per connector) and
// exactly one CDR version 1 per finished transaction, on a worker with its own database connection.
#pragma once

#include "domain/transaction_service.h"
#include "store/billing_store.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace voltdesk::app {

struct BillingServiceOptions {
    /// A connector's live cost is recomputed at most this often while meter values arrive.
    std::chrono::milliseconds liveInterval{10'000};
    /// How often finished transactions without a record are looked for (and at start).
    std::chrono::milliseconds sweepInterval{60'000};
    /// How long a finished session's final cost stays on its topic before it is cleared. The bus keeps
    /// only the latest retained message per topic, so a clear queued at once could swallow the final cost.
    std::chrono::milliseconds clearDelay{2'000};
    /// Called before a stop is rated, so the connector's status changes up to the stop are in the
    /// database (StoreWriter::flush in the agent): they say when charging finished.
    std::function<void()> beforeRecord;
};

struct BillingStats {
    std::uint64_t liveCosts = 0; ///< live costs published
    std::uint64_t recorded = 0;  ///< stops handled (a CDR inserted or found)
    std::uint64_t failures = 0;  ///< jobs that failed (retried by the next sweep)
};

/// A TransactionObserver: its callbacks only queue a job (never block, never throw). The worker rates
/// from what the store holds (the ledger commits before it tells observers), inserts version 1 with ON
/// CONFLICT DO NOTHING and publishes the stored record, so a duplicate stop, a restart's sweep or a
/// retried job republishes the same record and never makes a second one.
class BillingService final : public domain::TransactionObserver {
public:
    using Publish = std::function<void(std::string topic, std::string payload, int qos, bool retained)>;

    BillingService(const std::string& uri, std::string agentId, Publish publish,
                   BillingServiceOptions options = {});
    /// Calls stop().
    ~BillingService() override;
    BillingService(const BillingService&) = delete;
    BillingService& operator=(const BillingService&) = delete;

    /// Starts the worker, which first sweeps finished transactions that have no record (a crash between
    /// a stop and its record).
    void start();
    /// Finishes the job in progress; queued ones are left to the next start's sweep. Idempotent.
    void stop();
    /// Waits until every job queued before the call is done. false on timeout.
    bool flush(std::chrono::milliseconds timeout);
    BillingStats stats() const;

    void onMeterValues(const domain::MeterValuesReport& report) override;
    void onTransactionStarted(const domain::ActiveTransaction& transaction) override;
    void onTransactionStopped(const domain::ActiveTransaction& transaction,
                              const domain::TransactionStop& stop) override;

private:
    using Clock = std::chrono::steady_clock;
    struct Job {
        enum class Kind { Live, Stop, Sweep } kind = Kind::Live;
        int transactionId = 0;
    };

    void enqueue(Job job);
    void run();
    void process(const Job& job);
    void publishLive(const billing::SessionFacts& facts, const contract::ChargeDetailRecord& record);
    void record(int transactionId);
    void sweep();
    void clearDue(); // m_mutex not held

    const std::string m_agentId;
    const Publish m_publish;
    const BillingServiceOptions m_options;
    store::BillingStore m_store; // worker only

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_progress;
    std::deque<Job> m_jobs;
    std::set<int> m_pendingLive; ///< transactions with a live job queued
    std::map<std::pair<std::string, int>, Clock::time_point> m_lastLive;
    std::uint64_t m_queued = 0;
    std::uint64_t m_done = 0;
    bool m_stopping = false;
    Clock::time_point m_nextSweep{};
    std::map<std::string, Clock::time_point> m_clears; ///< session-cost topics to clear, when
    BillingStats m_stats;
    std::thread m_thread;
};

} // namespace voltdesk::app
