// The central system's side of charging transactions: decides about id tags, hands every message to
// the ledger to be made durable, and keeps an index of open transactions for ConcurrentTx.
#pragma once

#include "domain/id_tag_registry.h"
#include "domain/transaction_ledger.h"

#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace voltdesk::domain {

/// Told about transactions as they happen, for live views (telemetry, the session on a connector).
/// Never delays or changes an answer to the charger; must be quick and must not throw.
class TransactionObserver {
public:
    virtual ~TransactionObserver() = default;
    /// On the reporting thread, when the report arrives (before it is stored).
    virtual void onMeterValues(const MeterValuesReport& report) = 0;
    /// On the ledger's thread, after the start is stored and the charger answered; again for a replay
    /// of a start that is still open.
    virtual void onTransactionStarted(const ActiveTransaction& transaction) = 0;
    /// On the ledger's thread, after the stop is stored and the charger answered; not for replays.
    /// transaction is what the open transaction was (connectorId 0 if it was not known to be open).
    virtual void onTransactionStopped(const ActiveTransaction& transaction, const TransactionStop& stop) = 0;
};

/// Thread-safe; called from every I/O thread. The callbacks run on the ledger's thread.
class TransactionService {
public:
    using Clock = std::function<contract::EpochMs()>;

    TransactionService(IdTagRegistry& idTags, TransactionLedger& ledger, Clock clock = {});

    /// The open transactions as stored, at start-up.
    void loadActive(const std::vector<ActiveTransaction>& active);
    /// Before any traffic; the observer must outlive this object's use.
    void addObserver(TransactionObserver* observer);

    /// Authorize: the registry's answer. Never ConcurrentTx: chargers also authorize the card that
    /// ends its own session.
    IdTagInfo authorize(std::string_view idTag) const;

    /// Decides idTagInfo (the registry's answer, or ConcurrentTx when an accepted tag already has an
    /// open transaction elsewhere) and records the start. A replay answers what was stored first.
    void start(TransactionStart start, std::function<void(LedgerResult<TransactionStartResult>)> done);
    /// Decides idTagInfo for the stopping tag, if any, and records the stop.
    void stop(TransactionStop stop, std::function<void(LedgerResult<TransactionStopResult>)> done);
    void meterValues(MeterValuesReport report, std::function<void(LedgerResult<bool>)> done);

    std::vector<ActiveTransaction> active() const;

private:
    bool openElsewhere(const TransactionStart& start) const; // m_mutex held
    void open(const ActiveTransaction& transaction);         // m_mutex held
    void close(int transactionId);                           // m_mutex held

    IdTagRegistry& m_idTags;
    TransactionLedger& m_ledger;
    Clock m_clock;
    mutable std::mutex m_mutex;
    std::unordered_map<int, ActiveTransaction> m_active; ///< by transaction id
    /// Open transaction ids by id tag, so a start checks ConcurrentTx without scanning every session.
    std::unordered_map<std::string, std::vector<int>> m_openByTag;
    std::vector<TransactionObserver*> m_observers;
};

} // namespace voltdesk::domain
