#include "app/billing_service.h"

#include "app/session_rater.h"
#include "contract/topics.h"

#include <algorithm>
#include <spdlog/spdlog.h>

namespace voltdesk::app {

BillingService::BillingService(const std::string& uri, std::string agentId, Publish publish,
                               BillingServiceOptions options)
    : m_agentId(std::move(agentId)), m_publish(std::move(publish)), m_options(std::move(options)),
      m_store(uri) {}

BillingService::~BillingService() {
    stop();
}

void BillingService::start() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
        m_nextSweep = Clock::now() + m_options.sweepInterval;
    }
    enqueue({Job::Kind::Sweep, 0});
    m_thread = std::thread([this] { run(); });
}

void BillingService::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
        clearDue(); // the sessions that ended: their cost topics are cleared now rather than left
    }
    m_progress.notify_all();
}

bool BillingService::flush(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    const auto target = m_queued;
    return m_progress.wait_for(lock, timeout, [&] { return m_done >= target; });
}

BillingStats BillingService::stats() const {
    std::lock_guard lock(m_mutex);
    return m_stats;
}

void BillingService::onMeterValues(const domain::MeterValuesReport& report) {
    if (!report.transactionId) {
        return; // readings outside a named transaction: the stop's record will include them if attached
    }
    const auto now = Clock::now();
    {
        std::lock_guard lock(m_mutex);
        auto& last = m_lastLive[{report.chargerId, report.connectorId}];
        if (now - last < m_options.liveInterval || m_pendingLive.contains(*report.transactionId)) {
            return;
        }
        last = now;
    }
    enqueue({Job::Kind::Live, *report.transactionId});
}

void BillingService::onTransactionStarted(const domain::ActiveTransaction& transaction) {
    enqueue({Job::Kind::Live, transaction.transactionId});
}

void BillingService::onTransactionStopped(const domain::ActiveTransaction& /*transaction*/,
                                          const domain::TransactionStop& stop) {
    enqueue({Job::Kind::Stop, stop.transactionId});
}

void BillingService::enqueue(Job job) {
    {
        std::lock_guard lock(m_mutex);
        if (job.kind == Job::Kind::Live && !m_pendingLive.insert(job.transactionId).second) {
            return;
        }
        m_jobs.push_back(job);
        ++m_queued;
    }
    m_wake.notify_one();
}

void BillingService::run() {
    std::unique_lock lock(m_mutex);
    while (true) {
        auto wakeAt = m_nextSweep;
        for (const auto& [topic, due] : m_clears) {
            wakeAt = std::min(wakeAt, due);
        }
        m_wake.wait_until(lock, wakeAt, [&] { return m_stopping || !m_jobs.empty(); });
        if (m_stopping) {
            break;
        }
        if (!m_clears.empty()) {
            lock.unlock();
            clearDue();
            lock.lock();
        }
        if (m_jobs.empty() && Clock::now() < m_nextSweep) {
            continue;
        }
        if (m_jobs.empty()) {
            m_nextSweep = Clock::now() + m_options.sweepInterval;
            m_jobs.push_back({Job::Kind::Sweep, 0});
            ++m_queued;
        }
        const Job job = m_jobs.front();
        m_jobs.pop_front();
        if (job.kind == Job::Kind::Live) {
            m_pendingLive.erase(job.transactionId);
        }
        lock.unlock();
        bool failed = false;
        try {
            process(job);
        } catch (const std::exception& e) {
            failed = true;
            spdlog::warn("billing: transaction {} not billed yet (the sweep retries): {}", job.transactionId,
                         e.what());
        }
        lock.lock();
        ++m_done;
        m_stats.failures += failed ? 1 : 0;
        m_progress.notify_all();
    }
}

void BillingService::process(const Job& job) {
    switch (job.kind) {
    case Job::Kind::Sweep:
        sweep();
        return;
    case Job::Kind::Stop:
        record(job.transactionId);
        return;
    case Job::Kind::Live: {
        const auto facts = m_store.sessionFacts(job.transactionId);
        if (!facts || facts->stop) {
            return; // stopped meanwhile: the stop's job publishes the final cost
        }
        publishLive(*facts, rateStoredSession(m_store, *facts, 1, "live", m_agentId, contract::nowMs()));
        return;
    }
    }
}

void BillingService::publishLive(const billing::SessionFacts& facts,
                                 const contract::ChargeDetailRecord& record) {
    if (facts.siteId.empty()) {
        return; // a charger outside the inventory has no site, so no topic
    }
    const auto topic = contract::sessionCostTopic(facts.siteId, facts.chargerId, facts.connectorId);
    m_publish(topic, contract::encode(record), 1, true);
    std::lock_guard lock(m_mutex);
    m_clears.erase(topic); // a new session on the connector
    ++m_stats.liveCosts;
}

void BillingService::clearDue() {
    std::vector<std::string> due;
    {
        std::lock_guard lock(m_mutex);
        const auto now = Clock::now();
        for (auto it = m_clears.begin(); it != m_clears.end();) {
            if (it->second <= now || m_stopping) {
                due.push_back(it->first);
                it = m_clears.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (auto& topic : due) {
        m_publish(std::move(topic), {}, 1, true);
    }
}

void BillingService::record(int transactionId) {
    if (m_options.beforeRecord) {
        m_options.beforeRecord();
    }
    const auto facts = m_store.sessionFacts(transactionId);
    if (!facts || !facts->stop) {
        return;
    }
    const auto rated = rateStoredSession(m_store, *facts, 1, "stop", m_agentId, contract::nowMs());
    const auto stored = m_store.insertFirstVersion(rated);
    if (stored.total != rated.total || stored.lines != rated.lines) {
        spdlog::info("billing: {} was recorded before (total {}); kept as it is", stored.cdrId, stored.total);
    }
    if (!facts->siteId.empty()) {
        // The last live cost is the record itself, so what the console showed at the end is the bill.
        auto finalCost = stored;
        finalCost.provisional = true;
        publishLive(*facts, finalCost);
        m_publish(contract::siteCdrTopic(facts->siteId), contract::encode(stored), 1, false);
    }
    std::lock_guard lock(m_mutex);
    if (!facts->siteId.empty()) {
        m_clears[contract::sessionCostTopic(facts->siteId, facts->chargerId, facts->connectorId)] =
            Clock::now() + m_options.clearDelay;
    }
    ++m_stats.recorded;
}

void BillingService::sweep() {
    constexpr int kBatch = 500;
    int after = 0;
    std::size_t recorded = 0;
    while (true) {
        const auto pending = m_store.finishedWithoutCdr(after, kBatch);
        for (const int transactionId : pending) {
            {
                std::lock_guard lock(m_mutex);
                if (m_stopping) {
                    return;
                }
            }
            after = transactionId;
            try {
                record(transactionId);
                ++recorded;
            } catch (const std::exception& e) {
                spdlog::warn("billing: transaction {} not billed yet (the next sweep retries): {}",
                             transactionId, e.what());
                std::lock_guard lock(m_mutex);
                ++m_stats.failures;
            }
        }
        if (pending.size() < kBatch) {
            if (recorded > 0) {
                spdlog::info("billing: recorded {} finished transactions that had no record", recorded);
            }
            return;
        }
    }
}

} // namespace voltdesk::app
