// Amounts and energy as the console's billing views show them: integer minor units and mWh turned into
// text with integer arithmetic only, so a bill is never passed through a double on its way to the screen.
#pragma once

#include <QString>
#include <QtGlobal>

namespace voltdesk::models::billing {

/// (123456789, 2) -> "1,234,567.89"; (-5, 2) -> "-0.05"; (1200, 0) -> "1,200". grouped=false leaves out
/// the thousands separators (for files and editors).
QString formatMinorUnits(qint64 minorUnits, int minorDigits, bool grouped = true);
/// "CNY 61.48"; an empty currency gives the amount alone.
QString formatMoney(qint64 minorUnits, int minorDigits, const QString& currency);
/// mWh as kWh with three decimals, half up to the Wh: 12'345'678'000 -> "12,345.678".
QString formatKwh(qint64 milliWh);
/// A unit price decimal string ("1.350000") without the zeros beyond minorDigits ("1.35"), every
/// significant digit kept ("1.234500" -> "1.2345"). Text that is not a plain decimal comes back as is.
QString formatUnitPrice(const QString& decimal, int minorDigits);
/// A decimal fraction as a percentage: "0.06" -> "6 %", "0.195" -> "19.5 %", "" -> "0 %".
QString formatTaxRate(const QString& fraction);
/// Milliseconds as minutes and seconds, to the second half up: 125'000 -> "2:05".
QString formatMinutes(qint64 durationMs);

} // namespace voltdesk::models::billing
