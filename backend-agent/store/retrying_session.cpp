#include "store/retrying_session.h"

#include <algorithm>
#include <pqxx/pqxx>
#include <spdlog/spdlog.h>
#include <thread>
#include <utility>

namespace voltdesk::store {

namespace {

constexpr std::chrono::milliseconds kFirstRetryDelay{100};
constexpr std::chrono::milliseconds kMaxRetryDelay{2'000};
constexpr std::chrono::milliseconds kSleepSlice{50};

std::string oneLine(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '\n' || c == '\t' || c == '\r') {
            if (!out.empty() && out.back() != ' ') {
                out += ' ';
            }
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out.substr(0, 300);
}

/// Worth retrying: the same statement may well succeed a moment later.
bool isTransient(const std::string& sqlstate) {
    return sqlstate.starts_with("08")     // connection exception
           || sqlstate.starts_with("40")  // transaction rollback: serialization failure, deadlock
           || sqlstate.starts_with("53")  // insufficient resources
           || sqlstate.starts_with("57")  // operator intervention: shutdown, cancel
           || sqlstate.starts_with("58"); // system error (I/O)
}

} // namespace

std::string withWriterTimeouts(const std::string& uri) {
    const std::pair<const char*, const char*> options[] = {
        {"connect_timeout", "5"},
        {"keepalives_idle", "10"},
        {"keepalives_interval", "5"},
        {"keepalives_count", "3"},
    };
    const bool isUri = uri.find("://") != std::string::npos;
    std::string out = uri;
    for (const auto& [key, value] : options) {
        if (uri.find(std::string(key) + "=") != std::string::npos) {
            continue;
        }
        if (isUri) {
            out += out.find('?') == std::string::npos ? '?' : '&';
        } else if (!out.empty()) {
            out += ' ';
        }
        out += std::string(key) + "=" + value;
    }
    return out;
}

RetryingSession::RetryingSession(const std::string& uri, std::string name,
                                 std::function<void(pqxx::connection&)> prepare)
    : m_uri(withWriterTimeouts(uri)), m_name(std::move(name)), m_prepare(std::move(prepare)) {}

RetryingSession::~RetryingSession() = default;

void RetryingSession::connect() {
    auto connection = std::make_unique<pqxx::connection>(m_uri);
    if (m_prepare) {
        m_prepare(*connection);
    }
    m_connection = std::move(connection);
}

SessionResult RetryingSession::run(const std::function<void(pqxx::transaction_base&)>& work,
                                   const std::function<Clock::time_point()>& deadline, bool singleStatement) {
    auto delay = kFirstRetryDelay;
    while (true) {
        std::string failure;
        try {
            if (!m_connection) {
                connect();
            }
            if (singleStatement) {
                pqxx::nontransaction tx(*m_connection);
                work(tx);
            } else {
                pqxx::work tx(*m_connection);
                work(tx);
                tx.commit();
            }
            if (m_reportedDown) {
                m_reportedDown = false;
                spdlog::info("store: {} writer reaches the database again", m_name);
            }
            return {};
        } catch (const pqxx::broken_connection& e) {
            m_connection.reset();
            failure = oneLine(e.what());
        } catch (const pqxx::in_doubt_error& e) {
            // Whether the commit happened is unknown; the work is idempotent, so doing it again is safe.
            m_connection.reset();
            failure = "connection lost during commit: " + oneLine(e.what());
        } catch (const pqxx::sql_error& e) {
            if (!isTransient(e.sqlstate())) {
                return {SessionResult::Outcome::Refused, oneLine(e.what())};
            }
            failure = oneLine(e.what());
            if (m_connection && !m_connection->is_open()) {
                m_connection.reset();
            }
        } catch (const std::exception& e) {
            if (m_connection && m_connection->is_open()) {
                return {SessionResult::Outcome::Refused, oneLine(e.what())};
            }
            m_connection.reset();
            failure = oneLine(e.what());
        }
        if (!m_reportedDown) {
            m_reportedDown = true;
            spdlog::warn("store: {} writer cannot reach the database, retrying: {}", m_name, failure);
        }
        const auto retryAt = Clock::now() + delay;
        while (true) {
            const auto now = Clock::now();
            const auto limit = deadline();
            if (now >= limit) {
                return {SessionResult::Outcome::GaveUp, "database unreachable: " + failure};
            }
            if (now >= retryAt) {
                break;
            }
            std::this_thread::sleep_for(std::min({retryAt - now, limit - now, Clock::duration(kSleepSlice)}));
        }
        delay = std::min(delay * 2, kMaxRetryDelay);
    }
}

} // namespace voltdesk::store
