// The tariff assignments model without any UI, fed with GetTariffs answers as the agent writes them:
// the rows in words, sorting by precedence and time, the keys offered, the AssignTariff requests and
// their checks, the removal's consequences, failures in words; and the statement's session request.
// No translation is installed: plural texts read in their source form ("2 charger(s)").
#include "models/billing/billing_client.h"
#include "models/billing/session_pages.h"
#include "models/billing/tariff_assignments_model.h"
#include "models/broker_link.h"
#include "models/charger_model.h"
#include "tests/console/model_fixtures.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>

using namespace voltdesk;
using namespace voltdesk::models::billing;

namespace {

QJsonObject stored(const QString& id, int version) {
    return {{QStringLiteral("tariff"),
             QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("version"), version}}},
            {QStringLiteral("createdAt"), QStringLiteral("2026-11-01T08:00:00.000Z")},
            {QStringLiteral("createdBy"), QStringLiteral("carol")}};
}

QJsonObject assignment(const QString& scope, const QString& key, const QString& tariffId, const QString& at,
                       const QString& by) {
    return {{QStringLiteral("scope"), scope},
            {QStringLiteral("key"), key},
            {QStringLiteral("tariffId"), tariffId},
            {QStringLiteral("assignedAt"), at},
            {QStringLiteral("assignedBy"), by}};
}

/// A network's answer: four scopes, a group with two chargers, a group without assignment, an entry of
/// a scope this console does not know (a newer agent), two tariffs with versions out of order.
QJsonObject getTariffsAnswer() {
    return {
        {QStringLiteral("tariffs"),
         QJsonArray{stored(QStringLiteral("sh-commercial"), 2), stored(QStringLiteral("sh-commercial"), 1),
                    stored(QStringLiteral("sh-commercial"), 3), stored(QStringLiteral("fleet-2026"), 1)}},
        {QStringLiteral("assignments"),
         QJsonArray{assignment(QStringLiteral("site"), QStringLiteral("sh-pudong"),
                               QStringLiteral("sh-commercial"), QStringLiteral("2026-11-02T01:00:00.000Z"),
                               QStringLiteral("carol")),
                    assignment(QStringLiteral("chargerGroup"), QStringLiteral("depot-north"),
                               QStringLiteral("sh-commercial"), QStringLiteral("2026-11-05T09:30:00.000Z"),
                               QStringLiteral("dave")),
                    assignment(QStringLiteral("customerGroup"), QStringLiteral("FLEET-A"),
                               QStringLiteral("fleet-2026"), QStringLiteral("2026-11-03T12:00:00.000Z"),
                               QStringLiteral("carol")),
                    assignment(QStringLiteral("charger"), QStringLiteral("SH-PUDONG-07"),
                               QStringLiteral("gone-tariff"), QStringLiteral("2026-10-30T23:15:00.000Z"),
                               QStringLiteral("erin")),
                    assignment(QStringLiteral("region"), QStringLiteral("east"), QStringLiteral("fleet-2026"),
                               QStringLiteral("2026-11-03T12:00:00.000Z"), QStringLiteral("x"))}},
        {QStringLiteral("chargerGroups"),
         QJsonObject{{QStringLiteral("depot-north"),
                      QJsonArray{QStringLiteral("SH-PUDONG-01"), QStringLiteral("SH-PUDONG-02")}},
                     {QStringLiteral("spare"), QJsonArray{QStringLiteral("SH-PUDONG-09")}}}}};
}

QStringList column(const QAbstractItemModel& m, int c) {
    QStringList values;
    for (int row = 0; row < m.rowCount(); ++row) {
        values.push_back(m.index(row, c).data().toString());
    }
    return values;
}

} // namespace

class TestTariffAssignmentsModel : public QObject {
    Q_OBJECT

private slots:
    void scopesHaveWireNamesAndWords() {
        for (const AssignmentScope scope : kAssignmentScopes) {
            QCOMPARE(scopeFromWireName(scopeWireName(scope)), std::optional(scope));
        }
        QCOMPARE(scopeWireName(AssignmentScope::ChargerGroup), QStringLiteral("chargerGroup"));
        QCOMPARE(scopeWireName(AssignmentScope::CustomerGroup), QStringLiteral("customerGroup"));
        QCOMPARE(scopeText(AssignmentScope::ChargerGroup), QStringLiteral("Charger group"));
        QVERIFY(!scopeFromWireName(QStringLiteral("charger_group")));
        // The order in which a session's tariff is chosen (docs/BILLING.md).
        QCOMPARE(kAssignmentScopes.front(), AssignmentScope::CustomerGroup);
        QCOMPARE(kAssignmentScopes.back(), AssignmentScope::Site);
    }

    void readsTheAgentsAnswer() {
        TariffAssignmentsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &TariffAssignmentsModel::loaded);
        QVERIFY(!model.hasResponse());
        model.setTariffsResponse(getTariffsAnswer());
        QCOMPARE(loaded.count(), 1);
        QVERIFY(model.hasResponse());
        QCOMPARE(model.rowCount(), 4); // the unknown scope is left out
        QCOMPARE(model.tariffIds(),
                 (QStringList{QStringLiteral("fleet-2026"), QStringLiteral("sh-commercial")}));
        QCOMPARE(model.versionsOf(QStringLiteral("sh-commercial")), (QList<int>{1, 2, 3}));
        QCOMPARE(model.chargerGroups().value(QStringLiteral("spare")),
                 QStringList{QStringLiteral("SH-PUDONG-09")});

        const int group = model.rowOf(AssignmentScope::ChargerGroup, QStringLiteral("depot-north"));
        QVERIFY(group >= 0);
        const auto cell = [&](int row, int c, int role = Qt::DisplayRole) {
            return model.index(row, c).data(role).toString();
        };
        QCOMPARE(cell(group, TariffAssignmentsModel::ScopeColumn), QStringLiteral("Charger group"));
        QCOMPARE(cell(group, TariffAssignmentsModel::KeyColumn),
                 QStringLiteral("depot-north (2 charger(s))"));
        QCOMPARE(cell(group, TariffAssignmentsModel::KeyColumn, Qt::ToolTipRole),
                 QStringLiteral("Chargers: SH-PUDONG-01, SH-PUDONG-02"));
        QCOMPARE(cell(group, TariffAssignmentsModel::TariffColumn), QStringLiteral("sh-commercial (v1–3)"));
        QCOMPARE(cell(group, TariffAssignmentsModel::AssignedByColumn), QStringLiteral("dave"));
        QCOMPARE(cell(group, TariffAssignmentsModel::AssignedAtColumn),
                 QDateTime(QDate(2026, 11, 5), QTime(9, 30), QTimeZone::UTC)
                     .toLocalTime()
                     .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        QCOMPARE(cell(group, TariffAssignmentsModel::AssignedAtColumn, Qt::ToolTipRole),
                 QStringLiteral("2026-11-05T09:30:00.000Z"));
        QCOMPARE(cell(group, 0, TariffAssignmentsModel::ScopeRole), QStringLiteral("chargerGroup"));

        const int fleet = model.rowOf(AssignmentScope::CustomerGroup, QStringLiteral("FLEET-A"));
        QCOMPARE(cell(fleet, TariffAssignmentsModel::TariffColumn), QStringLiteral("fleet-2026 (v1)"));
        // A tariff id that is not stored (any more) is shown as it is, with a warning.
        const int orphan = model.rowOf(AssignmentScope::Charger, QStringLiteral("SH-PUDONG-07"));
        QCOMPARE(cell(orphan, TariffAssignmentsModel::TariffColumn), QStringLiteral("gone-tariff"));
        QVERIFY(cell(orphan, TariffAssignmentsModel::TariffColumn, Qt::ToolTipRole)
                    .contains(QStringLiteral("unrated")));
        QCOMPARE(model.rowOf(AssignmentScope::Site, QStringLiteral("nowhere")), -1);
        QCOMPARE(model.headerData(TariffAssignmentsModel::ScopeColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Applies to"));

        // A new answer replaces everything.
        model.setTariffsResponse(QJsonObject{});
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.tariffIds().isEmpty());
    }

    void sortsByPrecedenceAndTime() {
        TariffAssignmentsModel model;
        model.setTariffsResponse(getTariffsAnswer());
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(TariffAssignmentsModel::SortRole);
        sorted.sort(TariffAssignmentsModel::ScopeColumn, Qt::AscendingOrder);
        QCOMPARE(column(sorted, TariffAssignmentsModel::ScopeColumn),
                 (QStringList{QStringLiteral("Customer group"), QStringLiteral("Charger"),
                              QStringLiteral("Charger group"), QStringLiteral("Site")}));
        sorted.sort(TariffAssignmentsModel::AssignedAtColumn, Qt::DescendingOrder);
        QCOMPARE(column(sorted, TariffAssignmentsModel::AssignedByColumn),
                 (QStringList{QStringLiteral("dave"), QStringLiteral("carol"), QStringLiteral("carol"),
                              QStringLiteral("erin")}));
        QCOMPARE(sorted.index(1, TariffAssignmentsModel::KeyColumn).data().toString(),
                 QStringLiteral("FLEET-A"));
        sorted.sort(TariffAssignmentsModel::KeyColumn, Qt::AscendingOrder);
        QCOMPARE(sorted.index(0, TariffAssignmentsModel::KeyColumn).data().toString(),
                 QStringLiteral("depot-north (2 charger(s))"));
    }

    void offersKnownKeys() {
        using CS = contract::ConnectorStatus;
        models::ChargerModel chargers;
        chargers.applyMessages(
            {testing::stateMessage(testing::chargerState("sh-pudong", "SH-PUDONG-02", {CS::Available})),
             testing::stateMessage(testing::chargerState("sh-pudong", "SH-PUDONG-01", {CS::Charging})),
             testing::stateMessage(testing::chargerState("ber-mitte", "BER-0042", {CS::Available}))});
        const KnownInventory inventory = inventoryOf(chargers);
        QCOMPARE(inventory.sites, (QStringList{QStringLiteral("ber-mitte"), QStringLiteral("sh-pudong")}));
        QCOMPARE(inventory.chargers, (QStringList{QStringLiteral("BER-0042"), QStringLiteral("SH-PUDONG-01"),
                                                  QStringLiteral("SH-PUDONG-02")}));

        TariffAssignmentsModel model;
        model.setTariffsResponse(getTariffsAnswer());
        model.setInventory(inventory);
        QCOMPARE(model.keySuggestions(AssignmentScope::Site), inventory.sites); // sh-pudong once
        // A charger with an assignment but not online now is offered too.
        QCOMPARE(model.keySuggestions(AssignmentScope::Charger),
                 (QStringList{QStringLiteral("BER-0042"), QStringLiteral("SH-PUDONG-01"),
                              QStringLiteral("SH-PUDONG-02"), QStringLiteral("SH-PUDONG-07")}));
        // Every stored group, with or without a tariff.
        QCOMPARE(model.keySuggestions(AssignmentScope::ChargerGroup),
                 (QStringList{QStringLiteral("depot-north"), QStringLiteral("spare")}));
        QCOMPARE(model.keySuggestions(AssignmentScope::CustomerGroup),
                 QStringList{QStringLiteral("FLEET-A")});
    }

    void checksRequestsBeforeTheyAreSent() {
        TariffAssignmentsModel model;
        model.setTariffsResponse(getTariffsAnswer());
        auto r = model.assignRequest(AssignmentScope::Site, QStringLiteral("  sh-pudong "),
                                     QStringLiteral("sh-commercial"));
        QVERIFY2(r.ok(), qPrintable(r.problem));
        QCOMPARE(r.payload, (QJsonObject{{QStringLiteral("scope"), QStringLiteral("site")},
                                         {QStringLiteral("key"), QStringLiteral("sh-pudong")},
                                         {QStringLiteral("tariffId"), QStringLiteral("sh-commercial")}}));
        r = model.assignRequest(AssignmentScope::Charger, QStringLiteral("   "),
                                QStringLiteral("sh-commercial"));
        QVERIFY(!r.ok());
        QCOMPARE(r.problem, QStringLiteral("Name the charger the tariff is for."));
        QVERIFY(r.payload.isEmpty());
        r = model.assignRequest(AssignmentScope::CustomerGroup, QStringLiteral("FLEET-B"), QString());
        QCOMPARE(r.problem, QStringLiteral("Choose a tariff."));
        r = model.assignRequest(AssignmentScope::CustomerGroup, QStringLiteral("FLEET-B"),
                                QStringLiteral("nope"));
        QVERIFY(r.problem.contains(QStringLiteral("no stored tariff 'nope'")));

        // A charger group: the members replace the stored ones, trimmed and once each; none is refused.
        r = model.assignRequest(AssignmentScope::ChargerGroup, QStringLiteral("depot-north"),
                                QStringLiteral("sh-commercial"), {});
        QCOMPARE(r.problem, QStringLiteral("A charger group needs at least one charger."));
        QVERIFY(r.payload.isEmpty());
        r = model.assignRequest(AssignmentScope::ChargerGroup, QStringLiteral("depot-north"),
                                QStringLiteral("sh-commercial"),
                                {QStringLiteral(" SH-PUDONG-01"), QString(), QStringLiteral("SH-PUDONG-03"),
                                 QStringLiteral("SH-PUDONG-01 ")});
        QVERIFY2(r.ok(), qPrintable(r.problem));
        QCOMPARE(r.payload.value(QStringLiteral("scope")).toString(), QStringLiteral("chargerGroup"));
        QCOMPARE(r.payload.value(QStringLiteral("chargers")).toArray(),
                 (QJsonArray{QStringLiteral("SH-PUDONG-01"), QStringLiteral("SH-PUDONG-03")}));
        // Members are only sent for a group.
        r = model.assignRequest(AssignmentScope::Site, QStringLiteral("sh-pudong"),
                                QStringLiteral("fleet-2026"), {QStringLiteral("SH-PUDONG-01")});
        QVERIFY(!r.payload.contains(QStringLiteral("chargers")));

        QCOMPARE(
            TariffAssignmentsModel::removeRequest(AssignmentScope::CustomerGroup, QStringLiteral("FLEET-A")),
            (QJsonObject{{QStringLiteral("scope"), QStringLiteral("customerGroup")},
                         {QStringLiteral("key"), QStringLiteral("FLEET-A")},
                         {QStringLiteral("tariffId"), QString()}}));
    }

    void removalSaysWhatLosesItsTariff() {
        TariffAssignmentsModel model;
        model.setTariffsResponse(getTariffsAnswer());
        const QString group =
            model.removalText(model.rowOf(AssignmentScope::ChargerGroup, QStringLiteral("depot-north")));
        QVERIFY2(group.startsWith(QStringLiteral("Charger group 'depot-north' (2 charger(s): SH-PUDONG-01, "
                                                 "SH-PUDONG-02) loses its tariff 'sh-commercial'.")),
                 qPrintable(group));
        QVERIFY(group.contains(QStringLiteral("keeps its chargers")));
        const QString site =
            model.removalText(model.rowOf(AssignmentScope::Site, QStringLiteral("sh-pudong")));
        QVERIFY2(site.startsWith(QStringLiteral("Site 'sh-pudong' loses its tariff 'sh-commercial'.")),
                 qPrintable(site));
        QVERIFY(site.contains(QStringLiteral("unrated")));
        const QString fleet =
            model.removalText(model.rowOf(AssignmentScope::CustomerGroup, QStringLiteral("FLEET-A")));
        QVERIFY(fleet.contains(QStringLiteral("charger's, charger group's or site's tariff")));
        QCOMPARE(model.removalText(-1), QString());
        QCOMPARE(model.removalText(99), QString());
    }

    void answersAndFailuresInWords() {
        QCOMPARE(TariffAssignmentsModel::assignedText(
                     {{QStringLiteral("scope"), QStringLiteral("charger")},
                      {QStringLiteral("key"), QStringLiteral("SH-PUDONG-07")},
                      {QStringLiteral("tariffId"), QStringLiteral("sh-commercial")}}),
                 QStringLiteral("Charger 'SH-PUDONG-07' now uses tariff 'sh-commercial'."));
        QCOMPARE(TariffAssignmentsModel::assignedText({{QStringLiteral("scope"), QStringLiteral("site")},
                                                       {QStringLiteral("key"), QStringLiteral("sh-pudong")},
                                                       {QStringLiteral("tariffId"), QString()}}),
                 QStringLiteral("Site 'sh-pudong' no longer has a tariff of its own."));

        models::CommandResult refused;
        refused.outcome = contract::CommandOutcome::Refused;
        refused.description = QStringLiteral("there is no tariff 'x'; store it with PutTariff first");
        QCOMPARE(commandFailureText(refused),
                 QStringLiteral("The agent refused: there is no tariff 'x'; store it with PutTariff first"));
        models::CommandResult broker = refused;
        broker.errorCode = QStringLiteral("NotAuthorized");
        broker.description =
            QStringLiteral("The broker refused the command (Not authorized, reason code 0x87)");
        QCOMPARE(commandFailureText(broker), broker.description);
        models::CommandResult late;
        late.outcome = contract::CommandOutcome::Timeout;
        late.errorCode = QStringLiteral("NoAnswer");
        late.description = QStringLiteral("No answer from the agent within 30 s");
        QCOMPARE(commandFailureText(late), late.description);
        models::CommandResult silent;
        silent.outcome = contract::CommandOutcome::Timeout;
        QCOMPARE(commandFailureText(silent),
                 QStringLiteral("The agent did not complete the command (Timeout)."));
    }

    void statementAsksForAWiderMonth() {
        const SessionFilter nov = statementFilter(QStringLiteral(" FLEET-A "), QDate(2026, 11, 17));
        QCOMPARE(nov.customerGroup, QStringLiteral("FLEET-A"));
        QCOMPARE(nov.status, QStringLiteral("finished"));
        QCOMPARE(nov.limit, kLargestSessionsPage);
        const QJsonObject payload = nov.toPayload();
        // A day either side in UTC covers every site's local month (UTC−12 to UTC+14).
        QCOMPARE(payload.value(QStringLiteral("from")).toString(),
                 QStringLiteral("2026-10-31T00:00:00.000Z"));
        QCOMPARE(payload.value(QStringLiteral("to")).toString(), QStringLiteral("2026-12-02T00:00:00.000Z"));
        const QJsonObject dec = statementFilter(QStringLiteral("F"), QDate(2026, 12, 31)).toPayload();
        QCOMPARE(dec.value(QStringLiteral("from")).toString(), QStringLiteral("2026-11-30T00:00:00.000Z"));
        QCOMPARE(dec.value(QStringLiteral("to")).toString(), QStringLiteral("2027-01-02T00:00:00.000Z"));
    }

    void pagesWithoutAnAgentFinishWithAReason() {
        models::BrokerLink link(models::BrokerLink::Options{}); // never started
        models::CommandClient commands(link);
        commands.setFallbackRole(contract::Role::Viewer);
        BillingClient nobody(commands, [] { return QString(); });
        SessionPages pages(nobody, statementFilter(QStringLiteral("FLEET-A"), QDate(2026, 11, 1)));
        QSignalSpy finished(&pages, &SessionPages::finished);
        pages.start();
        QCOMPARE(finished.count(), 0); // asynchronous, like an answer
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("No agent is online to ask for sessions."));

        BillingClient unreachable(commands, [] { return QStringLiteral("agent-1"); });
        SessionPages offline(unreachable, statementFilter(QStringLiteral("FLEET-A"), QDate(2026, 11, 1)));
        QSignalSpy ended(&offline, &SessionPages::finished);
        offline.start();
        QTRY_COMPARE(ended.count(), 1);
        QCOMPARE(ended.at(0).at(0).toBool(), false);
        QVERIFY2(ended.at(0).at(1).toString().contains(QStringLiteral("Not connected")),
                 qPrintable(ended.at(0).at(1).toString()));
        QVERIFY(offline.records().empty());
    }
};

QTEST_MAIN(TestTariffAssignmentsModel)
#include "tst_tariff_assignments_model.moc"
