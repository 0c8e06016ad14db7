// The billing store against the real PostgreSQL: tariffs (versions, overlaps), assignments and their
// precedence, a transaction's facts and readings, CDR version 1 exactly once, re-rated versions, the
// sweep's list, sessions with totals and the revenue summary.
// GCC 14 at -O2 sees a "maybe uninitialized" variant inside pqxx::params (a false positive, as in
// command_audit_log.cpp).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "store/billing_store.h"
#include "tests/agent/store/billing_test_data.h"
#include "tests/agent/store/store_test_base.h"

#include <QtTest>

using namespace voltdesk;
using namespace voltdesk::testing;

namespace {

contract::ChargeDetailRecord recordFor(const billing::SessionFacts& facts, std::int64_t total) {
    contract::ChargeDetailRecord r;
    r.cdrId = billing::cdrIdOf(facts.chargerId, facts.transactionId);
    r.reason = "stop";
    r.siteId = facts.siteId;
    r.chargerId = facts.chargerId;
    r.connectorId = facts.connectorId;
    r.transactionId = facts.transactionId;
    r.idTag = facts.idTag;
    r.customerGroup = facts.customerGroup;
    r.start = facts.start;
    r.stop = *facts.stop;
    r.currency = "CNY";
    r.lines.push_back({"energy", "t", 1, "flat", r.start, r.stop, "", "", 10'000'000, 0, "1.000000", total});
    r.billedMilliWh = 10'000'000;
    r.subtotal = total;
    r.total = total;
    return r;
}

} // namespace

class TestBillingStore : public StoreTestBase {
    Q_OBJECT

private slots:
    void init() {
        if (!openScratchDatabase("billing_store")) {
            QSKIP("no PostgreSQL: run through ctest (services fixture)");
        }
        store::Store(m_uri).migrate();
        addSitesAndChargers(m_uri);
    }

    void tariffVersionsNeverChangeAndMayNotOverlap() {
        store::BillingStore billing(m_uri);
        auto v1 = tariffOf(flatTariffJson("sh-flat", 1));
        v1.validUntil = kBillingT0;
        QCOMPARE(billing.putTariff(v1, "sam"), std::string());
        const auto again = billing.putTariff(v1, "sam");
        QVERIFY2(again.find("version 1 exists already") != std::string::npos &&
                     again.find("version 2") != std::string::npos,
                 again.c_str());
        auto v2 = tariffOf(flatTariffJson("sh-flat", 2, "2.0000"));
        v2.validFrom = kBillingT0 - 1000;
        const auto overlap = billing.putTariff(v2, "sam");
        QVERIFY2(overlap.find("valid at the same time as version 1") != std::string::npos, overlap.c_str());
        v2.validFrom = kBillingT0;
        QCOMPARE(billing.putTariff(v2, "sam"), std::string());
        const auto stored = billing.tariffs("sh-flat");
        QCOMPARE(stored.size(), std::size_t(2));
        QCOMPARE(stored[1].tariff.version, 2);
        QCOMPARE(stored[1].tariff.validFrom.value_or(0), kBillingT0);
        QCOMPARE(stored[0].createdBy, std::string("sam"));
        QCOMPARE(billing.tariffs().size(), std::size_t(2));
    }

    void theMostSpecificAssignmentWins() {
        store::BillingStore billing(m_uri);
        for (const char* id : {"site", "group", "charger", "fleet"}) {
            QCOMPARE(billing.putTariff(tariffOf(flatTariffJson(id, 1)), "sam"), std::string());
        }
        billing::SessionFacts facts;
        facts.siteId = "sh";
        facts.chargerId = "CP-1";
        QVERIFY(!billing.tariffsFor(facts).assignment);
        const auto chosen = [&] {
            const auto choice = billing.tariffsFor(facts);
            return choice.assignment ? choice.assignment->tariffId : std::string("none");
        };
        billing.assign({billing::AssignmentScope::Site, "sh", "site"}, "sam");
        QCOMPARE(chosen(), std::string("site"));
        billing.assign({billing::AssignmentScope::ChargerGroup, "fast", "group"}, "sam",
                       std::vector<std::string>{"CP-1", "CP-9"});
        QCOMPARE(chosen(), std::string("group"));
        billing.assign({billing::AssignmentScope::Charger, "CP-1", "charger"}, "sam");
        QCOMPARE(chosen(), std::string("charger"));
        billing.assign({billing::AssignmentScope::CustomerGroup, "FLEET-A", "fleet"}, "sam");
        QCOMPARE(chosen(), std::string("charger")); // not this session's group
        facts.customerGroup = "FLEET-A";
        QCOMPARE(chosen(), std::string("fleet"));
        QCOMPARE(billing.tariffsFor(facts).tariffs.size(), std::size_t(1));
        facts.customerGroup.clear();
        facts.chargerId = "CP-2";
        QCOMPARE(chosen(), std::string("site"));
        billing.assign({billing::AssignmentScope::Site, "sh", ""}, "sam"); // unassign
        QCOMPARE(chosen(), std::string("none"));
        QCOMPARE(billing.chargerGroups().at("fast").size(), std::size_t(2));
        QCOMPARE(billing.assignments().size(), std::size_t(3));
    }

    void factsCarryTheStoredReadings() {
        store::PgTransactionLedger ledger(m_uri);
        const int id = recordSession(ledger, "CP-1", 2, "TAG-1", kBillingT0, 10, 1000, true, "FLEET-A");
        const int open = recordSession(ledger, "CP-3", 1, "TAG-2", kBillingT0, 5, 500, false);
        ledger.shutdown();
        store::BillingStore billing(m_uri);
        const auto facts = billing.sessionFacts(id);
        QVERIFY(facts.has_value());
        QCOMPARE(facts->chargerId, std::string("CP-1"));
        QCOMPARE(facts->connectorId, 2);
        QCOMPARE(facts->customerGroup, std::string("FLEET-A"));
        QCOMPARE(facts->siteId, std::string("sh"));
        QCOMPARE(facts->siteName, std::string("浦东"));
        QCOMPARE(facts->timeZone, std::string("Asia/Shanghai"));
        QCOMPARE(facts->start, kBillingT0);
        QCOMPARE(facts->stop.value_or(0), kBillingT0 + 10 * kBillingMinute);
        QCOMPARE(facts->meterStopWh.value_or(0), std::int64_t(11'000));
        QCOMPARE(facts->readings.size(), std::size_t(11)); // start, 9 readings, stop
        QCOMPARE(facts->readings[5].milliWh, std::int64_t(6'000'000));
        const auto running = billing.sessionFacts(open);
        QVERIFY(running.has_value());
        QVERIFY(!running->stop);
        QCOMPARE(running->timeZone, std::string("UTC")); // the site has none
        QVERIFY(!billing.sessionFacts(999'999).has_value());
        QCOMPARE(billing.finishedWithoutCdr(0, 10), std::vector<int>{id});
    }

    void chargingFinishesWhereTheLastPauseBegins() {
        store::PgTransactionLedger ledger(m_uri);
        const int id = recordSession(ledger, "CP-1", 1, "TAG-1", kBillingT0, 10, 1000);
        ledger.shutdown();
        const auto status = [&](const char* name, int minute, int connector = 1) {
            pqxx::connection conn(m_uri);
            pqxx::work tx(conn);
            tx.exec("INSERT INTO connector_status_history (charger_id, connector_id, status, charger_time, "
                    "received_at) VALUES ('CP-1', $1, $2, to_timestamp($3 / 1000.0), now())",
                    pqxx::params{connector, std::string(name), kBillingT0 + minute * kBillingMinute});
            tx.commit();
        };
        store::BillingStore billing(m_uri);
        QVERIFY(!billing.sessionFacts(id)->chargingFinished); // nothing known: charging ran to the stop
        status("Charging", 0);
        status("SuspendedEV", 3); // a pause...
        status("Charging", 4);    // ...that was not the end
        status("SuspendedEV", 6);
        status("SuspendedEV", 5, 2); // another connector
        status("Finishing", 10);
        status("SuspendedEV", 11); // after the stop
        QCOMPARE(billing.sessionFacts(id)->chargingFinished.value_or(0), kBillingT0 + 6 * kBillingMinute);
    }

    void versionOneIsWrittenOnceAndReRatingsAddVersions() {
        store::PgTransactionLedger ledger(m_uri);
        const int id = recordSession(ledger, "CP-1", 1, "TAG-1", kBillingT0, 10, 1000);
        ledger.shutdown();
        store::BillingStore billing(m_uri);
        const auto facts = *billing.sessionFacts(id);
        const auto first = billing.insertFirstVersion(recordFor(facts, 1500));
        QCOMPARE(first.total, std::int64_t(1500));
        QCOMPARE(first.version, 1);
        // A duplicate stop, a sweep after a crash: a different amount never replaces the first.
        const auto second = billing.insertFirstVersion(recordFor(facts, 9999));
        QCOMPARE(second.total, std::int64_t(1500));
        QCOMPARE(count("SELECT count(*) FROM cdrs"), 1LL);
        QVERIFY(billing.finishedWithoutCdr(0, 10).empty());

        auto corrected = recordFor(facts, 1200);
        corrected.reason = "meter replaced";
        const auto v2 = billing.insertNextVersion(corrected, "sam");
        QCOMPARE(v2.version, 2);
        const auto versions = billing.cdrVersions(first.cdrId);
        QCOMPARE(versions.size(), std::size_t(2));
        QCOMPARE(versions[0].total, std::int64_t(1500));
        QCOMPARE(versions[1].total, std::int64_t(1200));
        QCOMPARE(versions[1].reason, std::string("meter replaced"));
        QCOMPARE(count("SELECT count(*) FROM cdrs WHERE current"), 1LL);
        QCOMPARE(text("SELECT created_by FROM cdrs WHERE version = 2"), std::string("sam"));

        store::CdrFilter filter;
        filter.from = kBillingT0;
        filter.to = kBillingT0 + 3'600'000;
        QCOMPARE(billing.cdrs(filter).size(), std::size_t(1));
        QCOMPARE(billing.cdrs(filter)[0].version, 2);
        filter.currentOnly = false;
        QCOMPARE(billing.cdrs(filter).size(), std::size_t(2));
        filter.siteId = "ber";
        QVERIFY(billing.cdrs(filter).empty());

        contract::ChargeDetailRecord unknown;
        unknown.cdrId = "CP-1/424242";
        QVERIFY_THROWS_EXCEPTION(store::StoreError, billing.insertNextVersion(unknown, "sam"));
    }

    void sessionsAndRevenueHaveTotals() {
        store::PgTransactionLedger ledger(m_uri);
        const int a = recordSession(ledger, "CP-1", 1, "TAG-1", kBillingT0, 10, 1000, true, "FLEET-A");
        const int b = recordSession(ledger, "CP-2", 1, "TAG-2", kBillingT0 + 3'600'000, 10, 500);
        const int live = recordSession(ledger, "CP-3", 1, "TAG-3", kBillingT0, 10, 500, false);
        ledger.shutdown();
        store::BillingStore billing(m_uri);
        billing.insertFirstVersion(recordFor(*billing.sessionFacts(a), 1500));
        auto lines = recordFor(*billing.sessionFacts(b), 700);
        lines.lines.push_back({"sessionFee", "t", 1, "", lines.start, lines.stop, "", "", 0, 0, "", 100});
        lines.subtotal = 800;
        lines.tax = 48;
        lines.total = 848;
        billing.insertFirstVersion(lines);

        store::SessionFilter all;
        const auto page = billing.sessions(all);
        QCOMPARE(page.matching, std::int64_t(3));
        QCOMPARE(page.sessions.size(), std::size_t(3));
        QCOMPARE(page.totals.size(), std::size_t(1));
        QCOMPARE(page.totals[0].total, std::int64_t(1500 + 848));
        QCOMPARE(page.totals[0].sessions, std::int64_t(2));
        QCOMPARE(page.sessions[0].transactionId, b); // newest first

        store::SessionFilter liveOnly;
        liveOnly.status = store::SessionStatus::Live;
        const auto livePage = billing.sessions(liveOnly);
        QCOMPARE(livePage.matching, std::int64_t(1));
        QCOMPARE(livePage.sessions[0].transactionId, live);
        QVERIFY(livePage.totals.empty());

        store::SessionFilter group;
        group.customerGroup = "FLEET-A";
        QCOMPARE(billing.sessions(group).matching, std::int64_t(1));
        store::SessionFilter paged;
        paged.limit = 1;
        paged.offset = 1;
        const auto second = billing.sessions(paged);
        QCOMPARE(second.sessions.size(), std::size_t(1));
        QCOMPARE(second.matching, std::int64_t(3));
        store::SessionFilter site;
        site.siteId = "sh";
        site.from = kBillingT0 + 3'600'000;
        QCOMPARE(billing.sessions(site).matching, std::int64_t(1));

        const auto summary = billing.revenue(kBillingT0 - 3'600'000, kBillingT0 + 24 * 3'600'000);
        QCOMPARE(summary.bySite.size(), std::size_t(1));
        QCOMPARE(summary.bySite[0].key, std::string("sh"));
        QCOMPARE(summary.bySite[0].amount, std::int64_t(2348));
        QCOMPARE(summary.bySite[0].sessions, std::int64_t(2));
        QCOMPARE(summary.byPeriod.size(), std::size_t(2)); // flat, sessionFee
        QCOMPARE(summary.byPeriod[0].key, std::string("flat"));
        QCOMPARE(summary.byPeriod[0].amount, std::int64_t(2200));
        QCOMPARE(summary.byPeriod[0].energyMilliWh, std::int64_t(20'000'000));
        QCOMPARE(summary.byPeriod[1].key, std::string("sessionFee"));
        QCOMPARE(summary.totals[0].tax, std::int64_t(48));
        QCOMPARE(summary.unrated, std::int64_t(0));
        QVERIFY(billing.revenue(kBillingT0, kBillingT0 + 1, "ber").bySite.empty());
    }
};

QTEST_GUILESS_MAIN(TestBillingStore)
#include "tst_billing_store.moc"
