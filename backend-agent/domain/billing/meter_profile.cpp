// Cleaning meter readings and flagging the steps that must not be billed.
#include "domain/billing/meter_profile.h"

#include <algorithm>
#include <format>

namespace voltdesk::billing {

namespace {

// 1 mWh per ms is 3600 W: P[W] = dE[mWh] * 3600 / dt[ms].
constexpr std::int64_t kWattsPerMilliWhPerMs = 3600;

std::string powerKw(std::int64_t milliWh, EpochMs ms) {
    const auto watts = static_cast<WideInt>(milliWh) * kWattsPerMilliWhPerMs / ms;
    return formatDecimal(static_cast<std::int64_t>(watts / 100), 1) + " kW";
}

/// The register's resolution as its readings show it: the largest of 1 Wh, 10 Wh, 100 Wh and 1 kWh
/// that divides every value. A register that counts in 0.1 kWh moves in 100 Wh steps.
std::int64_t readingStepMilliWh(std::span<const MeterReading> readings) {
    constexpr std::int64_t kOneWh = 1000;
    std::int64_t step = 1000 * kOneWh;
    while (step > kOneWh &&
           !std::ranges::all_of(readings, [step](const MeterReading& r) { return r.milliWh % step == 0; })) {
        step /= 10;
    }
    return step;
}

} // namespace

std::string formatEnergy(std::int64_t milliWh) {
    // kWh with Wh resolution; the sub-Wh digits only clutter a receipt.
    const auto wh = roundHalfUp(milliWh, 1000).value_or(0);
    return formatDecimal(wh, 3) + " kWh";
}

MeterProfile::MeterProfile(std::span<const MeterReading> readings, EpochMs from, EpochMs to,
                           const MeterProfileOptions& options) {
    std::vector<MeterReading> inside;
    inside.reserve(readings.size());
    for (const auto& r : readings) {
        if (r.at < from || r.at > to) {
            flag(AnomalyKind::OutsideSession, r, r, 0,
                 std::format("The reading at {} ({}) is outside the session ({} to {}) and is ignored.",
                             contract::toIso8601(r.at), formatEnergy(r.milliWh), contract::toIso8601(from),
                             contract::toIso8601(to)));
        } else {
            inside.push_back(r);
        }
    }
    // Sorting by value too makes two values at one instant a rising step whatever order they came in.
    std::ranges::sort(inside, [](const MeterReading& a, const MeterReading& b) {
        return a.at != b.at ? a.at < b.at : a.milliWh < b.milliWh;
    });
    const auto [dupFirst, dupLast] =
        std::ranges::unique(inside, [](const MeterReading& a, const MeterReading& b) {
            return a.at == b.at && a.milliWh == b.milliWh;
        });
    inside.erase(dupFirst, dupLast);

    // Two readings a moment apart can differ by one step of the register's resolution whatever the
    // power (a MeterValues just before the StopTransaction's meterStop); only what exceeds that step
    // is judged against the plausible power.
    const std::int64_t tolerance = inside.size() < 2 ? 0 : readingStepMilliWh(inside);
    m_knots.reserve(inside.size());
    std::int64_t billed = 0;
    for (std::size_t i = 0; i < inside.size(); ++i) {
        m_knots.push_back({inside[i].at, billed, false});
        if (i + 1 == inside.size()) {
            break;
        }
        const auto& a = inside[i];
        const auto& b = inside[i + 1];
        const auto dt = b.at - a.at;
        const auto de = b.milliWh - a.milliWh;
        if (dt == 0) {
            flag(AnomalyKind::ConflictingReadings, a, b, de,
                 std::format("Two readings at {} differ ({} and {}); the {} between them is not billed.",
                             contract::toIso8601(a.at), formatEnergy(a.milliWh), formatEnergy(b.milliWh),
                             formatEnergy(de)));
        } else if (de < 0) {
            flag(
                AnomalyKind::BackwardsStep, a, b, 0,
                std::format("The meter went back from {} at {} to {} at {}; nothing is billed for this step.",
                            formatEnergy(a.milliWh), contract::toIso8601(a.at), formatEnergy(b.milliWh),
                            contract::toIso8601(b.at)));
        } else if (static_cast<WideInt>(de - tolerance) * kWattsPerMilliWhPerMs >
                   static_cast<WideInt>(options.maxPlausiblePowerW) * dt) {
            flag(
                AnomalyKind::ImplausibleJump, a, b, de,
                std::format("The meter jumped by {} between {} and {} ({}, above the plausible {}); the jump "
                            "is not billed.",
                            formatEnergy(de), contract::toIso8601(a.at), contract::toIso8601(b.at),
                            powerKw(de, dt), formatDecimal(options.maxPlausiblePowerW / 100, 1) + " kW"));
        } else {
            billed += de;
            continue;
        }
        m_knots.back().flatAfter = true;
    }
}

void MeterProfile::flag(AnomalyKind kind, const MeterReading& a, const MeterReading& b, std::int64_t unbilled,
                        std::string message) {
    m_anomalies.push_back({kind, a.at, b.at, a.milliWh, b.milliWh, unbilled, std::move(message)});
}

std::int64_t MeterProfile::billedAt(EpochMs t) const {
    if (m_knots.empty() || t <= m_knots.front().at) {
        return 0;
    }
    if (t >= m_knots.back().at) {
        return m_knots.back().billed;
    }
    // The last knot at or before t; t is before the last knot, so a next one exists.
    const auto next = std::ranges::upper_bound(m_knots, t, {}, &Knot::at);
    const auto& b = *next;
    const auto& a = *(next - 1);
    if (a.flatAfter || a.at == t) {
        return a.billed;
    }
    const auto rise = static_cast<WideInt>(b.billed - a.billed) * (t - a.at);
    return a.billed + roundHalfUp(rise, b.at - a.at).value_or(0);
}

} // namespace voltdesk::billing
