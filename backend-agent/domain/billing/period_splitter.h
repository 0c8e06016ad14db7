// Where in time each tariff and each of its periods applies: local wall-clock boundaries (midnight,
// schedule entries) turned into UTC instants through the site's time zone (docs/BILLING.md, "DST").
#pragma once

#include "domain/billing/rating_error.h"
#include "domain/billing/tariff.h"

#include <chrono>
#include <span>
#include <variant>
#include <vector>

namespace voltdesk::billing {

/// One tariff over [from, to) of a session.
struct TariffSpan {
    const Tariff* tariff = nullptr;
    EpochMs from = 0;
    EpochMs to = 0;
};

/// One period of one tariff over [from, to); adjacent stretches of the same period are merged.
struct PeriodSlice {
    const Tariff* tariff = nullptr;
    const PricePeriod* period = nullptr;
    EpochMs from = 0;
    EpochMs to = 0;
};

/// The tariffs in force over [from, to) in time order, each clipped to its validity. `tariffs` must not
/// overlap (validateTariffSet). A zero-length interval gives the one tariff valid at `from`.
/// NoTariffAtStart or TariffGap when some instant has none.
std::variant<std::vector<TariffSpan>, RatingError> splitByTariff(std::span<const Tariff> tariffs,
                                                                 EpochMs from, EpochMs to);

/// The period slices of one tariff span. A local time that does not exist (spring forward) maps to the
/// instant of the jump; one that occurs twice (fall back) maps to its first occurrence. The tariff must
/// be valid (every day schedule covers the day once and names defined periods); a day it cannot resolve
/// is skipped.
std::vector<PeriodSlice> splitByPeriod(const TariffSpan& span, const std::chrono::time_zone& zone);

/// The instant a local wall-clock time denotes in the zone, by the rule above.
EpochMs toUtc(const std::chrono::time_zone& zone, std::chrono::local_time<std::chrono::minutes> local);

/// "2025-10-26T02:30:00+02:00": the site's local time with its offset, unambiguous across DST.
std::string formatLocal(const std::chrono::time_zone& zone, EpochMs at);

} // namespace voltdesk::billing
