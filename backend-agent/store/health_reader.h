// Reads what the charger health figures are computed from: new connector_status_history rows, and
// per charger today's transactions with their meter registers and the live power. One query per
// kind for the whole fleet (or the chargers asked for), never one per charger.
#pragma once

#include "domain/health/energy_window.h"
#include "domain/health/status_timeline.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace pqxx {
class connection; // NOLINT(readability-identifier-naming): libpqxx's name
}

namespace voltdesk::store {

struct ChargerMeters {
    contract::EpochMs dayStart = 0; ///< midnight in the site's time zone, UTC when it has none
    std::vector<domain::TransactionMeter> transactions; ///< those overlapping today
    int openTransactions = 0;
    std::optional<double> powerW; ///< sum of the open transactions' latest Power.Active.Import
};

/// Not thread-safe: the health reporter's thread owns it. Reconnects on the next call after the
/// connection broke (the call that noticed throws).
class HealthReader {
public:
    explicit HealthReader(std::string uri);
    ~HealthReader();
    HealthReader(const HealthReader&) = delete;
    HealthReader& operator=(const HealthReader&) = delete;

    using RecordSink = std::function<void(const std::string& chargerId, domain::StatusRecord record)>;

    /// The first call: every row received since `since` and, per charger and connector, the last row
    /// of the `lookback` before it. Later calls: the rows added since (by id; the store writer is the
    /// only writer, one transaction at a time, so ids are in commit order). Rows in id order.
    void readNewRecords(contract::EpochMs since, contract::EpochMs lookback, const RecordSink& sink);

    /// Meters of the given chargers (all when `only` is empty) at `now`; chargers without
    /// transactions today are present with their day start only when they have a row in chargers.
    std::unordered_map<std::string, ChargerMeters> readMeters(contract::EpochMs now,
                                                              const std::vector<std::string>& only);

private:
    pqxx::connection& connection();

    const std::string m_uri;
    std::unique_ptr<pqxx::connection> m_connection;
    std::optional<std::int64_t> m_lastId;
};

} // namespace voltdesk::store
