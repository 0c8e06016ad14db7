// Internal to the store: a writer thread's own PostgreSQL connection, which runs a unit of work in one
// transaction and retries it through lost connections and transient errors until a deadline.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace pqxx {
class connection;       // NOLINT(readability-identifier-naming): libpqxx's name
class transaction_base; // NOLINT(readability-identifier-naming)
} // namespace pqxx

namespace voltdesk::store {

/// How run() ended.
struct SessionResult {
    enum class Outcome {
        Committed,
        Refused, ///< the database (or the work itself) rejected the data; retrying cannot help
        GaveUp,  ///< the database stayed unreachable until the deadline
    };
    Outcome outcome = Outcome::Committed;
    std::string error; ///< one line, for logs and LedgerFailure::reason
};

/// Not thread-safe: owned and used by one writer thread.
class RetryingSession {
public:
    using Clock = std::chrono::steady_clock;

    /// name appears in logs ("ledger", "audit"). prepare runs after every (re)connection, to prepare
    /// the statements the work uses.
    RetryingSession(const std::string& uri, std::string name,
                    std::function<void(pqxx::connection&)> prepare = {});
    ~RetryingSession();
    RetryingSession(const RetryingSession&) = delete;
    RetryingSession& operator=(const RetryingSession&) = delete;

    /// Runs work in a transaction and commits. A lost connection, a commit whose outcome is unknown,
    /// and transient errors (serialization failure, deadlock, shutdown, out of resources) are retried
    /// with backoff while Clock::now() < deadline() (asked again before every retry, so a stop can
    /// shorten it); work may thus run several times and must be idempotent in the database and reset
    /// its own outputs each time. Any other error is Refused at once.
    /// singleStatement: work runs exactly one statement, which commits by itself (autocommit), saving
    /// the BEGIN and COMMIT round trips; it is just as durable when the statement returns.
    SessionResult run(const std::function<void(pqxx::transaction_base&)>& work,
                      const std::function<Clock::time_point()>& deadline, bool singleStatement = false);

private:
    void connect();

    const std::string m_uri;
    const std::string m_name;
    const std::function<void(pqxx::connection&)> m_prepare;
    std::unique_ptr<pqxx::connection> m_connection;
    bool m_reportedDown = false;
};

/// uri with libpq options added that keep a dead server from blocking a writer for minutes (connect
/// timeout, TCP keepalives); options already in the URI are kept. Works on URIs and key=value strings.
std::string withWriterTimeouts(const std::string& uri);

} // namespace voltdesk::store
