// A TransactionLedger in memory that dedupes starts by content like the real one and answers at once,
// for tests of the layers above the store.
#pragma once

#include "domain/transaction_ledger.h"

#include <map>
#include <set>
#include <vector>

namespace voltdesk::testing {

using namespace voltdesk::domain;

/// Dedupes starts by content like the real ledger; answers at once.
class MemoryLedger final : public TransactionLedger {
public:
    void start(TransactionStart s, std::function<void(LedgerResult<TransactionStartResult>)> done) override {
        starts.push_back(s);
        if (failNext) {
            failNext = false;
            done(LedgerFailure{"database down"});
            return;
        }
        for (const auto& [id, known] : byId) {
            if (known.chargerId == s.chargerId && known.connectorId == s.connectorId &&
                known.idTag == s.idTag && known.meterStartWh == s.meterStartWh &&
                known.timestamp == s.timestamp) {
                done(TransactionStartResult{id, known.idTagInfo, true});
                return;
            }
        }
        const int id = nextId++;
        byId.emplace(id, s);
        done(TransactionStartResult{id, s.idTagInfo, false});
    }
    void stop(TransactionStop s, std::function<void(LedgerResult<TransactionStopResult>)> done) override {
        stops.push_back(s);
        if (failNext) {
            failNext = false;
            done(LedgerFailure{"database down"});
            return;
        }
        if (!byId.contains(s.transactionId)) {
            done(TransactionStopResult{StopOutcome::UnknownTransaction, std::nullopt});
        } else if (stopped.contains(s.transactionId)) {
            done(TransactionStopResult{StopOutcome::Replay, std::nullopt});
        } else {
            stopped.insert(s.transactionId);
            done(TransactionStopResult{StopOutcome::Stopped, std::nullopt});
        }
    }
    void meterValues(MeterValuesReport report, std::function<void(LedgerResult<bool>)> done) override {
        meters.push_back(std::move(report));
        done(true);
    }
    std::vector<ActiveTransaction> activeTransactions() override { return {}; }

    std::map<int, TransactionStart> byId;
    std::set<int> stopped;
    std::vector<TransactionStart> starts;
    std::vector<TransactionStop> stops;
    std::vector<MeterValuesReport> meters;
    int nextId = 100;
    bool failNext = false;
};

} // namespace voltdesk::testing
