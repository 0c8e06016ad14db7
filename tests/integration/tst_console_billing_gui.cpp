// Done-when of the console's billing views: the real console window (under Xvfb) with its Billing docks
// against the real agent (PostgreSQL behind it), Mosquitto's password listener and a simulated charger.
// A supervisor saves a tariff with an overlap and sees the agent's message on the offending rows, fixes
// it and saves, assigns it to the charger's site and a charger group in the Assignments tab and removes
// the group's after the confirmation; a charging session shows its live cost in the sessions table,
// stops, and its row shows the final total, equal to the CDR the agent stored; the customer group's
// monthly statement is written; a viewer sees the assignments but finds them, Save and Re-rate disabled.
#include "models/billing/billing_client.h"
#include "models/billing/money_format.h"
#include "models/billing/sessions_model.h"
#include "models/broker_link.h"
#include "models/charger_model.h"
#include "models/command_client.h"
#include "tests/integration/await_command.h"
#include "tests/support/agent_with_chargers.h"
#include "tests/support/test_services.h"
#include "widgets/billing/billing_docks.h"
#include "widgets/billing/cdr_breakdown_panel.h"
#include "widgets/billing/revenue_view.h"
#include "widgets/billing/sessions_view.h"
#include "widgets/billing/tariff_assignments_view.h"
#include "widgets/billing/tariff_editor.h"
#include "widgets/fleet_table_view.h"
#include "widgets/main_window.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace voltdesk;
using contract::CommandOutcome;
using models::CommandResult;
using models::billing::AssignmentScope;
using models::billing::SessionsModel;

namespace {

constexpr const char* kCard = "BILLING-CARD-1";
constexpr const char* kFleet = "IT-FLEET"; // the card's parent id tag: the session's customer group

QString describe(const std::optional<CommandResult>& result) {
    if (!result) {
        return QStringLiteral("no answer");
    }
    return QStringLiteral("%1 %2 %3")
        .arg(QString::fromStdString(std::string(contract::toString(result->outcome))), result->errorCode,
             result->description);
}

models::BrokerLink::Options loginAs(const QString& uri, const QString& user) {
    return models::BrokerLink::Options{.uri = uri,
                                       .username = user,
                                       .password = testing::testBrokerPassword(user),
                                       .clientId = {},
                                       .minBackoffMs = 200,
                                       .maxBackoffMs = 1000};
}

/// A one-period tariff valid in any zone: what the session is billed with.
models::billing::TariffDraft flatTariff(const QString& id) {
    models::billing::TariffDraft d = models::billing::TariffDraft::example();
    d.id = id;
    d.currency = QStringLiteral("EUR");
    d.periods = {{QStringLiteral("day"), QStringLiteral("0.4500"), QStringLiteral("0.0500")},
                 {QStringLiteral("night"), QStringLiteral("0.3000"), QStringLiteral("0.0500")}};
    d.dayTypes = {{QStringLiteral("everyday"),
                   {{QStringLiteral("00:00"), QStringLiteral("06:00"), QStringLiteral("night")},
                    {QStringLiteral("06:00"), QStringLiteral("22:00"), QStringLiteral("day")},
                    {QStringLiteral("22:00"), QStringLiteral("24:00"), QStringLiteral("night")}}}};
    d.week.fill(QStringLiteral("everyday"));
    d.sessionFee = QStringLiteral("0.50");
    d.taxPercent = QStringLiteral("19");
    return d;
}

int rowOfCharger(const SessionsModel& model, const QString& chargerId) {
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.rowAt(row).chargerId == chargerId) {
            return row;
        }
    }
    return -1;
}

} // namespace

class TestConsoleBillingGui : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        m_services = testing::testServices();
        QVERIFY2(!m_services.mqttAuth.isEmpty() && !m_services.consoleUsersFile.isEmpty(),
                 "the services fixture has no password listener (is voltdesk-agent built?)");
        m_system = std::make_unique<testing::AgentWithChargers>(
            QStringLiteral("billing_gui"), 1,
            QStringList{QStringLiteral("--console-users"), m_services.consoleUsersFile});
        QVERIFY2(m_system->ok(), qPrintable(m_system->why()));
    }

    void cleanupTestCase() { m_system.reset(); }

    void supervisorSavesTariffAndSeesTheSessionBilled() {
        models::ChargerModel chargers;
        models::BrokerLink link(loginAs(m_services.mqttAuth, QStringLiteral("tst-supervisor")));
        models::CommandClient commands(link);
        models::billing::SessionsModel sessions;
        QObject::connect(&link, &models::BrokerLink::messagesReceived, &chargers,
                         &models::ChargerModel::applyMessages);
        QObject::connect(&link, &models::BrokerLink::messagesReceived, &sessions,
                         &models::billing::SessionsModel::applyMessages);
        // The broker is shared with other tests' agents, each with its own database: ask this one.
        models::billing::BillingClient billing(commands, [this] { return m_system->agentId(); });
        widgets::MainWindow window(chargers, link, widgets::MapOptions{});
        widgets::BillingDocks docks(billing, sessions, window,
                                    *window.addMenuBeforeHelp(QStringLiteral("&Billing")));
        docks.setChargers(chargers);
        window.addShortcutActions(docks.actions());
        docks.tabWithDockOf(window.fleetTable());
        window.resize(1600, 1000);
        window.show();
        link.start();

        const QString charger = m_system->chargerId(0);
        const QDir shots(qEnvironmentVariable("VOLTDESK_BUILD_DIR") + QStringLiteral("-scratch"));
        QTRY_VERIFY_WITH_TIMEOUT(commands.role() == contract::Role::Supervisor, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(
            chargers.rowOf(charger) >= 0 && chargers.stateAt(chargers.rowOf(charger)).online, 15000);
        const QString agent = QString::fromStdString(chargers.stateAt(chargers.rowOf(charger)).agentId);
        const QString site =
            chargers.index(chargers.rowOf(charger)).data(models::ChargerModel::SiteIdRole).toString();
        QVERIFY(!site.isEmpty());
        m_site = site;

        // Tariffs (Ctrl+5): a schedule with an overlap is refused, the message names it, its rows light up.
        QAction* tariffsAction = docks.actions().at(1);
        QCOMPARE(tariffsAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_5));
        tariffsAction->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(docks.tariffDock()->isVisible(), 5000);
        widgets::TariffEditor* editor = docks.tariffEditor();
        QVERIFY(editor->saveButton()->isEnabled());
        models::billing::TariffDraft overlapping = flatTariff(QStringLiteral("it-billing"));
        overlapping.dayTypes[0].schedule[1].to = QStringLiteral("23:00"); // over 22:00-24:00 night
        editor->setDraft(overlapping);
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(editor->problemList()->count() > 0, 20000);
        QVERIFY2(editor->problemList()->item(0)->text().contains(QStringLiteral("covered by both")),
                 qPrintable(editor->problemList()->item(0)->text()));
        QVERIFY(!editor->highlightedRows().isEmpty());
        QVERIFY(editor->statusLabel()->text().contains(QStringLiteral("Not saved")));

        editor->setDraft(flatTariff(QStringLiteral("it-billing")));
        QTest::mouseClick(editor->validateButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            editor->statusLabel()->text().contains(QStringLiteral("The tariff is valid")), 20000);
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            editor->statusLabel()->text().contains(QStringLiteral("Saved it-billing version 1")), 20000);
        QCOMPARE(editor->problemList()->count(), 0);
        QVERIFY(editor->highlightedRows().isEmpty());

        // Assignments tab: the tariff applies to the charger's site, which the console offers from its
        // chargers; the list shows who assigned it.
        editor->showAssignments();
        widgets::TariffAssignmentsView* assignments = editor->assignmentsView();
        const auto& assigned = editor->assignmentsModel();
        QTRY_VERIFY_WITH_TIMEOUT(assigned.tariffIds().contains(QStringLiteral("it-billing")), 20000);
        QVERIFY(assignments->assignButton()->isEnabled());
        assignments->scopeBox()->setCurrentIndex(
            assignments->scopeBox()->findData(static_cast<int>(AssignmentScope::Site)));
        const int siteItem = assignments->keyBox()->findText(site);
        QVERIFY2(siteItem >= 0, qPrintable(site));
        assignments->keyBox()->setCurrentIndex(siteItem);
        assignments->tariffBox()->setCurrentIndex(
            assignments->tariffBox()->findData(QStringLiteral("it-billing")));
        QTest::mouseClick(assignments->assignButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(assigned.rowOf(AssignmentScope::Site, site) >= 0, 20000);
        QCOMPARE(assignments->statusLabel()->text(),
                 QStringLiteral("Site '%1' now uses tariff 'it-billing'.").arg(site));
        const auto& siteAssignment = assigned.assignmentAt(assigned.rowOf(AssignmentScope::Site, site));
        QCOMPARE(siteAssignment.tariffId, QStringLiteral("it-billing"));
        QCOMPARE(siteAssignment.assignedBy, QStringLiteral("tst-supervisor"));
        QVERIFY(qAbs(siteAssignment.assignedAt.secsTo(QDateTime::currentDateTimeUtc())) < 300);

        // A charger group with the charger as member; then removed after the confirmation names it. The
        // group keeps its member, the site's tariff applies again.
        const QString group = QStringLiteral("it-depot");
        assignments->scopeBox()->setCurrentIndex(
            assignments->scopeBox()->findData(static_cast<int>(AssignmentScope::ChargerGroup)));
        assignments->keyBox()->setCurrentText(group);
        assignments->setFormMembers({charger});
        QTest::mouseClick(assignments->assignButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(assigned.rowOf(AssignmentScope::ChargerGroup, group) >= 0, 20000);
        QCOMPARE(assigned.chargerGroups().value(group), QStringList{charger});
        QVERIFY(assignments->selectAssignment(AssignmentScope::ChargerGroup, group));
        QString confirmation;
        assignments->setConfirmer([&confirmation](QWidget*, const QString& text) {
            confirmation = text;
            return true;
        });
        QTest::mouseClick(assignments->removeButton(), Qt::LeftButton);
        QVERIFY2(confirmation.contains(QStringLiteral("'%1'").arg(group)) && confirmation.contains(charger) &&
                     confirmation.contains(QStringLiteral("'it-billing'")),
                 qPrintable(confirmation));
        QTRY_VERIFY_WITH_TIMEOUT(assigned.rowOf(AssignmentScope::ChargerGroup, group) < 0, 20000);
        QCOMPARE(assignments->statusLabel()->text(),
                 QStringLiteral("Charger group '%1' no longer has a tariff of its own.").arg(group));
        QCOMPARE(assigned.chargerGroups().value(group), QStringList{charger});
        QVERIFY(assigned.rowOf(AssignmentScope::Site, site) >= 0);
        if (QDir().mkpath(shots.path())) {
            window.grab().save(shots.filePath(QStringLiteral("billing-assignments.png")));
        }

        // The agent's own refusal in words: a list that names a tariff the agent does not store (as a
        // console would show after a database was restored) is refused, nothing changes, Reload mends it.
        editor->assignmentsModel().setTariffsResponse(
            {{QStringLiteral("tariffs"),
              QJsonArray{QJsonObject{
                  {QStringLiteral("tariff"), QJsonObject{{QStringLiteral("id"), QStringLiteral("it-missing")},
                                                         {QStringLiteral("version"), 1}}}}}}});
        assignments->setForm(AssignmentScope::Charger, charger, QStringLiteral("it-missing"));
        QTest::mouseClick(assignments->assignButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            assignments->statusLabel()->text().startsWith(QStringLiteral("The agent refused:")), 20000);
        QVERIFY2(assignments->statusLabel()->text().contains(QStringLiteral("no tariff 'it-missing'")),
                 qPrintable(assignments->statusLabel()->text()));
        QTest::mouseClick(assignments->reloadButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(assigned.rowOf(AssignmentScope::Site, site) >= 0, 20000);
        QCOMPARE(assigned.rowOf(AssignmentScope::Charger, charger), -1);

        // A card of a fleet (its parent id tag is the customer group) and a meter value a second.
        auto answer =
            testing::awaitCommand(commands.send(agent, charger, QStringLiteral("ChangeConfiguration"),
                                                {{"key", "MeterValueSampleInterval"}, {"value", "1"}}),
                                  20000);
        QVERIFY2(answer && answer->outcome == CommandOutcome::Completed, qPrintable(describe(answer)));
        answer = testing::awaitCommand(commands.send(agent, QString(), QStringLiteral("SetIdTag"),
                                                     {{"idTag", kCard}, {"parentIdTag", kFleet}}),
                                       20000);
        QVERIFY2(answer && answer->outcome == CommandOutcome::Completed, qPrintable(describe(answer)));

        // Sessions (Ctrl+4): the list loads; the session that starts shows its live cost, marked live.
        docks.actions().at(0)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(docks.sessionsDock()->isVisible() && sessions.hasResponse(), 20000);
        auto& cp = m_system->charger(0);
        cp.plugIn(1);
        cp.presentIdTag(1, kCard);
        QTRY_VERIFY_WITH_TIMEOUT(
            rowOfCharger(sessions, charger) >= 0 && sessions.rowAt(rowOfCharger(sessions, charger)).live &&
                sessions.rowAt(rowOfCharger(sessions, charger)).record &&
                sessions.rowAt(rowOfCharger(sessions, charger)).record->billedMilliWh > 0 &&
                sessions.rowAt(rowOfCharger(sessions, charger)).record->total > 0,
            45000);
        int row = rowOfCharger(sessions, charger);
        QVERIFY(sessions.index(row, 0).data(SessionsModel::LiveRole).toBool());
        QVERIFY(sessions.rowAt(row).record->provisional);
        const QString cdrId = sessions.rowAt(row).cdrId;
        const qint64 firstCost = sessions.rowAt(row).record->total;
        // The cost moves in place while charging.
        QTRY_VERIFY_WITH_TIMEOUT(sessions.rowAt(sessions.rowOfCdr(cdrId)).record->total > firstCost, 45000);
        widgets::SessionsView* view = docks.sessionsView();
        QVERIFY(view->selectSession(cdrId));
        QVERIFY(!view->breakdown()->rerateButton()->isEnabled()); // still running
        if (QDir().mkpath(shots.path())) {
            window.grab().save(shots.filePath(QStringLiteral("billing-live.png")));
        }

        // The stop: the row keeps its place and shows the final total, which is the stored CDR's.
        cp.stopTransaction(1);
        QTRY_VERIFY_WITH_TIMEOUT(!sessions.rowAt(sessions.rowOfCdr(cdrId)).live &&
                                     !sessions.rowAt(sessions.rowOfCdr(cdrId)).record->provisional,
                                 30000);
        row = sessions.rowOfCdr(cdrId);
        answer = testing::awaitCommand(billing.send(QStringLiteral("GetCdr"), {{"cdrId", cdrId}}), 20000);
        QVERIFY2(answer && answer->outcome == CommandOutcome::Completed, qPrintable(describe(answer)));
        const QJsonArray versions = answer->response.value(QStringLiteral("versions")).toArray();
        QCOMPARE(versions.size(), 1);
        const auto stored = models::billing::recordFromJson(versions.at(0).toObject());
        QVERIFY(stored.has_value());
        QCOMPARE(*sessions.rowAt(row).record, *stored);
        const QString finalTotal = models::billing::formatMoney(stored->total, stored->minorDigits,
                                                                QString::fromStdString(stored->currency));
        QCOMPARE(sessions.index(row, SessionsModel::TotalColumn).data().toString(), finalTotal);
        QCOMPARE(sessions.index(row, SessionsModel::StatusColumn).data().toString(),
                 QStringLiteral("Finished"));
        QVERIFY(view->selectSession(cdrId));
        QTRY_COMPARE_WITH_TIMEOUT(view->breakdown()->totalText(), finalTotal, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(view->breakdown()->rerateButton()->isEnabled(), 10000); // a supervisor
        QVERIFY(view->breakdown()->model().rowCount() >= 2);
        if (QDir().mkpath(shots.path())) {
            window.grab().save(shots.filePath(QStringLiteral("billing-final.png")));
        }

        // The settlement CSV of the list's filter: the agent's columns, the stored amounts.
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("settlement.csv"));
        QSignalSpy exported(view, &widgets::SessionsView::exportFinished);
        view->exportSettlement(csvPath);
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 20000);
        QVERIFY2(exported.at(0).at(0).toBool(), qPrintable(exported.at(0).at(1).toString()));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray content = csv.readAll();
        QVERIFY(content.startsWith("\xEF\xBB\xBF"
                                   "cdr_id,version,status,"));
        QVERIFY2(content.contains(cdrId.toUtf8() + ",1,rated,"), content.constData());
        QVERIFY(content.contains(
            "," + models::billing::formatMinorUnits(stored->total, stored->minorDigits, false).toUtf8() +
            ",EUR,stop\r\n"));
        m_cdrId = cdrId;
        QCOMPARE(sessions.rowAt(row).customerGroup, QString::fromLatin1(kFleet));

        // The fleet's monthly statement: the month the session stopped in, site time; every page of
        // GetSessions, rendered off the Qt thread. Another month has none of its sessions: no file.
        view->setIssuerSource([](QWidget*) {
            documents::OperatorInfo info;
            info.nameEn = QStringLiteral("Voltdesk Charging Services GmbH");
            info.nameZh = QStringLiteral("伏台充电服务有限公司");
            info.taxId = QStringLiteral("DE123456789");
            return std::optional(info);
        });
        QVERIFY(view->selectSession(cdrId));
        QCOMPARE(view->statementGroupGuess(), QString::fromLatin1(kFleet));
        const QTimeZone siteZone(QByteArray::fromStdString(stored->timeZone));
        const QDate stopMonth = QDateTime::fromMSecsSinceEpoch(stored->stop, QTimeZone::UTC)
                                    .toTimeZone(siteZone.isValid() ? siteZone : QTimeZone(QTimeZone::UTC))
                                    .date();
        QCOMPARE(view->statementMonthGuess(), stopMonth);
        const QString statementPath = dir.filePath(QStringLiteral("statement.pdf"));
        QSignalSpy statement(view, &widgets::SessionsView::statementFinished);
        view->exportStatement(QString::fromLatin1(kFleet), view->statementMonthGuess(), statementPath);
        QTRY_COMPARE_WITH_TIMEOUT(statement.count(), 1, 30000);
        QVERIFY2(statement.at(0).at(0).toBool(), qPrintable(statement.at(0).at(1).toString()));
        QVERIFY2(statement.at(0).at(1).toString().contains(QStringLiteral("(1 session(s) on 1 page(s))")),
                 qPrintable(statement.at(0).at(1).toString()));
        QFile statementFile(statementPath);
        QVERIFY(statementFile.open(QIODevice::ReadOnly));
        QVERIFY(statementFile.read(5) == "%PDF-");
        const QString earlierPath = dir.filePath(QStringLiteral("earlier.pdf"));
        view->exportStatement(QString::fromLatin1(kFleet), stopMonth.addMonths(-2), earlierPath);
        QTRY_COMPARE_WITH_TIMEOUT(statement.count(), 2, 30000);
        QVERIFY(!statement.at(1).at(0).toBool());
        QVERIFY2(statement.at(1).at(1).toString().startsWith(QStringLiteral("No session of customer group")),
                 qPrintable(statement.at(1).at(1).toString()));
        QVERIFY(!QFile::exists(earlierPath));

        // Revenue (Ctrl+6): this month's sessions by site, with tax, the session's total among them.
        docks.actions().at(2)->trigger();
        widgets::RevenueView* revenue = docks.revenueView();
        QTRY_VERIFY_WITH_TIMEOUT(revenue->bySite().rowCount() > 0, 20000);
        const auto& bySite = revenue->bySite();
        bool found = false;
        for (int r = 0; r < bySite.rowCount(); ++r) {
            if (bySite.index(r, models::billing::RevenueSummaryModel::KeyColumn).data().toString() == site) {
                found = true;
                QCOMPARE(
                    bySite.index(r, models::billing::RevenueSummaryModel::AmountColumn).data().toString(),
                    models::billing::formatMinorUnits(stored->total, stored->minorDigits));
            }
        }
        QVERIFY2(found, qPrintable(revenue->totalsLabel()->text()));
        QVERIFY(revenue->byPeriod().rowCount() >= 2); // the day/night periods and the session fee

        // A supervisor re-rates with a note: version 2 is in force, version 1 is kept, the row follows.
        view->breakdown()->rerate(QStringLiteral("integration test: tariff checked"));
        QTRY_COMPARE_WITH_TIMEOUT(view->breakdown()->model().versions().size(), std::size_t{2}, 20000);
        QCOMPARE(view->breakdown()->model().record().version, 2);
        QCOMPARE(view->breakdown()->model().record().reason, std::string("integration test: tariff checked"));
        QVERIFY(view->breakdown()->model().versionLabels().at(1).contains(QStringLiteral("in force")));
        QTRY_COMPARE_WITH_TIMEOUT(
            sessions.index(sessions.rowOfCdr(cdrId), SessionsModel::StatusColumn).data().toString(),
            QStringLiteral("Finished · v2"), 20000);
    }

    void viewerMayReadButNotChange() {
        QVERIFY2(!m_cdrId.isEmpty(), "the supervisor's session did not finish");
        models::ChargerModel chargers;
        models::BrokerLink link(loginAs(m_services.mqttAuth, QStringLiteral("tst-viewer")));
        models::CommandClient commands(link);
        models::billing::SessionsModel sessions;
        QObject::connect(&link, &models::BrokerLink::messagesReceived, &chargers,
                         &models::ChargerModel::applyMessages);
        QObject::connect(&link, &models::BrokerLink::messagesReceived, &sessions,
                         &models::billing::SessionsModel::applyMessages);
        // The broker is shared with other tests' agents, each with its own database: ask this one.
        models::billing::BillingClient billing(commands, [this] { return m_system->agentId(); });
        widgets::SessionsView view(billing, sessions);
        widgets::TariffEditor editor(billing);
        view.resize(1400, 600);
        view.show();
        editor.show();
        link.start();
        QTRY_VERIFY_WITH_TIMEOUT(commands.role() == contract::Role::Viewer, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(chargers.rowCount() > 0, 15000);

        QVERIFY(!editor.saveButton()->isEnabled());
        QVERIFY(editor.saveButton()->toolTip().contains(QStringLiteral("supervisor")));
        // The assignments the supervisor made are listed; nothing in them may be changed.
        editor.showAssignments();
        editor.reloadTariffs();
        widgets::TariffAssignmentsView* assignments = editor.assignmentsView();
        QTRY_VERIFY_WITH_TIMEOUT(editor.assignmentsModel().rowOf(AssignmentScope::Site, m_site) >= 0, 20000);
        QVERIFY(assignments->table()->model()->rowCount() >= 1);
        QVERIFY(assignments->selectAssignment(AssignmentScope::Site, m_site));
        QCOMPARE(assignments->formKey(), m_site);
        for (QWidget* w : std::initializer_list<QWidget*>{
                 assignments->assignButton(), assignments->removeButton(), assignments->scopeBox(),
                 assignments->keyBox(), assignments->tariffBox()}) {
            QVERIFY(!w->isEnabled());
            QVERIFY2(w->toolTip().contains(QStringLiteral("supervisor")), qPrintable(w->toolTip()));
        }
        view.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(sessions.rowOfCdr(m_cdrId) >= 0, 20000);
        QVERIFY(view.selectSession(m_cdrId));
        QTRY_VERIFY_WITH_TIMEOUT(view.breakdown()->model().hasRecord(), 10000);
        QVERIFY(!view.breakdown()->rerateButton()->isEnabled());
        QVERIFY(view.breakdown()->rerateButton()->toolTip().contains(QStringLiteral("supervisor")));
        QVERIFY(view.breakdown()->receiptButton()->isEnabled()); // reading is for everyone
    }

private:
    testing::TestServices m_services;
    std::unique_ptr<testing::AgentWithChargers> m_system;
    QString m_cdrId;
    QString m_site;
};

QTEST_MAIN(TestConsoleBillingGui)
#include "tst_console_billing_gui.moc"
