// Recorded-style billing payloads for the console's billing tests: CDRs and live costs built with the
// contract's own encoder, GetSessions answers around them.
#pragma once

#include "contract/charge_detail_record.h"
#include "contract/topics.h"
#include "models/billing/sessions_model.h"
#include "models/mqtt_message.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace voltdesk::testing {

/// A Shanghai session on SH-PUDONG-01: peak energy and service fee, a session fee, 6 % tax.
inline contract::ChargeDetailRecord sampleCdr(int transactionId, std::int64_t energyAmount = 3300,
                                              std::int64_t serviceAmount = 2400) {
    contract::ChargeDetailRecord r;
    r.chargerId = "SH-PUDONG-01";
    r.transactionId = transactionId;
    r.cdrId = r.chargerId + "/" + std::to_string(transactionId);
    r.version = 1;
    r.reason = "stop";
    r.ratedAt = 1'764'150'300'000;
    r.agentId = "agent-1";
    r.siteId = "sh-pudong";
    r.siteName = "Pudong 浦东";
    r.timeZone = "Asia/Shanghai";
    r.connectorId = 1;
    r.idTag = "RFID-04";
    r.customerGroup = "FLEET-A";
    r.start = 1'764'145'800'000; // 2025-11-26T08:30:00Z
    r.stop = 1'764'151'500'000;
    r.meterStartWh = 1000;
    r.meterStopWh = 31000;
    r.currency = "CNY";
    r.minorDigits = 2;
    contract::CdrLine energy{"energy",
                             "sh-commercial",
                             2,
                             "peak",
                             r.start,
                             r.stop,
                             "2025-11-26T16:30:00+08:00",
                             "2025-11-26T18:05:00+08:00",
                             30'000'000,
                             0,
                             "1.100000",
                             energyAmount};
    contract::CdrLine service = energy;
    service.kind = "serviceFee";
    service.unitPrice = "0.800000";
    service.amount = serviceAmount;
    contract::CdrLine fee{"sessionFee", "sh-commercial", 2, "", r.start, r.stop, "", "", 0, 0, "", 100};
    r.lines = {energy, service, fee};
    r.billedMilliWh = 30'000'000;
    r.subtotal = energyAmount + serviceAmount + 100;
    r.taxRate = "0.06";
    r.tax = r.subtotal * 6 / 100;
    r.total = r.subtotal + r.tax;
    return r;
}

/// The same session running: provisional, rated up to `at`.
inline contract::ChargeDetailRecord liveCost(int transactionId, std::int64_t energyAmount,
                                             contract::EpochMs at) {
    contract::ChargeDetailRecord r = sampleCdr(transactionId, energyAmount, energyAmount * 8 / 11);
    r.provisional = true;
    r.reason = "live";
    r.stop = at;
    for (auto& line : r.lines) {
        line.to = at;
    }
    return r;
}

inline QJsonObject json(const contract::ChargeDetailRecord& r) {
    return models::billing::recordToJson(r);
}

inline QJsonObject finishedSession(const contract::ChargeDetailRecord& r) {
    return {{QStringLiteral("transactionId"), r.transactionId},
            {QStringLiteral("cdrId"), QString::fromStdString(r.cdrId)},
            {QStringLiteral("chargerId"), QString::fromStdString(r.chargerId)},
            {QStringLiteral("connectorId"), r.connectorId},
            {QStringLiteral("siteId"), QString::fromStdString(r.siteId)},
            {QStringLiteral("idTag"), QString::fromStdString(r.idTag)},
            {QStringLiteral("customerGroup"), QString::fromStdString(r.customerGroup)},
            {QStringLiteral("start"), QString::fromStdString(contract::toIso8601(r.start))},
            {QStringLiteral("stop"), QString::fromStdString(contract::toIso8601(r.stop))},
            {QStringLiteral("status"), QStringLiteral("finished")},
            {QStringLiteral("meterStartWh"), static_cast<qint64>(r.meterStartWh)},
            {QStringLiteral("meterStopWh"), static_cast<qint64>(r.meterStopWh)},
            {QStringLiteral("cdr"), json(r)}};
}

inline QJsonObject liveSession(const contract::ChargeDetailRecord& r) {
    QJsonObject s = finishedSession(r);
    s.remove(QStringLiteral("stop"));
    s.remove(QStringLiteral("meterStopWh"));
    s.remove(QStringLiteral("cdr"));
    s.insert(QStringLiteral("status"), QStringLiteral("live"));
    return s;
}

inline models::MqttMessage costMessage(const contract::ChargeDetailRecord& r) {
    const std::string payload = contract::encode(r);
    return {QString::fromStdString(contract::sessionCostTopic(r.siteId, r.chargerId, r.connectorId)),
            QByteArray(payload.data(), static_cast<qsizetype>(payload.size()))};
}

inline models::MqttMessage cdrMessage(const contract::ChargeDetailRecord& r) {
    const std::string payload = contract::encode(r);
    return {QString::fromStdString(contract::siteCdrTopic(r.siteId)),
            QByteArray(payload.data(), static_cast<qsizetype>(payload.size()))};
}

} // namespace voltdesk::testing
