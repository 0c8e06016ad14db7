// The fixed wording of receipts and statements in English and Simplified Chinese, side by side on the
// same page (issue 5: both languages), and the one place that turns a CDR's codes into words.
#pragma once

#include <QString>
#include <cstdint>
#include <string>

namespace voltdesk::documents {

struct Bilingual {
    QString en;
    QString zh;

    /// "Energy 电量": one label for a single line.
    QString both() const { return zh.isEmpty() ? en : en + QLatin1Char(' ') + zh; }
};

/// A CDR line's kind ("energy", "serviceFee", ...); an unknown kind is shown as it is.
Bilingual lineKindText(const std::string& kind);
/// A time-of-use period ("sharp", "peak", "flat", "valley", "day", "night"); others as named.
Bilingual periodText(const std::string& period);
/// "1.234 kWh not billed: implausible jump of the meter" / "电表读数异常跳变：1.234 kWh 未计费"; with no
/// energy left out (a register that went backwards), says that the step was skipped instead.
Bilingual anomalyText(const std::string& kind, std::int64_t milliWh);
/// "Version 2, replaces version 1: meter fixed" / "第 2 版，取代第 1 版：meter fixed".
Bilingual replacesText(int version, const QString& reason);
/// "Page 1 of 3 / 第 1 页，共 3 页"
QString pageText(int page, int pageCount);

/// The id tag as printed: every character but the last four replaced by '*' ("****5678"); a tag of
/// four characters or fewer is masked entirely.
QString maskIdTag(const std::string& idTag);

} // namespace voltdesk::documents
