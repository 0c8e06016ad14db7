#include "store/ledger_batch.h"

#include "store/sql_text.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <pqxx/pqxx>
#include <stdexcept>
#include <tuple>

namespace voltdesk::store::ledger {

namespace {

using domain::AuthorizationStatus;

// Times travel as epoch milliseconds (0: none) and become timestamptz in SQL. Optional values travel
// as '' or 0 sentinels or a has_* flag: never std::optional in an array (libpqxx 7.10 overruns its
// buffer on NULL elements; see store_writer.cpp).

// A replayed start is found through the content key (the unique constraint), so the statement inserts
// only what is new and reports, per input row, the id and the id tag decision stored with it.
constexpr const char* kStartSql = R"sql(
WITH k AS (
    SELECT u.*, to_timestamp(u.at_ms / 1000.0) AS at
    FROM unnest($1::text[], $2::int[], $3::text[], $4::int8[], $5::int8[], $6::int[], $7::int[], $8::text[],
                $9::int8[], $10::text[], $11::int8[])
         WITH ORDINALITY AS u(charger, connector, tag, meter, at_ms, reservation, has_reservation, status,
                              expiry_ms, parent, received_ms, i)
), ins AS (
    INSERT INTO transactions (charger_id, connector_id, id_tag, meter_start_wh, start_time, reservation_id,
                              id_tag_status, id_tag_expiry, id_tag_parent, start_received_at)
    SELECT charger, connector, tag, meter, at, CASE WHEN has_reservation <> 0 THEN reservation END, status,
           to_timestamp(NULLIF(expiry_ms, 0) / 1000.0), NULLIF(parent, ''),
           COALESCE(to_timestamp(NULLIF(received_ms, 0) / 1000.0), now())
    FROM k
    WHERE NOT EXISTS (SELECT 1 FROM transactions t WHERE t.charger_id = k.charger AND t.connector_id = k.connector
                      AND t.id_tag = k.tag AND t.meter_start_wh = k.meter AND t.start_time = k.at)
    ORDER BY i
    ON CONFLICT ON CONSTRAINT transactions_start_content_key DO NOTHING
    RETURNING *
), found AS (
    SELECT k.i, ins.transaction_id AS new_id, t.transaction_id AS old_id,
           COALESCE(ins.id_tag_status, t.id_tag_status) AS status,
           COALESCE(ins.id_tag_expiry, t.id_tag_expiry) AS expiry,
           COALESCE(ins.id_tag_parent, t.id_tag_parent) AS parent,
           -- this very call, written by an attempt whose commit was lost in transit: not a replay
           COALESCE(k.received_ms <> 0 AND t.start_received_at = to_timestamp(k.received_ms / 1000.0), false)
               AS own_write
    FROM k
    LEFT JOIN ins ON ins.charger_id = k.charger AND ins.connector_id = k.connector AND ins.id_tag = k.tag
                     AND ins.meter_start_wh = k.meter AND ins.start_time = k.at
    LEFT JOIN transactions t ON t.charger_id = k.charger AND t.connector_id = k.connector AND t.id_tag = k.tag
                                AND t.meter_start_wh = k.meter AND t.start_time = k.at
)
SELECT i, COALESCE(new_id, old_id, 0), new_id IS NULL AND NOT own_write, COALESCE(status, ''),
       COALESCE((extract(epoch FROM expiry) * 1000)::int8, 0), expiry IS NOT NULL, COALESCE(parent, ''),
       parent IS NOT NULL
FROM found ORDER BY i
)sql";

// A reading belongs to the latest start of its connector at or before its time, unless that
// transaction stopped before it, or the charger named another transaction. A new start therefore takes
// the readings that arrived before it, and those an older transaction (whose stop is missing) had
// been given only for lack of a better one.
constexpr const char* kAttachSql = R"sql(
UPDATE meter_values m SET transaction_id = t.transaction_id
FROM transactions t
WHERE t.transaction_id = ANY($1::int[])
  AND m.charger_id = t.charger_id AND m.connector_id = t.connector_id
  AND m.charger_time >= t.start_time AND (t.stop_time IS NULL OR m.charger_time <= t.stop_time)
  AND NOT EXISTS (SELECT 1 FROM transactions n WHERE n.charger_id = t.charger_id
                  AND n.connector_id = t.connector_id AND n.start_time > t.start_time
                  AND n.start_time <= m.charger_time)
  AND (m.transaction_id IS NULL
       OR (m.transaction_id <> t.transaction_id AND m.reported_transaction_id IS DISTINCT FROM m.transaction_id
           AND EXISTS (SELECT 1 FROM transactions o WHERE o.transaction_id = m.transaction_id
                       AND o.start_time < t.start_time)))
)sql";

// Readings given to a transaction because it was open at their time, which its stop now says it was
// not: they go to the transaction that does cover them, if any, else wait for it.
constexpr const char* kReleaseSql = R"sql(
UPDATE meter_values m
SET transaction_id = (SELECT c.transaction_id FROM transactions c
                      WHERE c.charger_id = m.charger_id AND c.connector_id = m.connector_id
                        AND c.start_time <= m.charger_time AND (c.stop_time IS NULL OR c.stop_time >= m.charger_time)
                      ORDER BY c.start_time DESC LIMIT 1)
FROM transactions t
WHERE t.transaction_id = ANY($1::int[]) AND m.transaction_id = t.transaction_id
  AND m.charger_time > t.stop_time AND m.reported_transaction_id IS DISTINCT FROM t.transaction_id
)sql";

// Outcome per input row: 0 stopped now, 1 stopped before (replay), 2 unknown for this charger. A replay
// is recognised by its receive time differing from the stored one (see PgTransactionLedger).
constexpr const char* kStopSql = R"sql(
WITH u AS (
    SELECT * FROM unnest($1::text[], $2::int[], $3::int8[], $4::int8[], $5::text[], $6::text[], $7::text[],
                         $8::int8[])
           WITH ORDINALITY AS u(charger, tx, meter, at_ms, reason, tag, tag_status, received_ms, i)
), upd AS (
    UPDATE transactions t
    SET meter_stop_wh = u.meter, stop_time = to_timestamp(u.at_ms / 1000.0), stop_reason = NULLIF(u.reason, ''),
        stop_id_tag = NULLIF(u.tag, ''), stop_id_tag_status = NULLIF(u.tag_status, ''),
        stop_received_at = COALESCE(to_timestamp(NULLIF(u.received_ms, 0) / 1000.0), now())
    FROM u
    WHERE t.transaction_id = u.tx AND t.charger_id = u.charger AND t.stop_received_at IS NULL
    RETURNING u.i, t.connector_id
)
SELECT u.i,
       CASE WHEN upd.i IS NOT NULL THEN 0
            WHEN t.transaction_id IS NULL THEN 2
            -- this very call, written by an attempt whose commit was lost in transit: not a replay
            WHEN u.received_ms <> 0 AND t.stop_received_at = to_timestamp(u.received_ms / 1000.0) THEN 0
            ELSE 1 END,
       COALESCE(upd.connector_id, t.connector_id, 0)
FROM u
LEFT JOIN upd ON upd.i = u.i
LEFT JOIN transactions t ON t.transaction_id = u.tx AND t.charger_id = u.charger
ORDER BY u.i
)sql";

constexpr const char* kReviewSql = R"sql(
INSERT INTO transaction_review (charger_id, reason, content, received_at)
SELECT charger, reason, content::jsonb, COALESCE(to_timestamp(NULLIF(received_ms, 0) / 1000.0), now())
FROM unnest($1::text[], $2::text[], $3::text[], $4::int8[]) AS u(charger, reason, content, received_ms)
ON CONFLICT ON CONSTRAINT transaction_review_content_key DO NOTHING
)sql";

// A reading names its transaction (accepted when it is this charger's), else the transaction covering
// its connector and time (looked up only then: COALESCE stops at the first non-null), else none yet
// (kAttachSql attaches it when the start arrives).
constexpr const char* kMeterSql = R"sql(
INSERT INTO meter_values (charger_id, connector_id, transaction_id, reported_transaction_id, charger_time,
                          received_at, measurand, phase, location, unit, context, format, value)
SELECT u.charger, u.connector,
       COALESCE(named.transaction_id,
                (SELECT c.transaction_id FROM transactions c
                 WHERE c.charger_id = u.charger AND c.connector_id = u.connector AND c.start_time <= u.at
                   AND (c.stop_time IS NULL OR c.stop_time >= u.at)
                 ORDER BY c.start_time DESC LIMIT 1)),
       CASE WHEN u.has_tx <> 0 THEN u.tx END, u.at,
       COALESCE(to_timestamp(NULLIF(u.received_ms, 0) / 1000.0), now()), u.measurand, u.phase, u.location,
       u.unit, u.context, u.format, u.value
FROM (SELECT v.*, to_timestamp(v.at_ms / 1000.0) AS at
      FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int8[], $6::int8[], $7::text[], $8::text[],
                  $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
           AS v(charger, connector, has_tx, tx, at_ms, received_ms, measurand, phase, location, unit, context,
                format, value)) u
LEFT JOIN transactions named ON u.has_tx <> 0 AND named.transaction_id = u.tx AND named.charger_id = u.charger
ON CONFLICT DO NOTHING
)sql";

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

using StartKey = std::tuple<std::string, int, std::string, std::int64_t, std::int64_t>;
using StopKey = std::pair<std::string, int>;

std::size_t ordinal(const pqxx::field& field) {
    return field.as<std::size_t>() - 1; // WITH ORDINALITY counts from 1
}

void writeStarts(pqxx::transaction_base& tx, std::span<const Call* const> calls,
                 std::vector<std::optional<Answer>>& answers, std::vector<int>& created) {
    std::map<StartKey, std::size_t> rows;
    std::vector<std::size_t> rowOf(calls.size(), kNone);
    std::vector<std::string> chargers, tags, statuses, parents;
    std::vector<int> connectors, reservations, hasReservation;
    std::vector<std::int64_t> meters, times, expiries, received;
    for (std::size_t i = 0; i < calls.size(); ++i) {
        const auto* s = std::get_if<domain::TransactionStart>(calls[i]);
        if (s == nullptr) {
            continue;
        }
        StartKey key{sqlText(s->chargerId), s->connectorId, sqlText(s->idTag), s->meterStartWh, s->timestamp};
        const auto [it, fresh] = rows.emplace(std::move(key), chargers.size());
        rowOf[i] = it->second;
        if (!fresh) {
            continue; // the same start twice in one batch: one row, one id
        }
        chargers.push_back(std::get<0>(it->first));
        connectors.push_back(s->connectorId);
        tags.push_back(std::get<2>(it->first));
        meters.push_back(s->meterStartWh);
        times.push_back(s->timestamp);
        reservations.push_back(s->reservationId.value_or(0));
        hasReservation.push_back(s->reservationId ? 1 : 0);
        statuses.emplace_back(domain::toString(s->idTagInfo.status));
        expiries.push_back(s->idTagInfo.expiryDate.value_or(0));
        parents.push_back(sqlText(s->idTagInfo.parentIdTag.value_or("")));
        received.push_back(s->receivedAt);
    }
    if (chargers.empty()) {
        return;
    }
    std::vector<domain::TransactionStartResult> results(chargers.size());
    std::vector<bool> seen(chargers.size(), false);
    for (const auto& row : tx.exec(pqxx::prepped{"ledger_start"},
                                   pqxx::params{chargers, connectors, tags, meters, times, reservations,
                                                hasReservation, statuses, expiries, parents, received})) {
        const std::size_t r = ordinal(row[0]);
        auto& result = results.at(r);
        result.transactionId = row[1].as<int>();
        if (result.transactionId == 0) {
            // Another agent inserted the same start after this statement's snapshot: a retry sees it.
            throw pqxx::serialization_failure("a concurrent writer recorded the same start", "", "40001");
        }
        result.replay = row[2].as<bool>();
        result.idTagInfo.status = domain::authorizationStatusFromString(row[3].as<std::string>())
                                      .value_or(AuthorizationStatus::Invalid);
        if (row[5].as<bool>()) {
            result.idTagInfo.expiryDate = row[4].as<std::int64_t>();
        }
        if (row[7].as<bool>()) {
            result.idTagInfo.parentIdTag = row[6].as<std::string>();
        }
        if (!result.replay) {
            created.push_back(result.transactionId);
        }
    }
    for (std::size_t i = 0; i < calls.size(); ++i) {
        if (rowOf[i] == kNone) {
            continue;
        }
        auto result = results[rowOf[i]];
        result.replay = result.replay || seen[rowOf[i]];
        seen[rowOf[i]] = true;
        answers[i] = result;
    }
}

nlohmann::json readingsJson(const std::vector<domain::MeterReading>& readings) {
    auto out = nlohmann::json::array();
    for (const auto& reading : readings) {
        auto samples = nlohmann::json::array();
        for (const auto& s : reading.samples) {
            nlohmann::json sample{{"value", sqlText(s.value)}};
            const std::pair<const char*, const std::string*> fields[] = {
                {"measurand", &s.measurand}, {"unit", &s.unit},       {"phase", &s.phase},
                {"location", &s.location},   {"context", &s.context}, {"format", &s.format}};
            for (const auto& [name, value] : fields) {
                if (!value->empty()) {
                    sample[name] = sqlText(*value);
                }
            }
            samples.push_back(std::move(sample));
        }
        out.push_back({{"timestamp", contract::toIso8601(reading.timestamp)}, {"sampledValue", samples}});
    }
    return out;
}

/// What an operator reviews: the stop as the charger sent it (our receive time is a column, so a
/// replay of the same stop has the same content and is recorded once).
std::string stopContent(const domain::TransactionStop& stop) {
    nlohmann::json content{{"message", "StopTransaction"},
                           {"transactionId", stop.transactionId},
                           {"meterStop", stop.meterStopWh},
                           {"timestamp", contract::toIso8601(stop.timestamp)}};
    if (!stop.reason.empty()) {
        content["reason"] = sqlText(stop.reason);
    }
    if (stop.idTag) {
        content["idTag"] = sqlText(*stop.idTag);
    }
    if (!stop.transactionData.empty()) {
        content["transactionData"] = readingsJson(stop.transactionData);
    }
    return content.dump();
}

/// A stop that was recorded (now or before): its transaction data belong to that transaction.
struct KnownStop {
    const domain::TransactionStop* stop = nullptr;
    int connectorId = 0;
};

void writeStops(pqxx::transaction_base& tx, std::span<const Call* const> calls,
                std::vector<std::optional<Answer>>& answers, std::vector<KnownStop>& known) {
    std::vector<int> stoppedNow;
    std::map<StopKey, std::size_t> rows;
    std::vector<std::size_t> rowOf(calls.size(), kNone);
    std::vector<std::string> chargers, reasons, tags, tagStatuses;
    std::vector<int> ids;
    std::vector<std::int64_t> meters, times, received;
    for (std::size_t i = 0; i < calls.size(); ++i) {
        const auto* s = std::get_if<domain::TransactionStop>(calls[i]);
        if (s == nullptr) {
            continue;
        }
        const auto [it, fresh] =
            rows.emplace(StopKey{sqlText(s->chargerId), s->transactionId}, chargers.size());
        rowOf[i] = it->second;
        if (!fresh) {
            continue; // a second stop of the same transaction in one batch is a replay of the first
        }
        chargers.push_back(it->first.first);
        ids.push_back(s->transactionId);
        meters.push_back(s->meterStopWh);
        times.push_back(s->timestamp);
        reasons.push_back(sqlText(s->reason));
        tags.push_back(sqlText(s->idTag.value_or("")));
        tagStatuses.emplace_back(s->idTagInfo ? domain::toString(s->idTagInfo->status) : std::string_view());
        received.push_back(s->receivedAt);
    }
    if (chargers.empty()) {
        return;
    }
    std::vector<std::pair<int, int>> outcomes(chargers.size()); // (0|1|2, connector)
    for (const auto& row :
         tx.exec(pqxx::prepped{"ledger_stop"},
                 pqxx::params{chargers, ids, meters, times, reasons, tags, tagStatuses, received})) {
        outcomes.at(ordinal(row[0])) = {row[1].as<int>(), row[2].as<int>()};
    }
    std::vector<std::string> reviewChargers, reviewReasons, reviewContents;
    std::vector<std::int64_t> reviewReceived;
    std::vector<bool> seen(chargers.size(), false);
    for (std::size_t i = 0; i < calls.size(); ++i) {
        if (rowOf[i] == kNone) {
            continue;
        }
        const auto& stop = std::get<domain::TransactionStop>(*calls[i]);
        const auto [code, connector] = outcomes[rowOf[i]];
        domain::TransactionStopResult result;
        if (code == 2) {
            result.outcome = domain::StopOutcome::UnknownTransaction;
            reviewChargers.push_back(sqlText(stop.chargerId));
            reviewReasons.emplace_back("UnknownTransaction");
            reviewContents.push_back(stopContent(stop));
            reviewReceived.push_back(stop.receivedAt);
        } else {
            result.outcome =
                code == 0 && !seen[rowOf[i]] ? domain::StopOutcome::Stopped : domain::StopOutcome::Replay;
            if (result.outcome == domain::StopOutcome::Stopped) {
                stoppedNow.push_back(stop.transactionId);
            }
            known.push_back({&stop, connector});
        }
        seen[rowOf[i]] = true;
        answers[i] = result;
    }
    if (!reviewChargers.empty()) {
        tx.exec(pqxx::prepped{"ledger_review"},
                pqxx::params{reviewChargers, reviewReasons, reviewContents, reviewReceived});
    }
    if (!stoppedNow.empty()) {
        tx.exec(pqxx::prepped{"ledger_release"}, pqxx::params{stoppedNow});
    }
}

/// The meter_values rows of a batch, column by column.
struct MeterRows {
    std::vector<std::string> chargers, measurands, phases, locations, units, contexts, formats, values;
    std::vector<int> connectors, hasTx, txs;
    std::vector<std::int64_t> times, received;

    void add(const std::string& charger, int connector, std::optional<int> tx,
             const std::vector<domain::MeterReading>& readings, contract::EpochMs receivedAt) {
        const std::string chargerText = sqlText(charger);
        for (const auto& reading : readings) {
            for (const auto& s : reading.samples) {
                chargers.push_back(chargerText);
                connectors.push_back(connector);
                hasTx.push_back(tx ? 1 : 0);
                txs.push_back(tx.value_or(0));
                times.push_back(reading.timestamp);
                received.push_back(receivedAt);
                measurands.push_back(sqlText(s.measurand));
                phases.push_back(sqlText(s.phase));
                locations.push_back(sqlText(s.location));
                units.push_back(sqlText(s.unit));
                contexts.push_back(sqlText(s.context));
                formats.push_back(sqlText(s.format));
                values.push_back(sqlText(s.value));
            }
        }
    }
};

void writeMeterValues(pqxx::transaction_base& tx, std::span<const Call* const> calls,
                      std::vector<std::optional<Answer>>& answers, const std::vector<KnownStop>& known) {
    MeterRows m;
    for (const auto& k : known) {
        m.add(k.stop->chargerId, k.connectorId, k.stop->transactionId, k.stop->transactionData,
              k.stop->receivedAt);
    }
    for (std::size_t i = 0; i < calls.size(); ++i) {
        if (const auto* r = std::get_if<domain::MeterValuesReport>(calls[i])) {
            m.add(r->chargerId, r->connectorId, r->transactionId, r->readings, r->receivedAt);
            answers[i] = true;
        }
    }
    if (m.chargers.empty()) {
        return;
    }
    tx.exec(pqxx::prepped{"ledger_meter"},
            pqxx::params{m.chargers, m.connectors, m.hasTx, m.txs, m.times, m.received, m.measurands,
                         m.phases, m.locations, m.units, m.contexts, m.formats, m.values});
}

} // namespace

void prepareStatements(pqxx::connection& connection) {
    // The statements' shape never changes with their arrays: planning each execution anew (a custom
    // plan) cost more CPU than the writes themselves.
    pqxx::nontransaction(connection).exec("SET plan_cache_mode = force_generic_plan");
    // A statement stuck behind someone else's lock is cancelled and retried like a lost connection,
    // so callers get LedgerFailure after the deadline instead of waiting forever.
    pqxx::nontransaction(connection).exec("SET statement_timeout = '10s'");
    connection.prepare("ledger_start", kStartSql);
    connection.prepare("ledger_attach", kAttachSql);
    connection.prepare("ledger_stop", kStopSql);
    connection.prepare("ledger_release", kReleaseSql);
    connection.prepare("ledger_review", kReviewSql);
    connection.prepare("ledger_meter", kMeterSql);
}

std::vector<Answer> writeBatch(pqxx::transaction_base& tx, std::span<const Call* const> calls) {
    std::vector<std::optional<Answer>> answers(calls.size());
    std::vector<int> created;
    writeStarts(tx, calls, answers, created);
    if (!created.empty()) {
        tx.exec(pqxx::prepped{"ledger_attach"}, pqxx::params{created});
    }
    std::vector<KnownStop> known;
    writeStops(tx, calls, answers, known);
    writeMeterValues(tx, calls, answers, known);
    std::vector<Answer> out;
    out.reserve(answers.size());
    for (auto& a : answers) {
        if (!a) {
            throw std::logic_error("transaction ledger: a call of the batch got no answer");
        }
        out.push_back(std::move(*a));
    }
    return out;
}

} // namespace voltdesk::store::ledger
