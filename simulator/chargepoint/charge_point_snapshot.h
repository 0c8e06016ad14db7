// A copy of what a test may read about one simulated charger at an instant: registration, connectors,
// the transactions ledger, the CALLs exchanged both ways and their answers, configuration.
#pragma once

#include "chargepoint/transaction_ledger.h"
#include "contract/charger_status.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace voltdesk::sim {

enum class Registration { Disconnected, Booting, Pending, Rejected, Accepted };

/// One CALL and what became of it. For CALLs we sent: the central system's answer; for CALLs we
/// received: our answer.
struct ExchangedCall {
    std::string messageId;
    std::string action;
    nlohmann::json payload;
    std::optional<nlohmann::json> result; ///< CALLRESULT payload
    std::string errorCode;                ///< CALLERROR code, or "Timeout" for our CALLs
    EpochMs at = 0;
    bool answered() const { return result.has_value() || !errorCode.empty(); }
};

struct ConnectorSnapshot {
    int id = 0;
    contract::ConnectorStatus status = contract::ConnectorStatus::Available;
    std::string errorCode = "NoError";
    bool plugged = false;
    std::optional<int> transactionLocalId;
    double powerW = 0;
    double energyWh = 0;
    double socPercent = 0;
    std::optional<double> limitW; ///< what charging profiles allow now
    std::optional<int> reservationId;
};

struct ChargePointSnapshot {
    std::string chargerId;
    Registration registration = Registration::Disconnected;
    std::vector<ConnectorSnapshot> connectors; ///< [0] is connector 0 (the charger as a whole)
    std::vector<TransactionRecord> transactions;
    std::vector<ExchangedCall> sent;     ///< our CALLs, oldest first (the last 512)
    std::vector<ExchangedCall> received; ///< the central system's CALLs (the last 512)
    std::map<std::string, std::string> configuration;
    std::size_t queuedTransactionMessages = 0;
    std::string firmwareStatus = "Idle";
    std::string diagnosticsStatus = "Idle";
    std::string firmwareVersion;
    int localListVersion = 0;
    std::size_t authorizationCacheSize = 0;
    std::size_t installedCertificates = 0;
    int bootCount = 0; ///< BootNotifications accepted

    bool accepted() const { return registration == Registration::Accepted; }
    const ConnectorSnapshot* connector(int id) const {
        return id >= 0 && id < static_cast<int>(connectors.size()) ? &connectors[static_cast<std::size_t>(id)]
                                                                   : nullptr;
    }
    /// The running transaction on a connector.
    const TransactionRecord* activeTransaction(int connectorId) const {
        for (const auto& t : transactions) {
            if (t.connectorId == connectorId && t.active()) {
                return &t;
            }
        }
        return nullptr;
    }
    const TransactionRecord* lastTransaction() const {
        return transactions.empty() ? nullptr : &transactions.back();
    }
    /// The most recent CALL of that action we sent / received.
    const ExchangedCall* lastSent(std::string_view action) const { return lastOf(sent, action); }
    const ExchangedCall* lastReceived(std::string_view action) const { return lastOf(received, action); }
    int countSent(std::string_view action) const { return countOf(sent, action); }
    int countReceived(std::string_view action) const { return countOf(received, action); }

private:
    static const ExchangedCall* lastOf(const std::vector<ExchangedCall>& calls, std::string_view action) {
        for (auto it = calls.rbegin(); it != calls.rend(); ++it) {
            if (it->action == action) {
                return &*it;
            }
        }
        return nullptr;
    }
    static int countOf(const std::vector<ExchangedCall>& calls, std::string_view action) {
        int n = 0;
        for (const auto& c : calls) {
            n += c.action == action ? 1 : 0;
        }
        return n;
    }
};

} // namespace voltdesk::sim
