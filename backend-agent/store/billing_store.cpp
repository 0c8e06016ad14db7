// GCC 14 at -O2 sees a "maybe uninitialized" variant inside pqxx::params::append (a false positive,
// as in command_audit_log.cpp); Debug builds do not warn.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "store/billing_store.h"

#include "domain/billing/money.h"
#include "domain/billing/tariff_json.h"
#include "store/retrying_session.h"
#include "store/store.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

namespace voltdesk::store {

namespace {

constexpr const char* kFactsSql = R"SQL(
SELECT t.charger_id, t.connector_id, t.id_tag, coalesce(t.id_tag_parent, ''),
       (extract(epoch FROM t.start_time) * 1000)::int8,
       CASE WHEN t.stop_received_at IS NOT NULL THEN (extract(epoch FROM t.stop_time) * 1000)::int8 END,
       t.meter_start_wh, CASE WHEN t.stop_received_at IS NOT NULL THEN t.meter_stop_wh END,
       coalesce(c.site_id, ''), coalesce(s.name, ''), coalesce(s.time_zone, ''), coalesce(c.max_power_kw, 0)
FROM transactions t
LEFT JOIN chargers c ON c.id = t.charger_id
LEFT JOIN sites s ON s.id = c.site_id
WHERE t.transaction_id = $1
)SQL";

// The energy register as the rating reads it: the total over all phases at the outlet (or where the
// charger does not say), never signed data. Units other than Wh and kWh are not energy.
constexpr const char* kReadingsSql = R"SQL(
SELECT (extract(epoch FROM charger_time) * 1000)::int8, value, unit
FROM meter_values
WHERE transaction_id = $1 AND measurand IN ('', 'Energy.Active.Import.Register') AND phase = ''
  AND location IN ('', 'Outlet') AND format <> 'SignedData' AND unit IN ('', 'Wh', 'kWh')
ORDER BY charger_time
)SQL";

// The connector's charging statuses in the session, by the charger's clock when it gave one. The receive
// time bounds the scan so the charger's index serves it.
constexpr const char* kStatusSql = R"SQL(
SELECT (extract(epoch FROM coalesce(charger_time, received_at)) * 1000)::int8 AS at, status
FROM connector_status_history
WHERE charger_id = $1 AND connector_id = $2 AND status IN ('Charging', 'SuspendedEV', 'Finishing')
  AND received_at >= to_timestamp($3 / 1000.0) - interval '1 day'
  AND coalesce(charger_time, received_at) >= to_timestamp($3 / 1000.0)
  AND ($4::int8 IS NULL OR coalesce(charger_time, received_at) <= to_timestamp($4 / 1000.0))
ORDER BY at, id
)SQL";

constexpr const char* kInsertCdrSql = R"SQL(
INSERT INTO cdrs (cdr_id, version, transaction_id, current, rated, site_id, charger_id, connector_id, id_tag,
                  customer_group, start_time, stop_time, energy_mwh, subtotal, tax, total, currency, reason,
                  record, created_by)
VALUES ($1, $2, $3, true, $4, $5, $6, $7, $8, $9, to_timestamp($10 / 1000.0), to_timestamp($11 / 1000.0),
        $12, $13, $14, $15, $16, $17, $18::jsonb, $19)
ON CONFLICT DO NOTHING
)SQL";

constexpr const char* kMs = "(extract(epoch FROM {}) * 1000)::int8";

std::string msOf(const std::string& column) {
    std::string text = kMs;
    text.replace(text.find("{}"), 2, column);
    return text;
}

std::optional<contract::EpochMs> optionalTime(const pqxx::field& field) {
    return field.is_null() ? std::nullopt : std::optional(field.as<std::int64_t>());
}

contract::ChargeDetailRecord decodeStored(const std::string& text) {
    auto decoded = contract::decodeChargeDetailRecord(text);
    if (!decoded) {
        throw StoreError("a stored charge detail record is unreadable: " + decoded.error());
    }
    return std::move(decoded).value();
}

/// WHERE clauses with numbered parameters, built one condition at a time.
class Conditions {
public:
    template <typename T> void add(const std::string& sqlWithPlaceholder, T value) {
        m_params.append(std::move(value));
        std::string sql = sqlWithPlaceholder;
        const auto at = sql.find('?');
        sql.replace(at, 1, "$" + std::to_string(++m_count));
        m_sql += (m_sql.empty() ? " WHERE " : " AND ") + sql;
    }
    void addPlain(const std::string& sql) { m_sql += (m_sql.empty() ? " WHERE " : " AND ") + sql; }
    const std::string& sql() const { return m_sql; }
    const pqxx::params& params() const { return m_params; }

private:
    std::string m_sql;
    pqxx::params m_params;
    int m_count = 0;
};

Conditions cdrConditions(const CdrFilter& f) {
    Conditions c;
    if (f.currentOnly) {
        c.addPlain("current");
    }
    if (f.from) {
        c.add("stop_time >= to_timestamp(? / 1000.0)", *f.from);
    }
    if (f.to) {
        c.add("stop_time < to_timestamp(? / 1000.0)", *f.to);
    }
    if (!f.siteId.empty()) {
        c.add("site_id = ?", f.siteId);
    }
    if (!f.chargerId.empty()) {
        c.add("charger_id = ?", f.chargerId);
    }
    if (!f.customerGroup.empty()) {
        c.add("customer_group = ?", f.customerGroup);
    }
    if (!f.idTag.empty()) {
        c.add("id_tag = ?", f.idTag);
    }
    return c;
}

Conditions sessionConditions(const SessionFilter& f) {
    Conditions c;
    if (f.from) {
        c.add("(t.stop_received_at IS NULL OR t.stop_time >= to_timestamp(? / 1000.0))", *f.from);
    }
    if (f.to) {
        c.add("t.start_time < to_timestamp(? / 1000.0)", *f.to);
    }
    if (!f.siteId.empty()) {
        c.add("ch.site_id = ?", f.siteId);
    }
    if (!f.chargerId.empty()) {
        c.add("t.charger_id = ?", f.chargerId);
    }
    if (!f.customerGroup.empty()) {
        c.add("coalesce(t.id_tag_parent, '') = ?", f.customerGroup);
    }
    if (!f.idTag.empty()) {
        c.add("t.id_tag = ?", f.idTag);
    }
    if (f.status == SessionStatus::Live) {
        c.addPlain("t.stop_received_at IS NULL");
    } else if (f.status == SessionStatus::Finished) {
        c.addPlain("t.stop_received_at IS NOT NULL");
    }
    return c;
}

std::vector<CurrencyTotal> totalsOf(const pqxx::result& rows) {
    std::vector<CurrencyTotal> totals;
    for (const auto& row : rows) {
        totals.push_back({row[0].as<std::string>(), row[1].as<std::int64_t>(), row[2].as<std::int64_t>(),
                          row[3].as<std::int64_t>(), row[4].as<std::int64_t>(), row[5].as<std::int64_t>()});
    }
    return totals;
}

std::optional<std::int64_t> milliWhOf(const std::string& value, const std::string& unit) {
    return billing::parseDecimal(value, unit == "kWh" ? 6 : 3);
}

} // namespace

BillingStore::BillingStore(const std::string& uri) : m_uri(withWriterTimeouts(uri)) {}

BillingStore::~BillingStore() = default;

template <typename Work> auto BillingStore::withConnection(const char* what, Work&& work) {
    for (int attempt = 0;; ++attempt) {
        try {
            if (!m_connection) {
                m_connection = std::make_unique<pqxx::connection>(m_uri);
            }
            return work(*m_connection);
        } catch (const pqxx::broken_connection& e) {
            // A connection idle for hours may have been closed by the server: one fresh try.
            m_connection.reset();
            if (attempt > 0) {
                throw StoreError(std::string(what) + " failed: " + e.what());
            }
        } catch (const StoreError&) {
            throw;
        } catch (const std::exception& e) {
            throw StoreError(std::string(what) + " failed: " + e.what());
        }
    }
}

std::vector<StoredTariff> BillingStore::tariffs(const std::string& tariffId) {
    return withConnection("reading the tariffs", [&](pqxx::connection& conn) {
        pqxx::read_transaction tx(conn);
        const auto rows = tx.exec(
            "SELECT body::text, " + msOf("created_at") +
                ", created_by FROM tariffs WHERE $1 = '' OR tariff_id = $1 ORDER BY tariff_id, version",
            pqxx::params{tariffId});
        std::vector<StoredTariff> out;
        for (const auto& row : rows) {
            auto parsed = billing::tariffFromJson(row[0].as<std::string>());
            if (!parsed.tariff) {
                throw StoreError("a stored tariff is unreadable: " + parsed.error);
            }
            out.push_back({std::move(*parsed.tariff), row[0].as<std::string>(), row[1].as<std::int64_t>(),
                           row[2].as<std::string>()});
        }
        return out;
    });
}

std::string BillingStore::putTariff(const billing::Tariff& tariff, const std::string& createdBy) {
    return withConnection("storing the tariff", [&](pqxx::connection& conn) -> std::string {
        pqxx::work tx(conn);
        // One writer of a tariff id at a time, so two versions with overlapping validity cannot both pass.
        tx.exec("SELECT pg_advisory_xact_lock(hashtext('tariff:' || $1))", pqxx::params{tariff.id});
        const auto exists =
            tx.query_value<long long>("SELECT count(*) FROM tariffs WHERE tariff_id = $1 AND version = $2",
                                      pqxx::params{tariff.id, tariff.version});
        if (exists > 0) {
            return "Tariff '" + tariff.id + "' version " + std::to_string(tariff.version) +
                   " exists already; a stored version never changes, so give the new prices version " +
                   std::to_string(
                       tx.query_value<int>("SELECT max(version) + 1 FROM tariffs WHERE tariff_id = $1",
                                           pqxx::params{tariff.id})) +
                   ".";
        }
        const auto overlap = tx.exec("SELECT version FROM tariffs WHERE tariff_id = $1 AND "
                                     "tstzrange(valid_from, valid_until) && tstzrange(to_timestamp($2 / "
                                     "1000.0), to_timestamp($3 / 1000.0)) "
                                     "ORDER BY version LIMIT 1",
                                     pqxx::params{tariff.id, tariff.validFrom, tariff.validUntil});
        if (!overlap.empty()) {
            return "Tariff '" + tariff.id + "' version " + std::to_string(tariff.version) +
                   " is valid at the same time as version " + std::to_string(overlap[0][0].as<int>()) +
                   "; end the earlier version's validity (validUntil) where the new one starts.";
        }
        tx.exec(
            "INSERT INTO tariffs (tariff_id, version, body, currency, valid_from, valid_until, created_by) "
            "VALUES ($1, $2, $3::jsonb, $4, to_timestamp($5 / 1000.0), to_timestamp($6 / 1000.0), $7)",
            pqxx::params{tariff.id, tariff.version, billing::tariffToJson(tariff), tariff.currency,
                         tariff.validFrom, tariff.validUntil, createdBy});
        tx.commit();
        return {};
    });
}

void BillingStore::assign(const billing::TariffAssignment& assignment, const std::string& assignedBy,
                          const std::optional<std::vector<std::string>>& members) {
    withConnection("assigning the tariff", [&](pqxx::connection& conn) {
        pqxx::work tx(conn);
        const std::string scope(assignment.scope == billing::AssignmentScope::ChargerGroup ? "charger_group"
                                : assignment.scope == billing::AssignmentScope::CustomerGroup
                                    ? "customer_group"
                                    : std::string(billing::toString(assignment.scope)));
        if (assignment.tariffId.empty()) {
            tx.exec("DELETE FROM tariff_assignments WHERE scope = $1 AND scope_key = $2",
                    pqxx::params{scope, assignment.key});
        } else {
            tx.exec("INSERT INTO tariff_assignments (scope, scope_key, tariff_id, assigned_by) "
                    "VALUES ($1, $2, $3, $4) ON CONFLICT (scope, scope_key) DO UPDATE SET "
                    "tariff_id = EXCLUDED.tariff_id, assigned_at = now(), assigned_by = EXCLUDED.assigned_by",
                    pqxx::params{scope, assignment.key, assignment.tariffId, assignedBy});
        }
        if (members && assignment.scope == billing::AssignmentScope::ChargerGroup) {
            tx.exec("DELETE FROM charger_groups WHERE group_id = $1", pqxx::params{assignment.key});
            tx.exec("INSERT INTO charger_groups (group_id, charger_id) SELECT $1, unnest($2::text[]) "
                    "ON CONFLICT DO NOTHING",
                    pqxx::params{assignment.key, *members});
        }
        tx.commit();
    });
}

std::vector<StoredAssignment> BillingStore::assignments() {
    return withConnection("reading the tariff assignments", [&](pqxx::connection& conn) {
        pqxx::read_transaction tx(conn);
        std::vector<StoredAssignment> out;
        for (const auto& row : tx.exec("SELECT scope, scope_key, tariff_id, " + msOf("assigned_at") +
                                       ", assigned_by FROM tariff_assignments ORDER BY scope, scope_key")) {
            const auto scopeText = row[0].as<std::string>();
            const auto scope = scopeText == "charger_group"    ? billing::AssignmentScope::ChargerGroup
                               : scopeText == "customer_group" ? billing::AssignmentScope::CustomerGroup
                               : scopeText == "charger"        ? billing::AssignmentScope::Charger
                                                               : billing::AssignmentScope::Site;
            out.push_back({{scope, row[1].as<std::string>(), row[2].as<std::string>()},
                           row[3].as<std::int64_t>(),
                           row[4].as<std::string>()});
        }
        return out;
    });
}

std::map<std::string, std::vector<std::string>> BillingStore::chargerGroups() {
    return withConnection("reading the charger groups", [&](pqxx::connection& conn) {
        pqxx::read_transaction tx(conn);
        std::map<std::string, std::vector<std::string>> out;
        for (const auto& row :
             tx.exec("SELECT group_id, charger_id FROM charger_groups ORDER BY group_id, charger_id")) {
            out[row[0].as<std::string>()].push_back(row[1].as<std::string>());
        }
        return out;
    });
}

std::optional<billing::SessionFacts> BillingStore::sessionFacts(int transactionId) {
    return withConnection("reading the transaction", [&](pqxx::connection& conn) {
        pqxx::read_transaction tx(conn);
        const auto rows = tx.exec(kFactsSql, pqxx::params{transactionId});
        if (rows.empty()) {
            return std::optional<billing::SessionFacts>();
        }
        const auto& row = rows[0];
        billing::SessionFacts f;
        f.transactionId = transactionId;
        f.chargerId = row[0].as<std::string>();
        f.connectorId = row[1].as<int>();
        f.idTag = row[2].as<std::string>();
        f.customerGroup = row[3].as<std::string>();
        f.start = row[4].as<std::int64_t>();
        f.stop = optionalTime(row[5]);
        f.meterStartWh = row[6].as<std::int64_t>();
        f.meterStopWh = row[7].is_null() ? std::nullopt : std::optional(row[7].as<std::int64_t>());
        f.siteId = row[8].as<std::string>();
        f.siteName = row[9].as<std::string>();
        f.timeZone = row[10].as<std::string>().empty() ? "UTC" : row[10].as<std::string>();
        f.maxPowerKw = row[11].as<double>();
        f.readings.push_back({f.start, f.meterStartWh * 1000});
        for (const auto& r : tx.exec(kReadingsSql, pqxx::params{transactionId})) {
            if (const auto mWh = milliWhOf(r[1].as<std::string>(), r[2].as<std::string>())) {
                f.readings.push_back({r[0].as<std::int64_t>(), *mWh});
            }
        }
        if (f.stop && f.meterStopWh) {
            f.readings.push_back({*f.stop, *f.meterStopWh * 1000});
        }
        for (const auto& r : tx.exec(kStatusSql, pqxx::params{f.chargerId, f.connectorId, f.start, f.stop})) {
            if (r[1].as<std::string>() == "Charging") {
                f.chargingFinished.reset(); // it charged again: the earlier pause was not the end
            } else if (!f.chargingFinished) {
                f.chargingFinished = r[0].as<std::int64_t>();
            }
        }
        return std::optional(std::move(f));
    });
}

TariffChoice BillingStore::tariffsFor(const billing::SessionFacts& facts) {
    std::vector<billing::TariffAssignment> all;
    for (auto& a : assignments()) {
        all.push_back(std::move(a.assignment));
    }
    std::vector<std::string> groups;
    for (const auto& [group, chargers] : chargerGroups()) {
        if (std::find(chargers.begin(), chargers.end(), facts.chargerId) != chargers.end()) {
            groups.push_back(group);
        }
    }
    TariffChoice choice;
    const auto* chosen =
        billing::chooseAssignment(all, facts.siteId, facts.chargerId, groups, facts.customerGroup);
    if (chosen == nullptr) {
        return choice;
    }
    choice.assignment = *chosen;
    for (auto& stored : tariffs(chosen->tariffId)) {
        choice.tariffs.push_back(std::move(stored.tariff));
    }
    return choice;
}

contract::ChargeDetailRecord BillingStore::insertFirstVersion(const contract::ChargeDetailRecord& record) {
    return withConnection("storing the charge detail record", [&](pqxx::connection& conn) {
        pqxx::work tx(conn);
        auto first = record;
        first.version = 1;
        first.provisional = false;
        tx.exec(kInsertCdrSql, pqxx::params{first.cdrId, 1, first.transactionId, !billing::isUnrated(first),
                                            first.siteId, first.chargerId, first.connectorId, first.idTag,
                                            first.customerGroup, first.start, first.stop, first.billedMilliWh,
                                            first.subtotal, first.tax, first.total, first.currency,
                                            first.reason, contract::encode(first), std::string("agent")});
        const auto stored = tx.query_value<std::string>(
            "SELECT record::text FROM cdrs WHERE transaction_id = $1 AND version = 1",
            pqxx::params{first.transactionId});
        tx.commit();
        return decodeStored(stored);
    });
}

contract::ChargeDetailRecord BillingStore::insertNextVersion(contract::ChargeDetailRecord record,
                                                             const std::string& createdBy) {
    return withConnection("storing the re-rated record", [&](pqxx::connection& conn) {
        pqxx::work tx(conn);
        const auto latest =
            tx.exec("SELECT version FROM cdrs WHERE cdr_id = $1 ORDER BY version DESC LIMIT 1 FOR UPDATE",
                    pqxx::params{record.cdrId});
        if (latest.empty()) {
            throw StoreError("there is no record " + record.cdrId + " to re-rate yet");
        }
        record.version = latest[0][0].as<int>() + 1;
        record.provisional = false;
        tx.exec("UPDATE cdrs SET current = false WHERE cdr_id = $1 AND current", pqxx::params{record.cdrId});
        const auto inserted =
            tx.exec(kInsertCdrSql,
                    pqxx::params{record.cdrId, record.version, record.transactionId,
                                 !billing::isUnrated(record), record.siteId, record.chargerId,
                                 record.connectorId, record.idTag, record.customerGroup, record.start,
                                 record.stop, record.billedMilliWh, record.subtotal, record.tax, record.total,
                                 record.currency, record.reason, contract::encode(record), createdBy});
        if (inserted.affected_rows() != 1) {
            throw StoreError("another re-rating of " + record.cdrId +
                             " was stored at the same time; try again");
        }
        tx.commit();
        return record;
    });
}

std::vector<contract::ChargeDetailRecord> BillingStore::cdrVersions(const std::string& cdrId) {
    return withConnection("reading the charge detail record", [&](pqxx::connection& conn) {
        pqxx::read_transaction tx(conn);
        std::vector<contract::ChargeDetailRecord> out;
        for (const auto& row : tx.exec("SELECT record::text FROM cdrs WHERE cdr_id = $1 ORDER BY version",
                                       pqxx::params{cdrId})) {
            out.push_back(decodeStored(row[0].as<std::string>()));
        }
        return out;
    });
}

std::vector<contract::ChargeDetailRecord> BillingStore::cdrs(const CdrFilter& filter) {
    return withConnection("reading the charge detail records", [&](pqxx::connection& conn) {
        pqxx::read_transaction tx(conn);
        const auto c = cdrConditions(filter);
        std::vector<contract::ChargeDetailRecord> out;
        for (const auto& row : tx.exec(
                 "SELECT record::text FROM cdrs" + c.sql() + " ORDER BY stop_time, cdr_id, version OFFSET " +
                     std::to_string(filter.offset) + " LIMIT " + std::to_string(filter.limit),
                 c.params())) {
            out.push_back(decodeStored(row[0].as<std::string>()));
        }
        return out;
    });
}

std::vector<int> BillingStore::finishedWithoutCdr(int afterTransactionId, int limit) {
    return withConnection("finding unrated transactions", [&](pqxx::connection& conn) {
        pqxx::read_transaction tx(conn);
        std::vector<int> out;
        for (const auto& row :
             tx.exec("SELECT t.transaction_id FROM transactions t WHERE t.stop_received_at IS NOT NULL AND "
                     "t.transaction_id > $2 "
                     "AND NOT EXISTS (SELECT 1 FROM cdrs c WHERE c.transaction_id = t.transaction_id "
                     "AND c.version = 1) ORDER BY t.transaction_id LIMIT $1",
                     pqxx::params{limit, afterTransactionId})) {
            out.push_back(row[0].as<int>());
        }
        return out;
    });
}

SessionsPage BillingStore::sessions(const SessionFilter& filter) {
    return withConnection("reading the sessions", [&](pqxx::connection& conn) {
        pqxx::read_transaction tx(conn);
        tx.exec("SET LOCAL statement_timeout = 20000");
        const auto c = sessionConditions(filter);
        const std::string from = " FROM transactions t LEFT JOIN chargers ch ON ch.id = t.charger_id "
                                 "LEFT JOIN cdrs d ON d.transaction_id = t.transaction_id AND d.current";
        SessionsPage page;
        for (const auto& row : tx.exec(
                 "SELECT t.transaction_id, t.charger_id, t.connector_id, coalesce(ch.site_id, ''), t.id_tag, "
                 "coalesce(t.id_tag_parent, ''), " +
                     msOf("t.start_time") + ", CASE WHEN t.stop_received_at IS NOT NULL THEN " +
                     msOf("t.stop_time") +
                     " END, t.meter_start_wh, CASE WHEN t.stop_received_at IS NOT NULL THEN t.meter_stop_wh "
                     "END, "
                     "d.record::text" +
                     from + c.sql() + " ORDER BY t.start_time DESC, t.transaction_id DESC OFFSET " +
                     std::to_string(filter.offset) + " LIMIT " + std::to_string(filter.limit),
                 c.params())) {
            SessionRow s;
            s.transactionId = row[0].as<int>();
            s.chargerId = row[1].as<std::string>();
            s.connectorId = row[2].as<int>();
            s.siteId = row[3].as<std::string>();
            s.idTag = row[4].as<std::string>();
            s.customerGroup = row[5].as<std::string>();
            s.start = row[6].as<std::int64_t>();
            s.stop = optionalTime(row[7]);
            s.meterStartWh = row[8].as<std::int64_t>();
            s.meterStopWh = row[9].is_null() ? std::nullopt : std::optional(row[9].as<std::int64_t>());
            if (!row[10].is_null()) {
                s.cdr = decodeStored(row[10].as<std::string>());
            }
            page.sessions.push_back(std::move(s));
        }
        page.matching = tx.query_value<std::int64_t>("SELECT count(*)" + from + c.sql(), c.params());
        page.totals =
            totalsOf(tx.exec("SELECT d.currency, count(*), sum(d.energy_mwh)::int8, sum(d.subtotal)::int8, "
                             "sum(d.tax)::int8, sum(d.total)::int8" +
                                 from + c.sql() + (c.sql().empty() ? " WHERE " : " AND ") +
                                 "d.cdr_id IS NOT NULL GROUP BY d.currency ORDER BY d.currency",
                             c.params()));
        return page;
    });
}

RevenueSummary BillingStore::revenue(contract::EpochMs from, contract::EpochMs to,
                                     const std::string& siteId) {
    return withConnection("reading the revenue", [&](pqxx::connection& conn) {
        pqxx::read_transaction tx(conn);
        tx.exec("SET LOCAL statement_timeout = 60000");
        const std::string where = " WHERE current AND stop_time >= to_timestamp($1 / 1000.0) "
                                  "AND stop_time < to_timestamp($2 / 1000.0) AND ($3 = '' OR site_id = $3)";
        const pqxx::params params{from, to, siteId};
        RevenueSummary summary;
        for (const auto& row : tx.exec("SELECT site_id, currency, count(*), sum(energy_mwh)::int8, "
                                       "sum(total)::int8 FROM cdrs" +
                                           where + " AND rated GROUP BY 1, 2 ORDER BY 1, 2",
                                       params)) {
            summary.bySite.push_back({row[0].as<std::string>(), row[1].as<std::string>(),
                                      row[2].as<std::int64_t>(), row[3].as<std::int64_t>(),
                                      row[4].as<std::int64_t>()});
        }
        for (const auto& row : tx.exec(
                 "SELECT CASE WHEN l->>'kind' IN ('energy', 'serviceFee') THEN coalesce(l->>'period', '') "
                 "ELSE l->>'kind' END AS k, currency, count(DISTINCT cdr_id), "
                 "coalesce(sum((l->>'milliWh')::int8) FILTER (WHERE l->>'kind' = 'energy'), 0)::int8, "
                 "sum((l->>'amount')::int8)::int8 FROM cdrs, jsonb_array_elements(record->'lines') l" +
                     where + " AND rated GROUP BY 1, 2 ORDER BY 2, 1",
                 params)) {
            summary.byPeriod.push_back({row[0].as<std::string>(), row[1].as<std::string>(),
                                        row[2].as<std::int64_t>(), row[3].as<std::int64_t>(),
                                        row[4].as<std::int64_t>()});
        }
        summary.totals =
            totalsOf(tx.exec("SELECT currency, count(*), sum(energy_mwh)::int8, sum(subtotal)::int8, "
                             "sum(tax)::int8, sum(total)::int8 FROM cdrs" +
                                 where + " AND rated GROUP BY 1 ORDER BY 1",
                             params));
        summary.unrated =
            tx.query_value<std::int64_t>("SELECT count(*) FROM cdrs" + where + " AND NOT rated", params);
        return summary;
    });
}

} // namespace voltdesk::store
