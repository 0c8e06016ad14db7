// Every transaction a charger started, and whether the central system acknowledged it: a
// StartTransaction answered with a transactionId, a StopTransaction answered. Tests compare this
// ledger with what the central system stored.
#pragma once

#include "contract/iso8601.h"

#include <optional>
#include <string>
#include <vector>

namespace voltdesk::sim {

using contract::EpochMs;

struct TransactionRecord {
    int localId = 0; ///< the charger's own number, 1.. (the central system's id arrives later)
    int connectorId = 0;
    std::string idTag;
    std::optional<int> reservationId;
    EpochMs startedAt = 0;
    long long meterStartWh = 0;
    bool startedOffline = false;
    std::optional<int> transactionId; ///< from the answer to StartTransaction
    std::string idTagStatus;          ///< the answer's idTagInfo.status
    bool startAcknowledged = false;
    std::optional<EpochMs> stoppedAt;
    std::optional<long long> meterStopWh;
    std::string stopReason; ///< OCPP 1.6 Reason, e.g. "Local", "Remote", "PowerLoss"
    bool stopAcknowledged = false;
    int meterValuesSent = 0;
    int meterValuesAcknowledged = 0;
    /// Set when a message of this transaction was given up on (attempts exhausted, queue full);
    /// nothing is dropped silently.
    std::vector<std::string> dropped;

    bool active() const { return !stoppedAt.has_value(); }
};

class TransactionLedger {
public:
    TransactionRecord& open(int connectorId, std::string idTag, EpochMs at, long long meterStartWh,
                            bool offline, std::optional<int> reservationId) {
        TransactionRecord r;
        r.localId = static_cast<int>(m_records.size()) + 1;
        r.connectorId = connectorId;
        r.idTag = std::move(idTag);
        r.startedAt = at;
        r.meterStartWh = meterStartWh;
        r.startedOffline = offline;
        r.reservationId = reservationId;
        m_records.push_back(std::move(r));
        return m_records.back();
    }
    TransactionRecord* find(int localId) {
        return localId >= 1 && localId <= static_cast<int>(m_records.size())
                   ? &m_records[static_cast<std::size_t>(localId - 1)]
                   : nullptr;
    }
    TransactionRecord* byTransactionId(int transactionId) {
        for (auto& r : m_records) {
            if (r.transactionId == transactionId) {
                return &r;
            }
        }
        return nullptr;
    }
    const std::vector<TransactionRecord>& records() const { return m_records; }

private:
    std::vector<TransactionRecord> m_records;
};

} // namespace voltdesk::sim
