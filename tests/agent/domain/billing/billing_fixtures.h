// Tariffs and sessions shared by the billing tests: a Chinese four-period tariff (Asia/Shanghai), a
// Berlin tariff with a period inside the DST hour, and constant-power meter readings.
#pragma once

#include "domain/billing/meter_profile.h"
#include "domain/billing/money.h"
#include "domain/billing/tariff.h"

#include <chrono>
#include <string>
#include <vector>

namespace billing_fixtures {

using voltdesk::billing::EpochMs;
using voltdesk::billing::MeterReading;
using voltdesk::billing::Tariff;
using voltdesk::billing::UnitPrice;

constexpr EpochMs kMinute = 60'000;
constexpr EpochMs kHour = 60 * kMinute;

/// A price written as operators write it ("1.2345" CNY per kWh) in a tariff with two minor digits.
inline UnitPrice price(const char* text) {
    return UnitPrice{voltdesk::billing::parseDecimal(text, 6).value()};
}

/// Minor units of "12.34".
inline voltdesk::billing::Money money(const char* text) {
    return voltdesk::billing::parseDecimal(text, 2).value();
}

/// UTC instant of a wall-clock time at a fixed offset from UTC, in minutes (+480 for China).
inline EpochMs at(int year, unsigned month, unsigned day, int hour, int minute, int offsetMinutes) {
    using namespace std::chrono;
    const auto days =
        sys_days(year_month_day(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)));
    return duration_cast<milliseconds>(days.time_since_epoch()).count() +
           (static_cast<EpochMs>(hour) * 60 + minute - offsetMinutes) * kMinute;
}

/// Beijing time (UTC+8, no DST).
inline EpochMs cst(int year, unsigned month, unsigned day, int hour, int minute = 0) {
    return at(year, month, day, hour, minute, 480);
}

inline voltdesk::billing::ScheduleEntry entry(int fromHour, int fromMinute, int toHour, int toMinute,
                                              const char* period) {
    return {fromHour * 60 + fromMinute, toHour * 60 + toMinute, period};
}

/// Shanghai-style commercial tariff: sharp 17-19, peak 10-12, 14-17, 19-21, flat 8-10, 12-14, 21-23,
/// valley 23-08; weekends flat by day; the National Day week all valley.
inline Tariff chinaTariff() {
    Tariff t;
    t.id = "sh-commercial";
    t.version = 1;
    t.currency = "CNY";
    t.periods = {{"sharp", price("1.3500"), price("0.8000")},
                 {"peak", price("1.1000"), price("0.8000")},
                 {"flat", price("0.7000"), price("0.6000")},
                 {"valley", price("0.3000"), price("0.4000")}};
    t.dayTypes = {
        {"workday",
         {entry(0, 0, 8, 0, "valley"), entry(8, 0, 10, 0, "flat"), entry(10, 0, 12, 0, "peak"),
          entry(12, 0, 14, 0, "flat"), entry(14, 0, 17, 0, "peak"), entry(17, 0, 19, 0, "sharp"),
          entry(19, 0, 21, 0, "peak"), entry(21, 0, 23, 0, "flat"), entry(23, 0, 24, 0, "valley")}},
        {"weekend", {entry(0, 0, 8, 0, "valley"), entry(8, 0, 23, 0, "flat"), entry(23, 0, 24, 0, "valley")}},
        {"holiday", {entry(0, 0, 24, 0, "valley")}}};
    t.week = {"workday", "workday", "workday", "workday", "workday", "weekend", "weekend"};
    for (unsigned d = 1; d <= 7; ++d) {
        t.holidays.push_back(
            {std::chrono::year_month_day(std::chrono::year(2025), std::chrono::October, std::chrono::day(d)),
             "holiday"});
    }
    return t;
}

/// Berlin: "night" until 02:00, "witching" 02:00-03:00 (the hour DST skips or repeats), "day" after.
inline Tariff berlinTariff() {
    Tariff t;
    t.id = "berlin";
    t.version = 1;
    t.currency = "EUR";
    t.periods = {{"night", price("0.3000"), price("0.0500")},
                 {"witching", price("0.9000"), price("0.0500")},
                 {"day", price("0.5000"), price("0.1000")}};
    t.dayTypes = {{"every day",
                   {entry(0, 0, 2, 0, "night"), entry(2, 0, 3, 0, "witching"), entry(3, 0, 24, 0, "day")}}};
    t.week.fill("every day");
    return t;
}

/// One tariff, one period, all day, every day.
inline Tariff flatTariff(const char* energyPrice, const char* serviceFee = "0") {
    Tariff t;
    t.id = "flat";
    t.currency = "CNY";
    t.periods = {{"flat", price(energyPrice), price(serviceFee)}};
    t.dayTypes = {{"all", {entry(0, 0, 24, 0, "flat")}}};
    t.week.fill("all");
    return t;
}

/// Readings every `step` from `from` to `to` (inclusive) at constant power, starting at `startMilliWh`.
/// 7200 W is 2 mWh per ms, so every reading is exact.
inline std::vector<MeterReading> constantPower(EpochMs from, EpochMs to, std::int64_t watts,
                                               EpochMs step = kMinute, std::int64_t startMilliWh = 0) {
    std::vector<MeterReading> readings;
    for (EpochMs t = from;; t = std::min(to, t + step)) {
        readings.push_back({t, startMilliWh + watts * (t - from) / 3600});
        if (t == to) {
            break;
        }
    }
    return readings;
}

constexpr std::int64_t kKwh = 1'000'000; // mWh

} // namespace billing_fixtures
