#include "store/health_reader.h"

#include <map>
#include <pqxx/pqxx>
#include <tuple>
#include <utility>

namespace voltdesk::store {

namespace {

constexpr const char* kRecordColumns =
    "id, charger_id, connector_id, status, error_code, (extract(epoch FROM received_at) * 1000)::int8";

/// NULL when `only` is empty: the queries then take every charger.
std::optional<std::vector<std::string>> chargerFilter(const std::vector<std::string>& only) {
    if (only.empty()) {
        return std::nullopt;
    }
    return only;
}

std::optional<double> registerWh(const std::optional<std::string>& value,
                                 const std::optional<std::string>& unit) {
    if (!value) {
        return std::nullopt;
    }
    return domain::toBaseUnit(*value, unit.value_or(""));
}

} // namespace

HealthReader::HealthReader(std::string uri) : m_uri(std::move(uri)) {}

HealthReader::~HealthReader() = default;

pqxx::connection& HealthReader::connection() {
    if (!m_connection || !m_connection->is_open()) {
        m_connection = std::make_unique<pqxx::connection>(m_uri);
    }
    return *m_connection;
}

void HealthReader::readNewRecords(contract::EpochMs since, contract::EpochMs lookback,
                                  const RecordSink& sink) {
    try {
        // One snapshot for all statements, so the highest id read matches the rows read.
        pqxx::transaction<pqxx::isolation_level::repeatable_read, pqxx::write_policy::read_only> tx(
            connection());
        std::int64_t lastId = m_lastId.value_or(0);
        const auto take = [&](std::int64_t id, const std::string& charger, int connector, std::string status,
                              std::string error, std::int64_t at) {
            lastId = std::max(lastId, id);
            sink(charger, domain::StatusRecord{connector, std::move(status), std::move(error), at});
        };
        if (!m_lastId) {
            // The state at `since`: each connector's and the connection's last row before it.
            for (auto [id, charger, connector, status, error, at] :
                 tx.query<std::int64_t, std::string, int, std::string, std::string, std::int64_t>(
                     std::string("SELECT ") + kRecordColumns +
                         " FROM (SELECT DISTINCT ON (charger_id, connector_id, status IN ('Online', "
                         "'Offline')) "
                         "* FROM connector_status_history WHERE received_at < to_timestamp($1 / 1000.0) AND "
                         "received_at >= to_timestamp($2 / 1000.0) ORDER BY charger_id, connector_id, "
                         "status IN ('Online', 'Offline'), received_at DESC, id DESC) s ORDER BY "
                         "received_at, id",
                     pqxx::params{since, since - lookback})) {
                take(id, charger, connector, std::move(status), std::move(error), at);
            }
            for (auto [id, charger, connector, status, error, at] :
                 tx.query<std::int64_t, std::string, int, std::string, std::string, std::int64_t>(
                     std::string("SELECT ") + kRecordColumns +
                         " FROM connector_status_history WHERE received_at >= to_timestamp($1 / 1000.0) "
                         "ORDER BY id",
                     pqxx::params{since})) {
                take(id, charger, connector, std::move(status), std::move(error), at);
            }
            // Rows written later have higher ids even when they were received before `since`.
            lastId = std::max(lastId, tx.query_value<std::int64_t>(
                                          "SELECT COALESCE(max(id), 0) FROM connector_status_history"));
        } else {
            for (auto [id, charger, connector, status, error, at] :
                 tx.query<std::int64_t, std::string, int, std::string, std::string, std::int64_t>(
                     std::string("SELECT ") + kRecordColumns +
                         " FROM connector_status_history WHERE id > $1 ORDER BY id",
                     pqxx::params{*m_lastId})) {
                take(id, charger, connector, std::move(status), std::move(error), at);
            }
        }
        tx.commit();
        m_lastId = lastId;
    } catch (const pqxx::broken_connection&) {
        m_connection.reset();
        throw;
    }
}

std::unordered_map<std::string, ChargerMeters>
HealthReader::readMeters(contract::EpochMs now, const std::vector<std::string>& only) {
    std::unordered_map<std::string, ChargerMeters> out;
    try {
        pqxx::read_transaction tx(connection());
        const auto filter = chargerFilter(only);
        // Midnight where the site is: PostgreSQL knows the time zones; an unknown name falls back to UTC.
        for (const auto& [charger, dayStart] : tx.query<std::string, std::int64_t>(
                 "SELECT c.id, (extract(epoch FROM date_trunc('day', to_timestamp($1 / 1000.0) AT TIME ZONE "
                 "COALESCE(z.name, 'UTC')) AT TIME ZONE COALESCE(z.name, 'UTC')) * 1000)::int8 "
                 "FROM chargers c LEFT JOIN sites s ON s.id = c.site_id "
                 "LEFT JOIN pg_timezone_names z ON z.name = NULLIF(s.time_zone, '') "
                 "WHERE $2::text[] IS NULL OR c.id = ANY($2::text[])",
                 pqxx::params{now, filter})) {
            out[charger].dayStart = dayStart;
        }
        std::vector<std::string> ids;
        std::vector<std::int64_t> dayStarts;
        for (const auto& [id, m] : out) {
            ids.push_back(id);
            dayStarts.push_back(m.dayStart);
        }
        // Each transaction that overlaps today, with its register's last value before today and its
        // latest one (measurand '' is Energy.Active.Import.Register by OCPP's default).
        for (auto [charger, start, meterStart, stop, meterStop, beforeValue, beforeUnit, latestValue,
                   latestUnit] :
             tx.query<std::string, std::int64_t, std::int64_t, std::optional<std::int64_t>,
                      std::optional<std::int64_t>, std::optional<std::string>, std::optional<std::string>,
                      std::optional<std::string>, std::optional<std::string>>(
                 "SELECT t.charger_id, (extract(epoch FROM t.start_time) * 1000)::int8, t.meter_start_wh, "
                 "(extract(epoch FROM t.stop_time) * 1000)::int8, t.meter_stop_wh, b.value, b.unit, l.value, "
                 "l.unit "
                 "FROM unnest($1::text[], $2::int8[]) AS d(charger_id, day_start) "
                 "JOIN transactions t ON t.charger_id = d.charger_id "
                 "AND t.start_time < to_timestamp($3 / 1000.0) "
                 "AND (t.stop_time IS NULL OR t.stop_time >= to_timestamp(d.day_start / 1000.0)) "
                 "LEFT JOIN LATERAL (SELECT m.value, m.unit FROM meter_values m WHERE m.transaction_id = "
                 "t.transaction_id AND m.measurand IN ('', 'Energy.Active.Import.Register') AND m.phase = '' "
                 "AND m.charger_time < to_timestamp(d.day_start / 1000.0) ORDER BY m.charger_time DESC LIMIT "
                 "1) b "
                 "ON true "
                 "LEFT JOIN LATERAL (SELECT m.value, m.unit FROM meter_values m WHERE m.transaction_id = "
                 "t.transaction_id AND m.measurand IN ('', 'Energy.Active.Import.Register') AND m.phase = '' "
                 "AND m.charger_time <= to_timestamp($3 / 1000.0) ORDER BY m.charger_time DESC LIMIT 1) l "
                 "ON true",
                 pqxx::params{ids, dayStarts, now})) {
            domain::TransactionMeter t;
            t.start = start;
            t.meterStartWh = static_cast<double>(meterStart);
            t.stop = stop;
            if (meterStop) {
                t.meterStopWh = static_cast<double>(*meterStop);
            }
            t.registerBeforeWh = registerWh(beforeValue, beforeUnit);
            t.latestRegisterWh = registerWh(latestValue, latestUnit);
            auto& m = out[charger];
            m.openTransactions += stop ? 0 : 1;
            m.transactions.push_back(t);
        }
        // The latest Power.Active.Import of every open transaction, if it is at most 10 minutes old.
        std::vector<std::tuple<std::string, int, std::string, std::string, std::string>> rows;
        for (auto [charger, connector, phase, value, unit] :
             tx.query<std::string, int, std::string, std::string, std::string>(
                 "SELECT t.charger_id, t.connector_id, m.phase, m.value, m.unit FROM transactions t "
                 "JOIN LATERAL (SELECT max(charger_time) AS at FROM meter_values WHERE transaction_id = "
                 "t.transaction_id AND measurand = 'Power.Active.Import') last ON true "
                 "JOIN meter_values m ON m.transaction_id = t.transaction_id AND m.measurand = "
                 "'Power.Active.Import' AND m.charger_time = last.at "
                 "WHERE t.stop_received_at IS NULL AND last.at > to_timestamp($1 / 1000.0) - interval '10 "
                 "minutes' "
                 "AND t.charger_id = ANY($2::text[])",
                 pqxx::params{now, ids})) {
            rows.emplace_back(std::move(charger), connector, std::move(phase), std::move(value),
                              std::move(unit));
        }
        std::map<std::pair<std::string, int>, std::vector<domain::PowerReading>> readings;
        for (const auto& [charger, connector, phase, value, unit] : rows) {
            if (const auto watts = domain::toBaseUnit(value, unit)) {
                readings[{charger, connector}].push_back({phase, *watts});
            }
        }
        for (const auto& [key, list] : readings) {
            if (const auto watts = domain::connectorPowerW(list)) {
                auto& m = out[key.first];
                m.powerW = m.powerW.value_or(0.0) + *watts;
            }
        }
        for (auto& [id, m] : out) {
            if (!m.powerW && m.openTransactions == 0) {
                m.powerW = 0.0; // nothing is charging
            }
        }
        tx.commit();
    } catch (const pqxx::broken_connection&) {
        m_connection.reset();
        throw;
    }
    return out;
}

} // namespace voltdesk::store
