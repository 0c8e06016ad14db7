#include "contract/iso8601.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace voltdesk::contract {

namespace {

bool readDigits(std::string_view s, std::size_t pos, std::size_t count, int& out) {
    if (pos + count > s.size()) {
        return false;
    }
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        value = value * 10 + (s[i] - '0');
    }
    out = value;
    return true;
}

int daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm), so parsing
// does not depend on the process time zone the way mktime does.
std::int64_t daysFromCivil(int y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

} // namespace

std::string toIso8601(EpochMs ms) {
    const std::int64_t secs = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    const int millis = static_cast<int>(ms - secs * 1000);
    const auto t = static_cast<std::time_t>(secs);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
    return buf;
}

std::optional<EpochMs> parseIso8601(std::string_view s) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!readDigits(s, 0, 4, year) || s.size() < 19 || s[4] != '-' || !readDigits(s, 5, 2, month) ||
        s[7] != '-' || !readDigits(s, 8, 2, day) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
        !readDigits(s, 11, 2, hour) || s[13] != ':' || !readDigits(s, 14, 2, minute) || s[16] != ':' ||
        !readDigits(s, 17, 2, second)) {
        return std::nullopt;
    }
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 ||
        second > 60) {
        return std::nullopt;
    }
    std::size_t pos = 19;
    int millis = 0;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        int digits = 0;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            if (digits < 3) {
                millis = millis * 10 + (s[pos] - '0');
            }
            ++digits;
            ++pos;
        }
        if (digits == 0) {
            return std::nullopt;
        }
        for (int i = digits; i < 3; ++i) {
            millis *= 10;
        }
    }
    int offsetMinutes = 0;
    if (pos < s.size()) {
        const char sign = s[pos];
        if ((sign == 'Z' || sign == 'z') && pos + 1 == s.size()) {
            pos = s.size();
        } else if (sign == '+' || sign == '-') {
            int oh = 0, om = 0;
            if (!readDigits(s, pos + 1, 2, oh)) {
                return std::nullopt;
            }
            std::size_t mpos = pos + 3;
            if (mpos < s.size() && s[mpos] == ':') {
                ++mpos;
                if (mpos == s.size()) {
                    return std::nullopt; // "+01:" with no minutes
                }
            }
            if (mpos < s.size()) {
                if (!readDigits(s, mpos, 2, om) || mpos + 2 != s.size()) {
                    return std::nullopt;
                }
            }
            if (oh > 23 || om > 59) {
                return std::nullopt;
            }
            offsetMinutes = (oh * 60 + om) * (sign == '-' ? -1 : 1);
            pos = s.size();
        } else {
            return std::nullopt;
        }
    }
    const std::int64_t days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const std::int64_t secs = days * 86400 + std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 + second -
                              std::int64_t{offsetMinutes} * 60;
    return secs * 1000 + millis;
}

EpochMs nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace voltdesk::contract
