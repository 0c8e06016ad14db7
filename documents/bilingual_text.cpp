#include "documents/bilingual_text.h"

#include "documents/money_text.h"

#include <map>

namespace voltdesk::documents {

namespace {

Bilingual lookup(const std::map<std::string, Bilingual>& table, const std::string& key) {
    const auto it = table.find(key);
    return it != table.end() ? it->second : Bilingual{QString::fromStdString(key), {}};
}

} // namespace

Bilingual lineKindText(const std::string& kind) {
    static const std::map<std::string, Bilingual> kTable = {
        {"energy", {"Energy", "电费"}},
        {"serviceFee", {"Service fee", "服务费"}},
        {"chargingTime", {"Charging time", "充电时长费"}},
        {"idleTime", {"Idle fee", "占位费"}},
        {"sessionFee", {"Session fee", "单次服务费"}},
        {"minimumPrice", {"Minimum price", "最低消费补足"}},
        {"maximumPrice", {"Price cap", "封顶减免"}},
    };
    return lookup(kTable, kind);
}

Bilingual periodText(const std::string& period) {
    static const std::map<std::string, Bilingual> kTable = {
        {"sharp", {"Sharp", "尖"}},   {"peak", {"Peak", "峰"}}, {"flat", {"Flat", "平"}},
        {"valley", {"Valley", "谷"}}, {"day", {"Day", "日间"}}, {"night", {"Night", "夜间"}},
    };
    return lookup(kTable, period);
}

Bilingual anomalyText(const std::string& kind, std::int64_t milliWh) {
    static const std::map<std::string, Bilingual> kTable = {
        {"BackwardsStep", {"meter went backwards", "电表读数回退"}},
        {"ImplausibleJump", {"implausible jump of the meter", "电表读数异常跳变"}},
        {"ConflictingReadings", {"conflicting meter readings", "电表读数冲突"}},
        {"OutsideSession", {"reading outside the session", "充电时段以外的读数"}},
    };
    const auto reason = lookup(kTable, kind);
    const QString reasonZh = reason.zh.isEmpty() ? reason.en : reason.zh;
    if (milliWh == 0) {
        // A register that drops (a replaced meter) hides no energy: the step is skipped and billing
        // goes on from the new value, so "0 kWh not billed" would mislead.
        QString en = reason.en;
        en[0] = en[0].toUpper();
        return {en + QStringLiteral(": this step is not billed; billing continues from the next reading"),
                reasonZh + QStringLiteral("：该区间不计费，此后按新读数计费")};
    }
    const auto kwh = QString::fromStdString(formatKwh(milliWh));
    return {QStringLiteral("%1 kWh not billed: %2").arg(kwh, reason.en),
            QStringLiteral("%1：%2 kWh 未计费").arg(reasonZh, kwh)};
}

Bilingual replacesText(int version, const QString& reason) {
    return {QStringLiteral("Version %1, replaces version %2: %3").arg(version).arg(version - 1).arg(reason),
            QStringLiteral("第 %1 版，取代第 %2 版：%3").arg(version).arg(version - 1).arg(reason)};
}

QString pageText(int page, int pageCount) {
    return QStringLiteral("Page %1 of %2 / 第 %1 页，共 %2 页").arg(page).arg(pageCount);
}

QString maskIdTag(const std::string& idTag) {
    // The id tag is the credential that starts a charge on the customer's account (an RFID card's
    // UID, an app token): a receipt is printed, mailed and filed where anyone may read it, and the
    // full tag is enough to clone the card. The last four characters let the customer tell which
    // of their cards was used, as on a bank card receipt.
    const auto tag = QString::fromStdString(idTag);
    constexpr qsizetype kShown = 4;
    if (tag.size() <= kShown) {
        return QString(tag.size(), QLatin1Char('*'));
    }
    return QString(tag.size() - kShown, QLatin1Char('*')) + tag.right(kShown);
}

} // namespace voltdesk::documents
