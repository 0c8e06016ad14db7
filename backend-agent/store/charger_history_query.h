// One charger's recent past for a console's detail view, read from the store: meter readings
// downsampled in SQL to a bounded number of samples, status changes, security events, maintenance.
#pragma once

#include "contract/iso8601.h"
#include "contract/telemetry.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pqxx {
class connection; // NOLINT(readability-identifier-naming): libpqxx's name
}

namespace voltdesk::store {

struct HistoryQuery {
    std::string chargerId;
    contract::EpochMs from = 0; ///< inclusive
    contract::EpochMs to = 0;   ///< exclusive
    int maxSamples = 2000;      ///< per connector
};

struct StatusChangeRecord {
    int connectorId = 0; ///< 0 with status Online/Offline: the charger's connection
    std::string status;
    std::string errorCode;
    std::string info;
    std::string vendorErrorCode;
    contract::EpochMs at = 0; ///< when the agent received it, the one clock every row has
    std::optional<contract::EpochMs> chargerTime;
};

struct SecurityEventRecord {
    std::string type;
    std::string techInfo;
    std::string severity;
    contract::EpochMs at = 0; ///< the charger's time of its own events, else when recorded
};

struct MaintenanceRecord {
    std::string kind; ///< firmware, signed_firmware, diagnostics, log
    std::string status;
    std::optional<int> requestId;
    contract::EpochMs at = 0;
};

/// Bounds of one answer: each list keeps its most recent entries up to these.
inline constexpr std::size_t kMaxStatusChanges = 5000;
inline constexpr std::size_t kMaxSecurityEvents = 1000;
inline constexpr std::size_t kMaxMaintenance = 1000;
/// Samples of all connectors together at most: a charger with many connectors gets fewer per connector.
inline constexpr std::size_t kMaxTotalSamples = 50'000;

struct ChargerHistory {
    /// Per connector in time order; at most samplesPerConnector per connector (maxSamples, fewer when
    /// the connectors would exceed kMaxTotalSamples; connectors 0 to 64 only). A sample stands for a
    /// time bucket of (to - from) / samplesPerConnector: averages of power, current, voltage, SoC and
    /// temperature, the highest energy register, at the time of the bucket's last reading. No transactionId.
    std::vector<contract::TelemetrySample> samples;
    /// In time order. Each connector's last change before `from` comes first (when within 30 days
    /// before), so a timeline can be drawn from `from` on.
    std::vector<StatusChangeRecord> statusChanges;
    std::vector<SecurityEventRecord> securityEvents;
    std::vector<MaintenanceRecord> maintenance;
    int samplesPerConnector = 0;
    bool truncated = false; ///< a list was cut at its bound
};

/// One connection of its own, opened on first use and again after it broke. Not thread-safe: one
/// caller at a time (the agent's history worker).
class ChargerHistoryQuery {
public:
    explicit ChargerHistoryQuery(const std::string& uri);
    ~ChargerHistoryQuery();
    ChargerHistoryQuery(const ChargerHistoryQuery&) = delete;
    ChargerHistoryQuery& operator=(const ChargerHistoryQuery&) = delete;

    /// Blocking; throws StoreError when the database cannot answer.
    ChargerHistory load(const HistoryQuery& query);

private:
    ChargerHistory read(pqxx::connection& connection, const HistoryQuery& query);

    std::string m_uri;
    std::unique_ptr<pqxx::connection> m_connection;
};

} // namespace voltdesk::store
