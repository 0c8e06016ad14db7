// GCC 14 at -O2 sees a "maybe uninitialized" variant inside pqxx::params::append of a string array
// in this file only (a false positive; the same code elsewhere does not trigger it).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "store/command_audit_log.h"

#include "store/sql_text.h"

#include <atomic>
#include <map>
#include <pqxx/pqxx>
#include <spdlog/spdlog.h>
#include <utility>

namespace voltdesk::store {

namespace {

constexpr const char* kRequestSql = R"sql(
INSERT INTO command_audit (request_id, operator, role, charger_id, action, request, requested_at)
SELECT id, op, role, charger, action, NULLIF(request, '')::jsonb,
       COALESCE(to_timestamp(NULLIF(at_ms, 0) / 1000.0), now())
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int8[])
     AS u(id, op, role, charger, action, request, at_ms)
ON CONFLICT (request_id) DO UPDATE SET operator = EXCLUDED.operator, role = EXCLUDED.role,
    charger_id = EXCLUDED.charger_id, action = EXCLUDED.action, request = EXCLUDED.request,
    requested_at = EXCLUDED.requested_at
)sql";

constexpr const char* kOutcomeSql = R"sql(
INSERT INTO command_audit (request_id, outcome, response, error, completed_at)
SELECT id, outcome, NULLIF(response, '')::jsonb, error, COALESCE(to_timestamp(NULLIF(at_ms, 0) / 1000.0), now())
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int8[]) AS u(id, outcome, response, error, at_ms)
ON CONFLICT (request_id) DO UPDATE SET outcome = EXCLUDED.outcome, response = EXCLUDED.response,
    error = EXCLUDED.error, completed_at = EXCLUDED.completed_at
)sql";

/// JSON as jsonb accepts it: '' for null (stored as SQL NULL), invalid UTF-8 replaced, and no \u0000,
/// which jsonb refuses.
std::string jsonbText(const nlohmann::json& value) {
    if (value.is_null()) {
        return {};
    }
    const std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\') {
            if (text.compare(i, 6, "\\u0000") == 0) {
                i += 5;
                continue;
            }
            out += text[i++]; // an escape: copy its second character too, so "\\u0000" stays text
        }
        if (i < text.size()) {
            out += text[i];
        }
    }
    return out;
}

std::string uniqueFallbackId() {
    static std::atomic<std::uint64_t> counter{0};
    return "unidentified-" + std::to_string(contract::nowMs()) + "-" + std::to_string(++counter);
}

} // namespace

std::string_view toString(CommandFailure failure) {
    switch (failure) {
    case CommandFailure::Failed:
        return "Failed";
    case CommandFailure::Timeout:
        return "Timeout";
    case CommandFailure::Offline:
        return "Offline";
    case CommandFailure::Refused:
        return "Refused";
    }
    return "Failed";
}

CommandAuditLog::CommandAuditLog(const std::string& uri, CommandAuditOptions options)
    : m_options(options), m_session(uri, "audit",
                                    [](pqxx::connection& c) {
                                        c.prepare("audit_request", kRequestSql);
                                        c.prepare("audit_outcome", kOutcomeSql);
                                    }),
      m_queue(options.maxBatch, options.batchDelay, [this](std::vector<Item>& batch) { write(batch); }) {
    m_queue.start();
}

CommandAuditLog::~CommandAuditLog() {
    stop();
}

void CommandAuditLog::recordRequest(CommandRequestRecord record) {
    if (record.requestId.empty()) {
        record.requestId = uniqueFallbackId();
    }
    if (record.requestedAt == 0) {
        record.requestedAt = contract::nowMs();
    }
    enqueue(Item{std::move(record), Clock::now()});
}

void CommandAuditLog::recordOutcome(CommandOutcomeRecord record) {
    if (record.completedAt == 0) {
        record.completedAt = contract::nowMs();
    }
    enqueue(Item{std::move(record), Clock::now()});
}

void CommandAuditLog::recordOutcome(std::string requestId, std::string outcome, nlohmann::json response,
                                    std::string error) {
    recordOutcome(CommandOutcomeRecord{std::move(requestId), std::move(outcome), std::move(response),
                                       std::move(error), contract::nowMs()});
}

void CommandAuditLog::enqueue(Item item) {
    if (m_queue.size() < m_options.maxQueued && m_queue.push(item)) {
        return;
    }
    bool warn = false;
    {
        std::lock_guard lock(m_statsMutex);
        ++m_stats.dropped;
        const auto now = Clock::now();
        if (now - m_lastDropWarning > std::chrono::seconds(10)) {
            m_lastDropWarning = now;
            warn = true;
        }
    }
    if (warn) {
        spdlog::warn("store: command audit record dropped (queue full or log stopped); {} dropped so far",
                     stats().dropped);
    }
}

bool CommandAuditLog::flush(std::chrono::milliseconds timeout) {
    return m_queue.flush(timeout);
}

void CommandAuditLog::stop(std::chrono::milliseconds timeout) {
    m_queue.stop(timeout);
}

CommandAuditStats CommandAuditLog::stats() const {
    std::lock_guard lock(m_statsMutex);
    return m_stats;
}

void CommandAuditLog::count(std::uint64_t CommandAuditStats::* field, std::uint64_t n) {
    std::lock_guard lock(m_statsMutex);
    m_stats.*field += n;
}

void CommandAuditLog::write(std::span<Item> items) {
    // One row per request id and statement (ON CONFLICT DO UPDATE may touch a row once): later wins.
    std::map<std::string, const CommandRequestRecord*> requests;
    std::map<std::string, const CommandOutcomeRecord*> outcomes;
    Clock::time_point oldest = Clock::time_point::max();
    for (const auto& item : items) {
        oldest = std::min(oldest, item.enqueuedAt);
        if (const auto* r = std::get_if<CommandRequestRecord>(&item.record)) {
            requests[sqlText(r->requestId)] = r;
        } else {
            const auto& o = std::get<CommandOutcomeRecord>(item.record);
            outcomes[sqlText(o.requestId)] = &o;
        }
    }
    std::vector<std::string> ids, operators, roles, chargers, actions, payloads;
    std::vector<std::int64_t> times;
    for (const auto& [id, r] : requests) {
        ids.push_back(id);
        operators.push_back(sqlText(r->operatorId));
        roles.push_back(sqlText(r->role));
        chargers.push_back(sqlText(r->chargerId));
        actions.push_back(sqlText(r->action));
        payloads.push_back(jsonbText(r->request));
        times.push_back(r->requestedAt);
    }
    std::vector<std::string> outcomeIds, results, responses, errors;
    std::vector<std::int64_t> completed;
    for (const auto& [id, o] : outcomes) {
        outcomeIds.push_back(id);
        results.push_back(sqlText(o->outcome));
        responses.push_back(jsonbText(o->response));
        errors.push_back(sqlText(o->error));
        completed.push_back(o->completedAt);
    }
    const pqxx::params requestParams{ids, operators, roles, chargers, actions, payloads, times};
    const pqxx::params outcomeParams{outcomeIds, results, responses, errors, completed};
    const auto result = m_session.run(
        [&](pqxx::transaction_base& tx) {
            if (!ids.empty()) {
                tx.exec(pqxx::prepped{"audit_request"}, requestParams);
            }
            if (!outcomeIds.empty()) {
                tx.exec(pqxx::prepped{"audit_outcome"}, outcomeParams);
            }
        },
        [&] { return std::min(oldest + m_options.unreachableDeadline, m_queue.stopDeadline()); });
    switch (result.outcome) {
    case SessionResult::Outcome::Committed:
        count(&CommandAuditStats::written, items.size());
        count(&CommandAuditStats::batches, 1);
        return;
    case SessionResult::Outcome::GaveUp:
        count(&CommandAuditStats::dropped, items.size());
        spdlog::error("store: dropped {} command audit records: {}", items.size(), result.error);
        return;
    case SessionResult::Outcome::Refused:
        if (items.size() == 1) {
            count(&CommandAuditStats::rejected, 1);
            spdlog::error("store: the database refused a command audit record: {}", result.error);
            return;
        }
        write(items.first(items.size() / 2));
        write(items.subspan(items.size() / 2));
        return;
    }
}

} // namespace voltdesk::store
