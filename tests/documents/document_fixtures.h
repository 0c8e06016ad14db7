// Hand-made CDRs and an operator for the document tests: consistent (lines add up to the subtotal,
// subtotal + tax to the total) so that they pass the contract's decoder.
#pragma once

#include "contract/charge_detail_record.h"
#include "documents/operator_info.h"

#include <string>

namespace voltdesk::documents::testing {

inline OperatorInfo sampleOperator() {
    return {QStringLiteral("Voltdesk Charging Services (Shanghai) Co., Ltd."),
            QStringLiteral("伏台充电服务（上海）有限公司"),
            QStringLiteral("91310115MA1H7XK42Q"),
            QStringLiteral("88 Century Avenue, Shanghai"),
            QStringLiteral("+86 21 5000 1234"),
            {}};
}

/// A Shanghai session on 3 November 2026 from 09:00 to 11:00 local time: flat then peak, 6 % tax.
inline contract::ChargeDetailRecord sampleRecord(int transactionId = 1001, int version = 1) {
    constexpr contract::EpochMs kStart = 1'793'667'600'000; // 2026-11-03T01:00:00Z = 09:00 +08:00
    constexpr contract::EpochMs kHour = 3'600'000;
    contract::ChargeDetailRecord r;
    r.cdrId = "SH-PUDONG-01/" + std::to_string(transactionId);
    r.version = version;
    r.reason = version == 1 ? "stop" : "meter corrected";
    r.ratedAt = kStart + 2 * kHour + 5'000;
    r.siteId = "sh-pudong";
    r.siteName = "Pudong Hub";
    r.timeZone = "Asia/Shanghai";
    r.chargerId = "SH-PUDONG-01";
    r.connectorId = 1;
    r.transactionId = transactionId;
    r.idTag = "04A2B3C4D5E65678";
    r.customerGroup = "fleet-sh-01";
    r.start = kStart;
    r.stop = kStart + 2 * kHour;
    r.meterStartWh = 1'000;
    r.meterStopWh = 61'000;
    r.currency = "CNY";
    r.minorDigits = 2;
    r.lines = {
        {"energy", "sh", 2, "flat", kStart, kStart + kHour, "2026-11-03T09:00:00+08:00",
         "2026-11-03T10:00:00+08:00", 30'000'000, 0, "0.700000", 2100},
        {"energy", "sh", 2, "peak", kStart + kHour, kStart + 2 * kHour, "2026-11-03T10:00:00+08:00",
         "2026-11-03T11:00:00+08:00", 30'000'000, 0, "1.100000", 3300},
        {"sessionFee", "sh", 2, "", kStart, kStart + 2 * kHour, "", "", 0, 0, "", 100},
    };
    r.billedMilliWh = 60'000'000;
    r.subtotal = 5500;
    r.taxRate = "0.06";
    r.tax = 330;
    r.total = 5830;
    return r;
}

} // namespace voltdesk::documents::testing
