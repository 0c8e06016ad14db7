// A tariff: named time-of-use periods by time of day, weekday and holiday calendar, and the fees
// around them. Plain data; tariff_validation.h says whether one can be rated (docs/BILLING.md).
#pragma once

#include "contract/iso8601.h"
#include "domain/billing/money.h"

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace voltdesk::billing {

using contract::EpochMs;

/// A named time-of-use period ("sharp", "peak", "flat", "valley" or any operator's name) and its
/// prices per kWh. Optional so that a missing price is a validation message, not a silent zero.
struct PricePeriod {
    std::string name;
    std::optional<UnitPrice> energyPrice; ///< per kWh
    std::optional<UnitPrice> serviceFee;  ///< per kWh
};

/// [fromMinute, toMinute) after local midnight (0..1440) priced as `period`.
struct ScheduleEntry {
    int fromMinute = 0;
    int toMinute = 0;
    std::string period;
};

/// A named day schedule ("workday", "weekend", "holiday") that covers 00:00-24:00 exactly once.
struct DayType {
    std::string name;
    std::vector<ScheduleEntry> schedule;
};

/// A local calendar date that follows `dayType` whatever its weekday.
struct Holiday {
    std::chrono::year_month_day date;
    std::string dayType;
};

/// Charged per minute once charging has finished and the grace period is over, up to cap.
struct IdleFee {
    UnitPrice perMinute;
    int graceMinutes = 0;
    std::optional<Money> cap;
};

constexpr int kMinutesPerDay = 24 * 60;
constexpr std::size_t kDaysPerWeek = 7;

struct Tariff {
    std::string id;
    int version = 1;
    std::string currency = "CNY";
    int minorDigits = 2;               ///< decimals of the major unit: 2 for CNY and EUR, 0 for JPY
    std::optional<EpochMs> validFrom;  ///< inclusive, UTC; absent: since ever
    std::optional<EpochMs> validUntil; ///< exclusive, UTC; absent: until replaced
    std::vector<PricePeriod> periods;
    std::vector<DayType> dayTypes;
    std::array<std::string, kDaysPerWeek> week; ///< day type per weekday, Monday first (ISO 8601)
    std::vector<Holiday> holidays;
    std::optional<UnitPrice> timePricePerMinute; ///< per minute of charging (until charging finished)
    std::optional<Money> sessionFee;
    std::optional<IdleFee> idleFee;
    std::optional<Money> minimumPrice; ///< before tax
    std::optional<Money> maximumPrice; ///< before tax
    RatePpm taxRate;                   ///< added on top of the subtotal

    bool validAt(EpochMs t) const {
        return (!validFrom || t >= *validFrom) && (!validUntil || t < *validUntil);
    }
    const PricePeriod* findPeriod(std::string_view name) const;
    const DayType* findDayType(std::string_view name) const;
    /// The day type that applies on a local date: its holiday entry, else its weekday's.
    const DayType* dayTypeOn(std::chrono::year_month_day date) const;
};

/// "Monday".."Sunday" for 0..6 (ISO order).
std::string_view weekdayName(std::size_t isoIndex);

/// "07:30" for 450; "24:00" for the end of the day.
std::string formatMinuteOfDay(int minute);

/// "2025-10-01".
std::string formatDate(std::chrono::year_month_day date);

} // namespace voltdesk::billing
