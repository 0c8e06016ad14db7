// Integer money arithmetic and exact decimal text.
#include "domain/billing/money.h"

#include <limits>

namespace voltdesk::billing {

std::optional<Money> roundHalfUp(WideInt numerator, WideInt denominator) {
    if (denominator <= 0) {
        return std::nullopt;
    }
    const bool negative = numerator < 0;
    const WideInt magnitude = negative ? -numerator : numerator;
    // floor((2|n| + d) / 2d) is |n|/d rounded with halves going up.
    const WideInt rounded = (2 * magnitude + denominator) / (2 * denominator);
    if (rounded > std::numeric_limits<Money>::max()) {
        return std::nullopt;
    }
    return static_cast<Money>(negative ? -rounded : rounded);
}

std::optional<std::int64_t> parseDecimal(std::string_view text, int decimals) {
    if (text.empty() || decimals < 0 || decimals > 12) {
        return std::nullopt;
    }
    bool negative = false;
    if (text.front() == '-' || text.front() == '+') {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction =
        dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    if (whole.empty() || (dot != std::string_view::npos && fraction.empty()) ||
        fraction.size() > static_cast<std::size_t>(decimals)) {
        return std::nullopt;
    }
    WideInt value = 0;
    constexpr auto kLimit = static_cast<WideInt>(std::numeric_limits<std::int64_t>::max());
    const auto addDigits = [&value](std::string_view digits) {
        for (const char c : digits) {
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
            if (value > kLimit) {
                return false;
            }
        }
        return true;
    };
    if (!addDigits(whole) || !addDigits(fraction)) {
        return std::nullopt;
    }
    for (auto i = fraction.size(); i < static_cast<std::size_t>(decimals); ++i) {
        value *= 10;
        if (value > kLimit) {
            return std::nullopt;
        }
    }
    return static_cast<std::int64_t>(negative ? -value : value);
}

std::string formatDecimal(std::int64_t value, int decimals) {
    const bool negative = value < 0;
    // Unsigned so that the most negative value formats too.
    auto magnitude = negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    std::string digits = std::to_string(magnitude);
    if (decimals > 0) {
        if (digits.size() <= static_cast<std::size_t>(decimals)) {
            digits.insert(0, static_cast<std::size_t>(decimals) + 1 - digits.size(), '0');
        }
        digits.insert(digits.size() - static_cast<std::size_t>(decimals), 1, '.');
    }
    return negative ? "-" + digits : digits;
}

} // namespace voltdesk::billing
