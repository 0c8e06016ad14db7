// The agent's billing against the real PostgreSQL: a session's CDR is written once whatever repeats
// (duplicate stops, a restart's sweep), its last live cost is its CDR, a session without a tariff is
// kept unrated, and the billing commands answer and refuse as docs/MQTT.md says.
// GCC 14 at -O2 sees a "maybe uninitialized" variant inside pqxx::params (a false positive, as in
// command_audit_log.cpp).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "app/billing_cli.h"
#include "app/billing_commands.h"
#include "app/billing_service.h"
#include "contract/topics.h"
#include "domain/billing/charge_record.h"
#include "domain/billing/settlement_csv.h"
#include "store/billing_store.h"
#include "tests/agent/store/billing_test_data.h"
#include "tests/agent/store/store_test_base.h"

#include <QtTest>
#include <map>
#include <mutex>
#include <sstream>

using namespace voltdesk;
using namespace voltdesk::testing;
using namespace std::chrono_literals;

namespace {

struct Published {
    std::string topic;
    std::string payload;
    bool retained = false;
};

class Recorder {
public:
    app::BillingService::Publish publish() {
        return [this](std::string topic, std::string payload, int /*qos*/, bool retained) {
            std::lock_guard lock(m_mutex);
            m_messages.push_back({std::move(topic), std::move(payload), retained});
        };
    }
    std::vector<Published> on(const std::string& topic) {
        std::lock_guard lock(m_mutex);
        std::vector<Published> out;
        for (const auto& m : m_messages) {
            if (m.topic == topic) {
                out.push_back(m);
            }
        }
        return out;
    }

private:
    std::mutex m_mutex;
    std::vector<Published> m_messages;
};

contract::ChargeDetailRecord decoded(const std::string& payload) {
    auto d = contract::decodeChargeDetailRecord(payload);
    if (!d) {
        throw std::runtime_error(d.error());
    }
    return std::move(d).value();
}

domain::MeterValuesReport meterValuesOf(const std::string& chargerId, int transactionId) {
    domain::MeterValuesReport r;
    r.chargerId = chargerId;
    r.connectorId = 1;
    r.transactionId = transactionId;
    return r;
}

domain::TransactionStop stopOf(int transactionId) {
    domain::TransactionStop s;
    s.transactionId = transactionId;
    return s;
}

} // namespace

class TestBillingService : public StoreTestBase {
    Q_OBJECT

private slots:
    void init() {
        if (!openScratchDatabase("billing_service")) {
            QSKIP("no PostgreSQL: run through ctest (services fixture)");
        }
        store::Store(m_uri).migrate();
        addSitesAndChargers(m_uri);
        store::BillingStore billing(m_uri);
        QCOMPARE(billing.putTariff(tariffOf(flatTariffJson("sh-flat", 1)), "sam"), std::string());
        billing.assign({billing::AssignmentScope::Site, "sh", "sh-flat"}, "sam");
    }

    void aStopIsRecordedOnceAndItsLastLiveCostIsTheRecord() {
        store::PgTransactionLedger ledger(m_uri);
        const int id = recordSession(ledger, "CP-1", 1, "TAG-1", kBillingT0, 10, 1000, false);
        Recorder bus;
        app::BillingServiceOptions options;
        options.clearDelay = 100ms;
        app::BillingService service(m_uri, "agent-1", bus.publish(), options);
        service.start();
        const auto report = meterValuesOf("CP-1", id);
        service.onMeterValues(report);
        service.onMeterValues(report); // throttled: one live cost per 10 s per connector
        QVERIFY(service.flush(10s));
        const auto topic = contract::sessionCostTopic("sh", "CP-1", 1);
        QCOMPARE(bus.on(topic).size(), std::size_t(1));
        const auto live = decoded(bus.on(topic)[0].payload);
        QVERIFY(live.provisional);
        QCOMPARE(live.billedMilliWh, std::int64_t(9'000'000)); // up to the latest reading, minute 9
        QCOMPARE(live.total, std::int64_t(1431));              // 9 kWh x 1.50 = 13.50 + 6 % tax 0.81

        domain::TransactionStop stop;
        stop.chargerId = "CP-1";
        stop.transactionId = id;
        stop.meterStopWh = 11'000;
        stop.timestamp = kBillingT0 + 10 * kBillingMinute;
        stop.receivedAt = stop.timestamp;
        ledgerAnswer<domain::TransactionStopResult>([&](auto done) { ledger.stop(stop, std::move(done)); });
        service.onTransactionStopped({}, stopOf(id));
        service.onTransactionStopped({}, stopOf(id)); // a duplicate, as after a ledger retry
        QVERIFY(service.flush(10s));
        QCOMPARE(count("SELECT count(*) FROM cdrs"), 1LL);
        const auto cdrs = bus.on(contract::siteCdrTopic("sh"));
        QCOMPARE(cdrs.size(), std::size_t(2)); // the same record, published twice
        const auto cdr = decoded(cdrs[0].payload);
        QCOMPARE(decoded(cdrs[1].payload), cdr);
        QCOMPARE(cdr.cdrId, "CP-1/" + std::to_string(id));
        QCOMPARE(cdr.total, std::int64_t(1590)); // 10 kWh x (1.00 + 0.50) = 15.00 + 0.90 tax
        QCOMPARE(cdr.taxRate, std::string("0.06"));
        QCOMPARE(cdr.agentId, std::string("agent-1"));
        QVERIFY(!cdr.provisional);
        QTRY_VERIFY_WITH_TIMEOUT(!bus.on(topic).empty() && bus.on(topic).back().payload.empty(), 5000);
        const auto costs = bus.on(topic);
        const auto finalCost = decoded(costs[costs.size() - 2].payload); // the one before the clear
        QVERIFY(finalCost.provisional);
        QCOMPARE(finalCost.total, cdr.total);
        QCOMPARE(finalCost.lines, cdr.lines);
        QVERIFY(costs.back().retained);
        ledger.shutdown();
    }

    void aRestartRecordsWhatACrashLeftAndNeverASecondRecord() {
        store::PgTransactionLedger ledger(m_uri);
        const int a = recordSession(ledger, "CP-1", 1, "TAG-1", kBillingT0, 10, 1000);
        const int b = recordSession(ledger, "CP-2", 1, "TAG-2", kBillingT0, 20, 500);
        ledger.shutdown();
        for (int run = 0; run < 2; ++run) {
            Recorder bus;
            app::BillingService service(m_uri, "agent-1", bus.publish());
            service.start(); // sweeps at once
            QVERIFY(service.flush(10s));
            QCOMPARE(service.stats().recorded, run == 0 ? 2ULL : 0ULL);
            service.onTransactionStopped({}, stopOf(a)); // a stop replayed after the restart
            QVERIFY(service.flush(10s));
        }
        QCOMPARE(count("SELECT count(*) FROM cdrs"), 2LL);
        QCOMPARE(count("SELECT total FROM cdrs WHERE transaction_id = " + std::to_string(a)), 1590LL);
        QCOMPARE(count("SELECT total FROM cdrs WHERE transaction_id = " + std::to_string(b)), 1590LL);
    }

    // A running session no tariff rates still gets a live cost, and it is provisional like any other:
    // a console must not take it for the final record.
    void aRunningSessionWithoutTariffHasAProvisionalUnratedCost() {
        store::PgTransactionLedger ledger(m_uri);
        const int id = recordSession(ledger, "CP-3", 1, "TAG-3", kBillingT0, 10, 300, false);
        Recorder bus;
        app::BillingService service(m_uri, "agent-1", bus.publish());
        service.start();
        service.onMeterValues(meterValuesOf("CP-3", id));
        QVERIFY(service.flush(10s));
        const auto costs = bus.on(contract::sessionCostTopic("ber", "CP-3", 1));
        QCOMPARE(costs.size(), std::size_t(1));
        const auto live = decoded(costs[0].payload);
        QVERIFY(live.provisional);
        QVERIFY(billing::isUnrated(live));
        QCOMPARE(live.total, std::int64_t(0));
        QCOMPARE(count("SELECT count(*) FROM cdrs"), 0LL);
        ledger.shutdown();
    }

    void aSessionWithoutTariffIsKeptUnrated() {
        store::PgTransactionLedger ledger(m_uri);
        const int id = recordSession(ledger, "CP-3", 1, "TAG-3", kBillingT0, 10, 300); // 18 kW of its 22
        ledger.shutdown();
        Recorder bus;
        app::BillingService service(m_uri, "agent-1", bus.publish());
        service.start();
        QVERIFY(service.flush(10s));
        const auto cdrs = bus.on(contract::siteCdrTopic("ber"));
        QCOMPARE(cdrs.size(), std::size_t(1));
        const auto cdr = decoded(cdrs[0].payload);
        QCOMPARE(cdr.total, std::int64_t(0));
        QVERIFY(cdr.lines.empty());
        QCOMPARE(cdr.reason, std::string("unrated: no tariff for site 'ber', charger 'CP-3'"));
        QCOMPARE(
            count("SELECT count(*) FROM cdrs WHERE NOT rated AND transaction_id = " + std::to_string(id)),
            1LL);

        // The operator assigns a tariff and re-rates: version 2, the first kept.
        store::BillingStore billing(m_uri);
        billing.assign({billing::AssignmentScope::Charger, "CP-3", "sh-flat"}, "sam");
        const auto noNote = app::answerBillingCommand(billing, "RerateSession", {{"cdrId", cdr.cdrId}},
                                                      "agent-1", bus.publish(), contract::nowMs());
        QVERIFY(noNote.outcome == contract::CommandOutcome::Refused);
        QCOMPARE(noNote.description, std::string("note is missing"));
        const auto blank =
            app::answerBillingCommand(billing, "RerateSession", {{"cdrId", cdr.cdrId}, {"note", " "}},
                                      "agent-1", bus.publish(), contract::nowMs());
        QVERIFY(blank.outcome == contract::CommandOutcome::Refused);
        const auto rerated = app::answerBillingCommand(
            billing, "RerateSession",
            {{"cdrId", cdr.cdrId}, {"note", "tariff assigned late"}, {"requestedBy", "sam"}}, "agent-1",
            bus.publish(), contract::nowMs());
        QVERIFY(rerated.outcome == contract::CommandOutcome::Completed);
        QCOMPARE(rerated.response["cdr"]["version"].get<int>(), 2);
        // 3 kWh x 1.50 = 4.50 + 6 % tax 0.27
        QVERIFY2(rerated.response["cdr"]["total"].get<std::int64_t>() == 477,
                 rerated.response.dump().c_str());
        QCOMPARE(rerated.response["cdr"]["reason"].get<std::string>(), std::string("tariff assigned late"));
        QCOMPARE(rerated.response["previousTotal"].get<std::int64_t>(), std::int64_t(0));
        QCOMPARE(bus.on(contract::siteCdrTopic("ber")).size(), std::size_t(2));
        const auto got = app::answerBillingCommand(billing, "GetCdr", {{"cdrId", cdr.cdrId}}, "agent-1", {},
                                                   contract::nowMs());
        QCOMPARE(got.response["versions"].size(), std::size_t(2));
        QCOMPARE(text("SELECT created_by FROM cdrs WHERE version = 2"), std::string("sam"));
    }

    void tariffCommandsValidateAndPreview() {
        store::BillingStore billing(m_uri);
        const auto answer = [&](const char* command, const nlohmann::json& payload) {
            return app::answerBillingCommand(billing, command, payload, "agent-1", {}, contract::nowMs());
        };
        auto invalid = nlohmann::json::parse(flatTariffJson("bad", 1));
        invalid["dayTypes"][0]["schedule"][0]["to"] = "22:00";
        invalid["periods"][0].erase("energyPrice");
        const auto refused = answer("PutTariff", {{"tariff", invalid}});
        QVERIFY(refused.outcome == contract::CommandOutcome::Refused);
        QVERIFY2(refused.description.starts_with("The tariff cannot be read") ||
                     refused.description.starts_with("The tariff is not valid"),
                 refused.description.c_str());
        auto gap = nlohmann::json::parse(flatTariffJson("gap", 1));
        gap["dayTypes"][0]["schedule"][0]["to"] = "22:00";
        const auto gapRefused = answer("PutTariff", {{"tariff", gap}});
        QVERIFY(gapRefused.outcome == contract::CommandOutcome::Refused);
        QVERIFY2(gapRefused.description.find("22:00–24:00 is not covered") != std::string::npos,
                 gapRefused.description.c_str());
        QVERIFY(!gapRefused.response["errors"].empty());
        QVERIFY(
            answer("PutTariff", {{"tariff", nlohmann::json::parse(flatTariffJson("sh-flat", 1))}}).outcome ==
            contract::CommandOutcome::Refused); // the version exists
        const auto stored =
            answer("PutTariff",
                   {{"tariff", nlohmann::json::parse(flatTariffJson("night", 1))}, {"requestedBy", "sam"}});
        QVERIFY(stored.outcome == contract::CommandOutcome::Completed);
        QVERIFY(
            answer("AssignTariff", {{"scope", "charger"}, {"key", "CP-2"}, {"tariffId", "nope"}}).outcome ==
            contract::CommandOutcome::Refused);
        QVERIFY(
            answer("AssignTariff", {{"scope", "planet"}, {"key", "CP-2"}, {"tariffId", "night"}}).outcome ==
            contract::CommandOutcome::Refused);
        QVERIFY(
            answer(
                "AssignTariff",
                {{"scope", "chargerGroup"}, {"key", "fast"}, {"tariffId", "night"}, {"chargers", {"CP-2"}}})
                .outcome == contract::CommandOutcome::Completed);
        const auto tariffs = answer("GetTariffs", nlohmann::json::object());
        QCOMPARE(tariffs.response["tariffs"].size(), std::size_t(2));
        QCOMPARE(tariffs.response["assignments"].size(), std::size_t(2));
        QCOMPARE(tariffs.response["chargerGroups"]["fast"][0].get<std::string>(), std::string("CP-2"));

        const nlohmann::json session{{"start", "2026-11-26T08:00:00Z"},
                                     {"stop", "2026-11-26T09:00:00Z"},
                                     {"readings",
                                      {{{"at", "2026-11-26T08:00:00Z"}, {"energyWh", 0}},
                                       {{"at", "2026-11-26T09:00:00Z"}, {"energyWh", "20000.5"}}}}};
        const auto preview =
            answer("PreviewTariff", {{"tariff", nlohmann::json::parse(flatTariffJson("x", 1))},
                                     {"timeZone", "Asia/Shanghai"},
                                     {"session", session}});
        QVERIFY(preview.outcome == contract::CommandOutcome::Completed);
        QCOMPARE(preview.response["rating"]["subtotal"].get<std::int64_t>(),
                 std::int64_t(3000)); // 20.0005 kWh
        QCOMPARE(preview.response["rating"]["total"].get<std::int64_t>(), std::int64_t(3180));
        QCOMPARE(count("SELECT count(*) FROM tariffs WHERE tariff_id = 'x'"), 0LL);
        const auto badZone =
            answer("PreviewTariff", {{"tariff", nlohmann::json::parse(flatTariffJson("x", 1))},
                                     {"timeZone", "Mars/Olympus"},
                                     {"session", session}});
        QVERIFY(badZone.outcome == contract::CommandOutcome::Refused);
        QVERIFY2(badZone.description.starts_with("The sample session cannot be rated"),
                 badZone.description.c_str());
    }

    void sessionsAndRevenueAnswer() {
        store::PgTransactionLedger ledger(m_uri);
        recordSession(ledger, "CP-1", 1, "TAG-1", kBillingT0, 10, 1000, true, "FLEET-A");
        recordSession(ledger, "CP-2", 1, "TAG-2", kBillingT0, 10, 1000, false);
        ledger.shutdown();
        Recorder bus;
        app::BillingService service(m_uri, "agent-1", bus.publish());
        service.start();
        QVERIFY(service.flush(10s));
        store::BillingStore billing(m_uri);
        const auto answer = [&](const char* command, const nlohmann::json& payload) {
            return app::answerBillingCommand(billing, command, payload, "agent-1", {}, contract::nowMs());
        };
        const auto all = answer("GetSessions", nlohmann::json::object());
        QVERIFY(all.outcome == contract::CommandOutcome::Completed);
        QCOMPARE(all.response["matching"].get<int>(), 2);
        QCOMPARE(all.response["totals"][0]["total"].get<std::int64_t>(), std::int64_t(1590));
        const auto live = answer("GetSessions", {{"status", "live"}});
        QCOMPARE(live.response["sessions"].size(), std::size_t(1));
        QCOMPARE(live.response["sessions"][0]["status"].get<std::string>(), std::string("live"));
        QCOMPARE(answer("GetSessions", {{"customerGroup", "FLEET-A"}}).response["matching"].get<int>(), 1);
        QVERIFY(answer("GetSessions", {{"status", "open"}}).outcome == contract::CommandOutcome::Refused);
        QVERIFY(answer("GetSessions", {{"limit", 501}}).outcome == contract::CommandOutcome::Refused);
        const auto revenue =
            answer("GetRevenueSummary", {{"from", "2026-09-01T00:00:00Z"}, {"to", "2026-10-01T00:00:00Z"}});
        QVERIFY(revenue.outcome == contract::CommandOutcome::Completed);
        QCOMPARE(revenue.response["bySite"][0]["amount"].get<std::int64_t>(), std::int64_t(1590));
        QCOMPARE(revenue.response["byPeriod"][0]["period"].get<std::string>(), std::string("flat"));
        QCOMPARE(revenue.response["byPeriod"][0]["amount"].get<std::int64_t>(), std::int64_t(1500));
        QVERIFY(answer("GetRevenueSummary", {{"from", "2026-09-01T00:00:00Z"}}).outcome ==
                contract::CommandOutcome::Refused);
        QVERIFY(
            answer("GetRevenueSummary", {{"from", "2025-01-01T00:00:00Z"}, {"to", "2026-10-01T00:00:00Z"}})
                .outcome == contract::CommandOutcome::Refused);
        QVERIFY(answer("GetCdr", {{"cdrId", "CP-9/1"}}).outcome == contract::CommandOutcome::Refused);
    }

    void theExportsListRecordsOfTheRange() {
        store::PgTransactionLedger ledger(m_uri);
        recordSession(ledger, "CP-1", 1, "=HYPERLINK(1)", kBillingT0, 10, 1000, true, "FLEET, A");
        recordSession(ledger, "CP-3", 1, "TAG-3", kBillingT0, 10, 300);
        recordSession(ledger, "CP-2", 1, "TAG-2", kBillingT0 + 30LL * 24 * 3'600'000, 10, 1000);
        ledger.shutdown();
        Recorder bus;
        app::BillingService service(m_uri, "agent-1", bus.publish());
        service.start();
        QVERIFY(service.flush(10s));

        app::BillingCliRequest request;
        request.mode = "cdrs";
        request.postgres = m_uri;
        request.from = "2026-09-21";
        request.to = "2026-09-21"; // the whole day
        std::ostringstream out;
        std::ostringstream err;
        QCOMPARE(app::runBillingCli(request, out, err), 0);
        std::istringstream lines(out.str());
        std::vector<contract::ChargeDetailRecord> records;
        for (std::string line; std::getline(lines, line);) {
            records.push_back(decoded(line));
        }
        QCOMPARE(records.size(), std::size_t(2));
        QCOMPARE(err.str(), std::string("voltdesk-agent billing: 2 records\n"));
        request.customerGroup = "FLEET, A";
        std::ostringstream grouped;
        QCOMPARE(app::runBillingCli(request, grouped, err), 0);
        QCOMPARE(decoded(grouped.str()).total, std::int64_t(1590));

        request.mode = "settlement";
        request.customerGroup.clear();
        request.csvFile = "-";
        std::ostringstream csv;
        QCOMPARE(app::runBillingCli(request, csv, err), 0);
        const std::string text = csv.str();
        QVERIFY(text.starts_with("\xEF\xBB\xBF" + billing::settlementHeader() + "\r\n"));
        QVERIFY2(text.find(",1,rated,sh,浦东,CP-1,1,") != std::string::npos, text.c_str());
        QVERIFY2(text.find(
                     ",'=HYPERLINK(1),\"FLEET, A\",2026-09-21 22:13:20,2026-09-21 22:23:20,Asia/Shanghai,"
                     "2026-09-21 14:13:20,2026-09-21 14:23:20,10.000000,10.00,5.00,0.00,0.00,0.00,0.00,15.00,"
                     "0.06,0.90,15.90,CNY,stop\r\n") != std::string::npos,
                 text.c_str());
        QVERIFY2(text.find(",1,unrated,ber,Berlin,CP-3,") != std::string::npos, text.c_str());
        QVERIFY2(text.find("unrated: no tariff for site 'ber', charger 'CP-3'") != std::string::npos,
                 text.c_str());
        QCOMPARE(std::count(text.begin(), text.end(), '\n'), 3L);

        request.to = "2026-09-20";
        QCOMPARE(app::runBillingCli(request, csv, err), 2);
        request.from = "September";
        QCOMPARE(app::runBillingCli(request, csv, err), 2);
    }

    void idleTimeIsBilledFromWhereChargingFinished() {
        auto idle = nlohmann::json::parse(flatTariffJson("idle", 1));
        idle["timePricePerMinute"] = "0.0100";
        idle["idleFee"] = {{"perMinute", "0.5000"}, {"graceMinutes", 2}};
        store::BillingStore billing(m_uri);
        QCOMPARE(billing.putTariff(tariffOf(idle.dump()), "sam"), std::string());
        billing.assign({billing::AssignmentScope::Charger, "CP-2", "idle"}, "sam");
        store::PgTransactionLedger ledger(m_uri);
        recordSession(ledger, "CP-2", 1, "TAG-2", kBillingT0, 10, 1000);
        ledger.shutdown();
        {
            pqxx::connection conn(m_uri);
            pqxx::work tx(conn);
            tx.exec("INSERT INTO connector_status_history (charger_id, connector_id, status, charger_time, "
                    "received_at) "
                    "VALUES ('CP-2', 1, 'SuspendedEV', to_timestamp($1 / 1000.0), now())",
                    pqxx::params{kBillingT0 + 6 * kBillingMinute});
            tx.commit();
        }
        int flushes = 0;
        Recorder bus;
        app::BillingServiceOptions options;
        options.beforeRecord = [&] { ++flushes; };
        app::BillingService service(m_uri, "agent-1", bus.publish(), options);
        service.start();
        QVERIFY(service.flush(10s));
        QCOMPARE(flushes, 1);
        const auto cdr = decoded(bus.on(contract::siteCdrTopic("sh")).at(0).payload);
        QCOMPARE(cdr.chargingFinished.value_or(0), kBillingT0 + 6 * kBillingMinute);
        std::map<std::string, std::int64_t> byKind;
        for (const auto& line : cdr.lines) {
            byKind[line.kind] += line.amount;
        }
        QCOMPARE(byKind["chargingTime"], std::int64_t(6)); // 6 min x 0.01
        QCOMPARE(byKind["idleTime"], std::int64_t(100));   // (4 - 2 grace) min x 0.50
        QCOMPARE(byKind["energy"] + byKind["serviceFee"], std::int64_t(1500));
        QCOMPARE(cdr.total, std::int64_t(1606 + 96)); // 6 % of 16.06 = 0.9636
    }

    void theChosenAssignmentFollowsThePrecedence() {
        std::vector<billing::TariffAssignment> all{
            {billing::AssignmentScope::Site, "sh", "site"},
            {billing::AssignmentScope::ChargerGroup, "b", "groupB"},
            {billing::AssignmentScope::ChargerGroup, "a", "groupA"},
            {billing::AssignmentScope::Charger, "CP-1", "charger"},
            {billing::AssignmentScope::CustomerGroup, "FLEET", "fleet"}};
        const auto pick = [&](const std::string& charger, const std::vector<std::string>& groups,
                              const std::string& customer) {
            const auto* a = billing::chooseAssignment(all, "sh", charger, groups, customer);
            return a == nullptr ? std::string("none") : a->tariffId;
        };
        QCOMPARE(pick("CP-1", {"a"}, "FLEET"), std::string("fleet"));
        QCOMPARE(pick("CP-1", {"a"}, "OTHER"), std::string("charger"));
        QCOMPARE(pick("CP-2", {"b", "a"}, ""), std::string("groupA"));
        QCOMPARE(pick("CP-2", {"c"}, ""), std::string("site"));
        QCOMPARE(billing::chooseAssignment(all, "ber", "CP-3", {}, ""), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestBillingService)
#include "tst_billing_service.moc"
