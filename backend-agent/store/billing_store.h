// Billing in PostgreSQL (migration 006): tariffs and their assignments, the facts of a transaction to
// rate it by, and charge detail records written exactly once per version.
#pragma once

#include "contract/charge_detail_record.h"
#include "domain/billing/charge_record.h"
#include "domain/billing/tariff.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pqxx {
class connection;       // NOLINT(readability-identifier-naming): libpqxx's name
class transaction_base; // NOLINT(readability-identifier-naming)
} // namespace pqxx

namespace voltdesk::store {

struct StoredTariff {
    billing::Tariff tariff;
    std::string body; ///< the JSON form as stored
    contract::EpochMs createdAt = 0;
    std::string createdBy;
};

struct StoredAssignment {
    billing::TariffAssignment assignment;
    contract::EpochMs assignedAt = 0;
    std::string assignedBy;
};

/// The tariffs that apply to a session: every version of the assigned tariff id, and where from.
struct TariffChoice {
    std::optional<billing::TariffAssignment> assignment; ///< absent: nothing is assigned
    std::vector<billing::Tariff> tariffs;
};

struct CdrFilter {
    std::optional<contract::EpochMs> from; ///< stop_time >= from
    std::optional<contract::EpochMs> to;   ///< stop_time < to
    std::string siteId;
    std::string chargerId;
    std::string customerGroup;
    std::string idTag;
    bool currentOnly = true; ///< the version in force of each record only
    int offset = 0;
    int limit = 1000;
};

enum class SessionStatus { Live, Finished, All };

struct SessionFilter {
    std::optional<contract::EpochMs> from; ///< sessions overlapping [from, to)
    std::optional<contract::EpochMs> to;
    std::string siteId;
    std::string chargerId;
    std::string customerGroup;
    std::string idTag;
    SessionStatus status = SessionStatus::All;
    int offset = 0;
    int limit = 100;
};

struct SessionRow {
    int transactionId = 0;
    std::string chargerId;
    int connectorId = 0;
    std::string siteId;
    std::string idTag;
    std::string customerGroup;
    contract::EpochMs start = 0;
    std::optional<contract::EpochMs> stop;
    std::int64_t meterStartWh = 0;
    std::optional<std::int64_t> meterStopWh;
    std::optional<contract::ChargeDetailRecord> cdr; ///< the version in force, for a finished session
};

struct CurrencyTotal {
    std::string currency;
    std::int64_t sessions = 0;
    std::int64_t energyMilliWh = 0;
    std::int64_t subtotal = 0;
    std::int64_t tax = 0;
    std::int64_t total = 0;
};

struct SessionsPage {
    std::vector<SessionRow> sessions;
    std::int64_t matching = 0;         ///< sessions matching the filter, all pages
    std::vector<CurrencyTotal> totals; ///< of the finished ones matching, by currency (unrated: "")
};

struct RevenueRow {
    std::string key; ///< site id, or the period's name ("" for fees that have none)
    std::string currency;
    std::int64_t sessions = 0;
    std::int64_t energyMilliWh = 0;
    std::int64_t amount = 0; ///< site rows: totals with tax; period rows: the lines' amounts (before tax)
};

struct RevenueSummary {
    std::vector<RevenueRow> bySite;
    std::vector<RevenueRow> byPeriod; ///< energy + serviceFee lines by period; other kinds under their kind
    std::vector<CurrencyTotal> totals;
    std::int64_t unrated = 0; ///< records without a tariff in the range
};

/// One connection of its own, opened on first use and again after it broke. Not thread-safe: one
/// caller at a time. Every method throws StoreError when the database cannot answer.
class BillingStore {
public:
    explicit BillingStore(const std::string& uri);
    ~BillingStore();
    BillingStore(const BillingStore&) = delete;
    BillingStore& operator=(const BillingStore&) = delete;

    /// Every version of every tariff (or of one id), by id and version.
    std::vector<StoredTariff> tariffs(const std::string& tariffId = {});
    /// Stores a validated tariff version. Returns an empty string, or why it was refused (the version
    /// exists; its validity overlaps another version of the same id).
    std::string putTariff(const billing::Tariff& tariff, const std::string& createdBy);
    /// Assigns (or with an empty tariffId, unassigns) a tariff to a scope; for a charger group, members
    /// (when given) replace the group's chargers.
    void assign(const billing::TariffAssignment& assignment, const std::string& assignedBy,
                const std::optional<std::vector<std::string>>& members = std::nullopt);
    std::vector<StoredAssignment> assignments();
    std::map<std::string, std::vector<std::string>> chargerGroups();

    /// A transaction with its site and readings; nullopt when there is no such transaction.
    std::optional<billing::SessionFacts> sessionFacts(int transactionId);
    TariffChoice tariffsFor(const billing::SessionFacts& facts);

    /// Inserts version 1 unless a version 1 of the transaction exists; returns the stored one either way
    /// (so every caller publishes the same record).
    contract::ChargeDetailRecord insertFirstVersion(const contract::ChargeDetailRecord& record);
    /// Inserts version (highest + 1) and makes it the one in force; record.version is set here. Throws
    /// StoreError when there is no version 1 yet.
    contract::ChargeDetailRecord insertNextVersion(contract::ChargeDetailRecord record,
                                                   const std::string& createdBy);
    /// Every version, oldest first.
    std::vector<contract::ChargeDetailRecord> cdrVersions(const std::string& cdrId);
    std::vector<contract::ChargeDetailRecord> cdrs(const CdrFilter& filter);
    /// Finished transactions after afterTransactionId that have no record yet, by id.
    std::vector<int> finishedWithoutCdr(int afterTransactionId, int limit);

    SessionsPage sessions(const SessionFilter& filter);
    RevenueSummary revenue(contract::EpochMs from, contract::EpochMs to, const std::string& siteId = {});

private:
    template <typename Work> auto withConnection(const char* what, Work&& work);

    std::string m_uri;
    std::unique_ptr<pqxx::connection> m_connection;
};

} // namespace voltdesk::store
