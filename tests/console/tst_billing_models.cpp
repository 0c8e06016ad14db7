// The console's billing models without any UI, fed with recorded-style payloads (CDRs encoded by the
// contract): sessions paging and totals, live costs updating rows in place, the CDR breakdown and its
// versions, the revenue summary, the money formatter and the tariff draft's JSON round trip.
#include "models/billing/billing_client.h"
#include "models/billing/cdr_breakdown_model.h"
#include "models/billing/money_format.h"
#include "models/billing/revenue_summary_model.h"
#include "models/billing/sessions_model.h"
#include "models/billing/tariff_draft.h"
#include "models/charger_model.h"
#include "tests/console/billing_fixtures.h"
#include "tests/console/model_fixtures.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace voltdesk;
using namespace voltdesk::models::billing;

namespace {

QString cell(const QAbstractItemModel& m, int row, int column) {
    return m.index(row, column).data().toString();
}

QJsonObject sessionsAnswer(const QJsonArray& sessions, qint64 matching, int offset, int limit) {
    return {{QStringLiteral("sessions"), sessions},
            {QStringLiteral("matching"), matching},
            {QStringLiteral("offset"), offset},
            {QStringLiteral("limit"), limit},
            {QStringLiteral("totals"),
             QJsonArray{QJsonObject{{QStringLiteral("currency"), QStringLiteral("CNY")},
                                    {QStringLiteral("sessions"), matching},
                                    {QStringLiteral("energyMilliWh"), 30'000'000 * matching},
                                    {QStringLiteral("subtotal"), 5800 * matching},
                                    {QStringLiteral("tax"), 348 * matching},
                                    {QStringLiteral("total"), 6148 * matching}},
                        QJsonObject{{QStringLiteral("currency"), QString()},
                                    {QStringLiteral("sessions"), 1},
                                    {QStringLiteral("energyMilliWh"), 1000},
                                    {QStringLiteral("subtotal"), 0},
                                    {QStringLiteral("tax"), 0},
                                    {QStringLiteral("total"), 0}}}}};
}

} // namespace

class TestBillingModels : public QObject {
    Q_OBJECT

private slots:
    void formatsMoneyWithoutFloatingPoint() {
        QCOMPARE(formatMinorUnits(123456789, 2), QStringLiteral("1,234,567.89"));
        QCOMPARE(formatMinorUnits(-5, 2), QStringLiteral("-0.05"));
        QCOMPARE(formatMinorUnits(1200, 0), QStringLiteral("1,200"));
        QCOMPARE(formatMinorUnits(5, 3), QStringLiteral("0.005"));
        QCOMPARE(formatMinorUnits(123456789, 2, false), QStringLiteral("1234567.89"));
        // The most negative amount formats too (no overflow on negation).
        QCOMPARE(formatMinorUnits(std::numeric_limits<qint64>::min(), 2),
                 QStringLiteral("-92,233,720,368,547,758.08"));
        // Exact beyond a double's 53 bits: 2^53 + 1 minor units.
        QCOMPARE(formatMinorUnits(9'007'199'254'740'993, 2, false), QStringLiteral("90071992547409.93"));
        QCOMPARE(formatMoney(6148, 2, QStringLiteral("CNY")), QStringLiteral("CNY 61.48"));
        QCOMPARE(formatKwh(12'345'678'000), QStringLiteral("12,345.678"));
        QCOMPARE(formatKwh(1'499), QStringLiteral("0.001"));
        QCOMPARE(formatKwh(1'500), QStringLiteral("0.002"));
        QCOMPARE(formatUnitPrice(QStringLiteral("1.350000"), 2), QStringLiteral("1.35"));
        QCOMPARE(formatUnitPrice(QStringLiteral("1.234500"), 2), QStringLiteral("1.2345"));
        QCOMPARE(formatUnitPrice(QStringLiteral("2"), 2), QStringLiteral("2.00"));
        QCOMPARE(formatTaxRate(QStringLiteral("0.06")), QStringLiteral("6 %"));
        QCOMPARE(formatTaxRate(QStringLiteral("0.195")), QStringLiteral("19.5 %"));
        QCOMPARE(formatTaxRate(QString()), QStringLiteral("0 %"));
        QCOMPARE(formatMinutes(125'000), QStringLiteral("2:05"));
    }

    void filterBecomesTheRequest() {
        SessionFilter filter;
        filter.siteId = QStringLiteral(" sh-pudong ");
        filter.status = QStringLiteral("live");
        filter.from = QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::UTC);
        filter.offset = 200;
        const QJsonObject p = filter.toPayload();
        QCOMPARE(p.value(QStringLiteral("siteId")).toString(), QStringLiteral("sh-pudong"));
        QCOMPARE(p.value(QStringLiteral("from")).toString(), QStringLiteral("2026-11-01T00:00:00.000Z"));
        QVERIFY(!p.contains(QStringLiteral("to")));
        QVERIFY(!p.contains(QStringLiteral("chargerId")));
        QCOMPARE(p.value(QStringLiteral("offset")).toInt(), 200);
        QCOMPARE(p.value(QStringLiteral("limit")).toInt(), 100);
    }

    void pagesAndTotals() {
        SessionsModel model;
        QAbstractItemModelTester tester(&model);
        QJsonArray page;
        for (int t = 10; t > 0; --t) {
            page.push_back(testing::finishedSession(testing::sampleCdr(t)));
        }
        model.setResponse(sessionsAnswer(page, 25, 10, 10));
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.matching(), 25);
        QVERIFY(model.hasPreviousPage());
        QVERIFY(model.hasNextPage());
        QCOMPARE(cell(model, 0, SessionsModel::TotalColumn), QStringLiteral("CNY 61.48"));
        QCOMPARE(cell(model, 0, SessionsModel::EnergyColumn), QStringLiteral("30.000"));
        QCOMPARE(cell(model, 0, SessionsModel::ChargerColumn), QStringLiteral("SH-PUDONG-01 · 1"));
        QCOMPARE(cell(model, 0, SessionsModel::SiteColumn), QStringLiteral("Pudong 浦东"));
        QCOMPARE(model.totals().size(), 2);
        QCOMPARE(model.totals().at(0).total, 25 * 6148);
        QCOMPARE(model.totals().at(0).minorDigits, 2);
        QVERIFY(model.totals().at(1).currency.isEmpty());
        // The last page.
        model.setResponse(sessionsAnswer(
            QJsonArray{page.at(0), page.at(1), page.at(2), page.at(3), page.at(4)}, 25, 20, 10));
        QVERIFY(!model.hasNextPage());
    }

    void skipsSessionsThatContradictThemselves() {
        SessionsModel model;
        QJsonObject bad = testing::finishedSession(testing::sampleCdr(1));
        QJsonObject cdr = bad.value(QStringLiteral("cdr")).toObject();
        cdr.insert(QStringLiteral("total"), 1); // no longer subtotal + tax
        bad.insert(QStringLiteral("cdr"), cdr);
        model.setResponse(
            sessionsAnswer(QJsonArray{bad, testing::finishedSession(testing::sampleCdr(2))}, 2, 0, 100));
        QCOMPARE(model.skipped(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cell(model, 0, SessionsModel::TotalColumn), QStringLiteral("—"));
    }

    void liveCostUpdatesTheRowInPlace() {
        SessionsModel model;
        QAbstractItemModelTester tester(&model);
        const auto first = testing::liveCost(42, 1100, 1'764'147'000'000);
        // A retained cost that arrives before the answer is kept and applied to its row.
        model.applyMessages({testing::costMessage(first)});
        model.setResponse(sessionsAnswer(
            QJsonArray{testing::liveSession(first), testing::finishedSession(testing::sampleCdr(41))}, 2, 0,
            100));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.index(0, 0).data(SessionsModel::LiveRole).toBool());
        QCOMPARE(cell(model, 0, SessionsModel::StatusColumn), QStringLiteral("Live"));
        const QString before = cell(model, 0, SessionsModel::TotalColumn);
        QCOMPARE(before, formatMoney(first.total, 2, QStringLiteral("CNY")));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const auto later = testing::liveCost(42, 2200, 1'764'148'000'000);
        model.applyMessages({testing::costMessage(later)});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cell(model, 0, SessionsModel::TotalColumn),
                 formatMoney(later.total, 2, QStringLiteral("CNY")));
        QCOMPARE(model.liveTotals().size(), 1);
        QCOMPARE(model.liveTotals().at(0).total, later.total);

        // The stop: the last cost is the CDR ("stop"), then the CDR topic, then the topic is cleared.
        auto final = testing::sampleCdr(42);
        auto stopCost = final;
        stopCost.provisional = true;
        model.applyMessages({testing::costMessage(stopCost)});
        QVERIFY(!model.index(0, 0).data(SessionsModel::LiveRole).toBool());
        QCOMPARE(cell(model, 0, SessionsModel::TotalColumn), QStringLiteral("CNY 61.48"));
        const qint64 totalBefore = model.totals().at(0).total;
        const qint64 sessionsBefore = model.totals().at(0).sessions;
        model.applyMessages({testing::cdrMessage(final)});
        // The finished session joins the totals of the finished ones; the same CDR again changes nothing.
        QCOMPARE(model.totals().at(0).total, totalBefore + final.total);
        QCOMPARE(model.totals().at(0).sessions, sessionsBefore + 1);
        model.applyMessages({testing::cdrMessage(final)});
        QCOMPARE(model.totals().at(0).total, totalBefore + final.total);
        model.applyMessages(
            {{QString::fromStdString(contract::sessionCostTopic("sh-pudong", "SH-PUDONG-01", 1)), {}}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cell(model, 0, SessionsModel::StatusColumn), QStringLiteral("Finished"));
        QCOMPARE(model.rowAt(0).record->total, final.total);
        QVERIFY(!model.rowAt(0).record->provisional);
        QVERIFY(model.liveTotals().isEmpty());
        // A late live cost does not replace the stored CDR.
        model.applyMessages({testing::costMessage(later)});
        QCOMPARE(model.rowAt(0).record->total, final.total);
    }

    void aSessionThatStartsIsAddedOnTop() {
        SessionsModel model;
        QAbstractItemModelTester tester(&model);
        model.setResponse(
            sessionsAnswer(QJsonArray{testing::finishedSession(testing::sampleCdr(1))}, 1, 0, 100));
        model.applyMessages({testing::costMessage(testing::liveCost(7, 500, 1'764'147'000'000))});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowAt(0).cdrId, QStringLiteral("SH-PUDONG-01/7"));
        QCOMPARE(model.matching(), 2);
        // Not when the filter excludes it.
        SessionFilter finishedOnly;
        finishedOnly.status = QStringLiteral("finished");
        model.setFilter(finishedOnly);
        model.setResponse(
            sessionsAnswer(QJsonArray{testing::finishedSession(testing::sampleCdr(1))}, 1, 0, 100));
        model.applyMessages({testing::costMessage(testing::liveCost(8, 500, 1'764'147'000'000))});
        QCOMPARE(model.rowCount(), 1);
        SessionFilter otherSite;
        otherSite.siteId = QStringLiteral("ber-mitte");
        model.setFilter(otherSite);
        model.setResponse(sessionsAnswer(QJsonArray{}, 0, 0, 100));
        model.applyMessages({testing::costMessage(testing::liveCost(9, 500, 1'764'147'000'000))});
        QCOMPARE(model.rowCount(), 0);
    }

    void reratedVersionReplacesTheRow() {
        SessionsModel model;
        model.setResponse(
            sessionsAnswer(QJsonArray{testing::finishedSession(testing::sampleCdr(5))}, 1, 0, 100));
        auto v2 = testing::sampleCdr(5, 2200, 1600);
        v2.version = 2;
        v2.reason = "tariff corrected";
        const qint64 totalBefore = model.totals().at(0).total;
        model.applyMessages({testing::cdrMessage(v2)});
        QCOMPARE(cell(model, 0, SessionsModel::StatusColumn), QStringLiteral("Finished · v2"));
        QCOMPARE(model.totals().at(0).total, totalBefore - testing::sampleCdr(5).total + v2.total);
        QCOMPARE(model.totals().at(0).sessions, 1);
        QCOMPARE(model.rowAt(0).record->total, v2.total);
        // An older version arriving late does not win.
        model.applyMessages({testing::cdrMessage(testing::sampleCdr(5))});
        QCOMPARE(model.rowAt(0).record->version, 2);
    }

    void breakdownOfEveryVersion() {
        CdrBreakdownModel model;
        QAbstractItemModelTester tester(&model);
        auto v1 = testing::sampleCdr(5);
        auto v2 = testing::sampleCdr(5, 2200, 1600);
        v2.version = 2;
        v2.reason = "tariff corrected";
        v2.anomalies = {{"ImplausibleJump", v2.start + 60'000, 29'333'000, "the meter jumped"}};
        v2.unbilledMilliWh = 29'333'000;
        QVERIFY(model.setVersions(
            {{QStringLiteral("cdrId"), QStringLiteral("SH-PUDONG-01/5")},
             {QStringLiteral("versions"), QJsonArray{testing::json(v2), testing::json(v1)}}}));
        QCOMPARE(model.versions().size(), std::size_t{2});
        QCOMPARE(model.shownIndex(), 1);
        QCOMPARE(model.record().version, 2);
        QVERIFY(model.versionLabels().at(1).contains(QStringLiteral("in force")));
        QVERIFY(!model.versionLabels().at(0).contains(QStringLiteral("in force")));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(cell(model, 0, CdrBreakdownModel::KindColumn), QStringLiteral("Energy fee"));
        QCOMPARE(cell(model, 0, CdrBreakdownModel::PeriodColumn), QStringLiteral("Peak"));
        QCOMPARE(cell(model, 0, CdrBreakdownModel::TimeColumn), QStringLiteral("16:30–18:05"));
        QCOMPARE(cell(model, 0, CdrBreakdownModel::QuantityColumn), QStringLiteral("30.000 kWh"));
        QCOMPARE(cell(model, 0, CdrBreakdownModel::UnitPriceColumn), QStringLiteral("1.10 /kWh"));
        QCOMPARE(cell(model, 0, CdrBreakdownModel::AmountColumn), QStringLiteral("22.00"));
        QCOMPARE(cell(model, 1, CdrBreakdownModel::KindColumn), QStringLiteral("Service fee"));
        QCOMPARE(model.subtotalText(), QStringLiteral("CNY 39.00"));
        QCOMPARE(model.taxText(), QStringLiteral("6 %: CNY 2.34"));
        QCOMPARE(model.totalText(), QStringLiteral("CNY 41.34"));
        QCOMPARE(model.anomalyTexts().size(), 1);
        QVERIFY(model.anomalyTexts().at(0).contains(QStringLiteral("29.333 kWh")));
        QVERIFY(model.energyText().contains(QStringLiteral("not billed")));
        model.showVersion(0);
        QCOMPARE(model.totalText(), QStringLiteral("CNY 61.48"));
    }

    void revenueBySiteAndPeriod() {
        const QJsonObject answer{
            {QStringLiteral("bySite"),
             QJsonArray{QJsonObject{{QStringLiteral("siteId"), QStringLiteral("sh-pudong")},
                                    {QStringLiteral("currency"), QStringLiteral("CNY")},
                                    {QStringLiteral("sessions"), 3},
                                    {QStringLiteral("energyMilliWh"), 90'000'000},
                                    {QStringLiteral("amount"), 18444}},
                        QJsonObject{{QStringLiteral("siteId"), QStringLiteral("ber-mitte")},
                                    {QStringLiteral("currency"), QStringLiteral("EUR")},
                                    {QStringLiteral("sessions"), 1},
                                    {QStringLiteral("energyMilliWh"), 10'000'000},
                                    {QStringLiteral("amount"), 595}}}},
            {QStringLiteral("byPeriod"),
             QJsonArray{QJsonObject{{QStringLiteral("period"), QStringLiteral("peak")},
                                    {QStringLiteral("currency"), QStringLiteral("CNY")},
                                    {QStringLiteral("sessions"), 3},
                                    {QStringLiteral("energyMilliWh"), 90'000'000},
                                    {QStringLiteral("amount"), 17100}},
                        QJsonObject{{QStringLiteral("period"), QStringLiteral("sessionFee")},
                                    {QStringLiteral("currency"), QStringLiteral("CNY")},
                                    {QStringLiteral("sessions"), 3},
                                    {QStringLiteral("energyMilliWh"), 0},
                                    {QStringLiteral("amount"), 300}}}},
            {QStringLiteral("totals"), QJsonArray{}},
            {QStringLiteral("unrated"), 2}};
        RevenueSummaryModel bySite(RevenueSummaryModel::Grouping::BySite);
        RevenueSummaryModel byPeriod(RevenueSummaryModel::Grouping::ByPeriod);
        QAbstractItemModelTester t1(&bySite);
        QAbstractItemModelTester t2(&byPeriod);
        bySite.setSummary(answer);
        byPeriod.setSummary(answer);
        QCOMPARE(bySite.rowCount(), 2);
        QCOMPARE(cell(bySite, 0, RevenueSummaryModel::AmountColumn), QStringLiteral("184.44"));
        QCOMPARE(cell(bySite, 1, RevenueSummaryModel::CurrencyColumn), QStringLiteral("EUR"));
        QCOMPARE(cell(byPeriod, 1, RevenueSummaryModel::KeyColumn), QStringLiteral("Session fee"));
        QCOMPARE(bySite.unrated(), 2);
        const QJsonObject request = RevenueSummaryModel::request(
            QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::UTC),
            QDateTime(QDate(2026, 12, 1), QTime(0, 0), QTimeZone::UTC), QString());
        QCOMPARE(request.value(QStringLiteral("to")).toString(), QStringLiteral("2026-12-01T00:00:00.000Z"));
        QVERIFY(!request.contains(QStringLiteral("siteId")));
    }

    // Billing commands go to an agent that signs a charger's state and is not known to be gone; a
    // state no agent signed (an older agent, a hand-published fixture) cannot be asked.
    void billingGoesToALiveAgentOfTheFleet() {
        using CS = contract::ConnectorStatus;
        models::ChargerModel chargers;
        const auto agentOf = models::billing::agentOfFirstCharger(chargers);
        QCOMPARE(agentOf(), QString());
        chargers.setBrokerConnected(true);
        auto unsigned_ = testing::chargerState("S1", "A", {CS::Available});
        auto gone = testing::chargerState("S1", "B", {CS::Available});
        gone.agentId = "agent-gone";
        auto live = testing::chargerState("S2", "C", {CS::Charging});
        live.agentId = "agent-live";
        chargers.applyMessages({testing::stateMessage(unsigned_), testing::stateMessage(gone)});
        QCOMPARE(agentOf(), QStringLiteral("agent-gone")); // the only one there is
        const auto offline = testing::presenceMessage("agent-gone", false);
        chargers.applyMessages({offline, testing::stateMessage(live)});
        QCOMPARE(agentOf(), QStringLiteral("agent-live"));
    }

    void tariffDraftRoundTrip() {
        // The example of docs/BILLING.md as the agent writes it back (tariffToJson).
        const QByteArray text = R"({"id":"sh-commercial","version":2,"currency":"CNY","minorDigits":2,
          "validFrom":"2025-06-30T16:00:00.000Z",
          "periods":[{"name":"sharp","energyPrice":"1.350000","serviceFee":"0.800000"},
                     {"name":"valley","energyPrice":"0.300000","serviceFee":"0.400000"}],
          "dayTypes":[{"name":"workday","schedule":[{"from":"00:00","to":"17:00","period":"valley"},
                                                   {"from":"17:00","to":"24:00","period":"sharp"}]},
                      {"name":"holiday","schedule":[{"from":"00:00","to":"24:00","period":"valley"}]}],
          "week":{"monday":"workday","tuesday":"workday","wednesday":"workday","thursday":"workday",
                  "friday":"workday","saturday":"holiday","sunday":"holiday"},
          "holidays":[{"date":"2025-10-01","dayType":"holiday"}],
          "timePricePerMinute":"0.010000","sessionFee":"1.00",
          "idleFee":{"perMinute":"0.500000","graceMinutes":15,"cap":"30.00"},
          "minimumPrice":"2.00","maximumPrice":"500.00","taxPercent":"6.0000"})";
        const QJsonObject json = QJsonDocument::fromJson(text).object();
        QVERIFY(!json.isEmpty());
        QString error;
        const auto draft = TariffDraft::fromJson(json, &error);
        QVERIFY2(draft, qPrintable(error));
        QCOMPARE(draft->dayTypes.size(), 2);
        QCOMPARE(draft->dayTypes.at(0).schedule.at(1).period, QStringLiteral("sharp"));
        QCOMPARE(draft->week.at(5), QStringLiteral("holiday"));
        QCOMPARE(draft->idleGraceMinutes, 15);
        QCOMPARE(draft->toJson(), json);
        QCOMPARE(TariffDraft::fromJson(draft->toJson()), draft);
        // Whole JSON numbers are prices too; a fraction is refused, never read through a double.
        QJsonObject whole = json;
        whole.insert(QStringLiteral("sessionFee"), 2);
        QCOMPARE(TariffDraft::fromJson(whole)->sessionFee, QStringLiteral("2"));
        whole.insert(QStringLiteral("sessionFee"), 1.5);
        QVERIFY(!TariffDraft::fromJson(whole, &error));
        QVERIFY(error.contains(QStringLiteral("sessionFee")));
        // Optional fields left empty are left out.
        const QJsonObject example = TariffDraft::example().toJson();
        QVERIFY(!example.contains(QStringLiteral("idleFee")));
        QVERIFY(!example.contains(QStringLiteral("holidays")));
        QVERIFY(!example.contains(QStringLiteral("validFrom")));
    }

    void refusalProblemsAndPreviewRequest() {
        const QJsonObject refused{
            {QStringLiteral("errors"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("path"), QStringLiteral("dayTypes[0].schedule")},
                 {QStringLiteral("message"),
                  QStringLiteral("Tuesday 10:00–12:00 is covered by both 'peak' and 'flat'.")}}}}};
        auto problems = tariffProblems(refused, QStringLiteral("The tariff is not valid: ..."));
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.at(0).path, QStringLiteral("dayTypes[0].schedule"));
        problems = tariffProblems({}, QStringLiteral("there is no tariff valid at the start"));
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.at(0).path.isEmpty());
        QVERIFY(tariffProblems({}, QString()).isEmpty());

        SampleSession session;
        session.start = QDateTime(QDate(2026, 11, 26), QTime(18, 0), QTimeZone("Asia/Shanghai"));
        session.durationMinutes = 90;
        session.energyWh = 40'500;
        const QJsonObject p = previewRequest(TariffDraft::example(), session);
        const QJsonObject s = p.value(QStringLiteral("session")).toObject();
        QCOMPARE(s.value(QStringLiteral("start")).toString(), QStringLiteral("2026-11-26T10:00:00.000Z"));
        QCOMPARE(s.value(QStringLiteral("stop")).toString(), QStringLiteral("2026-11-26T11:30:00.000Z"));
        QCOMPARE(s.value(QStringLiteral("readings"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QStringLiteral("energyWh"))
                     .toInteger(),
                 40'500);
        QCOMPARE(p.value(QStringLiteral("timeZone")).toString(), QStringLiteral("Asia/Shanghai"));
        QCOMPARE(p.value(QStringLiteral("tariff")).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("new-tariff"));
    }
};

QTEST_GUILESS_MAIN(TestBillingModels)
#include "tst_billing_models.moc"
