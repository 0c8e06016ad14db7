// Tariff checks: prices, the day schedules' coverage of 00:00-24:00, the week, holidays and fees.
#include "domain/billing/tariff_validation.h"

#include <algorithm>
#include <format>
#include <limits>
#include <set>

namespace voltdesk::billing {

namespace {

constexpr std::int64_t kMaxTaxPpm = RatePpm::kWhole; // 100 %

class Checker {
public:
    explicit Checker(const Tariff& tariff) : m_tariff(tariff) {}

    std::vector<ValidationIssue> run() {
        checkIdentity();
        checkPeriods();
        checkDayTypes();
        checkWeek();
        checkHolidays();
        checkFees();
        return std::move(m_issues);
    }

private:
    void add(std::string path, std::string message) {
        m_issues.push_back({std::move(path), std::move(message)});
    }

    std::string money(Money amount) const { return formatMoney(amount, m_tariff.minorDigits); }
    std::string price(UnitPrice p) const { return formatUnitPrice(p, m_tariff.minorDigits); }

    void checkIdentity() {
        if (m_tariff.id.empty()) {
            add("id", "The tariff has no id.");
        }
        if (m_tariff.version < 1) {
            add("version", std::format("The version must be 1 or more (it is {}).", m_tariff.version));
        }
        if (m_tariff.currency.empty()) {
            add("currency", "The tariff has no currency.");
        }
        if (m_tariff.minorDigits < 0 || m_tariff.minorDigits > 4) {
            add("minorDigits",
                std::format("Minor digits must be between 0 and 4 (they are {}).", m_tariff.minorDigits));
        }
        if (m_tariff.validFrom && m_tariff.validUntil && *m_tariff.validUntil <= *m_tariff.validFrom) {
            add("validUntil", std::format("The validity is empty: it ends at {}, not after it starts at {}.",
                                          contract::toIso8601(*m_tariff.validUntil),
                                          contract::toIso8601(*m_tariff.validFrom)));
        }
    }

    void checkPeriods() {
        if (m_tariff.periods.empty()) {
            add("periods", "The tariff has no periods.");
        }
        std::set<std::string> seen;
        for (std::size_t i = 0; i < m_tariff.periods.size(); ++i) {
            const auto& period = m_tariff.periods[i];
            const auto path = std::format("periods[{}]", i);
            if (period.name.empty()) {
                add(path + ".name", std::format("Period {} has no name.", i + 1));
                continue;
            }
            if (!seen.insert(period.name).second) {
                add(path + ".name", std::format("Two periods are named '{}'.", period.name));
            }
            checkPrice(path + ".energyPrice", period.name, "energy price", period.energyPrice);
            checkPrice(path + ".serviceFee", period.name, "service fee", period.serviceFee);
        }
    }

    void checkPrice(const std::string& path, const std::string& period, std::string_view what,
                    const std::optional<UnitPrice>& value) {
        if (!value) {
            add(path, std::format("Period '{}' has no {}.", period, what));
        } else if (value->tenThousandthsMinor < 0) {
            add(path, std::format("Period '{}' has a negative {} ({}).", period, what, price(*value)));
        }
    }

    void checkDayTypes() {
        if (m_tariff.dayTypes.empty()) {
            add("dayTypes", "The tariff has no day types.");
        }
        std::set<std::string> seen;
        for (std::size_t i = 0; i < m_tariff.dayTypes.size(); ++i) {
            const auto& dayType = m_tariff.dayTypes[i];
            const auto path = std::format("dayTypes[{}]", i);
            if (dayType.name.empty()) {
                add(path + ".name", std::format("Day type {} has no name.", i + 1));
                continue;
            }
            if (!seen.insert(dayType.name).second) {
                add(path + ".name", std::format("Two day types are named '{}'.", dayType.name));
            }
            checkSchedule(path, dayType);
        }
    }

    /// How people should read "the days this schedule applies to": "Tuesday", "Monday–Friday ('workday')",
    /// "Saturday, Sunday ('weekend')" or "Day type 'holiday'".
    std::string daysOf(const DayType& dayType) const {
        std::vector<std::size_t> days;
        for (std::size_t d = 0; d < kDaysPerWeek; ++d) {
            if (m_tariff.week.at(d) == dayType.name) {
                days.push_back(d);
            }
        }
        if (days.empty()) {
            return std::format("Day type '{}'", dayType.name);
        }
        if (days.size() == 1) {
            return std::string(weekdayName(days.front()));
        }
        const bool consecutive = days.back() - days.front() + 1 == days.size();
        std::string names;
        if (consecutive && days.size() > 2) {
            names = std::format("{}–{}", weekdayName(days.front()), weekdayName(days.back()));
        } else {
            for (const auto d : days) {
                names += (names.empty() ? "" : ", ") + std::string(weekdayName(d));
            }
        }
        return std::format("{} ('{}')", names, dayType.name);
    }

    void checkSchedule(const std::string& path, const DayType& dayType) {
        const auto where = daysOf(dayType);
        if (dayType.schedule.empty()) {
            add(path + ".schedule", std::format("{} has no schedule.", where));
            return;
        }
        std::vector<Cover> minutes(kMinutesPerDay);
        for (std::size_t i = 0; i < dayType.schedule.size(); ++i) {
            const auto& entry = dayType.schedule[i];
            const auto entryPath = std::format("{}.schedule[{}]", path, i);
            if (entry.fromMinute < 0 || entry.toMinute > kMinutesPerDay ||
                entry.fromMinute >= entry.toMinute) {
                add(entryPath,
                    std::format("{} {}–{} is not a stretch of one day (00:00–24:00).", where,
                                formatMinuteOfDay(entry.fromMinute), formatMinuteOfDay(entry.toMinute)));
                continue;
            }
            if (!m_tariff.findPeriod(entry.period)) {
                add(entryPath + ".period",
                    std::format("{} {}–{} uses period '{}', which the tariff does not define.", where,
                                formatMinuteOfDay(entry.fromMinute), formatMinuteOfDay(entry.toMinute),
                                entry.period));
            }
            for (int m = entry.fromMinute; m < entry.toMinute; ++m) {
                auto& cover = minutes[static_cast<std::size_t>(m)];
                if (cover.count == 0) {
                    cover.first = i;
                } else if (cover.count == 1) {
                    cover.second = i;
                }
                ++cover.count;
            }
        }
        // Report runs of minutes that are uncovered, or covered twice by the same pair of entries.
        int runStart = 0;
        for (int m = 1; m <= kMinutesPerDay; ++m) {
            const auto& begin = minutes[static_cast<std::size_t>(runStart)];
            const bool runEnds =
                m == kMinutesPerDay || !sameCover(begin, minutes[static_cast<std::size_t>(m)]);
            if (!runEnds) {
                continue;
            }
            const auto span = std::format("{}–{}", formatMinuteOfDay(runStart), formatMinuteOfDay(m));
            if (begin.count == 0) {
                add(path + ".schedule", std::format("{} {} is not covered by any period.", where, span));
            } else if (begin.count > 1) {
                add(path + ".schedule",
                    std::format("{} {} is covered by both '{}' and '{}'.", where, span,
                                dayType.schedule[begin.first].period, dayType.schedule[begin.second].period));
            }
            runStart = m;
        }
    }

    /// Which entries cover a minute (the first two are enough to name an overlap).
    struct Cover {
        int count = 0;
        std::size_t first = 0;
        std::size_t second = 0;
    };

    /// Minutes belong to one reported run when both are uncovered, both fine, or both covered by the
    /// same two entries.
    static bool sameCover(const Cover& a, const Cover& b) {
        const auto kind = [](const Cover& c) { return std::min(c.count, 2); };
        return kind(a) == kind(b) && (kind(a) < 2 || (a.first == b.first && a.second == b.second));
    }

    void checkWeek() {
        for (std::size_t d = 0; d < kDaysPerWeek; ++d) {
            const auto& name = m_tariff.week.at(d);
            const auto path = std::format("week.{}", weekdayName(d));
            if (name.empty()) {
                add(path, std::format("{} has no day type.", weekdayName(d)));
            } else if (!m_tariff.findDayType(name)) {
                add(path, std::format("{} uses day type '{}', which the tariff does not define.",
                                      weekdayName(d), name));
            }
        }
    }

    void checkHolidays() {
        std::set<std::chrono::sys_days> seen;
        for (std::size_t i = 0; i < m_tariff.holidays.size(); ++i) {
            const auto& holiday = m_tariff.holidays[i];
            const auto path = std::format("holidays[{}]", i);
            if (!holiday.date.ok()) {
                add(path + ".date", std::format("Holiday {} has an invalid date.", i + 1));
                continue;
            }
            if (!seen.insert(std::chrono::sys_days(holiday.date)).second) {
                add(path + ".date",
                    std::format("{} is listed as a holiday twice.", formatDate(holiday.date)));
            }
            if (!m_tariff.findDayType(holiday.dayType)) {
                add(path + ".dayType",
                    std::format("Holiday {} uses day type '{}', which the tariff does not define.",
                                formatDate(holiday.date), holiday.dayType));
            }
        }
    }

    void checkNotNegative(const std::string& path, std::string_view what,
                          const std::optional<Money>& amount) {
        if (amount && *amount < 0) {
            add(path, std::format("The {} is negative ({}).", what, money(*amount)));
        }
    }

    void checkFees() {
        if (m_tariff.timePricePerMinute && m_tariff.timePricePerMinute->tenThousandthsMinor < 0) {
            add("timePricePerMinute", std::format("The charging time price is negative ({} per minute).",
                                                  price(*m_tariff.timePricePerMinute)));
        }
        checkNotNegative("sessionFee", "session fee", m_tariff.sessionFee);
        if (const auto& idle = m_tariff.idleFee) {
            if (idle->perMinute.tenThousandthsMinor < 0) {
                add("idleFee.perMinute",
                    std::format("The idle fee is negative ({} per minute).", price(idle->perMinute)));
            }
            if (idle->graceMinutes < 0) {
                add("idleFee.graceMinutes",
                    std::format("The idle grace period is negative ({} minutes).", idle->graceMinutes));
            }
            checkNotNegative("idleFee.cap", "idle fee cap", idle->cap);
        }
        checkNotNegative("minimumPrice", "minimum price", m_tariff.minimumPrice);
        checkNotNegative("maximumPrice", "maximum price", m_tariff.maximumPrice);
        if (m_tariff.minimumPrice && m_tariff.maximumPrice &&
            *m_tariff.minimumPrice > *m_tariff.maximumPrice) {
            add("minimumPrice", std::format("The minimum price ({}) is above the maximum price ({}).",
                                            money(*m_tariff.minimumPrice), money(*m_tariff.maximumPrice)));
        }
        if (m_tariff.taxRate.ppm < 0 || m_tariff.taxRate.ppm > kMaxTaxPpm) {
            add("taxPercent", std::format("The tax rate must be between 0 % and 100 % (it is {} %).",
                                          formatDecimal(m_tariff.taxRate.ppm, 4)));
        }
    }

    const Tariff& m_tariff;
    std::vector<ValidationIssue> m_issues;
};

std::string label(const Tariff& tariff) {
    return std::format("'{}' v{}", tariff.id, tariff.version);
}

bool overlap(const Tariff& a, const Tariff& b) {
    const auto aFrom = a.validFrom.value_or(std::numeric_limits<EpochMs>::min());
    const auto bFrom = b.validFrom.value_or(std::numeric_limits<EpochMs>::min());
    const auto aUntil = a.validUntil.value_or(std::numeric_limits<EpochMs>::max());
    const auto bUntil = b.validUntil.value_or(std::numeric_limits<EpochMs>::max());
    return aFrom < bUntil && bFrom < aUntil;
}

} // namespace

std::vector<ValidationIssue> validateTariff(const Tariff& tariff) {
    return Checker(tariff).run();
}

std::vector<ValidationIssue> validateTariffSet(std::span<const Tariff> tariffs) {
    std::vector<ValidationIssue> issues;
    if (tariffs.empty()) {
        issues.push_back({"", "No tariff is given."});
    }
    for (std::size_t i = 0; i < tariffs.size(); ++i) {
        for (auto& issue : validateTariff(tariffs[i])) {
            issues.push_back({std::format("[{}].{}", i, issue.path),
                              std::format("Tariff {}: {}", label(tariffs[i]), issue.message)});
        }
        for (std::size_t j = i + 1; j < tariffs.size(); ++j) {
            if (overlap(tariffs[i], tariffs[j])) {
                const auto from =
                    std::max(tariffs[i].validFrom.value_or(std::numeric_limits<EpochMs>::min()),
                             tariffs[j].validFrom.value_or(std::numeric_limits<EpochMs>::min()));
                const auto when = from == std::numeric_limits<EpochMs>::min()
                                      ? std::string("from the beginning of time")
                                      : "at " + contract::toIso8601(from);
                issues.push_back(
                    {std::format("[{}].validFrom", j),
                     std::format("Tariffs {} and {} are both valid {}; their validity ranges must not "
                                 "overlap.",
                                 label(tariffs[i]), label(tariffs[j]), when)});
            }
            if (tariffs[i].currency != tariffs[j].currency ||
                tariffs[i].minorDigits != tariffs[j].minorDigits) {
                issues.push_back(
                    {std::format("[{}].currency", j),
                     std::format("Tariffs {} ({}) and {} ({}) use different currencies.", label(tariffs[i]),
                                 tariffs[i].currency, label(tariffs[j]), tariffs[j].currency)});
            }
        }
    }
    return issues;
}

} // namespace voltdesk::billing
