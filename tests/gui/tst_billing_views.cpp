// The console's billing views on screen, fed with recorded-style payloads (no agent): live rows marked
// in the sessions table and the totals footer per currency; the breakdown of the selected session with
// its total equal to the CDR's; Re-rate and Save enabled by role; the tariff editor's refusal messages
// with the offending rows highlighted; a receipt PDF written. With VOLTDESK_SCREENSHOT_DIR set it also
// writes the views as PNG (docs/screenshots/console-billing-sessions.png and
// console-tariff-editor.png).
#include "app/translations.h"
#include "models/billing/billing_client.h"
#include "models/billing/money_format.h"
#include "models/billing/sessions_model.h"
#include "models/broker_link.h"
#include "models/command_client.h"
#include "tests/console/billing_fixtures.h"
#include "widgets/billing/cdr_breakdown_panel.h"
#include "widgets/billing/sessions_view.h"
#include "widgets/billing/tariff_editor.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace voltdesk;
using namespace voltdesk::models::billing;

namespace {

/// A Shanghai evening session across four periods with an anomaly: what a breakdown usually shows.
contract::ChargeDetailRecord fourPeriodCdr(int transactionId) {
    contract::ChargeDetailRecord r = testing::sampleCdr(transactionId);
    const contract::EpochMs start = 1'764'144'000'000; // 16:00 Shanghai
    r.start = start;
    r.stop = start + 6 * 3'600'000;
    r.customerGroup = "FLEET-A";
    struct Part {
        const char* period;
        int fromH, toH;
        std::int64_t mWh;
        const char* energyPrice;
        std::int64_t energy;
        const char* servicePrice;
        std::int64_t service;
    };
    const Part parts[] = {{"peak", 16, 17, 11'000'000, "1.100000", 1210, "0.800000", 880},
                          {"sharp", 17, 19, 22'000'000, "1.350000", 2970, "0.800000", 1760},
                          {"flat", 19, 21, 20'500'000, "0.700000", 1435, "0.600000", 1230},
                          {"peak", 21, 22, 6'250'000, "1.100000", 688, "0.800000", 500}};
    r.lines.clear();
    std::int64_t billed = 0;
    for (const Part& p : parts) {
        contract::CdrLine e;
        e.kind = "energy";
        e.tariffId = "sh-commercial";
        e.tariffVersion = 2;
        e.period = p.period;
        e.from = start + (p.fromH - 16) * 3'600'000LL;
        e.to = start + (p.toH - 16) * 3'600'000LL;
        e.localFrom =
            QStringLiteral("2025-11-26T%1:00:00+08:00").arg(p.fromH, 2, 10, QLatin1Char('0')).toStdString();
        e.localTo =
            QStringLiteral("2025-11-26T%1:00:00+08:00").arg(p.toH, 2, 10, QLatin1Char('0')).toStdString();
        e.milliWh = p.mWh;
        e.unitPrice = p.energyPrice;
        e.amount = p.energy;
        contract::CdrLine s = e;
        s.kind = "serviceFee";
        s.unitPrice = p.servicePrice;
        s.amount = p.service;
        r.lines.push_back(e);
        r.lines.push_back(s);
        billed += p.mWh;
    }
    contract::CdrLine fee;
    fee.kind = "sessionFee";
    fee.tariffId = "sh-commercial";
    fee.tariffVersion = 2;
    fee.from = r.start;
    fee.to = r.stop;
    fee.amount = 100;
    r.lines.push_back(fee);
    r.billedMilliWh = billed;
    r.unbilledMilliWh = 1'200'000;
    r.anomalies = {{"BackwardsStep", start + 4 * 3'600'000, 1'200'000,
                    "The meter register went down by 1.200 kWh (a reset or a replaced meter)."}};
    r.meterStartWh = 120'000;
    r.meterStopWh = r.meterStartWh + (billed + r.unbilledMilliWh) / 1000;
    r.subtotal = 0;
    for (const auto& line : r.lines) {
        r.subtotal += line.amount;
    }
    r.tax = (r.subtotal * 6 + 50) / 100;
    r.total = r.subtotal + r.tax;
    return r;
}

QJsonObject answer(const QJsonArray& sessions, qint64 matching) {
    return {{QStringLiteral("sessions"), sessions},
            {QStringLiteral("matching"), matching},
            {QStringLiteral("offset"), 0},
            {QStringLiteral("limit"), 100},
            {QStringLiteral("totals"),
             QJsonArray{QJsonObject{{QStringLiteral("currency"), QStringLiteral("CNY")},
                                    {QStringLiteral("sessions"), 412},
                                    {QStringLiteral("energyMilliWh"), qint64{11'842'335'000}},
                                    {QStringLiteral("subtotal"), 1'523'411},
                                    {QStringLiteral("tax"), 91'405},
                                    {QStringLiteral("total"), 1'614'816}},
                        QJsonObject{{QStringLiteral("currency"), QString()},
                                    {QStringLiteral("sessions"), 1},
                                    {QStringLiteral("energyMilliWh"), 8'000'000},
                                    {QStringLiteral("subtotal"), 0},
                                    {QStringLiteral("tax"), 0},
                                    {QStringLiteral("total"), 0}}}}};
}

void saveShot(QWidget& widget, const QString& name) {
    const QString dir = qEnvironmentVariable("VOLTDESK_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        return;
    }
    QDir().mkpath(dir);
    QVERIFY(widget.grab().save(QDir(dir).filePath(name)));
}

} // namespace

class TestBillingViews : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QApplication::setFont(QFont(QStringLiteral("Noto Sans"), 11)); }

    void sessionsTableBreakdownAndRoles() {
        models::BrokerLink link(models::BrokerLink::Options{}); // never started: nothing is sent
        models::CommandClient commands(link);
        commands.setFallbackRole(contract::Role::Viewer);
        BillingClient client(commands, [] { return QString(); });
        SessionsModel model;
        widgets::SessionsView view(client, model);
        view.resize(1500, 640);

        QJsonArray sessions;
        auto live1 = testing::liveCost(1044, 2420, 1'764'150'000'000);
        auto live2 = testing::liveCost(1043, 880, 1'764'150'000'000);
        live2.chargerId = "SH-PUDONG-03";
        live2.cdrId = "SH-PUDONG-03/1043";
        live2.idTag = "RFID-77";
        live2.customerGroup = "";
        sessions.push_back(testing::liveSession(live1));
        sessions.push_back(testing::liveSession(live2));
        const auto shown = fourPeriodCdr(1042);
        sessions.push_back(testing::finishedSession(shown));
        for (int t = 1041; t > 1033; --t) {
            auto r = testing::sampleCdr(t, 1100 + (t % 7) * 310, 800 + (t % 7) * 225);
            r.start -= (1042 - t) * 5'400'000LL;
            r.stop -= (1042 - t) * 5'400'000LL;
            for (auto& line : r.lines) {
                line.from -= (1042 - t) * 5'400'000LL;
                line.to -= (1042 - t) * 5'400'000LL;
            }
            if (t == 1038) {
                r.lines.clear();
                r.subtotal = r.tax = r.total = 0;
                r.currency.clear();
                r.taxRate.clear();
                r.reason = "unrated: no tariff for site 'sh-pudong', charger 'SH-PUDONG-01'";
            }
            sessions.push_back(testing::finishedSession(r));
        }
        model.setResponse(answer(sessions, 415));
        model.applyMessages({testing::costMessage(live1), testing::costMessage(live2)});
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        QCOMPARE(model.rowCount(), 11);
        QVERIFY(model.index(0, 0).data(SessionsModel::LiveRole).toBool());
        QVERIFY(!model.index(2, 0).data(SessionsModel::LiveRole).toBool());
        const QString totals = view.totalsLabel()->text();
        QVERIFY2(totals.contains(QStringLiteral("CNY 16,148.16")), qPrintable(totals));
        QVERIFY2(totals.contains(QStringLiteral("Running now")), qPrintable(totals));

        // The live cost moves in place, the row stays where it is.
        auto later = testing::liveCost(1044, 3300, 1'764'150'600'000);
        model.applyMessages({testing::costMessage(later)});
        QCOMPARE(model.rowAt(0).record->total, later.total);
        QCOMPARE(model.index(0, SessionsModel::TotalColumn).data().toString(),
                 formatMoney(later.total, 2, QStringLiteral("CNY")));

        // The finished session's breakdown: its total is the CDR's.
        QVERIFY(view.selectSession(QStringLiteral("SH-PUDONG-01/1042")));
        widgets::CdrBreakdownPanel* panel = view.breakdown();
        QCOMPARE(panel->totalText(), formatMoney(shown.total, 2, QStringLiteral("CNY")));
        QCOMPARE(panel->model().rowCount(), 9);
        QVERIFY(!panel->rerateButton()->isEnabled()); // a viewer
        QVERIFY(panel->rerateButton()->toolTip().contains(QStringLiteral("supervisor")));
        QVERIFY(panel->receiptButton()->isEnabled());
        saveShot(view, QStringLiteral("console-billing-sessions.png"));

        commands.setFallbackRole(contract::Role::Supervisor);
        QVERIFY(panel->rerateButton()->isEnabled());
        // A running session may not be re-rated, whoever asks.
        QVERIFY(view.selectSession(QStringLiteral("SH-PUDONG-01/1044")));
        QVERIFY(!panel->rerateButton()->isEnabled());

        // The receipt of the finished session as PDF.
        QVERIFY(view.selectSession(QStringLiteral("SH-PUDONG-01/1042")));
        QTemporaryDir dir;
        panel->setIssuerSource([](QWidget*) {
            documents::OperatorInfo info;
            info.nameEn = QStringLiteral("Voltdesk Charging Services (Shanghai) Co., Ltd.");
            info.nameZh = QStringLiteral("伏台充电服务（上海）有限公司");
            info.taxId = QStringLiteral("91310115MA1H7XK42Q");
            return std::optional<documents::OperatorInfo>(info);
        });
        const QString pdf = dir.filePath(QStringLiteral("receipt.pdf"));
        const QString error = panel->saveReceipt(pdf);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
    }

    void tariffEditorShowsRefusals() {
        models::BrokerLink link(models::BrokerLink::Options{});
        models::CommandClient commands(link);
        commands.setFallbackRole(contract::Role::Operator);
        BillingClient client(commands, [] { return QString(); });
        widgets::TariffEditor editor(client);
        editor.resize(1500, 900);
        TariffDraft draft = TariffDraft::example();
        draft.id = QStringLiteral("sh-commercial");
        draft.version = 3;
        draft.validFrom = QStringLiteral("2026-12-01T00:00:00+08:00");
        draft.holidays = {{QStringLiteral("2027-01-01"), QStringLiteral("weekend")}};
        draft.sessionFee = QStringLiteral("1.00");
        draft.hasIdleFee = true;
        draft.idlePerMinute = QStringLiteral("0.50");
        draft.idleGraceMinutes = 15;
        draft.idleCap = QStringLiteral("30.00");
        // The overlap an operator typed: 16:00-19:00 sharp over 17:00-19:00.
        draft.dayTypes[0].schedule[2].to = QStringLiteral("18:00");
        editor.setDraft(draft);
        QCOMPARE(editor.draft(), draft);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));

        QVERIFY(!editor.saveButton()->isEnabled()); // an operator
        QVERIFY(editor.saveButton()->toolTip().contains(QStringLiteral("supervisor")));
        commands.setFallbackRole(contract::Role::Supervisor);
        QVERIFY(editor.saveButton()->isEnabled());

        const QJsonObject refusal{
            {QStringLiteral("errors"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("path"), QStringLiteral("dayTypes[0].schedule")},
                             {QStringLiteral("message"),
                              QStringLiteral("Day type 'workday' 17:00–18:00 is covered by both 'peak' and "
                                             "'sharp'.")}},
                 QJsonObject{
                     {QStringLiteral("path"), QStringLiteral("taxPercent")},
                     {QStringLiteral("message"),
                      QStringLiteral("The tax rate must be between 0 % and 100 % (it is 160 %).")}}}}};
        editor.showProblems(tariffProblems(refusal, QString()));
        QCOMPARE(editor.problemList()->count(), 2);
        QVERIFY(editor.problemList()->item(0)->text().contains(QStringLiteral("covered by both")));
        QVERIFY(editor.problemList()->item(0)->toolTip().contains(QStringLiteral("dayTypes[0].schedule")));
        // Every row of the workday is highlighted (the path names the day's schedule), not the weekend's.
        QCOMPARE(editor.highlightedRows().count(), 6);
        QVERIFY(editor.highlightedRows().contains(QStringLiteral("schedule:0")));
        QVERIFY(!editor.highlightedRows().contains(QStringLiteral("schedule:6")));
        QVERIFY(
            editor.highlightedWidgets().contains(editor.findChild<QWidget*>(QStringLiteral("taxPercent"))));
        QVERIFY(editor.scheduleTable()->item(0, 0)->background().color().alpha() > 0);
        auto rating = fourPeriodCdr(0);
        rating.chargerId = "preview";
        rating.cdrId = "preview/0";
        rating.anomalies.clear();
        rating.unbilledMilliWh = 0;
        editor.setSampleSession(
            {QDateTime::fromMSecsSinceEpoch(rating.start), 360, 59'750, QStringLiteral("Asia/Shanghai")});
        editor.showPreview(rating);
        QCOMPARE(editor.previewModel().rowCount(), 9);
        saveShot(editor, QStringLiteral("console-tariff-editor.png"));

        // A message pointing at one schedule entry highlights that row alone.
        editor.showProblems(
            {{QStringLiteral("dayTypes[1].schedule[2].period"), QStringLiteral("no such period")}});
        QCOMPARE(editor.highlightedRows(), QStringList{QStringLiteral("schedule:8")});
        editor.showProblems({});
        QVERIFY(editor.highlightedRows().isEmpty());
        QVERIFY(editor.highlightedWidgets().isEmpty());
    }

    /// Last: it installs the Chinese translation for the rest of the process.
    void chineseLabels() {
        QCOMPARE(app::installTranslations(*QCoreApplication::instance(), QStringLiteral("zh_CN")),
                 QStringLiteral("zh_CN"));
        models::BrokerLink link(models::BrokerLink::Options{});
        models::CommandClient commands(link);
        commands.setFallbackRole(contract::Role::Supervisor);
        BillingClient client(commands, [] { return QString(); });
        SessionsModel model;
        widgets::SessionsView view(client, model);
        view.resize(1500, 640);
        const auto shown = fourPeriodCdr(1042);
        model.setResponse(answer(QJsonArray{testing::finishedSession(shown)}, 1));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.selectSession(QStringLiteral("SH-PUDONG-01/1042")));
        QCOMPARE(model.headerData(SessionsModel::TotalColumn, Qt::Horizontal).toString(),
                 QStringLiteral("合计"));
        const auto& lines = view.breakdown()->model();
        QCOMPARE(lines.index(0, CdrBreakdownModel::KindColumn).data().toString(), QStringLiteral("电费"));
        QCOMPARE(lines.index(0, CdrBreakdownModel::PeriodColumn).data().toString(), QStringLiteral("峰"));
        QCOMPARE(lines.index(1, CdrBreakdownModel::KindColumn).data().toString(), QStringLiteral("服务费"));
        QCOMPARE(lines.index(2, CdrBreakdownModel::PeriodColumn).data().toString(), QStringLiteral("尖"));
        QCOMPARE(view.breakdown()->rerateButton()->text(), QStringLiteral("重新计费…"));
        saveShot(view, QStringLiteral("console-billing-sessions-zh.png"));
    }
};

QTEST_MAIN(TestBillingViews)
#include "tst_billing_views.moc"
