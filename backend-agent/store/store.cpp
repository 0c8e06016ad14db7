#include "store/store.h"

#include "store/sql_text.h"

#include <algorithm>
#include <map>
#include <optional>
#include <pqxx/pqxx>
#include <set>
#include <spdlog/spdlog.h>

namespace voltdesk::store {

namespace {

// Any constant works; it only has to be the same in every agent sharing the database.
constexpr long long kMigrationLockKey = 0x766f6c7464657331; // "voltdes1"

std::string connectFailure(const std::string& uri, const std::exception& e) {
    // libpq's messages span lines ("...failed: Connection refused\n\tIs the server running..."); one line
    // reads better.
    std::string reason;
    bool lineBreak = false;
    for (const char c : std::string(e.what())) {
        if (c == '\n' || c == '\t') {
            lineBreak = !reason.empty();
            continue;
        }
        if (lineBreak) {
            while (!reason.empty() && reason.back() == ' ') {
                reason.pop_back();
            }
            reason += "; ";
            lineBreak = false;
            if (c == ' ') {
                continue;
            }
        }
        reason += c;
    }
    return "cannot connect to PostgreSQL at " + redactUri(uri) + ": " + reason;
}

} // namespace

std::string redactUri(std::string_view uri) {
    // postgresql://user:password@host/... ; key=value strings may carry password=...
    const auto scheme = uri.find("://");
    if (scheme != std::string_view::npos) {
        const auto authorityStart = scheme + 3;
        const auto at = uri.find('@', authorityStart);
        const auto slash = uri.find('/', authorityStart);
        if (at != std::string_view::npos && (slash == std::string_view::npos || at < slash)) {
            const auto colon = uri.find(':', authorityStart);
            if (colon != std::string_view::npos && colon < at) {
                return std::string(uri.substr(0, colon + 1)) + "***" + std::string(uri.substr(at));
            }
        }
        const auto query = uri.find("password=");
        if (query != std::string_view::npos) {
            const auto end = uri.find('&', query);
            return std::string(uri.substr(0, query)) + "password=***" +
                   (end == std::string_view::npos ? std::string() : std::string(uri.substr(end)));
        }
        return std::string(uri);
    }
    const auto key = uri.find("password=");
    if (key == std::string_view::npos) {
        return std::string(uri);
    }
    const auto end = uri.find(' ', key);
    return std::string(uri.substr(0, key)) + "password=***" +
           (end == std::string_view::npos ? std::string() : std::string(uri.substr(end)));
}

Store::Store(const std::string& uri) {
    try {
        m_connection = std::make_unique<pqxx::connection>(uri);
    } catch (const std::exception& e) {
        throw StoreError(connectFailure(uri, e));
    }
}

Store::~Store() = default;

int Store::schemaVersion() {
    pqxx::work tx(*m_connection);
    const auto exists = tx.query_value<bool>("SELECT to_regclass('schema_migrations') IS NOT NULL");
    if (!exists) {
        return 0;
    }
    return tx.query_value<int>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
}

MigrationReport Store::migrate(std::span<const EmbeddedMigration> migrations) {
    MigrationReport report;
    pqxx::connection& conn = *m_connection;
    try {
        pqxx::nontransaction(conn).exec("SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")");
    } catch (const std::exception& e) {
        throw StoreError(std::string("cannot take the migration lock: ") + e.what());
    }
    struct Unlock {
        pqxx::connection& conn;
        ~Unlock() {
            try {
                pqxx::nontransaction(conn).exec("SELECT pg_advisory_unlock(" +
                                                std::to_string(kMigrationLockKey) + ")");
            } catch (const std::exception& e) {
                spdlog::debug("store: migration lock not released ({}); it ends with the session", e.what());
            }
        }
    } unlock{conn};

    std::set<int> applied;
    {
        pqxx::work tx(conn);
        tx.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version integer PRIMARY KEY,"
                " name text NOT NULL,"
                " applied_at timestamptz NOT NULL DEFAULT now())");
        for (const auto& [version] : tx.query<int>("SELECT version FROM schema_migrations")) {
            applied.insert(version);
        }
        tx.commit();
    }
    report.fromVersion = applied.empty() ? 0 : *applied.rbegin();
    int known = 0;
    for (const auto& m : migrations) {
        known = std::max(known, m.version);
    }
    if (report.fromVersion > known) {
        throw StoreError("the database schema is at version " + std::to_string(report.fromVersion) +
                         " but this agent knows only up to " + std::to_string(known) +
                         "; a newer agent has migrated it, so run that one or a newer one");
    }
    std::vector<EmbeddedMigration> ordered(migrations.begin(), migrations.end());
    std::sort(ordered.begin(), ordered.end(),
              [](const auto& a, const auto& b) { return a.version < b.version; });
    for (const auto& m : ordered) {
        if (applied.count(m.version) > 0) {
            continue;
        }
        try {
            pqxx::work tx(conn);
            tx.exec(m.sql);
            tx.exec("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                    pqxx::params{m.version, std::string(m.name)});
            tx.commit();
        } catch (const std::exception& e) {
            throw StoreError("schema migration " + std::to_string(m.version) + " (" + std::string(m.name) +
                             ") failed: " + e.what());
        }
        spdlog::info("store: applied schema migration version={} name={}", m.version, m.name);
        report.applied.push_back(m.version);
    }
    report.toVersion = std::max(report.fromVersion, report.applied.empty() ? 0 : report.applied.back());
    return report;
}

void Store::importInventory(const contract::Inventory& inventory) {
    std::map<std::string, contract::GeoPoint> siteLocation;
    std::vector<std::string> siteIds, names, addresses, zones;
    std::vector<double> siteLats, siteLons;
    for (const auto& s : inventory.sites) {
        siteLocation[s.siteId] = s.location;
        siteIds.push_back(sqlText(s.siteId));
        names.push_back(sqlText(s.name));
        addresses.push_back(sqlText(s.address));
        zones.push_back(sqlText(s.timeZone));
        siteLats.push_back(s.location.lat);
        siteLons.push_back(s.location.lon);
    }
    std::vector<std::string> chargerIds, chargerSites;
    // No std::optional in arrays: libpqxx 7.10 overruns its buffer on NULL elements (see store_writer.cpp).
    std::vector<double> lats, lons, powers;
    std::vector<int> hasLocation, connectorCounts;
    for (const auto& c : inventory.chargers) {
        std::optional<contract::GeoPoint> where = c.location;
        if (!where) {
            const auto it = siteLocation.find(c.siteId);
            if (it != siteLocation.end()) {
                where = it->second;
            }
        }
        chargerIds.push_back(sqlText(c.chargerId));
        chargerSites.push_back(sqlText(c.siteId));
        hasLocation.push_back(where ? 1 : 0);
        lats.push_back(where ? where->lat : 0.0);
        lons.push_back(where ? where->lon : 0.0);
        powers.push_back(c.maxPowerKw);
        connectorCounts.push_back(c.connectorCount);
    }
    try {
        pqxx::work tx(*m_connection);
        tx.exec("INSERT INTO sites (id, name, address, time_zone, lat, lon) "
                "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], "
                "$6::float8[]) "
                "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, address = EXCLUDED.address, "
                "time_zone = EXCLUDED.time_zone, lat = EXCLUDED.lat, lon = EXCLUDED.lon, updated_at = now()",
                pqxx::params{siteIds, names, addresses, zones, siteLats, siteLons});
        tx.exec("INSERT INTO chargers (id, site_id, lat, lon, max_power_kw, connector_count) "
                "SELECT u.id, u.site, CASE WHEN u.has_location <> 0 THEN u.lat END, "
                "CASE WHEN u.has_location <> 0 THEN u.lon END, u.power, u.connectors "
                "FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::float8[], $6::int[], "
                "$7::int[]) "
                "AS u(id, site, lat, lon, power, connectors, has_location) "
                "ON CONFLICT (id) DO UPDATE SET site_id = EXCLUDED.site_id, lat = EXCLUDED.lat, lon = "
                "EXCLUDED.lon, "
                "max_power_kw = EXCLUDED.max_power_kw, connector_count = EXCLUDED.connector_count, "
                "updated_at = now()",
                pqxx::params{chargerIds, chargerSites, lats, lons, powers, connectorCounts, hasLocation});
        tx.commit();
    } catch (const std::exception& e) {
        throw StoreError(std::string("importing the inventory failed: ") + e.what());
    }
    spdlog::info("store: imported inventory sites={} chargers={}", inventory.sites.size(),
                 inventory.chargers.size());
}

std::vector<contract::SiteInfo> Store::loadSites() {
    std::vector<contract::SiteInfo> sites;
    pqxx::work tx(*m_connection);
    for (auto [id, name, address, zone, lat, lon] :
         tx.query<std::string, std::string, std::string, std::string, double, double>(
             "SELECT id, name, address, time_zone, lat, lon FROM sites ORDER BY id")) {
        contract::SiteInfo s;
        s.siteId = std::move(id);
        s.name = std::move(name);
        s.address = std::move(address);
        s.timeZone = std::move(zone);
        s.location = contract::GeoPoint{lat, lon};
        sites.push_back(std::move(s));
    }
    return sites;
}

std::vector<contract::ChargerState> Store::loadChargerStates() {
    std::vector<contract::ChargerState> chargers;
    std::map<std::string, std::size_t> index;
    pqxx::work tx(*m_connection);
    const auto rows = tx.exec("SELECT id, COALESCE(site_id, ''), lat, lon, vendor, model, serial_number, "
                              "firmware_version, max_power_kw, protocol, registration, "
                              "COALESCE((extract(epoch FROM last_seen) * 1000)::bigint, 0) "
                              "FROM chargers ORDER BY id");
    chargers.reserve(rows.size());
    for (const auto& row : rows) {
        contract::ChargerState c;
        c.chargerId = row[0].as<std::string>();
        c.siteId = row[1].as<std::string>();
        if (!row[2].is_null() && !row[3].is_null()) {
            c.location = contract::GeoPoint{row[2].as<double>(), row[3].as<double>()};
        }
        c.vendor = row[4].as<std::string>();
        c.model = row[5].as<std::string>();
        c.serialNumber = row[6].as<std::string>();
        c.firmwareVersion = row[7].as<std::string>();
        c.maxPowerKw = row[8].as<double>();
        c.protocol = row[9].as<std::string>();
        c.registration = row[10].as<std::string>();
        c.lastSeen = row[11].as<long long>();
        c.online = false;
        index[c.chargerId] = chargers.size();
        chargers.push_back(std::move(c));
    }
    for (const auto& row :
         tx.exec("SELECT charger_id, connector_id, status, error_code, info, vendor_error_code, "
                 "COALESCE((extract(epoch FROM since) * 1000)::bigint, 0) "
                 "FROM connectors ORDER BY charger_id, connector_id")) {
        const auto it = index.find(row[0].as<std::string>());
        const auto status = contract::connectorStatusFromString(row[2].as<std::string>());
        if (it == index.end() || !status) {
            continue;
        }
        contract::ConnectorState connector;
        connector.id = row[1].as<int>();
        connector.status = *status;
        connector.errorCode = row[3].as<std::string>();
        connector.info = row[4].as<std::string>();
        connector.vendorErrorCode = row[5].as<std::string>();
        connector.since = row[6].as<long long>();
        chargers[it->second].connectors.push_back(std::move(connector));
    }
    return chargers;
}

} // namespace voltdesk::store
