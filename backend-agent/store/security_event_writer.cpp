#include "store/security_event_writer.h"

#include "store/sql_text.h"

#include <algorithm>
#include <pqxx/pqxx>
#include <spdlog/spdlog.h>

namespace voltdesk::store {

namespace {
using Clock = std::chrono::steady_clock;
} // namespace

SecurityEventWriter::SecurityEventWriter(std::string uri, SecurityEventWriterOptions options)
    : m_uri(std::move(uri)), m_options(options) {}

SecurityEventWriter::~SecurityEventWriter() {
    stop();
}

void SecurityEventWriter::start() {
    std::lock_guard lock(m_mutex);
    if (!m_thread.joinable() && !m_stopping) {
        m_thread = std::thread([this] { run(); });
    }
}

void SecurityEventWriter::report(const domain::SecurityEvent& event) {
    spdlog::warn("security: event type={} charger={} remote={} severity={} source={} detail=\"{}\"",
                 event.type, event.chargerId, event.remoteAddress, domain::toString(event.severity),
                 domain::toString(event.source), event.detail);
    std::lock_guard lock(m_mutex);
    if (m_stopping || m_queue.size() >= m_options.maxQueued) {
        ++m_stats.dropped;
        const auto now = Clock::now();
        if (now - m_lastDropWarning > std::chrono::seconds(10)) {
            m_lastDropWarning = now;
            spdlog::error("store: security event queue full or stopped; {} events dropped so far",
                          m_stats.dropped);
        }
        return;
    }
    m_queue.push_back(event);
    ++m_enqueued;
    m_wake.notify_one();
}

bool SecurityEventWriter::flush(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    const auto target = m_enqueued;
    m_wake.notify_one();
    return m_progress.wait_for(lock, timeout, [&] { return m_done >= target; });
}

void SecurityEventWriter::stop(std::chrono::milliseconds timeout) {
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopping) {
            m_stopping = true;
            m_stopDeadline = Clock::now() + timeout;
        }
    }
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

SecurityEventWriterStats SecurityEventWriter::stats() const {
    std::lock_guard lock(m_mutex);
    return m_stats;
}

void SecurityEventWriter::run() {
    auto retryDelay = std::chrono::milliseconds(250);
    std::vector<domain::SecurityEvent> batch;
    while (true) {
        {
            std::unique_lock lock(m_mutex);
            if (batch.empty()) {
                m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
                if (m_queue.empty()) {
                    break;
                }
                if (!m_stopping) {
                    m_wake.wait_for(lock, m_options.batchDelay,
                                    [&] { return m_stopping || m_queue.size() >= m_options.maxBatch; });
                }
                const std::size_t n = std::min(m_queue.size(), m_options.maxBatch);
                batch.assign(std::make_move_iterator(m_queue.begin()),
                             std::make_move_iterator(m_queue.begin() + static_cast<std::ptrdiff_t>(n)));
                m_queue.erase(m_queue.begin(), m_queue.begin() + static_cast<std::ptrdiff_t>(n));
            }
        }
        if (write(batch)) {
            retryDelay = std::chrono::milliseconds(250);
        } else {
            // The database is away: keep the batch and wait, unless it is time to give up.
            std::unique_lock lock(m_mutex);
            if (m_stopping && Clock::now() >= m_stopDeadline) {
                const auto left = batch.size() + m_queue.size();
                m_stats.dropped += left;
                m_queue.clear();
                m_done = m_enqueued;
                lock.unlock();
                m_progress.notify_all();
                spdlog::error("store: gave up writing {} security events; the database is unreachable", left);
                break;
            }
            m_wake.wait_for(lock, retryDelay, [&] { return m_stopping && Clock::now() >= m_stopDeadline; });
            retryDelay = std::min(retryDelay * 2, m_options.maxRetryDelay);
            continue;
        }
        {
            std::lock_guard lock(m_mutex);
            m_done += batch.size();
        }
        batch.clear();
        m_progress.notify_all();
    }
    m_connection.reset();
}

bool SecurityEventWriter::write(const std::vector<domain::SecurityEvent>& batch) {
    try {
        if (!m_connection) {
            m_connection = std::make_unique<pqxx::connection>(m_uri);
        }
        insert(batch);
        std::lock_guard lock(m_mutex);
        m_stats.written += batch.size();
        return true;
    } catch (const pqxx::broken_connection& e) {
        if (m_connection) {
            spdlog::warn("store: database unreachable, keeping {} security events: {}", batch.size(),
                         std::string(e.what()).substr(0, 200));
        }
        m_connection.reset();
        return false;
    } catch (const pqxx::in_doubt_error& e) {
        m_connection.reset();
        spdlog::warn("store: connection lost while committing {} security events; they may not be stored: {}",
                     batch.size(), e.what());
        return true;
    } catch (const std::exception& e) {
        if (batch.size() > 1) {
            for (const auto& event : batch) {
                if (!write({event})) {
                    return false; // lost the connection meanwhile; the whole batch is retried
                }
            }
            return true;
        }
        std::lock_guard lock(m_mutex);
        ++m_stats.rejected;
        spdlog::error("store: the database refused a security event of charger={}; skipped: {}",
                      batch.front().chargerId, e.what());
        return true;
    }
}

void SecurityEventWriter::insert(const std::vector<domain::SecurityEvent>& batch) {
    std::vector<std::string> chargers, types, details, remotes, severities, sources;
    // No std::optional in arrays (libpqxx 7.10 overruns on NULL elements, see store_writer.cpp): 0 is none.
    std::vector<std::int64_t> chargerTimes, receivedAt;
    for (const auto& e : batch) {
        chargers.push_back(sqlText(e.chargerId));
        types.push_back(sqlText(e.type));
        details.push_back(sqlText(e.detail));
        remotes.push_back(sqlText(e.remoteAddress));
        severities.emplace_back(domain::toString(e.severity));
        sources.emplace_back(domain::toString(e.source));
        chargerTimes.push_back(e.chargerTime.value_or(0));
        receivedAt.push_back(e.receivedAt);
    }
    pqxx::work tx(*m_connection);
    tx.exec("INSERT INTO security_events (charger_id, type, tech_info, remote_address, severity, source, "
            "charger_time, received_at) "
            "SELECT u.charger, u.type, u.detail, u.remote, u.severity, u.source, "
            "to_timestamp(NULLIF(u.charger_time, 0) / 1000.0), "
            "COALESCE(to_timestamp(NULLIF(u.received, 0) / 1000.0), now()) "
            "FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int8[], "
            "$8::int8[]) AS u(charger, type, detail, remote, severity, source, charger_time, received)",
            pqxx::params{chargers, types, details, remotes, severities, sources, chargerTimes, receivedAt});
    tx.commit();
}

} // namespace voltdesk::store
