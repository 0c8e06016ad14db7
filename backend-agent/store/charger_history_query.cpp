// GCC 14 at -O2 sees a "maybe uninitialized" variant inside pqxx::params::append (a false positive,
// as in command_audit_log.cpp); Debug builds do not warn.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "store/charger_history_query.h"

#include "domain/charger_state_update.h"
#include "domain/meter_telemetry.h"
#include "store/retrying_session.h"
#include "store/store.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <pqxx/pqxx>

namespace voltdesk::store {

namespace {

// The connectors that ever reported values, by a loose scan of the content key's index (charger_id,
// connector_id, charger_time, ...), so the samples query below can range over charger_time per connector
// instead of reading the charger's whole history.
constexpr const char* kConnectorsSql = R"SQL(
WITH RECURSIVE c AS (
    (SELECT connector_id FROM meter_values WHERE charger_id = $1 ORDER BY connector_id LIMIT 1)
    UNION ALL
    SELECT (SELECT m.connector_id FROM meter_values m
            WHERE m.charger_id = $1 AND m.connector_id > c.connector_id ORDER BY m.connector_id LIMIT 1)
    FROM c WHERE c.connector_id IS NOT NULL
)
SELECT connector_id FROM c WHERE connector_id IS NOT NULL
)SQL";

// Only what telemetryOf() charts; signed data and text that is no number never leave the database.
// The exponent is bounded so that no value overflows the cast.
constexpr const char* kSamplesSql = R"SQL(
SELECT connector_id, bucket, measurand, phase, location, unit,
       (extract(epoch FROM max(charger_time)) * 1000)::int8 AS at,
       CASE WHEN measurand IN ('', 'Energy.Active.Import.Register') THEN max(v) ELSE avg(v) END AS value
FROM (
    SELECT connector_id, charger_time, measurand, phase, location, unit,
           floor((extract(epoch FROM charger_time) * 1000 - $2) / $4)::int8 AS bucket,
           CASE WHEN value ~ '^\s*[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]{1,2})?\s*$'
                THEN value::float8 END AS v
    FROM meter_values
    WHERE charger_id = $1 AND connector_id = ANY($5::int4[])
      AND charger_time >= to_timestamp($2 / 1000.0) AND charger_time < to_timestamp($3 / 1000.0)
      AND format <> 'SignedData'
      AND measurand IN ('', 'Energy.Active.Import.Register', 'Power.Active.Import', 'Current.Import',
                        'Voltage', 'Temperature', 'SoC')
) readings
WHERE v IS NOT NULL
GROUP BY connector_id, bucket, measurand, phase, location, unit
ORDER BY connector_id, bucket
)SQL";

// Each connector's state at `from`, then the changes within the range (the newest ones if too many).
constexpr const char* kStatusSql = R"SQL(
(SELECT DISTINCT ON (connector_id) connector_id, status, error_code, info, vendor_error_code,
        (extract(epoch FROM received_at) * 1000)::int8, (extract(epoch FROM charger_time) * 1000)::int8
 FROM connector_status_history
 WHERE charger_id = $1 AND received_at < to_timestamp($2 / 1000.0)
   AND received_at >= to_timestamp($2 / 1000.0) - interval '30 days'
 ORDER BY connector_id, received_at DESC, id DESC)
UNION ALL
(SELECT connector_id, status, error_code, info, vendor_error_code,
        (extract(epoch FROM received_at) * 1000)::int8, (extract(epoch FROM charger_time) * 1000)::int8
 FROM connector_status_history
 WHERE charger_id = $1
   AND received_at >= to_timestamp($2 / 1000.0) AND received_at < to_timestamp($3 / 1000.0)
 ORDER BY received_at DESC, id DESC
 LIMIT $4)
)SQL";

constexpr const char* kSecuritySql = R"SQL(
SELECT type, tech_info, severity,
       (extract(epoch FROM COALESCE(charger_time, received_at)) * 1000)::int8 AS at
FROM security_events
WHERE charger_id = $1
  AND received_at >= to_timestamp($2 / 1000.0) AND received_at < to_timestamp($3 / 1000.0)
ORDER BY received_at DESC, id DESC
LIMIT $4
)SQL";

constexpr const char* kMaintenanceSql = R"SQL(
SELECT kind, status, request_id, (extract(epoch FROM received_at) * 1000)::int8
FROM maintenance_history
WHERE charger_id = $1
  AND received_at >= to_timestamp($2 / 1000.0) AND received_at < to_timestamp($3 / 1000.0)
ORDER BY received_at DESC, id DESC
LIMIT $4
)SQL";

std::string numberText(double v) {
    std::array<char, 32> buffer{};
    const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
    return error == std::errc() ? std::string(buffer.data(), end) : std::string();
}

/// Rebuilds one MeterValues report per connector from the buckets' aggregates and maps it the same
/// way as live readings, so history and live plots agree.
std::vector<contract::TelemetrySample> samplesOf(const pqxx::result& rows, const std::string& chargerId) {
    std::map<int, domain::MeterValuesReport> reports;
    std::map<std::pair<int, std::int64_t>, std::size_t> readingIndex;
    for (const auto& row : rows) {
        const int connector = row[0].as<int>();
        const auto bucket = row[1].as<std::int64_t>();
        auto& report = reports[connector];
        report.chargerId = chargerId;
        report.connectorId = connector;
        const auto [it, inserted] = readingIndex.try_emplace({connector, bucket}, report.readings.size());
        if (inserted) {
            report.readings.emplace_back();
        }
        auto& reading = report.readings[it->second];
        reading.timestamp = std::max(reading.timestamp, row[6].as<std::int64_t>());
        domain::MeterSample sample;
        sample.value = numberText(row[7].as<double>());
        sample.measurand = row[2].as<std::string>();
        sample.phase = row[3].as<std::string>();
        sample.location = row[4].as<std::string>();
        sample.unit = row[5].as<std::string>();
        reading.samples.push_back(std::move(sample));
    }
    std::vector<contract::TelemetrySample> samples;
    for (const auto& [connector, report] : reports) {
        auto mapped = domain::telemetryOf(report);
        std::move(mapped.begin(), mapped.end(), std::back_inserter(samples));
    }
    return samples;
}

std::optional<std::int64_t> optionalTime(const pqxx::field& field) {
    return field.is_null() ? std::nullopt : std::optional(field.as<std::int64_t>());
}

} // namespace

ChargerHistoryQuery::ChargerHistoryQuery(const std::string& uri) : m_uri(withWriterTimeouts(uri)) {}

ChargerHistoryQuery::~ChargerHistoryQuery() = default;

ChargerHistory ChargerHistoryQuery::load(const HistoryQuery& query) {
    for (int attempt = 0;; ++attempt) {
        try {
            if (!m_connection) {
                m_connection = std::make_unique<pqxx::connection>(m_uri);
            }
            return read(*m_connection, query);
        } catch (const pqxx::broken_connection& e) {
            // A connection idle for hours may have been closed by the server: one fresh try.
            m_connection.reset();
            if (attempt > 0) {
                throw StoreError(std::string("reading the charger's history failed: ") + e.what());
            }
        } catch (const std::exception& e) {
            throw StoreError(std::string("reading the charger's history failed: ") + e.what());
        }
    }
}

ChargerHistory ChargerHistoryQuery::read(pqxx::connection& connection, const HistoryQuery& query) {
    ChargerHistory history;
    pqxx::read_transaction tx(connection);
    // A console waits for the answer; a query that takes longer than this has lost it anyway.
    tx.exec("SET LOCAL statement_timeout = 20000");
    std::vector<int> connectors;
    for (const auto& row : tx.exec(kConnectorsSql, pqxx::params{query.chargerId})) {
        const int id = row[0].as<int>();
        if (id >= 0 && id <= domain::kMaxConnectorId) { // as the live state: a faulty charger's ids are not
            connectors.push_back(id);
        }
    }
    // Many connectors share the response's bound: each gets coarser buckets rather than some none.
    const int perConnector =
        std::clamp(static_cast<int>(kMaxTotalSamples / std::max<std::size_t>(1, connectors.size())), 1,
                   query.maxSamples);
    history.samplesPerConnector = perConnector;
    const auto bucketMs =
        std::max<std::int64_t>(1, (query.to - query.from + perConnector - 1) / std::max(1, perConnector));
    if (!connectors.empty()) {
        history.samples = samplesOf(
            tx.exec(kSamplesSql, pqxx::params{query.chargerId, query.from, query.to, bucketMs, connectors}),
            query.chargerId);
    }

    const auto limit = [](std::size_t n) { return static_cast<std::int64_t>(n); };
    const auto statusRows =
        tx.exec(kStatusSql, pqxx::params{query.chargerId, query.from, query.to, limit(kMaxStatusChanges)});
    std::size_t inRange = 0;
    for (const auto& row : statusRows) {
        StatusChangeRecord r;
        r.connectorId = row[0].as<int>();
        r.status = row[1].as<std::string>();
        r.errorCode = row[2].is_null() ? std::string() : row[2].as<std::string>();
        r.info = row[3].is_null() ? std::string() : row[3].as<std::string>();
        r.vendorErrorCode = row[4].is_null() ? std::string() : row[4].as<std::string>();
        r.at = row[5].as<std::int64_t>();
        r.chargerTime = optionalTime(row[6]);
        inRange += r.at >= query.from ? 1 : 0;
        history.statusChanges.push_back(std::move(r));
    }
    std::stable_sort(history.statusChanges.begin(), history.statusChanges.end(),
                     [](const StatusChangeRecord& a, const StatusChangeRecord& b) { return a.at < b.at; });

    for (const auto& row : tx.exec(
             kSecuritySql, pqxx::params{query.chargerId, query.from, query.to, limit(kMaxSecurityEvents)})) {
        history.securityEvents.push_back(
            SecurityEventRecord{row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
                                row[3].as<std::int64_t>()});
    }
    std::reverse(history.securityEvents.begin(), history.securityEvents.end());

    for (const auto& row : tx.exec(
             kMaintenanceSql, pqxx::params{query.chargerId, query.from, query.to, limit(kMaxMaintenance)})) {
        const int requestId = row[2].as<int>();
        history.maintenance.push_back(MaintenanceRecord{
            row[0].as<std::string>(), row[1].as<std::string>(),
            requestId < 0 ? std::nullopt : std::optional(requestId), row[3].as<std::int64_t>()});
    }
    std::reverse(history.maintenance.begin(), history.maintenance.end());
    tx.commit();

    history.truncated = inRange >= kMaxStatusChanges || history.securityEvents.size() >= kMaxSecurityEvents ||
                        history.maintenance.size() >= kMaxMaintenance;
    return history;
}

} // namespace voltdesk::store
