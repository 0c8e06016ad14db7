#include "store/store_writer.h"

#include "domain/charger_state_update.h"
#include "store/sql_text.h"

#include <algorithm>
#include <map>
#include <pqxx/pqxx>
#include <spdlog/spdlog.h>
#include <string_view>
#include <utility>

namespace voltdesk::store {

namespace {

using Clock = std::chrono::steady_clock;

/// A row of connector_status_history: a StatusNotification, or the connection going up or down
/// (connector 0, "Online" / "Offline", no charger time).
struct HistoryRow {
    const std::string* chargerId = nullptr;
    int connectorId = 0;
    std::string_view status;
    const domain::ConnectorStatusReported* report = nullptr; ///< null for a connection change
    contract::EpochMs receivedAt = 0;
};

/// One batch, column by column, ready to be passed as arrays to unnest().
struct BatchColumns {
    struct Charger {
        const contract::ChargerState* state = nullptr;
        contract::EpochMs firstSeen = 0;
    };
    std::map<std::string, Charger> chargers; // sorted: rows are locked in the same order every time
    std::map<std::pair<std::string, int>, const contract::ConnectorState*> connectors;
    std::vector<HistoryRow> history;
    std::vector<const domain::ChargePointEvent*> connections;
    std::vector<const domain::MaintenanceStatusReported*> maintenance;
};

const contract::ConnectorState* findConnector(const contract::ChargerState& state, int id) {
    const auto it = std::find_if(state.connectors.begin(), state.connectors.end(),
                                 [id](const contract::ConnectorState& c) { return c.id == id; });
    return it == state.connectors.end() ? nullptr : &*it;
}

void writeChargers(pqxx::work& tx, const BatchColumns& columns) {
    std::vector<std::string> ids, sites, vendors, models, serials, firmwares, protocols, registrations;
    // No std::optional in arrays: libpqxx 7.10 sizes a NULL element one byte short and overruns its
    // buffer when many are NULL. Absent locations travel as has_location = 0 instead.
    std::vector<double> lats, lons, powers;
    std::vector<int> hasLocation, online;
    std::vector<std::int64_t> firstSeen, lastSeen;
    for (const auto& [id, row] : columns.chargers) {
        const contract::ChargerState& s = *row.state;
        ids.push_back(sqlText(id));
        sites.push_back(sqlText(s.siteId));
        hasLocation.push_back(s.location ? 1 : 0);
        lats.push_back(s.location ? s.location->lat : 0.0);
        lons.push_back(s.location ? s.location->lon : 0.0);
        vendors.push_back(sqlText(s.vendor));
        models.push_back(sqlText(s.model));
        serials.push_back(sqlText(s.serialNumber));
        firmwares.push_back(sqlText(s.firmwareVersion));
        powers.push_back(s.maxPowerKw);
        protocols.push_back(sqlText(s.protocol));
        registrations.push_back(sqlText(s.registration));
        online.push_back(s.online ? 1 : 0);
        firstSeen.push_back(row.firstSeen);
        lastSeen.push_back(s.lastSeen);
    }
    // What a charger has not told us (yet) never erases what an earlier message or the inventory did.
    tx.exec(
        "INSERT INTO chargers AS c (id, site_id, lat, lon, vendor, model, serial_number, firmware_version, "
        "max_power_kw, protocol, registration, online, first_seen, last_seen, updated_at) "
        "SELECT u.id, NULLIF(u.site, ''), CASE WHEN u.has_location <> 0 THEN u.lat END, "
        "CASE WHEN u.has_location <> 0 THEN u.lon END, u.vendor, u.model, u.serial, u.firmware, u.power, "
        "u.protocol, u.registration, u.online <> 0, to_timestamp(NULLIF(u.first_seen, 0) / 1000.0), "
        "to_timestamp(NULLIF(u.last_seen, 0) / 1000.0), now() "
        "FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::text[], $6::text[], $7::text[], "
        "$8::text[], $9::float8[], $10::text[], $11::text[], $12::int[], $13::int8[], $14::int8[], "
        "$15::int[]) "
        "AS u(id, site, lat, lon, vendor, model, serial, firmware, power, protocol, registration, online, "
        "first_seen, last_seen, has_location) "
        "ON CONFLICT (id) DO UPDATE SET "
        "site_id = COALESCE(EXCLUDED.site_id, c.site_id), "
        "lat = COALESCE(EXCLUDED.lat, c.lat), lon = COALESCE(EXCLUDED.lon, c.lon), "
        "vendor = COALESCE(NULLIF(EXCLUDED.vendor, ''), c.vendor), "
        "model = COALESCE(NULLIF(EXCLUDED.model, ''), c.model), "
        "serial_number = COALESCE(NULLIF(EXCLUDED.serial_number, ''), c.serial_number), "
        "firmware_version = COALESCE(NULLIF(EXCLUDED.firmware_version, ''), c.firmware_version), "
        "max_power_kw = CASE WHEN EXCLUDED.max_power_kw > 0 THEN EXCLUDED.max_power_kw ELSE c.max_power_kw "
        "END, "
        "protocol = COALESCE(NULLIF(EXCLUDED.protocol, ''), c.protocol), "
        "registration = COALESCE(NULLIF(EXCLUDED.registration, ''), c.registration), "
        "online = EXCLUDED.online, "
        "first_seen = COALESCE(c.first_seen, EXCLUDED.first_seen), "
        "last_seen = GREATEST(c.last_seen, EXCLUDED.last_seen), "
        "updated_at = now()",
        pqxx::params{ids, sites, lats, lons, vendors, models, serials, firmwares, powers, protocols,
                     registrations, online, firstSeen, lastSeen, hasLocation});
}

void writeConnectors(pqxx::work& tx, const BatchColumns& columns) {
    if (columns.connectors.empty()) {
        return;
    }
    std::vector<std::string> chargers, statuses, errors, infos, vendorErrors;
    std::vector<int> ids;
    std::vector<std::int64_t> since;
    for (const auto& [key, c] : columns.connectors) {
        chargers.push_back(sqlText(key.first));
        ids.push_back(key.second);
        statuses.push_back(std::string(contract::toString(c->status)));
        errors.push_back(sqlText(c->errorCode));
        infos.push_back(sqlText(c->info));
        vendorErrors.push_back(sqlText(c->vendorErrorCode));
        since.push_back(c->since);
    }
    tx.exec("INSERT INTO connectors (charger_id, connector_id, status, error_code, info, vendor_error_code, "
            "since, "
            "updated_at) "
            "SELECT u.charger, u.connector, u.status, u.error_code, u.info, u.vendor_error, "
            "to_timestamp(NULLIF(u.since, 0) / 1000.0), now() "
            "FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int8[]) "
            "AS u(charger, connector, status, error_code, info, vendor_error, since) "
            "ON CONFLICT (charger_id, connector_id) DO UPDATE SET status = EXCLUDED.status, "
            "error_code = EXCLUDED.error_code, info = EXCLUDED.info, vendor_error_code = "
            "EXCLUDED.vendor_error_code, "
            "since = EXCLUDED.since, updated_at = now()",
            pqxx::params{chargers, ids, statuses, errors, infos, vendorErrors, since});
}

void writeHistory(pqxx::work& tx, const BatchColumns& columns) {
    if (columns.history.empty()) {
        return;
    }
    std::vector<std::string> chargers, statuses, errors, infos, vendorErrors;
    std::vector<int> ids;
    std::vector<std::int64_t> at, received;
    for (const auto& row : columns.history) {
        chargers.push_back(sqlText(*row.chargerId));
        ids.push_back(row.connectorId);
        statuses.emplace_back(row.status);
        errors.push_back(row.report ? sqlText(row.report->errorCode) : std::string());
        infos.push_back(row.report ? sqlText(row.report->info) : std::string());
        vendorErrors.push_back(row.report ? sqlText(row.report->vendorErrorCode) : std::string());
        at.push_back(row.report ? row.report->at : 0);
        received.push_back(row.receivedAt);
    }
    tx.exec("INSERT INTO connector_status_history (charger_id, connector_id, status, error_code, info, "
            "vendor_error_code, "
            "charger_time, received_at) "
            "SELECT u.charger, u.connector, u.status, u.error_code, u.info, u.vendor_error, "
            "to_timestamp(NULLIF(u.at, 0) / 1000.0), COALESCE(to_timestamp(NULLIF(u.received, 0) / 1000.0), "
            "now()) "
            "FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int8[], "
            "$8::int8[]) AS u(charger, connector, status, error_code, info, vendor_error, at, received)",
            pqxx::params{chargers, ids, statuses, errors, infos, vendorErrors, at, received});
}

void writeConnections(pqxx::work& tx, const BatchColumns& columns) {
    if (columns.connections.empty()) {
        return;
    }
    std::vector<std::string> chargers, events, protocols, remotes, reasons;
    std::vector<std::int64_t> at;
    for (const auto* event : columns.connections) {
        if (const auto* c = std::get_if<domain::ChargerConnected>(event)) {
            chargers.push_back(sqlText(c->chargerId));
            events.emplace_back("connected");
            protocols.push_back(sqlText(c->protocol));
            remotes.push_back(sqlText(c->remoteAddress));
            reasons.emplace_back();
            at.push_back(c->at);
        } else if (const auto* d = std::get_if<domain::ChargerDisconnected>(event)) {
            chargers.push_back(sqlText(d->chargerId));
            events.emplace_back("disconnected");
            protocols.emplace_back();
            remotes.emplace_back();
            reasons.push_back(sqlText(d->reason));
            at.push_back(d->at);
        }
    }
    tx.exec("INSERT INTO charger_connections (charger_id, event, protocol, remote_address, reason, at) "
            "SELECT u.charger, u.event, u.protocol, u.remote, u.reason, "
            "COALESCE(to_timestamp(NULLIF(u.at, 0) / 1000.0), now()) "
            "FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int8[]) "
            "AS u(charger, event, protocol, remote, reason, at)",
            pqxx::params{chargers, events, protocols, remotes, reasons, at});
}

std::string kindName(domain::MaintenanceStatusReported::Kind kind) {
    using Kind = domain::MaintenanceStatusReported::Kind;
    switch (kind) {
    case Kind::Firmware:
        return "firmware";
    case Kind::SignedFirmware:
        return "signed_firmware";
    case Kind::Diagnostics:
        return "diagnostics";
    case Kind::Log:
        return "log";
    }
    return "firmware";
}

void writeMaintenance(pqxx::work& tx, const BatchColumns& columns) {
    if (columns.maintenance.empty()) {
        return;
    }
    std::vector<std::string> chargers, kinds, statuses;
    std::vector<int> requestIds;
    std::vector<std::int64_t> at;
    for (const auto* m : columns.maintenance) {
        chargers.push_back(sqlText(m->chargerId));
        kinds.push_back(kindName(m->kind));
        statuses.push_back(sqlText(m->status));
        requestIds.push_back(m->requestId.value_or(-1));
        at.push_back(m->at);
    }
    tx.exec("INSERT INTO maintenance_history (charger_id, kind, status, request_id, received_at) "
            "SELECT u.charger, u.kind, u.status, u.request, COALESCE(to_timestamp(NULLIF(u.at, 0) / 1000.0), "
            "now()) "
            "FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int8[]) "
            "AS u(charger, kind, status, request, at)",
            pqxx::params{chargers, kinds, statuses, requestIds, at});
}

} // namespace

StoreWriter::StoreWriter(std::string uri, StoreWriterOptions options)
    : m_uri(std::move(uri)), m_options(options) {}

StoreWriter::~StoreWriter() {
    stop();
}

void StoreWriter::start() {
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable()) {
        return;
    }
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void StoreWriter::onChargerEvent(const domain::ChargePointEvent& event, const contract::ChargerState& after) {
    bool warn = false;
    std::uint64_t dropped = 0;
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.size() >= m_options.maxQueuedEvents) {
            ++m_stats.dropped;
            ++m_droppedSinceWarning;
            const auto now = Clock::now();
            if (now - m_lastDropWarning > std::chrono::seconds(10)) {
                m_lastDropWarning = now;
                warn = true;
                dropped = std::exchange(m_droppedSinceWarning, 0);
            }
        } else {
            m_queue.push_back(Item{event, after});
            ++m_enqueued;
            if (m_queue.size() == 1 || m_queue.size() >= m_options.maxBatch) {
                m_wake.notify_one();
            }
        }
    }
    if (warn) {
        spdlog::warn("store: write queue full ({} events); dropped {} events since the last warning. "
                     "The database is unreachable or too slow",
                     m_options.maxQueuedEvents, dropped);
    }
}

bool StoreWriter::flush(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    const std::uint64_t target = m_enqueued;
    ++m_flushWaiters;
    m_wake.notify_one();
    const bool done = m_progress.wait_for(lock, timeout, [&] { return m_done >= target; });
    --m_flushWaiters;
    return done;
}

void StoreWriter::stop(std::chrono::milliseconds timeout) {
    {
        std::lock_guard lock(m_mutex);
        if (!m_thread.joinable() || m_stopping) {
            return;
        }
        m_stopping = true;
        m_stopDeadline = Clock::now() + timeout;
    }
    m_wake.notify_all();
    m_thread.join();
    const auto s = stats();
    spdlog::info("store: writer stopped written={} batches={} dropped={} rejected={}", s.written, s.batches,
                 s.dropped, s.rejected);
}

StoreWriterStats StoreWriter::stats() const {
    std::lock_guard lock(m_mutex);
    return m_stats;
}

void StoreWriter::run() {
    while (true) {
        std::deque<Item> batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty()) {
                break;
            }
            if (m_stopping && Clock::now() >= m_stopDeadline && !m_connection) {
                // Out of time with no database: what is left cannot be written.
                const auto left = m_queue.size();
                m_stats.dropped += left;
                m_done += left;
                m_queue.clear();
                m_progress.notify_all();
                lock.unlock();
                spdlog::error("store: gave up writing {} events at shutdown; the database was unreachable",
                              left);
                break;
            }
            if (m_queue.size() < m_options.maxBatch && !m_stopping && m_flushWaiters == 0) {
                m_wake.wait_for(lock, m_options.batchDelay, [&] {
                    return m_stopping || m_flushWaiters > 0 || m_queue.size() >= m_options.maxBatch;
                });
            }
            const std::size_t n = std::min(m_queue.size(), m_options.maxBatch);
            std::move(m_queue.begin(), m_queue.begin() + static_cast<std::ptrdiff_t>(n),
                      std::back_inserter(batch));
            m_queue.erase(m_queue.begin(), m_queue.begin() + static_cast<std::ptrdiff_t>(n));
        }
        writeWithRetry(batch);
        {
            std::lock_guard lock(m_mutex);
            m_done += batch.size();
        }
        m_progress.notify_all();
    }
    m_connection.reset();
}

void StoreWriter::writeWithRetry(const std::deque<Item>& batch) {
    auto delay = std::chrono::milliseconds(250);
    bool reported = false;
    while (true) {
        try {
            if (!m_connection) {
                m_connection = std::make_unique<pqxx::connection>(m_uri);
                if (reported) {
                    spdlog::info("store: database reachable again");
                }
            }
            writeBatch(batch);
            std::lock_guard lock(m_mutex);
            m_stats.written += batch.size();
            ++m_stats.batches;
            return;
        } catch (const pqxx::broken_connection& e) {
            m_connection.reset();
            if (!reported) {
                reported = true;
                spdlog::warn("store: database unreachable, keeping {} events and retrying: {}", batch.size(),
                             std::string(e.what()).substr(0, 200));
            }
            if (!waitBeforeRetry(delay)) {
                std::lock_guard lock(m_mutex);
                m_stats.dropped += batch.size();
                spdlog::error("store: gave up writing {} events at shutdown; the database was unreachable",
                              batch.size());
                return;
            }
            delay = std::min(delay * 2, m_options.maxRetryDelay);
        } catch (const pqxx::in_doubt_error& e) {
            // The commit may or may not have happened; writing again could duplicate history rows.
            m_connection.reset();
            spdlog::warn("store: connection lost while committing {} events; they may not be stored: {}",
                         batch.size(), e.what());
            return;
        } catch (const std::exception& e) {
            if (batch.size() > 1) {
                // Find the event the database refuses and write the others.
                for (const auto& item : batch) {
                    writeWithRetry(std::deque<Item>{item});
                }
                return;
            }
            std::lock_guard lock(m_mutex);
            ++m_stats.rejected;
            spdlog::error("store: the database refused an event of charger={}; skipped: {}",
                          domain::chargerIdOf(batch.front().event), e.what());
            return;
        }
    }
}

bool StoreWriter::waitBeforeRetry(std::chrono::milliseconds delay) {
    std::unique_lock lock(m_mutex);
    auto until = Clock::now() + delay;
    while (Clock::now() < until) {
        if (m_stopping) {
            if (Clock::now() >= m_stopDeadline) {
                return false;
            }
            until = std::min(until, m_stopDeadline);
        }
        m_wake.wait_until(lock, until);
    }
    return !(m_stopping && Clock::now() >= m_stopDeadline);
}

void StoreWriter::writeBatch(const std::deque<Item>& batch) {
    BatchColumns columns;
    for (const auto& item : batch) {
        const std::string& id = item.after.chargerId;
        auto& row = columns.chargers[id];
        row.state = &item.after;
        if (item.after.lastSeen != 0 && (row.firstSeen == 0 || item.after.lastSeen < row.firstSeen)) {
            row.firstSeen = item.after.lastSeen;
        }
        if (const auto* status = std::get_if<domain::ConnectorStatusReported>(&item.event)) {
            if (status->connectorId < 0 || status->connectorId > domain::kMaxConnectorId) {
                continue; // the domain ignores these too
            }
            columns.history.push_back(HistoryRow{&status->chargerId, status->connectorId,
                                                 contract::toString(status->status), status,
                                                 status->receivedAt});
            if (const auto* connector = findConnector(item.after, status->connectorId)) {
                columns.connectors[{id, status->connectorId}] = connector;
            }
        } else if (const auto* up = std::get_if<domain::ChargerConnected>(&item.event)) {
            columns.connections.push_back(&item.event);
            columns.history.push_back(HistoryRow{&up->chargerId, 0, "Online", nullptr, up->at});
        } else if (const auto* down = std::get_if<domain::ChargerDisconnected>(&item.event)) {
            columns.connections.push_back(&item.event);
            columns.history.push_back(HistoryRow{&down->chargerId, 0, "Offline", nullptr, down->at});
        } else if (const auto* maintenance = std::get_if<domain::MaintenanceStatusReported>(&item.event)) {
            columns.maintenance.push_back(maintenance);
        }
    }
    pqxx::work tx(*m_connection);
    writeChargers(tx, columns);
    writeConnectors(tx, columns);
    writeHistory(tx, columns);
    writeConnections(tx, columns);
    writeMaintenance(tx, columns);
    tx.commit();
}

} // namespace voltdesk::store
