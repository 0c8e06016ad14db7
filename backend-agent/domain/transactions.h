// Charging transactions in the agent's own terms: what a charger reports when a session starts, meters
// and stops, and what the central system answers. Protocol adapters translate into these.
#pragma once

#include "contract/iso8601.h"
#include "domain/authorization.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace voltdesk::domain {

using contract::EpochMs;

/// One sampled value of a meter reading. Text fields hold the protocol's names ("Energy.Active.
/// Import.Register", "Wh", "L1", "Outlet", "Sample.Periodic", "Raw"); empty means the charger sent
/// none, and the protocol's default applies.
struct MeterSample {
    std::string value; ///< as sent: OCPP carries values as strings, signed data included
    std::string measurand;
    std::string unit;
    std::string phase;
    std::string location;
    std::string context;
    std::string format;
};

struct MeterReading {
    EpochMs timestamp = 0; ///< the charger's clock
    std::vector<MeterSample> samples;
};

/// A StartTransaction as reported. Its identity, for deduplication, is its content: charger,
/// connector, id tag, meter start and the charger's timestamp. A charger that retries with a new
/// message id, or replays its offline queue, sends the same content again.
struct TransactionStart {
    std::string chargerId;
    int connectorId = 0;
    std::string idTag;
    std::int64_t meterStartWh = 0;
    EpochMs timestamp = 0; ///< the charger's clock
    std::optional<int> reservationId;
    /// What the central system decided about idTag when it received this start; a replay keeps the
    /// decision stored with the first copy.
    IdTagInfo idTagInfo;
    EpochMs receivedAt = 0;
};

struct TransactionStartResult {
    int transactionId = 0;
    IdTagInfo idTagInfo;
    bool replay = false; ///< the same start was recorded before; nothing changed
};

struct TransactionStop {
    std::string chargerId;
    int transactionId = 0;
    std::optional<std::string> idTag; ///< who stopped it, when the charger says
    std::int64_t meterStopWh = 0;
    EpochMs timestamp = 0; ///< the charger's clock
    std::string reason;    ///< empty: the protocol's default (OCPP 1.6: Local)
    std::vector<MeterReading> transactionData;
    std::optional<IdTagInfo> idTagInfo; ///< the decision about idTag, when it was sent
    EpochMs receivedAt = 0;
};

enum class StopOutcome {
    Stopped,            ///< recorded now
    Replay,             ///< this transaction was stopped before; nothing changed
    UnknownTransaction, ///< no such transaction of this charger: recorded for review, answered normally
};

struct TransactionStopResult {
    StopOutcome outcome = StopOutcome::Stopped;
    /// The decision about the stopping idTag, when one was sent; TransactionService fills it in.
    std::optional<IdTagInfo> idTagInfo;
};

/// A MeterValues report. transactionId is the one the charger named, if any; readings outside a known
/// transaction are kept and attached once a transaction covering their time on that connector is known.
struct MeterValuesReport {
    std::string chargerId;
    int connectorId = 0;
    std::optional<int> transactionId;
    std::vector<MeterReading> readings;
    EpochMs receivedAt = 0;
};

} // namespace voltdesk::domain
