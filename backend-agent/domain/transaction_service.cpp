#include "domain/transaction_service.h"

#include <algorithm>
#include <utility>

namespace voltdesk::domain {

TransactionService::TransactionService(IdTagRegistry& idTags, TransactionLedger& ledger, Clock clock)
    : m_idTags(idTags), m_ledger(ledger), m_clock(clock ? std::move(clock) : Clock(contract::nowMs)) {}

void TransactionService::loadActive(const std::vector<ActiveTransaction>& active) {
    std::lock_guard lock(m_mutex);
    m_active.clear();
    for (const auto& t : active) {
        m_active.insert_or_assign(t.transactionId, t);
    }
}

IdTagInfo TransactionService::authorize(std::string_view idTag) const {
    return m_idTags.authorize(idTag, m_clock());
}

bool TransactionService::openElsewhere(const TransactionStart& start) const {
    return std::any_of(m_active.begin(), m_active.end(), [&](const auto& entry) {
        const ActiveTransaction& t = entry.second;
        const bool sameStart = t.chargerId == start.chargerId && t.connectorId == start.connectorId &&
                               t.startedAt == start.timestamp && t.meterStartWh == start.meterStartWh;
        return t.idTag == start.idTag && !sameStart;
    });
}

void TransactionService::start(TransactionStart start,
                               std::function<void(LedgerResult<TransactionStartResult>)> done) {
    start.idTagInfo = m_idTags.authorize(start.idTag, m_clock());
    if (start.idTagInfo.status == AuthorizationStatus::Accepted) {
        std::lock_guard lock(m_mutex);
        if (openElsewhere(start)) {
            start.idTagInfo.status = AuthorizationStatus::ConcurrentTx;
        }
    }
    ActiveTransaction opened{0,           start.chargerId,    start.connectorId,
                             start.idTag, start.meterStartWh, start.timestamp};
    m_ledger.start(std::move(start), [this, opened = std::move(opened), done = std::move(done)](
                                         LedgerResult<TransactionStartResult> result) mutable {
        if (const auto* ok = std::get_if<TransactionStartResult>(&result)) {
            opened.transactionId = ok->transactionId;
            std::lock_guard lock(m_mutex);
            // A replay of a start that was stopped since must not reopen it.
            if (!ok->replay || m_active.contains(ok->transactionId)) {
                m_active.insert_or_assign(opened.transactionId, opened);
            }
        }
        done(std::move(result));
    });
}

void TransactionService::stop(TransactionStop stop,
                              std::function<void(LedgerResult<TransactionStopResult>)> done) {
    if (stop.idTag) {
        stop.idTagInfo = m_idTags.authorize(*stop.idTag, m_clock());
    }
    const int id = stop.transactionId;
    m_ledger.stop(std::move(stop),
                  [this, id, done = std::move(done)](LedgerResult<TransactionStopResult> result) {
                      if (const auto* ok = std::get_if<TransactionStopResult>(&result);
                          ok && ok->outcome == StopOutcome::Stopped) {
                          std::lock_guard lock(m_mutex);
                          m_active.erase(id);
                      }
                      done(std::move(result));
                  });
}

void TransactionService::meterValues(MeterValuesReport report, std::function<void(LedgerResult<bool>)> done) {
    m_ledger.meterValues(std::move(report), std::move(done));
}

std::vector<ActiveTransaction> TransactionService::active() const {
    std::vector<ActiveTransaction> result;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [id, t] : m_active) {
            result.push_back(t);
        }
    }
    std::sort(result.begin(), result.end(), [](const ActiveTransaction& a, const ActiveTransaction& b) {
        return a.transactionId < b.transactionId;
    });
    return result;
}

} // namespace voltdesk::domain
