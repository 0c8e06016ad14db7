#include "core/berlin_clock.h"

#include <chrono>

namespace voltdesk::sim {

namespace {

using namespace std::chrono;

constexpr contract::EpochMs kHourMs = 3'600'000;

/// 01:00 UTC on the last Sunday of the given month.
contract::EpochMs lastSundayAt0100Utc(int year, unsigned month) {
    const sys_days last =
        year_month_day_last{std::chrono::year{year}, month_day_last{std::chrono::month{month}}};
    const sys_days sunday = last - (weekday{last} - Sunday);
    return duration_cast<milliseconds>(sunday.time_since_epoch()).count() + kHourMs;
}

} // namespace

contract::EpochMs berlinUtcOffsetMs(contract::EpochMs utc) {
    const sys_days day = floor<days>(sys_time<milliseconds>(milliseconds(utc)));
    const int year = static_cast<int>(year_month_day{day}.year());
    const bool summer = utc >= lastSundayAt0100Utc(year, 3) && utc < lastSundayAt0100Utc(year, 10);
    return summer ? 2 * kHourMs : kHourMs;
}

int berlinHour(contract::EpochMs utc) {
    const contract::EpochMs local = utc + berlinUtcOffsetMs(utc);
    const contract::EpochMs dayMs = 24 * kHourMs;
    return static_cast<int>(((local % dayMs + dayMs) % dayMs) / kHourMs);
}

} // namespace voltdesk::sim
