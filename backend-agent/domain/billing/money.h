// Money and prices as integers: amounts in minor units, unit prices with four more decimals.
// The one rounding rule of billing lives here (docs/BILLING.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace voltdesk::billing {

/// Products of prices and energy overflow 64 bits for large sessions; every such product is computed in
/// 128 bits (__extension__ keeps -Wpedantic quiet about the GCC/Clang type).
__extension__ typedef __int128 WideInt;

/// An amount in the currency's minor unit (fen, cent). Never a floating-point value.
using Money = std::int64_t;

/// A price per kWh or per minute in ten-thousandths of a minor unit, so 1.2345 CNY/kWh is exact:
/// 123.45 fen = 1'234'500. Tariffs need sub-minor precision; amounts never do.
struct UnitPrice {
    std::int64_t tenThousandthsMinor = 0;

    static constexpr std::int64_t kPerMinor = 10'000;
    friend bool operator==(UnitPrice, UnitPrice) = default;
};

/// A rate in parts per million (13 % = 130'000), for tax.
struct RatePpm {
    std::int64_t ppm = 0;

    static constexpr std::int64_t kWhole = 1'000'000;
    friend bool operator==(RatePpm, RatePpm) = default;
};

/// The only rounding of billing: numerator / denominator to the nearest integer, halves away from
/// zero (half-up for the non-negative amounts a session has). denominator must be positive.
/// nullopt when the result does not fit a Money.
std::optional<Money> roundHalfUp(WideInt numerator, WideInt denominator);

/// Parses a decimal such as "1.2345", "-3", "0.50" into an integer scaled by 10^decimals; nullopt for
/// anything else (exponents, more decimals than allowed, spaces, overflow). Exact, no floating point.
std::optional<std::int64_t> parseDecimal(std::string_view text, int decimals);

/// Formats value / 10^decimals with exactly `decimals` decimals: (12345, 2) -> "123.45".
std::string formatDecimal(std::int64_t value, int decimals);

/// An amount in the currency's major unit for people: (1234, 2) -> "12.34".
inline std::string formatMoney(Money amount, int minorDigits) {
    return formatDecimal(amount, minorDigits);
}

/// A unit price in the major unit with the tariff's full precision: 1'234'500 fen/10^4 -> "1.234500".
inline std::string formatUnitPrice(UnitPrice price, int minorDigits) {
    return formatDecimal(price.tenThousandthsMinor, minorDigits + 4);
}

} // namespace voltdesk::billing
