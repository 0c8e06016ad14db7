// Lookups on a tariff by name and date.
#include "domain/billing/tariff.h"

#include <algorithm>
#include <format>

namespace voltdesk::billing {

const PricePeriod* Tariff::findPeriod(std::string_view name) const {
    const auto it = std::ranges::find(periods, name, &PricePeriod::name);
    return it == periods.end() ? nullptr : &*it;
}

const DayType* Tariff::findDayType(std::string_view name) const {
    const auto it = std::ranges::find(dayTypes, name, &DayType::name);
    return it == dayTypes.end() ? nullptr : &*it;
}

const DayType* Tariff::dayTypeOn(std::chrono::year_month_day date) const {
    const auto holiday = std::ranges::find(holidays, date, &Holiday::date);
    if (holiday != holidays.end()) {
        return findDayType(holiday->dayType);
    }
    const auto isoIndex = std::chrono::weekday(std::chrono::sys_days(date)).iso_encoding() - 1;
    return findDayType(week.at(isoIndex));
}

std::string_view weekdayName(std::size_t isoIndex) {
    static constexpr std::array<std::string_view, kDaysPerWeek> kNames{
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    return isoIndex < kNames.size() ? kNames.at(isoIndex) : std::string_view{"?"};
}

std::string formatMinuteOfDay(int minute) {
    return std::format("{:02}:{:02}", minute / 60, minute % 60);
}

std::string formatDate(std::chrono::year_month_day date) {
    return std::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

} // namespace voltdesk::billing
