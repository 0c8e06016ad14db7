// Where transactions are made durable. A charger's transaction message is answered only after its
// content is committed, so an acknowledged transaction survives any crash of the agent.
#pragma once

#include "domain/transactions.h"

#include <functional>
#include <string>
#include <variant>
#include <vector>

namespace voltdesk::domain {

/// Why a write did not happen (database unreachable past the deadline, say). The adapter answers the
/// charger with an error so that it retries; the charger keeps the message meanwhile.
struct LedgerFailure {
    std::string reason;
};

template <typename T> using LedgerResult = std::variant<T, LedgerFailure>;

/// An open transaction, as a charger that reconnects or the console needs it.
struct ActiveTransaction {
    int transactionId = 0;
    std::string chargerId;
    int connectorId = 0;
    std::string idTag;
    std::int64_t meterStartWh = 0;
    EpochMs startedAt = 0;
};

/// Thread-safe. Every call returns at once; done runs later, on the ledger's own thread, after the
/// write committed (or failed for good). Implementations batch writes from many chargers into one
/// commit, so done must be quick and must not call back into the ledger synchronously.
class TransactionLedger {
public:
    virtual ~TransactionLedger() = default;

    /// Records a start, or finds the identical start recorded before (same charger, connector, id tag,
    /// meter start and timestamp) and answers with its transaction id and stored idTagInfo.
    virtual void start(TransactionStart start,
                       std::function<void(LedgerResult<TransactionStartResult>)> done) = 0;
    /// Records a stop with its transaction data. A second stop of the same transaction changes
    /// nothing (Replay); a stop of a transaction this charger never started is kept for review.
    virtual void stop(TransactionStop stop,
                      std::function<void(LedgerResult<TransactionStopResult>)> done) = 0;
    /// Records meter readings; identical readings sent again are stored once.
    virtual void meterValues(MeterValuesReport report, std::function<void(LedgerResult<bool>)> done) = 0;

    /// Transactions not stopped yet (blocking; for start-up and tests, not for the I/O threads).
    virtual std::vector<ActiveTransaction> activeTransactions() = 0;
};

} // namespace voltdesk::domain
