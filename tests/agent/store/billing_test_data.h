// What the billing store and service tests share: a scratch database with a site, chargers and
// transactions written through the real ledger, and two tariffs in their JSON form.
#pragma once

#include "domain/billing/tariff_json.h"
#include "store/pg_transaction_ledger.h"
#include "store/store.h"

#include <future>
#include <pqxx/pqxx>
#include <string>

namespace voltdesk::testing {

inline constexpr contract::EpochMs kBillingT0 = 1'790'000'000'000; // 2026-09-21T14:13:20Z
inline constexpr contract::EpochMs kBillingMinute = 60'000;

/// All day one period: energy 1.0000 + service 0.5000 CNY per kWh, so 10 kWh cost 15.00 (1500 fen);
/// taxPercent 6.
inline std::string flatTariffJson(const std::string& id, int version, const std::string& energy = "1.0000") {
    return R"({"id":")" + id + R"(","version":)" + std::to_string(version) +
           R"(,"currency":"CNY","periods":[{"name":"flat","energyPrice":")" + energy +
           R"(","serviceFee":"0.5000"}],"dayTypes":[{"name":"day","schedule":[{"from":"00:00","to":"24:00",)"
           R"("period":"flat"}]}],"week":{"monday":"day","tuesday":"day","wednesday":"day","thursday":"day",)"
           R"("friday":"day","saturday":"day","sunday":"day"},"taxPercent":"6.0000"})";
}

inline billing::Tariff tariffOf(const std::string& json) {
    auto parsed = billing::tariffFromJson(json);
    if (!parsed.tariff) {
        throw std::runtime_error(parsed.error);
    }
    return *parsed.tariff;
}

/// Site "sh" (Asia/Shanghai) with chargers CP-1 and CP-2, site "ber" (no zone) with CP-3.
inline void addSitesAndChargers(const std::string& uri) {
    pqxx::connection conn(uri);
    pqxx::work tx(conn);
    tx.exec("INSERT INTO sites (id, name, time_zone, lat, lon) VALUES ('sh', '浦东', 'Asia/Shanghai', 31.2, "
            "121.5), "
            "('ber', 'Berlin', '', 52.5, 13.4)");
    tx.exec("INSERT INTO chargers (id, site_id, max_power_kw) VALUES ('CP-1', 'sh', 60), ('CP-2', 'sh', 60), "
            "('CP-3', 'ber', 22)");
    tx.commit();
}

template <typename T>
T ledgerAnswer(const std::function<void(std::function<void(domain::LedgerResult<T>)>)>& call) {
    std::promise<domain::LedgerResult<T>> promise;
    auto future = promise.get_future();
    call([&](domain::LedgerResult<T> r) { promise.set_value(std::move(r)); });
    auto r = future.get();
    if (const auto* failure = std::get_if<domain::LedgerFailure>(&r)) {
        throw std::runtime_error(failure->reason);
    }
    return std::get<T>(r);
}

inline domain::MeterReading energyReading(contract::EpochMs at, std::int64_t wh) {
    domain::MeterReading r;
    r.timestamp = at;
    domain::MeterSample energy;
    energy.value = std::to_string(wh);
    energy.measurand = "Energy.Active.Import.Register";
    energy.unit = "Wh";
    r.samples = {energy};
    return r;
}

/// A start at `start` from meter 1000 Wh, a reading a minute rising by whPerMinute, and (when stop)
/// a stop after `minutes`; returns the transaction id.
inline int recordSession(store::PgTransactionLedger& ledger, const std::string& charger, int connector,
                         const std::string& idTag, contract::EpochMs start, int minutes,
                         std::int64_t whPerMinute, bool stop = true, const std::string& customerGroup = {}) {
    domain::TransactionStart s;
    s.chargerId = charger;
    s.connectorId = connector;
    s.idTag = idTag;
    s.meterStartWh = 1000;
    s.timestamp = start;
    s.idTagInfo.status = domain::AuthorizationStatus::Accepted;
    if (!customerGroup.empty()) {
        s.idTagInfo.parentIdTag = customerGroup;
    }
    s.receivedAt = start + 100;
    const int id = ledgerAnswer<domain::TransactionStartResult>([&](auto done) {
                       ledger.start(s, std::move(done));
                   }).transactionId;
    domain::MeterValuesReport m;
    m.chargerId = charger;
    m.connectorId = connector;
    m.transactionId = id;
    for (int i = 1; i < minutes; ++i) {
        m.readings.push_back(energyReading(start + i * kBillingMinute, 1000 + i * whPerMinute));
    }
    m.receivedAt = start + minutes * kBillingMinute;
    ledgerAnswer<bool>([&](auto done) { ledger.meterValues(m, std::move(done)); });
    if (stop) {
        domain::TransactionStop t;
        t.chargerId = charger;
        t.transactionId = id;
        t.meterStopWh = 1000 + minutes * whPerMinute;
        t.timestamp = start + minutes * kBillingMinute;
        t.reason = "EVDisconnected";
        t.receivedAt = t.timestamp + 100;
        ledgerAnswer<domain::TransactionStopResult>([&](auto done) { ledger.stop(t, std::move(done)); });
    }
    return id;
}

} // namespace voltdesk::testing
