// Rating: energy per period slice, time and idle fees, session fee, minimum/maximum and tax, each line
// rounded once (money.h), the total being the sum of the lines plus tax on that sum.
#include "domain/billing/rating_engine.h"

#include "domain/billing/period_splitter.h"
#include "domain/billing/tariff_validation.h"

#include <algorithm>
#include <format>
#include <limits>

namespace voltdesk::billing {

namespace {

constexpr std::int64_t kMilliWhPerKwh = 1'000'000;
constexpr std::int64_t kMsPerMinute = 60'000;
constexpr EpochMs kMsPerDay = 86'400'000;

/// Adds lines and keeps their sum, refusing amounts beyond 64 bits instead of wrapping.
class LineBuilder {
public:
    LineBuilder(const std::chrono::time_zone& zone, SessionRating& rating) : m_zone(zone), m_rating(rating) {}

    /// amount = price x quantity / divisor rounded once; false on overflow.
    bool add(LineItem line, WideInt quantity, WideInt divisor) {
        const auto amount = roundHalfUp(static_cast<WideInt>(line.unitPrice.tenThousandthsMinor) * quantity,
                                        divisor * UnitPrice::kPerMinor);
        return amount && addAmount(std::move(line), *amount);
    }

    bool addAmount(LineItem line, Money amount) {
        line.amount = amount;
        line.localFrom = formatLocal(m_zone, line.from);
        line.localTo = formatLocal(m_zone, line.to);
        m_sum += amount;
        m_rating.lines.push_back(std::move(line));
        return m_sum <= std::numeric_limits<Money>::max() && m_sum >= std::numeric_limits<Money>::min();
    }

    Money sum() const { return static_cast<Money>(m_sum); }

private:
    const std::chrono::time_zone& m_zone;
    SessionRating& m_rating;
    WideInt m_sum = 0;
};

LineItem line(LineKind kind, const Tariff& tariff, EpochMs from, EpochMs to) {
    LineItem item;
    item.kind = kind;
    item.tariffId = tariff.id;
    item.tariffVersion = tariff.version;
    item.from = from;
    item.to = to;
    return item;
}

RatingError overflow() {
    return {RatingErrorCode::AmountOverflow, "An amount of this session does not fit in 64-bit minor units."};
}

/// The session's end: its stop, else the instant it is rated at, else the latest thing known of it.
EpochMs sessionEnd(const SessionInput& session, const RatingOptions& options) {
    if (session.stop) {
        return *session.stop;
    }
    if (options.asOf) {
        return *options.asOf;
    }
    EpochMs end = std::max(session.start, session.chargingFinished.value_or(session.start));
    for (const auto& r : session.readings) {
        end = std::max(end, r.at);
    }
    return end;
}

} // namespace

RatingEngine::RatingEngine(std::vector<Tariff> tariffs, const std::chrono::time_zone* zone)
    : m_tariffs(std::move(tariffs)), m_zone(zone) {}

std::variant<RatingEngine, RatingError> RatingEngine::create(std::vector<Tariff> tariffs,
                                                             std::string_view timeZone) {
    const auto issues = validateTariffSet(tariffs);
    if (!issues.empty()) {
        return RatingError{RatingErrorCode::InvalidTariff, issues.front().message};
    }
    const std::chrono::time_zone* zone = nullptr;
    try {
        zone = std::chrono::locate_zone(timeZone);
    } catch (const std::runtime_error&) {
        return RatingError{RatingErrorCode::UnknownTimeZone,
                           std::format("'{}' is not a time zone of the IANA database.", timeZone)};
    }
    std::ranges::sort(tariffs, [](const Tariff& a, const Tariff& b) {
        return a.validFrom.value_or(std::numeric_limits<EpochMs>::min()) <
               b.validFrom.value_or(std::numeric_limits<EpochMs>::min());
    });
    for (auto& tariff : tariffs) {
        for (auto& dayType : tariff.dayTypes) {
            std::ranges::sort(dayType.schedule, {}, &ScheduleEntry::fromMinute);
        }
    }
    return RatingEngine(std::move(tariffs), zone);
}

std::variant<SessionRating, RatingError> RatingEngine::rate(const SessionInput& session,
                                                            const RatingOptions& options) const {
    const EpochMs start = session.start;
    const EpochMs end = sessionEnd(session, options);
    if (end < start) {
        return RatingError{RatingErrorCode::StopBeforeStart,
                           std::format("The session ends ({}) before it starts ({}).",
                                       contract::toIso8601(end), contract::toIso8601(start))};
    }
    if (end - start > kMaxSessionDays * kMsPerDay) {
        return RatingError{RatingErrorCode::SessionTooLong,
                           std::format("The session lasts from {} to {}, longer than {} days.",
                                       contract::toIso8601(start), contract::toIso8601(end),
                                       kMaxSessionDays)};
    }
    auto spansOrError = splitByTariff(m_tariffs, start, end);
    if (const auto* error = std::get_if<RatingError>(&spansOrError)) {
        return *error;
    }
    const auto& spans = std::get<std::vector<TariffSpan>>(spansOrError);
    const Tariff& startTariff = *spans.front().tariff;

    SessionRating rating;
    rating.currency = startTariff.currency;
    rating.minorDigits = startTariff.minorDigits;
    rating.from = start;
    rating.to = end;
    rating.provisional = !session.stop;

    const MeterProfile profile(session.readings, start, end, options.meter);
    rating.billedMilliWh = profile.billedTotal();
    rating.anomalies = profile.anomalies();
    for (const auto& anomaly : rating.anomalies) {
        rating.unbilledMilliWh += anomaly.unbilledMilliWh;
    }

    LineBuilder lines(*m_zone, rating);
    // Energy and service fee per period slice; B(to) - B(from) telescopes, so slices add up exactly.
    for (const auto& span : spans) {
        for (const auto& slice : splitByPeriod(span, *m_zone)) {
            const auto milliWh = profile.billedAt(slice.to) - profile.billedAt(slice.from);
            if (milliWh == 0) {
                continue;
            }
            auto energy = line(LineKind::Energy, *slice.tariff, slice.from, slice.to);
            energy.period = slice.period->name;
            energy.milliWh = milliWh;
            auto service = energy;
            service.kind = LineKind::ServiceFee;
            energy.unitPrice = slice.period->energyPrice.value_or(UnitPrice{});
            service.unitPrice = slice.period->serviceFee.value_or(UnitPrice{});
            if (!lines.add(std::move(energy), milliWh, kMilliWhPerKwh) ||
                !lines.add(std::move(service), milliWh, kMilliWhPerKwh)) {
                return overflow();
            }
        }
    }

    // A finish outside the session comes from clocks that disagree; clamping keeps it billable.
    const EpochMs finished = std::clamp(session.chargingFinished.value_or(end), start, end);
    for (const auto& span : spans) {
        const auto from = span.from;
        const auto to = std::min(span.to, finished);
        if (!span.tariff->timePricePerMinute || to <= from) {
            continue;
        }
        auto time = line(LineKind::ChargingTime, *span.tariff, from, to);
        time.durationMs = to - from;
        time.unitPrice = *span.tariff->timePricePerMinute;
        if (!lines.add(std::move(time), to - from, kMsPerMinute)) {
            return overflow();
        }
    }

    // Idle fee under the tariff in force when charging finished.
    const auto finishedSpan = std::ranges::find_if(spans, [finished, end](const TariffSpan& s) {
        return s.from <= finished && (finished < s.to || s.to == end);
    });
    const auto idleFee = session.chargingFinished && finishedSpan != spans.end()
                             ? finishedSpan->tariff->idleFee
                             : std::nullopt;
    if (idleFee) {
        const auto& idle = *idleFee;
        const auto billableFrom = finished + static_cast<EpochMs>(idle.graceMinutes) * kMsPerMinute;
        if (billableFrom < end) {
            auto item = line(LineKind::IdleTime, *finishedSpan->tariff, billableFrom, end);
            item.durationMs = end - billableFrom;
            item.unitPrice = idle.perMinute;
            const auto amount =
                roundHalfUp(static_cast<WideInt>(idle.perMinute.tenThousandthsMinor) * item.durationMs,
                            static_cast<WideInt>(kMsPerMinute) * UnitPrice::kPerMinor);
            if (!amount || !lines.addAmount(std::move(item), std::min(*amount, idle.cap.value_or(*amount)))) {
                return overflow();
            }
        }
    }

    if (startTariff.sessionFee &&
        !lines.addAmount(line(LineKind::SessionFee, startTariff, start, end), *startTariff.sessionFee)) {
        return overflow();
    }
    const Money beforeLimits = lines.sum();
    if (startTariff.minimumPrice && beforeLimits < *startTariff.minimumPrice) {
        if (!lines.addAmount(line(LineKind::MinimumPrice, startTariff, start, end),
                             *startTariff.minimumPrice - beforeLimits)) {
            return overflow();
        }
    } else if (startTariff.maximumPrice && beforeLimits > *startTariff.maximumPrice) {
        if (!lines.addAmount(line(LineKind::MaximumPrice, startTariff, start, end),
                             *startTariff.maximumPrice - beforeLimits)) {
            return overflow();
        }
    }

    rating.subtotal = lines.sum();
    const auto tax =
        roundHalfUp(static_cast<WideInt>(rating.subtotal) * startTariff.taxRate.ppm, RatePpm::kWhole);
    if (!tax || static_cast<WideInt>(rating.subtotal) + *tax > std::numeric_limits<Money>::max()) {
        return overflow();
    }
    rating.tax = *tax;
    rating.total = rating.subtotal + rating.tax;
    return rating;
}

std::variant<SessionRating, RatingError> rateSession(std::vector<Tariff> tariffs, std::string_view timeZone,
                                                     const SessionInput& session,
                                                     const RatingOptions& options) {
    auto engine = RatingEngine::create(std::move(tariffs), timeZone);
    if (auto* error = std::get_if<RatingError>(&engine)) {
        return std::move(*error);
    }
    return std::get<RatingEngine>(engine).rate(session, options);
}

} // namespace voltdesk::billing
