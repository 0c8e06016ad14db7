// A stored session's facts and the CDR made of them: the rating (or why there is none) with who, where
// and when, in the contract's shape. Also which assigned tariff applies to a session (docs/BILLING.md).
#pragma once

#include "contract/charge_detail_record.h"
#include "domain/billing/session_rating.h"

#include <optional>
#include <string>
#include <vector>

namespace voltdesk::billing {

/// A transaction as the store knows it, with the readings to rate it by.
struct SessionFacts {
    int transactionId = 0;
    std::string chargerId;
    int connectorId = 0;
    std::string idTag;
    std::string customerGroup; ///< the id tag's parent at the start
    std::string siteId;
    std::string siteName;
    std::string timeZone; ///< the site's; "UTC" when the site has none
    double maxPowerKw = 0;
    EpochMs start = 0;
    std::optional<EpochMs> stop; ///< absent while the transaction runs
    std::int64_t meterStartWh = 0;
    std::optional<std::int64_t> meterStopWh;
    /// When the car stopped drawing power for good (the start of the connector's last SuspendedEV or
    /// Finishing stretch in the session); the time price stops and idle time starts there.
    std::optional<EpochMs> chargingFinished;
    /// Energy register readings in mWh: meterStart at the start, every stored reading, meterStop at the stop.
    std::vector<MeterReading> readings;
};

/// "{chargerId}/{transactionId}".
std::string cdrIdOf(const std::string& chargerId, int transactionId);

/// Rating options for a session: implausible power above 1.2 x the charger's rating, when known.
RatingOptions ratingOptionsFor(const SessionFacts& facts, std::optional<EpochMs> asOf = std::nullopt);

/// The session as a SessionInput.
SessionInput sessionInputOf(const SessionFacts& facts);

/// The record of a rated session. version 0 and provisional when the rating is.
contract::ChargeDetailRecord cdrOf(const SessionFacts& facts, const SessionRating& rating, int version,
                                   std::string reason, EpochMs ratedAt);
/// A record with no lines and no amount whose reason starts "unrated: ", kept so the session is not
/// lost and can be re-rated once a tariff applies.
contract::ChargeDetailRecord unratedCdr(const SessionFacts& facts, int version, const std::string& why,
                                        EpochMs ratedAt);
bool isUnrated(const contract::ChargeDetailRecord& record);
/// A tax rate as the CDR's decimal fraction: 60'000 ppm -> "0.06".
std::string taxRateText(RatePpm rate);

enum class AssignmentScope { Site, ChargerGroup, Charger, CustomerGroup };
std::string_view toString(AssignmentScope scope);
std::optional<AssignmentScope> assignmentScopeFromString(std::string_view text);

struct TariffAssignment {
    AssignmentScope scope = AssignmentScope::Site;
    std::string key; ///< the site, group, charger or customer group id
    std::string tariffId;
};

/// The assignment that applies: the session's customer group's, else its charger's, else one of its
/// charger's groups' (the first by group id), else its site's; nullptr when none.
const TariffAssignment* chooseAssignment(const std::vector<TariffAssignment>& assignments,
                                         const std::string& siteId, const std::string& chargerId,
                                         const std::vector<std::string>& chargerGroups,
                                         const std::string& customerGroup);

} // namespace voltdesk::billing
