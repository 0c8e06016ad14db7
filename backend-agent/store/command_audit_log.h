// Who sent which command to which charger, and how it ended: written in the background so that
// sending a command never waits for the database.
#pragma once

#include "contract/iso8601.h"
#include "store/batch_queue.h"
#include "store/retrying_session.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace voltdesk::store {

/// A command as an operator sent it.
struct CommandRequestRecord {
    std::string requestId;  ///< the console's id of the request; links the outcome to it
    std::string operatorId; ///< who sent it, as authenticated
    std::string role;       ///< the role it was allowed under
    std::string chargerId;
    std::string action;                ///< the protocol's action, e.g. "RemoteStartTransaction"
    nlohmann::json request = nullptr;  ///< the payload as sent
    contract::EpochMs requestedAt = 0; ///< 0: now
};

/// How a command ended when the charger gave no answer of its own.
enum class CommandFailure { Failed, Timeout, Offline, Refused };
std::string_view toString(CommandFailure failure);

struct CommandOutcomeRecord {
    std::string requestId;
    /// The charger's status ("Accepted", "Rejected", "Unlocked", ...) or toString(CommandFailure).
    std::string outcome;
    nlohmann::json response = nullptr; ///< the charger's answer; null when there was none
    std::string error;                 ///< why it failed; empty when the charger answered
    contract::EpochMs completedAt = 0; ///< 0: now
};

struct CommandAuditOptions {
    std::size_t maxQueued = 10'000; ///< records beyond are dropped with a warning
    std::size_t maxBatch = 500;
    std::chrono::milliseconds batchDelay{20};
    /// How long records wait for an unreachable database before they are dropped (logged).
    std::chrono::milliseconds unreachableDeadline{60'000};
};

struct CommandAuditStats {
    std::uint64_t written = 0;  ///< records committed
    std::uint64_t dropped = 0;  ///< queue full, database unreachable past the deadline, or shut down
    std::uint64_t rejected = 0; ///< refused by the database (logged)
    std::uint64_t batches = 0;
};

/// Thread-safe, never blocks the caller. Requests and outcomes are written in the order they were
/// recorded; an outcome whose request was never recorded still gets its row. Writes are upserts by
/// request id, so retrying a batch never duplicates a row.
class CommandAuditLog {
public:
    explicit CommandAuditLog(const std::string& uri, CommandAuditOptions options = {});
    /// Calls stop().
    ~CommandAuditLog();
    CommandAuditLog(const CommandAuditLog&) = delete;
    CommandAuditLog& operator=(const CommandAuditLog&) = delete;

    void recordRequest(CommandRequestRecord record);
    void recordOutcome(CommandOutcomeRecord record);
    void recordOutcome(std::string requestId, std::string outcome, nlohmann::json response = nullptr,
                       std::string error = {});

    /// Waits until every record made before has been written or given up. false on timeout.
    bool flush(std::chrono::milliseconds timeout);
    /// Writes what is queued (giving up after timeout) and ends the thread. Idempotent.
    void stop(std::chrono::milliseconds timeout = std::chrono::milliseconds(5'000));
    CommandAuditStats stats() const;

private:
    using Clock = std::chrono::steady_clock;
    struct Item {
        std::variant<CommandRequestRecord, CommandOutcomeRecord> record;
        Clock::time_point enqueuedAt;
    };

    void enqueue(Item item);
    void write(std::span<Item> items);
    void count(std::uint64_t CommandAuditStats::* field, std::uint64_t n);

    const CommandAuditOptions m_options;
    RetryingSession m_session; // writer thread only

    mutable std::mutex m_statsMutex;
    CommandAuditStats m_stats;
    Clock::time_point m_lastDropWarning{};

    BatchQueue<Item> m_queue; // last: its thread uses the members above
};

} // namespace voltdesk::store
