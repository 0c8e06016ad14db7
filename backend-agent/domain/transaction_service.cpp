#include "domain/transaction_service.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace voltdesk::domain {

TransactionService::TransactionService(IdTagRegistry& idTags, TransactionLedger& ledger, Clock clock)
    : m_idTags(idTags), m_ledger(ledger), m_clock(clock ? std::move(clock) : Clock(contract::nowMs)) {}

void TransactionService::loadActive(const std::vector<ActiveTransaction>& active) {
    std::lock_guard lock(m_mutex);
    m_active.clear();
    m_openByTag.clear();
    for (const auto& t : active) {
        open(t);
    }
}

void TransactionService::open(const ActiveTransaction& transaction) {
    close(transaction.transactionId);
    m_active.insert_or_assign(transaction.transactionId, transaction);
    m_openByTag[transaction.idTag].push_back(transaction.transactionId);
}

void TransactionService::close(int transactionId) {
    const auto it = m_active.find(transactionId);
    if (it == m_active.end()) {
        return;
    }
    const auto tag = m_openByTag.find(it->second.idTag);
    if (tag != m_openByTag.end()) {
        std::erase(tag->second, transactionId);
        if (tag->second.empty()) {
            m_openByTag.erase(tag);
        }
    }
    m_active.erase(it);
}

void TransactionService::addObserver(TransactionObserver* observer) {
    m_observers.push_back(observer);
}

IdTagInfo TransactionService::authorize(std::string_view idTag) const {
    return m_idTags.authorize(idTag, m_clock());
}

bool TransactionService::openElsewhere(const TransactionStart& start) const {
    const auto tag = m_openByTag.find(start.idTag);
    if (tag == m_openByTag.end()) {
        return false;
    }
    return std::any_of(tag->second.begin(), tag->second.end(), [&](int id) {
        const ActiveTransaction& t = m_active.at(id);
        const bool sameStart = t.chargerId == start.chargerId && t.connectorId == start.connectorId &&
                               t.startedAt == start.timestamp && t.meterStartWh == start.meterStartWh;
        return !sameStart;
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
        bool isOpen = false;
        if (const auto* ok = std::get_if<TransactionStartResult>(&result)) {
            opened.transactionId = ok->transactionId;
            std::lock_guard lock(m_mutex);
            // A replay of a start that was stopped since must not reopen it.
            if (!ok->replay || m_active.contains(ok->transactionId)) {
                open(opened);
                isOpen = true;
            }
        }
        done(std::move(result));
        if (isOpen) {
            for (TransactionObserver* observer : m_observers) {
                observer->onTransactionStarted(opened);
            }
        }
    });
}

void TransactionService::stop(TransactionStop stop,
                              std::function<void(LedgerResult<TransactionStopResult>)> done) {
    if (stop.idTag) {
        stop.idTagInfo = m_idTags.authorize(*stop.idTag, m_clock());
    }
    const int id = stop.transactionId;
    auto decided = stop.idTagInfo; // before stop is moved into the call
    // What observers are told; transactionData stays with the ledger, they do not need it.
    std::optional<TransactionStop> observed;
    if (!m_observers.empty()) {
        observed = stop;
        observed->transactionData.clear();
    }
    m_ledger.stop(std::move(stop), [this, id, decided = std::move(decided), observed = std::move(observed),
                                    done = std::move(done)](LedgerResult<TransactionStopResult> result) {
        std::optional<ActiveTransaction> closed;
        if (auto* ok = std::get_if<TransactionStopResult>(&result)) {
            ok->idTagInfo = decided;
            if (ok->outcome == StopOutcome::Stopped) {
                std::lock_guard lock(m_mutex);
                const auto it = m_active.find(id);
                if (it != m_active.end()) {
                    closed = it->second;
                } else {
                    closed.emplace().transactionId = id;
                    closed->chargerId = observed ? observed->chargerId : std::string();
                }
                close(id);
            }
        }
        done(std::move(result));
        if (closed && observed) {
            for (TransactionObserver* observer : m_observers) {
                observer->onTransactionStopped(*closed, *observed);
            }
        }
    });
}

void TransactionService::meterValues(MeterValuesReport report, std::function<void(LedgerResult<bool>)> done) {
    for (TransactionObserver* observer : m_observers) {
        observer->onMeterValues(report);
    }
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
