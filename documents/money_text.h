// Amounts, energy, prices and rates as printed on receipts and statements. Integer and decimal-string
// arithmetic only: a bill is never passed through a double on its way to paper.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace voltdesk::documents {

/// An amount in minor units in the major unit with exactly minorDigits decimals and thousands
/// separators: (123456789, 2) -> "1,234,567.89", (-5, 2) -> "-0.05", (1200, 0) -> "1,200".
std::string formatAmount(std::int64_t minorUnits, int minorDigits);

/// Milliwatt-hours as kWh with three decimals (to the Wh, half up), grouped:
/// "12,345.678" for 12'345'678'000 mWh. Only the printed figure is rounded: amounts were computed from the
/// exact mWh.
std::string formatKwh(std::int64_t milliWh);

/// A unit price decimal string ("1.350000") without the zeros beyond the currency's decimals
/// ("1.35"), keeping every significant digit ("1.234500" -> "1.2345"). Text that is not a plain
/// decimal is returned unchanged.
std::string formatUnitPrice(std::string_view decimal, int minorDigits);

/// A decimal fraction as a percentage: "0.06" -> "6", "0.195" -> "19.5", "0" -> "0", "" -> "0".
std::string formatRatePercent(std::string_view fraction);

/// Milliseconds as minutes and seconds, to the second half up: 125'000 -> "2:05",
/// 3'725'400 -> "62:05". Time is billed pro rata to the millisecond; only the printed figure rounds.
std::string formatMinutes(std::int64_t durationMs);

} // namespace voltdesk::documents
