// Why the rating engine refused to rate a session; every case is listed in docs/BILLING.md.
#pragma once

#include <string>

namespace voltdesk::billing {

enum class RatingErrorCode {
    InvalidTariff,   ///< a tariff fails validation, or the set overlaps or mixes currencies
    UnknownTimeZone, ///< the site's IANA time zone is not in the time zone database
    NoTariffAtStart, ///< no tariff is valid when the session starts
    TariffGap,       ///< the session runs into a time no tariff covers
    StopBeforeStart, ///< the session (or the time it is rated at) ends before it starts
    SessionTooLong,  ///< longer than kMaxSessionDays: a wrong timestamp, not a session
    AmountOverflow,  ///< an amount does not fit 64-bit minor units
};

struct RatingError {
    RatingErrorCode code = RatingErrorCode::InvalidTariff;
    std::string message;
};

} // namespace voltdesk::billing
