// A charger's status records over a time window, reduced to what health needs: how long it was
// unavailable or offline, how often it faulted, which error codes it reported. docs/HEALTH.md.
#pragma once

#include "contract/iso8601.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace voltdesk::domain {

/// One row of connector_status_history.
struct StatusRecord {
    int connectorId = 0;      ///< 0: the charger itself; with "Online"/"Offline" its connection
    std::string status;       ///< an OCPP 1.6 ChargePointStatus, or "Online"/"Offline" on connector 0
    std::string errorCode;    ///< "NoError" or empty when none
    contract::EpochMs at = 0; ///< when the agent received it

    bool operator==(const StatusRecord&) const = default;
};

/// "Online"/"Offline" on connector 0.
bool isConnectivity(const StatusRecord& record);
/// A status that takes a connector (or, on connector 0, the whole charger) out of service.
bool isOutOfService(const std::string& status);
/// An error code worth telling an operator about (not empty, not "NoError").
bool isError(const std::string& errorCode);

struct TimelineSummary {
    contract::EpochMs knownMs = 0; ///< window time after the charger's first record
    double downMs = 0;             ///< unavailable time, averaged over the connectors
    contract::EpochMs offlineMs = 0;
    int faults = 0;
    std::vector<std::string> errorCodes; ///< distinct, in the order first reported in the window

    /// 1 - downMs / knownMs; nullopt when nothing is known of the window.
    std::optional<double> availability() const;
};

struct ConnectorFault {
    int connectorId = 0;
    std::string errorCode;
    bool operator==(const ConnectorFault&) const = default;
};

/// The charger's condition at the end of the records.
struct ChargerCondition {
    bool online = true;                  ///< true until an "Offline" says otherwise
    contract::EpochMs offlineSince = 0;  ///< when online is false
    std::vector<ConnectorFault> faulted; ///< connectors whose last status is Faulted, by id
};

/// records in time order (equal times keep their order; the last record before `from` of each
/// connector says its state at the window's start). The window is [from, to).
///
/// - A connector (1..n, those in the records) is down while the charger is offline, while connector 0
///   is Unavailable or Faulted, or while its own status is Unavailable or Faulted. downMs is the mean
///   over the connectors; a charger that never reported a connector counts connector 0 alone.
/// - Before the charger's first record nothing is known: that time is not in knownMs. A connector
///   with no record yet is taken as in service, and the connection as up until "Offline".
/// - A fault is a Faulted record in the window whose connector was not already Faulted with the same
///   error code.
TimelineSummary summarizeTimeline(std::span<const StatusRecord> records, contract::EpochMs from,
                                  contract::EpochMs to);

/// The condition after every record (in time order).
ChargerCondition conditionOf(std::span<const StatusRecord> records);

} // namespace voltdesk::domain
