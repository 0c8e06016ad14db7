// The console's billing views on screen, fed with recorded-style payloads (no agent): live rows marked
// in the sessions table and the totals footer per currency; the breakdown of the selected session with
// its total equal to the CDR's; Re-rate and Save enabled by role; the tariff editor's refusal messages
// with the offending rows highlighted; a receipt PDF written; the tariff assignments tab (read only by
// role, the form filled from a row, checks before sending, the confirmation naming what loses its
// tariff, failures in words); the monthly statement's prefill, refusals and its PDF rendered off the Qt
// thread. With VOLTDESK_SCREENSHOT_DIR set it also writes the views as PNG
// (docs/screenshots/console-billing-sessions.png, console-tariff-editor.png and
// console-tariff-assignments.png).
#include "app/translations.h"
#include "models/billing/billing_client.h"
#include "models/billing/money_format.h"
#include "models/billing/sessions_model.h"
#include "models/broker_link.h"
#include "models/command_client.h"
#include "tests/console/billing_fixtures.h"
#include "widgets/billing/cdr_breakdown_panel.h"
#include "widgets/billing/sessions_view.h"
#include "widgets/billing/statement_dialog.h"
#include "widgets/billing/statement_export.h"
#include "widgets/billing/tariff_assignments_view.h"
#include "widgets/billing/tariff_editor.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>
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

QJsonObject storedTariff(const QString& id, int version) {
    return {{QStringLiteral("tariff"),
             QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("version"), version}}},
            {QStringLiteral("createdAt"), QStringLiteral("2026-11-01T08:00:00.000Z")},
            {QStringLiteral("createdBy"), QStringLiteral("carol")}};
}

QJsonObject assignmentEntry(const QString& scope, const QString& key, const QString& tariffId,
                            const QString& at, const QString& by) {
    return {{QStringLiteral("scope"), scope},
            {QStringLiteral("key"), key},
            {QStringLiteral("tariffId"), tariffId},
            {QStringLiteral("assignedAt"), at},
            {QStringLiteral("assignedBy"), by}};
}

/// A GetTariffs answer of a small network: a site, a depot's charger group, a fleet and one charger.
QJsonObject tariffsAnswer() {
    return {{QStringLiteral("tariffs"), QJsonArray{storedTariff(QStringLiteral("sh-commercial"), 1),
                                                   storedTariff(QStringLiteral("sh-commercial"), 2),
                                                   storedTariff(QStringLiteral("fleet-2026"), 1),
                                                   storedTariff(QStringLiteral("night-saver"), 1)}},
            {QStringLiteral("assignments"),
             QJsonArray{assignmentEntry(QStringLiteral("site"), QStringLiteral("sh-pudong"),
                                        QStringLiteral("sh-commercial"),
                                        QStringLiteral("2026-11-02T01:00:00.000Z"), QStringLiteral("carol")),
                        assignmentEntry(QStringLiteral("site"), QStringLiteral("sh-minhang"),
                                        QStringLiteral("sh-commercial"),
                                        QStringLiteral("2026-11-02T01:02:00.000Z"), QStringLiteral("carol")),
                        assignmentEntry(QStringLiteral("chargerGroup"), QStringLiteral("depot-north"),
                                        QStringLiteral("night-saver"),
                                        QStringLiteral("2026-11-05T09:30:00.000Z"), QStringLiteral("dave")),
                        assignmentEntry(QStringLiteral("customerGroup"), QStringLiteral("FLEET-A"),
                                        QStringLiteral("fleet-2026"),
                                        QStringLiteral("2026-11-03T12:00:00.000Z"), QStringLiteral("carol")),
                        assignmentEntry(QStringLiteral("charger"), QStringLiteral("SH-PUDONG-07"),
                                        QStringLiteral("sh-commercial"),
                                        QStringLiteral("2026-11-20T06:45:00.000Z"), QStringLiteral("erin"))}},
            {QStringLiteral("chargerGroups"),
             QJsonObject{{QStringLiteral("depot-north"),
                          QJsonArray{QStringLiteral("SH-PUDONG-01"), QStringLiteral("SH-PUDONG-02"),
                                     QStringLiteral("SH-PUDONG-03")}}}}};
}

documents::OperatorInfo sampleOperator() {
    documents::OperatorInfo info;
    info.nameEn = QStringLiteral("Voltdesk Charging Services (Shanghai) Co., Ltd.");
    info.nameZh = QStringLiteral("伏台充电服务（上海）有限公司");
    info.taxId = QStringLiteral("91310115MA1H7XK42Q");
    return info;
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
    void initTestCase() {
        QApplication::setFont(QFont(QStringLiteral("Noto Sans"), 11));
        // English as the console shows it: plural forms ("3 chargers") come from voltdesk_en.ts.
        QCOMPARE(app::installTranslations(*QCoreApplication::instance(), QStringLiteral("en")),
                 QStringLiteral("en"));
    }

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

    void tariffAssignmentsByRole() {
        models::BrokerLink link(models::BrokerLink::Options{}); // never started: every call ends unsent
        models::CommandClient commands(link);
        commands.setFallbackRole(contract::Role::Operator);
        BillingClient client(commands, [] { return QStringLiteral("agent-1"); });
        widgets::TariffEditor editor(client);
        widgets::TariffAssignmentsView* view = editor.assignmentsView();
        view->setInventorySource([] {
            return KnownInventory{
                {QStringLiteral("sh-minhang"), QStringLiteral("sh-pudong"), QStringLiteral("sh-xuhui")},
                {QStringLiteral("SH-PUDONG-01"), QStringLiteral("SH-PUDONG-02"),
                 QStringLiteral("SH-PUDONG-03"), QStringLiteral("SH-PUDONG-04")}};
        });
        editor.assignmentsModel().setTariffsResponse(tariffsAnswer());
        editor.showAssignments();
        QCOMPARE(editor.tabs()->currentWidget(), view);
        editor.resize(1500, 640);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));

        // An operator reads the list, sorted as a session's tariff is chosen, and may change nothing.
        QCOMPARE(view->table()->model()->rowCount(), 5);
        QCOMPARE(view->table()->model()->index(0, TariffAssignmentsModel::ScopeColumn).data().toString(),
                 QStringLiteral("Customer group"));
        QCOMPARE(view->table()->model()->index(4, TariffAssignmentsModel::ScopeColumn).data().toString(),
                 QStringLiteral("Site"));
        for (QWidget* w :
             std::initializer_list<QWidget*>{view->assignButton(), view->removeButton(), view->scopeBox(),
                                             view->keyBox(), view->tariffBox()}) {
            QVERIFY(!w->isEnabled());
            QVERIFY2(w->toolTip().contains(QStringLiteral("supervisor")), qPrintable(w->toolTip()));
        }
        // Sorting by the header: newest assignment first.
        view->table()->horizontalHeader()->setSortIndicator(TariffAssignmentsModel::AssignedAtColumn,
                                                            Qt::DescendingOrder);
        QCOMPARE(view->table()->model()->index(0, TariffAssignmentsModel::AssignedByColumn).data().toString(),
                 QStringLiteral("erin"));
        view->table()->horizontalHeader()->setSortIndicator(TariffAssignmentsModel::ScopeColumn,
                                                            Qt::AscendingOrder);

        commands.setFallbackRole(contract::Role::Supervisor);
        QVERIFY(view->assignButton()->isEnabled());
        QVERIFY(view->keyBox()->isEnabled());
        QVERIFY(!view->removeButton()->isEnabled()); // nothing selected
        // The stored tariffs to choose from, with their versions.
        QCOMPARE(view->tariffBox()->count(), 3);
        QCOMPARE(view->tariffBox()->itemText(view->tariffBox()->findData(QStringLiteral("sh-commercial"))),
                 QStringLiteral("sh-commercial (v1–2)"));
        // Sites are offered from the console's chargers for a site, chargers for a charger.
        view->scopeBox()->setCurrentIndex(
            view->scopeBox()->findData(static_cast<int>(AssignmentScope::Site)));
        QVERIFY(view->keyBox()->findText(QStringLiteral("sh-xuhui")) >= 0);
        QVERIFY(!view->membersBox()->isVisible());

        // Selecting the depot's group fills the form with it and its chargers.
        QVERIFY(view->selectAssignment(AssignmentScope::ChargerGroup, QStringLiteral("depot-north")));
        QCOMPARE(view->formScope(), AssignmentScope::ChargerGroup);
        QCOMPARE(view->formKey(), QStringLiteral("depot-north"));
        QCOMPARE(view->formTariff(), QStringLiteral("night-saver"));
        QCOMPARE(view->formMembers(),
                 (QStringList{QStringLiteral("SH-PUDONG-01"), QStringLiteral("SH-PUDONG-02"),
                              QStringLiteral("SH-PUDONG-03")}));
        QVERIFY(view->membersBox()->isVisible());
        QVERIFY(view->removeButton()->isEnabled());
        saveShot(editor, QStringLiteral("console-tariff-assignments.png"));

        // Checked before anything is sent: a group without chargers, a site without a name.
        view->setFormMembers({});
        view->assign();
        QCOMPARE(view->statusLabel()->text(), QStringLiteral("A charger group needs at least one charger."));
        QCOMPARE(commands.pendingCount(), 0);
        view->setForm(AssignmentScope::Site, QStringLiteral("  "), QStringLiteral("fleet-2026"));
        view->assign();
        QCOMPARE(view->statusLabel()->text(), QStringLiteral("Name the site the tariff is for."));
        QCOMPARE(commands.pendingCount(), 0);

        // A valid assignment is sent; what stops it is said in words (here: no broker connection).
        view->setForm(AssignmentScope::Site, QStringLiteral("sh-xuhui"), QStringLiteral("fleet-2026"));
        view->assign();
        QCOMPARE(commands.pendingCount(), 1);
        QVERIFY(!view->assignButton()->isEnabled()); // one change at a time
        QTRY_COMPARE(commands.pendingCount(), 0);
        QCOMPARE(view->statusLabel()->text(),
                 QStringLiteral("Not connected to the broker; nothing was sent"));
        QVERIFY(view->assignButton()->isEnabled());

        // Removing asks first and names what loses its tariff; declining sends nothing.
        QVERIFY(view->selectAssignment(AssignmentScope::CustomerGroup, QStringLiteral("FLEET-A")));
        QString asked;
        bool agree = false;
        view->setConfirmer([&](QWidget*, const QString& text) {
            asked = text;
            return agree;
        });
        view->removeSelected();
        QVERIFY2(asked.startsWith(QStringLiteral("Customer group 'FLEET-A' loses its tariff 'fleet-2026'.")),
                 qPrintable(asked));
        QCOMPARE(commands.pendingCount(), 0);
        QCOMPARE(view->statusLabel()->text(), QStringLiteral("Nothing was removed."));
        agree = true;
        view->removeSelected();
        QCOMPARE(commands.pendingCount(), 1);
        QTRY_COMPARE(commands.pendingCount(), 0);
        QVERIFY(view->statusLabel()->text().contains(QStringLiteral("Not connected")));

        // Reload asks the editor's loader again (GetTariffs); with no agent answering it says so.
        QSignalSpy reload(view, &widgets::TariffAssignmentsView::reloadRequested);
        QTest::mouseClick(view->reloadButton(), Qt::LeftButton);
        QCOMPARE(reload.count(), 1);
        QTRY_VERIFY(view->statusLabel()->text().startsWith(QStringLiteral("Tariffs not available")));
    }

    void monthlyStatement() {
        models::BrokerLink link(models::BrokerLink::Options{});
        models::CommandClient commands(link);
        commands.setFallbackRole(contract::Role::Viewer); // reading is for everyone
        BillingClient client(commands, [] { return QString(); });
        SessionsModel model;
        widgets::SessionsView view(client, model);
        view.resize(1500, 640);
        const auto shown = fourPeriodCdr(1042);
        auto other = testing::sampleCdr(1043);
        other.customerGroup = "FLEET-B";
        model.setResponse(
            answer(QJsonArray{testing::finishedSession(shown), testing::finishedSession(other)}, 2));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.statementButton()->isEnabled());

        // The dialog proposes the selected session's group and the month it stopped in, site time.
        QVERIFY(view.selectSession(QStringLiteral("SH-PUDONG-01/1043")));
        QCOMPARE(view.statementGroupGuess(), QStringLiteral("FLEET-B"));
        QCOMPARE(view.statementMonthGuess(), QDate(2025, 11, 26));
        // The filter's group comes first.
        SessionFilter filter;
        filter.customerGroup = QStringLiteral("FLEET-A");
        view.setFilterControls(filter);
        QCOMPARE(view.statementGroupGuess(), QStringLiteral("FLEET-A"));
        widgets::StatementDialog dialog(view.statementGroupGuess(), view.statementMonthGuess(), {}, &view);
        QCOMPARE(dialog.customerGroup(), QStringLiteral("FLEET-A"));
        QCOMPARE(dialog.month(), QDate(2025, 11, 1));
        QCOMPARE(dialog.monthEdit()->text(), QStringLiteral("2025-11"));
        dialog.groupEdit()->clear();
        QVERIFY(!dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        QCOMPARE(widgets::statementFileName(QStringLiteral("FLEET A/1"), QDate(2025, 11, 3)),
                 QStringLiteral("statement-FLEET_A_1-2025-11.pdf"));

        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("statement.pdf"));
        QSignalSpy finished(&view, &widgets::SessionsView::statementFinished);
        // Without operator.json, and without an agent: said, and no file.
        view.exportStatement(QStringLiteral("FLEET-A"), QDate(2025, 11, 1), pdf);
        QCOMPARE(finished.count(), 1);
        QVERIFY(finished.at(0).at(1).toString().contains(QStringLiteral("operator.json")));
        view.setIssuerSource([](QWidget*) { return std::optional(sampleOperator()); });
        view.exportStatement(QStringLiteral("FLEET-A"), QDate(2025, 11, 1), pdf);
        QVERIFY(!view.statementButton()->isEnabled());
        QTRY_COMPARE(finished.count(), 2);
        QCOMPARE(finished.at(1).at(0).toBool(), false);
        QVERIFY2(finished.at(1).at(1).toString().contains(QStringLiteral("No agent is online")),
                 qPrintable(finished.at(1).at(1).toString()));
        QVERIFY(view.statementButton()->isEnabled());
        QVERIFY(!QFile::exists(pdf));
    }

    void statementRendersOffTheQtThread() {
        // A busy fleet's month as GetSessions would return it (newest first, a day either side): 240 of
        // FLEET-A's sessions stopped in November site time; one stopped at 00:30 on 1 December in
        // Shanghai (16:30 UTC on 30 November), one belongs to another group, one of them has a second
        // version (counted once, in force).
        std::vector<contract::ChargeDetailRecord> fetched;
        for (int i = 0; i < 240; ++i) {
            auto r = testing::sampleCdr(2000 + i, 1000 + i, 500);
            const qint64 shift = static_cast<qint64>(i - 200) * 2 * 3'600'000; // Nov 9 .. Nov 29
            r.start += shift;
            r.stop += shift;
            for (auto& line : r.lines) {
                line.from += shift;
                line.to += shift;
            }
            fetched.push_back(r);
        }
        auto lateNight = testing::sampleCdr(3000);
        lateNight.stop = QDateTime(QDate(2025, 11, 30), QTime(16, 30), QTimeZone::UTC).toMSecsSinceEpoch();
        lateNight.start = lateNight.stop - 3'600'000;
        for (auto& line : lateNight.lines) {
            line.from = lateNight.start;
            line.to = lateNight.stop;
        }
        fetched.push_back(lateNight);
        auto otherGroup = testing::sampleCdr(3001);
        otherGroup.customerGroup = "FLEET-B";
        fetched.push_back(otherGroup);
        auto rerated = fetched.front();
        rerated.version = 2;
        rerated.reason = "tariff corrected";
        fetched.push_back(rerated);

        models::BrokerLink link(models::BrokerLink::Options{});
        models::CommandClient commands(link);
        BillingClient client(commands, [] { return QString(); });
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("statement-FLEET-A-2025-11.pdf"));
        widgets::StatementExport run(client, sampleOperator(), QStringLiteral("FLEET-A"), QDate(2025, 11, 1),
                                     pdf);
        QSignalSpy finished(&run, &widgets::StatementExport::finished);
        QSignalSpy progress(&run, &widgets::StatementExport::progress);
        // The Qt thread keeps turning while the PDF is painted.
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
        ticker.start();
        run.render(fetched);
        QCOMPARE(progress.count(), 1);
        QVERIFY(progress.at(0).at(0).toString().startsWith(QStringLiteral("Rendering the statement")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        const QString message = finished.at(0).at(1).toString();
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(message));
        // Every one of the 240 on as many pages as the layout needs (the documents' tests check the pages).
        QVERIFY2(QRegularExpression(QStringLiteral("\\(240 sessions on [2-9]\\d* pages\\)"))
                     .match(message)
                     .hasMatch(),
                 qPrintable(message));
        QVERIFY(ticks > 0);
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        qInfo() << message << "; the Qt thread ticked" << ticks << "times meanwhile";

        // A month with none of the group's sessions writes nothing; nor does a folder that does not exist.
        const QString december = dir.filePath(QStringLiteral("december.pdf"));
        widgets::StatementExport empty(client, sampleOperator(), QStringLiteral("FLEET-A"),
                                       QDate(2025, 12, 1), december);
        QSignalSpy emptyDone(&empty, &widgets::StatementExport::finished);
        empty.render({otherGroup});
        QCOMPARE(emptyDone.count(), 1);
        QVERIFY(emptyDone.at(0).at(1).toString().startsWith(QStringLiteral("No session of customer group")));
        QVERIFY(!QFile::exists(december));
        const QString nowhere = dir.filePath(QStringLiteral("missing/statement.pdf"));
        widgets::StatementExport unwritable(client, sampleOperator(), QStringLiteral("FLEET-A"),
                                            QDate(2025, 11, 1), nowhere);
        QSignalSpy unwritableDone(&unwritable, &widgets::StatementExport::finished);
        unwritable.render(fetched);
        QTRY_COMPARE_WITH_TIMEOUT(unwritableDone.count(), 1, 30000);
        QCOMPARE(unwritableDone.at(0).at(0).toBool(), false);
        QVERIFY(unwritableDone.at(0).at(1).toString().startsWith(QStringLiteral("Statement not written")));
        QVERIFY(!QFile::exists(nowhere));
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

        // The assignments tab in Chinese: scopes, the precedence and the buttons.
        widgets::TariffEditor editor(client);
        editor.assignmentsModel().setTariffsResponse(tariffsAnswer());
        QCOMPARE(editor.tabs()->tabText(1), QStringLiteral("分配"));
        widgets::TariffAssignmentsView* assignments = editor.assignmentsView();
        QVERIFY(assignments->selectAssignment(AssignmentScope::ChargerGroup, QStringLiteral("depot-north")));
        QCOMPARE(assignments->scopeBox()->currentText(), QStringLiteral("充电桩组"));
        const QModelIndex row = assignments->table()->currentIndex();
        QCOMPARE(row.siblingAtColumn(TariffAssignmentsModel::KeyColumn).data().toString(),
                 QStringLiteral("depot-north（3 台充电桩）"));
        QCOMPARE(assignments->assignButton()->text(), QStringLiteral("分配"));
        QCOMPARE(assignments->removeButton()->text(), QStringLiteral("删除分配…"));
    }
};

QTEST_MAIN(TestBillingViews)
#include "tst_billing_views.moc"
