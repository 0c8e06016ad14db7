// The TransactionLedger on PostgreSQL, with group commit: one writer thread writes everything queued
// in one database transaction, then answers every caller of the batch.
#pragma once

#include "domain/transaction_ledger.h"
#include "store/batch_queue.h"
#include "store/ledger_batch.h"
#include "store/retrying_session.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace voltdesk::store {

struct PgTransactionLedgerOptions {
    /// Calls waiting beyond this are answered LedgerFailure at once (the charger retries later), so a
    /// stalled database cannot eat the agent's memory.
    std::size_t maxQueued = 100'000;
    /// Calls written in one database transaction at most.
    std::size_t maxBatch = 2'000;
    /// How long the first call of a batch waits for others to join it. 0: a batch is whatever queued
    /// while the previous one was written, which adapts to load by itself; a little more trades
    /// latency for fewer commits (less CPU in PostgreSQL) when the machine is busy.
    std::chrono::microseconds batchDelay{0};
    /// How long a call may wait for an unreachable database before it is answered LedgerFailure.
    std::chrono::milliseconds unreachableDeadline{10'000};
};

struct TransactionLedgerStats {
    std::uint64_t committed = 0; ///< calls answered after their batch committed
    std::uint64_t batches = 0;   ///< database transactions committed
    std::uint64_t failures = 0;  ///< calls answered LedgerFailure
    std::uint64_t replays = 0;   ///< starts and stops recorded before (answered, nothing changed)
    std::uint64_t reviews = 0;   ///< stops of unknown transactions, kept for review
};

/// Thread-safe; start(), stop() and meterValues() never block (a mutex held for a queue push). The
/// writer thread starts in the constructor and connects on its own, retrying while the server is
/// down. Callbacks run on the writer thread, in arrival order, after their batch committed. Every
/// write is idempotent by content, so a batch whose commit was lost in transit is simply written again;
/// a start or stop found stored with the same receivedAt as the call is that call's own earlier
/// attempt, and is answered as new (not replay), so receivedAt must be set per received message.
/// A batch the database refuses is split in halves until the refused calls are found; only they fail.
class PgTransactionLedger final : public domain::TransactionLedger {
public:
    explicit PgTransactionLedger(std::string uri, PgTransactionLedgerOptions options = {});
    /// Calls stop().
    ~PgTransactionLedger() override;
    PgTransactionLedger(const PgTransactionLedger&) = delete;
    PgTransactionLedger& operator=(const PgTransactionLedger&) = delete;

    void start(domain::TransactionStart start,
               std::function<void(domain::LedgerResult<domain::TransactionStartResult>)> done) override;
    void stop(domain::TransactionStop stop,
              std::function<void(domain::LedgerResult<domain::TransactionStopResult>)> done) override;
    void meterValues(domain::MeterValuesReport report,
                     std::function<void(domain::LedgerResult<bool>)> done) override;
    /// Opens its own connection; throws StoreError when the database cannot answer.
    std::vector<domain::ActiveTransaction> activeTransactions() override;

    /// Waits until every call made before has been answered. false on timeout.
    bool flush(std::chrono::milliseconds timeout);
    /// Writes what is queued (giving up on the database after timeout: those calls get LedgerFailure)
    /// and ends the thread. Calls made afterwards are answered LedgerFailure on the caller's thread.
    /// Idempotent.
    void shutdown(std::chrono::milliseconds timeout = std::chrono::milliseconds(10'000));
    TransactionLedgerStats stats() const;

private:
    using Clock = std::chrono::steady_clock;
    using Done = std::variant<std::function<void(domain::LedgerResult<domain::TransactionStartResult>)>,
                              std::function<void(domain::LedgerResult<domain::TransactionStopResult>)>,
                              std::function<void(domain::LedgerResult<bool>)>>;
    struct Item {
        ledger::Call call;
        Done done;
        Clock::time_point enqueuedAt;
        bool overflow = false; ///< the queue was full: answered LedgerFailure without a write
    };

    void enqueue(ledger::Call call, Done done);
    void process(std::vector<Item>& batch);
    void write(std::span<Item*> items);
    void fail(Item& item, const std::string& reason);
    void answer(Item& item, ledger::Answer result);

    const std::string m_uri;
    const PgTransactionLedgerOptions m_options;
    RetryingSession m_session; // writer thread only

    mutable std::mutex m_statsMutex;
    TransactionLedgerStats m_stats;

    BatchQueue<Item> m_queue; // last: its thread uses the members above
};

} // namespace voltdesk::store
