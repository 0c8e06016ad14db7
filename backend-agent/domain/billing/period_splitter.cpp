// Tariff validity and time-of-use schedules laid over a session's UTC interval.
#include "domain/billing/period_splitter.h"

#include <algorithm>
#include <format>

namespace voltdesk::billing {

namespace {

using std::chrono::days;
using std::chrono::local_days;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::sys_time;

sys_time<milliseconds> toSys(EpochMs at) {
    return sys_time<milliseconds>(milliseconds(at));
}

} // namespace

EpochMs toUtc(const std::chrono::time_zone& zone, std::chrono::local_time<minutes> local) {
    // choose::earliest: a repeated time takes its first occurrence; a skipped one gives the jump.
    const auto sys = zone.to_sys(local, std::chrono::choose::earliest);
    return std::chrono::duration_cast<milliseconds>(sys.time_since_epoch()).count();
}

std::string formatLocal(const std::chrono::time_zone& zone, EpochMs at) {
    const std::chrono::zoned_time local(&zone, std::chrono::floor<std::chrono::seconds>(toSys(at)));
    return std::format("{:%FT%T%Ez}", local);
}

std::variant<std::vector<TariffSpan>, RatingError> splitByTariff(std::span<const Tariff> tariffs,
                                                                 EpochMs from, EpochMs to) {
    std::vector<TariffSpan> spans;
    EpochMs at = from;
    do {
        const auto it = std::ranges::find_if(tariffs, [at](const Tariff& t) { return t.validAt(at); });
        if (it == tariffs.end()) {
            if (at == from) {
                return RatingError{RatingErrorCode::NoTariffAtStart,
                                   std::format("No tariff is valid when the session starts ({}).",
                                               contract::toIso8601(from))};
            }
            return RatingError{
                RatingErrorCode::TariffGap,
                std::format("No tariff is valid from {}, during the session.", contract::toIso8601(at))};
        }
        const auto until = std::min(to, it->validUntil.value_or(to));
        spans.push_back({&*it, at, until});
        at = until;
    } while (at < to);
    return spans;
}

std::vector<PeriodSlice> splitByPeriod(const TariffSpan& span, const std::chrono::time_zone& zone) {
    std::vector<PeriodSlice> slices;
    if (span.to <= span.from) {
        return slices;
    }
    // Start a day early: around a fall-back at midnight an instant can belong to the local day after
    // the date it displays. Days are cut at toUtc(midnight), which is monotonic, so they tile time.
    const auto firstDay = std::chrono::floor<days>(zone.to_local(toSys(span.from))) - days(1);
    for (local_days day = firstDay; toUtc(zone, day) < span.to; day += days(1)) {
        const auto* dayType = span.tariff->dayTypeOn(std::chrono::year_month_day(day));
        if (!dayType) {
            continue;
        }
        for (const auto& entry : dayType->schedule) {
            const auto entryFrom = std::max(span.from, toUtc(zone, day + minutes(entry.fromMinute)));
            const auto entryTo = std::min(span.to, toUtc(zone, day + minutes(entry.toMinute)));
            const auto* period = span.tariff->findPeriod(entry.period);
            if (entryFrom >= entryTo || !period) {
                continue;
            }
            if (!slices.empty() && slices.back().period == period && slices.back().to == entryFrom) {
                slices.back().to = entryTo;
            } else {
                slices.push_back({span.tariff, period, entryFrom, entryTo});
            }
        }
    }
    return slices;
}

} // namespace voltdesk::billing
