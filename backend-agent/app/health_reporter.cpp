#include "app/health_reporter.h"

#include "contract/topics.h"
#include "domain/health/status_history_cache.h"
#include "store/health_reader.h"

#include <spdlog/spdlog.h>

namespace voltdesk::app {

namespace {

constexpr std::chrono::seconds kRetryDelay{5};

/// What the thread keeps from one pass to the next.
struct PassState {
    store::HealthReader reader;
    domain::StatusHistoryCache cache;
    bool loaded = false;
};

} // namespace

HealthReporter::HealthReporter(std::string uri, HealthReporterOptions options, Snapshot snapshot,
                               Publish publish, Flush flush)
    : m_uri(std::move(uri)), m_options(options), m_snapshot(std::move(snapshot)),
      m_publish(std::move(publish)), m_flush(std::move(flush)) {}

HealthReporter::~HealthReporter() {
    stop();
}

void HealthReporter::start(contract::EpochMs agentStartedAt) {
    std::lock_guard lock(m_mutex);
    if (!m_thread.joinable() && !m_stopping) {
        m_thread = std::thread([this, agentStartedAt] { run(agentStartedAt); });
    }
}

void HealthReporter::onChargerEvent(const domain::ChargePointEvent& event,
                                    const contract::ChargerState& after) {
    bool relevant = std::holds_alternative<domain::ChargerConnected>(event) ||
                    std::holds_alternative<domain::ChargerDisconnected>(event);
    const auto* status = std::get_if<domain::ConnectorStatusReported>(&event);
    std::lock_guard lock(m_mutex);
    if (status != nullptr) {
        relevant =
            status->status == contract::ConnectorStatus::Faulted || m_faulted.contains(after.chargerId);
    }
    if (!relevant || m_stopping) {
        return;
    }
    if (m_triggered.empty()) {
        m_triggerDue = Clock::now() + m_options.triggerDelay;
    }
    m_triggered.insert(after.chargerId);
    m_wake.notify_one();
}

void HealthReporter::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

HealthReporterStats HealthReporter::stats() const {
    std::lock_guard lock(m_mutex);
    return m_stats;
}

void HealthReporter::run(contract::EpochMs agentStartedAt) {
    PassState state{store::HealthReader(m_uri), {}, false};
    auto nextFull = Clock::now();
    while (true) {
        std::set<std::string> only;
        {
            std::unique_lock lock(m_mutex);
            // The deadline moves when an event arrives, so it is taken again after every wake.
            while (true) {
                const auto due = m_triggered.empty() ? nextFull : std::min(nextFull, m_triggerDue);
                if (m_stopping || Clock::now() >= due) {
                    break;
                }
                m_wake.wait_until(lock, due);
            }
            if (m_stopping) {
                return;
            }
            if (Clock::now() >= nextFull) {
                m_triggered.clear(); // a full pass covers them
            } else {
                only.swap(m_triggered);
            }
        }
        const bool full = only.empty();
        const auto started = Clock::now();
        if (full) {
            nextFull = started + m_options.interval;
        }
        try {
            m_flush();
            const contract::EpochMs now = contract::nowMs();
            const contract::EpochMs month = m_options.windows.month.count();
            state.reader.readNewRecords(
                now - month, month,
                [&](const std::string& id, domain::StatusRecord r) { state.cache.add(id, std::move(r)); });
            if (!state.loaded) {
                state.cache.closeConnectionsAt(agentStartedAt);
                state.loaded = true;
            }
            state.cache.prune(now - month);

            auto chargers = m_snapshot();
            if (!full) {
                std::erase_if(chargers,
                              [&](const contract::ChargerState& c) { return !only.contains(c.chargerId); });
            }
            const auto meters = state.reader.readMeters(
                now, full ? std::vector<std::string>{} : std::vector<std::string>(only.begin(), only.end()));
            std::set<std::string> faulted;
            std::uint64_t published = 0;
            for (const auto& charger : chargers) {
                domain::ChargerHealthData data;
                data.chargerId = charger.chargerId;
                const auto records = state.cache.records(charger.chargerId);
                data.records.assign(records.begin(), records.end());
                data.lastSeen = charger.lastSeen;
                data.online = charger.online;
                if (const auto it = meters.find(charger.chargerId); it != meters.end()) {
                    data.transactions = it->second.transactions;
                    data.powerW = it->second.powerW;
                    data.dayStart = it->second.dayStart;
                }
                const auto health = domain::computeChargerHealth(data, now, m_options.windows);
                if (!domain::conditionOf(data.records).faulted.empty()) {
                    faulted.insert(charger.chargerId);
                }
                m_publish(contract::chargerHealthTopic(charger.siteId, charger.chargerId),
                          contract::encode(health));
                ++published;
            }
            const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
            std::lock_guard lock(m_mutex);
            for (const auto& id : only) {
                m_faulted.erase(id);
            }
            if (full) {
                m_faulted = std::move(faulted);
                ++m_stats.cycles;
                m_stats.lastCycle = took;
                spdlog::debug("health: published chargers={} records={} took_ms={}", published,
                              state.cache.recordCount(), took.count());
            } else {
                m_faulted.merge(faulted);
                ++m_stats.triggered;
            }
            m_stats.published += published;
        } catch (const std::exception& e) {
            spdlog::warn("health: pass failed, retrying at the next one: {}",
                         std::string(e.what()).substr(0, 300));
            if (!state.loaded) {
                state.cache = domain::StatusHistoryCache{}; // the first load starts over
            }
            std::lock_guard lock(m_mutex);
            ++m_stats.failures;
            if (full) {
                nextFull = std::min(nextFull, Clock::now() + kRetryDelay);
            } else {
                m_triggered.merge(only); // try these again with the next pass
                m_triggerDue = Clock::now() + m_options.triggerDelay;
            }
        }
    }
}

} // namespace voltdesk::app
