// FleetTableModel and FleetTableFilter without any UI: columns, coalesced updates, staleness,
// throttled sorting and filtering, health figures, and topics other models read.
#include "model_fixtures.h"
#include "models/charger_health_store.h"
#include "models/charger_model.h"
#include "models/fleet_table_filter.h"
#include "models/fleet_table_model.h"
#include "models/status_letters.h"
#include "models/telemetry_model.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace voltdesk;
using namespace voltdesk::models;
using namespace voltdesk::testing;
using CS = contract::ConnectorStatus;

namespace {

constexpr qint64 kSeen = 1795686025123; // lastSeen of the fixtures

QString cell(const QAbstractItemModel& m, int row, int column) {
    return m.index(row, column).data().toString();
}

} // namespace

class FleetTableModelTest : public QObject {
    Q_OBJECT

private slots:
    void rowsFollowTheChargerModel() {
        ChargerModel chargers;
        ChargerHealthStore health;
        FleetTableModel table(chargers, health);
        QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
        chargers.setBrokerConnected(true);
        chargers.applyMessages({siteMessage("S1", "Hauptbahnhof"),
                                stateMessage("S1", "CP-1", {CS::Charging, CS::Available}),
                                stateMessage("S1", "CP-2", {CS::Faulted})});
        QCOMPARE(table.rowCount(), 2);
        QCOMPARE(table.columnCount(), int(FleetTableModel::ColumnCount));
        QCOMPARE(cell(table, 0, FleetTableModel::ChargerColumn), QStringLiteral("CP-1"));
        QCOMPARE(cell(table, 0, FleetTableModel::SiteColumn), QStringLiteral("Hauptbahnhof"));
        QCOMPARE(cell(table, 0, FleetTableModel::ConnectorsColumn), QStringLiteral("1 C · 2 A"));
        QCOMPARE(cell(table, 1, FleetTableModel::StatusColumn), QStringLiteral("Faulted"));
        QCOMPARE(cell(table, 0, FleetTableModel::FirmwareColumn), QStringLiteral("1.6.0"));
        // Nothing from the agent's health computation yet: a dash, never a zero.
        QCOMPARE(cell(table, 0, FleetTableModel::HealthScoreColumn), QStringLiteral("—"));
        QCOMPARE(cell(table, 0, FleetTableModel::PowerColumn), QStringLiteral("—"));
        chargers.applyMessage(removalMessage("S1", "CP-1").topic, {});
        QCOMPARE(table.rowCount(), 1);
        QCOMPARE(cell(table, 0, FleetTableModel::ChargerColumn), QStringLiteral("CP-2"));
    }

    void healthFiguresFillTheirColumns() {
        ChargerModel chargers;
        ChargerHealthStore health;
        FleetTableModel table(chargers, health);
        table.setNow(kSeen + 1000);
        chargers.setBrokerConnected(true);
        chargers.applyMessages({stateMessage("S1", "CP-1", {CS::Charging})});
        const QByteArray payload =
            R"({"v":1,"chargerId":"CP-1","computedAt":"2026-11-26T09:40:25.123Z","powerW":7200,)"
            R"("energyTodayWh":54321,"faults24h":2,"availability24h":0.97,"availability30d":0.991,)"
            R"("healthScore":87,"healthReasons":["2 faults in 24 h"]})";
        QSignalSpy changed(&table, &QAbstractItemModel::dataChanged);
        health.applyMessages(
            {MqttMessage{QStringLiteral("voltdesk/v1/sites/S1/chargers/CP-1/health"), payload}});
        QCOMPARE(health.size(), 1);
        table.flush();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(cell(table, 0, FleetTableModel::PowerColumn), QStringLiteral("7.2 kW"));
        QCOMPARE(cell(table, 0, FleetTableModel::EnergyTodayColumn), QStringLiteral("54.3 kWh"));
        QCOMPARE(cell(table, 0, FleetTableModel::Faults24hColumn), QStringLiteral("2"));
        QCOMPARE(cell(table, 0, FleetTableModel::Availability24hColumn), QStringLiteral("97.0 %"));
        QCOMPARE(cell(table, 0, FleetTableModel::Availability30dColumn), QStringLiteral("99.1 %"));
        QCOMPARE(cell(table, 0, FleetTableModel::HealthScoreColumn), QStringLiteral("87"));
        QCOMPARE(table.index(0, FleetTableModel::HealthScoreColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("2 faults in 24 h"));
        // A health message for another charger's topic is refused.
        health.applyMessages(
            {MqttMessage{QStringLiteral("voltdesk/v1/sites/S1/chargers/CP-9/health"), payload}});
        QCOMPARE(health.malformedCount(), 1);
    }

    void livePowerComesFromTelemetry() {
        ChargerModel chargers;
        ChargerHealthStore health;
        FleetTableModel table(chargers, health);
        table.setNow(kSeen + 1000);
        chargers.setBrokerConnected(true);
        contract::ChargerState state = chargerState("S1", "CP-1", {CS::Charging, CS::Available});
        state.connectors[0].session = contract::ConnectorSession{42, "CARD-1", kSeen - 600000, 1000};
        chargers.applyMessages({stateMessage(state)});
        HealthFigures figures;
        figures.computedAtMs = kSeen;
        figures.powerW = 7200;
        health.setHealth(QStringLiteral("CP-1"), figures);
        QCOMPARE(cell(table, 0, FleetTableModel::PowerColumn), QStringLiteral("7.2 kW"));

        // Telemetry without a reading for the connector in session: the health figure stays.
        TelemetryModel telemetry;
        table.setTelemetry(&telemetry);
        QCOMPARE(cell(table, 0, FleetTableModel::PowerColumn), QStringLiteral("7.2 kW"));

        table.flush();
        QSignalSpy changed(&table, &QAbstractItemModel::dataChanged);
        TelemetryReading charging{1, kSeen, 42, {}};
        charging.setValue(Quantity::Power, 11000);
        telemetry.addSample(QStringLiteral("CP-1"), charging);
        // A connector without a session draws nothing, whatever its meter last said.
        TelemetryReading idle{2, kSeen, std::nullopt, {}};
        idle.setValue(Quantity::Power, 3000);
        telemetry.addSample(QStringLiteral("CP-1"), idle);
        QCOMPARE(table.pendingRowCount(), 1);
        table.flush();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(cell(table, 0, FleetTableModel::PowerColumn), QStringLiteral("11.0 kW"));
        QCOMPARE(table.sortKey(0, FleetTableModel::PowerColumn).toDouble(), 11000.0);
        // Live power is current news while its reading is fresh.
        table.setNow(kSeen + FleetTableModel::kLivePowerMaxAgeMs);
        QCOMPARE(cell(table, 0, FleetTableModel::PowerColumn), QStringLiteral("11.0 kW"));
        QVERIFY(!table.isStale(0, FleetTableModel::PowerColumn));

        // A reading too old to be "now": the health figure again, greyed as old as it is.
        table.setNow(kSeen + 4 * 60 * 1000);
        QCOMPARE(cell(table, 0, FleetTableModel::PowerColumn), QStringLiteral("7.2 kW"));
        QVERIFY(table.isStale(0, FleetTableModel::PowerColumn));

        // The session ended: nothing in session, so nothing drawn, without waiting for the agent.
        table.setNow(kSeen + 1000);
        state.connectors[0].status = CS::Finishing;
        state.connectors[0].session.reset();
        chargers.applyMessages({stateMessage(state)});
        QCOMPARE(cell(table, 0, FleetTableModel::PowerColumn), QStringLiteral("0.0 kW"));

        table.setTelemetry(nullptr);
        QCOMPARE(cell(table, 0, FleetTableModel::PowerColumn), QStringLiteral("7.2 kW"));
    }

    void otherModelsTopicsAreNotMalformed() {
        ChargerModel chargers;
        chargers.applyMessages({
            MqttMessage{QStringLiteral("voltdesk/v1/sites/S1/chargers/CP-1/telemetry"), QByteArray("{}")},
            MqttMessage{QStringLiteral("voltdesk/v1/sites/S1/chargers/CP-1/health"), QByteArray("{}")},
            MqttMessage{QStringLiteral("voltdesk/v1/users/alice/profile"), QByteArray("{}")},
            MqttMessage{QStringLiteral("voltdesk/v1/users/alice/responses/console-1"), QByteArray("{}")},
        });
        QCOMPARE(chargers.malformedCount(), 0);
        QCOMPARE(chargers.rowCount(), 0);
    }

    void updatesAreCoalescedPerRun() {
        ChargerModel chargers;
        ChargerHealthStore health;
        FleetTableModel table(chargers, health);
        chargers.setBrokerConnected(true);
        MqttMessages boot;
        for (int i = 0; i < 10; ++i)
            boot.push_back(stateMessage("S1", "CP-" + std::to_string(i), {CS::Available}));
        chargers.applyMessages(boot);
        table.flush();
        QSignalSpy changed(&table, &QAbstractItemModel::dataChanged);
        // Rows 2, 3, 4 and 7, each changed twice: two runs, one signal each, once the timer fires.
        for (int round = 0; round < 2; ++round) {
            for (int i : {4, 2, 7, 3}) {
                const auto status = round == 0 ? CS::Charging : CS::Faulted;
                chargers.applyMessages({stateMessage("S1", "CP-" + std::to_string(i), {status})});
            }
        }
        QCOMPARE(changed.count(), 0);
        QCOMPARE(table.pendingRowCount(), 4);
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, 1000);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 4);
        QCOMPARE(changed.at(0).at(1).toModelIndex().column(), FleetTableModel::ColumnCount - 1);
        QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 7);
    }

    void aLoneChangeIsAnnouncedAtOnce() {
        ChargerModel chargers;
        ChargerHealthStore health;
        FleetTableModel table(chargers, health);
        chargers.setBrokerConnected(true);
        chargers.applyMessages(
            {stateMessage("S1", "CP-1", {CS::Available}), stateMessage("S1", "CP-2", {CS::Available})});
        table.flush();
        QTest::qWait(FleetTableModel::kFlushIntervalMs + 10); // a quiet spell
        QSignalSpy changed(&table, &QAbstractItemModel::dataChanged);
        chargers.applyMessages({stateMessage("S1", "CP-1", {CS::Faulted})});
        QElapsedTimer sinceFirst;
        sinceFirst.start();
        // No waiting for the interval: the next turns of the event loop announce it.
        for (int i = 0; i < 3 && changed.isEmpty(); ++i) {
            QCoreApplication::processEvents();
        }
        QCOMPARE(changed.count(), 1);
        // The next change right after is coalesced for the rest of the interval.
        chargers.applyMessages({stateMessage("S1", "CP-2", {CS::Faulted})});
        QCoreApplication::processEvents();
        if (sinceFirst.elapsed() < FleetTableModel::kFlushIntervalMs) {
            QCOMPARE(changed.count(), 1);
        }
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, 1000);
    }

    void oldValuesAreGreyedWithTheirAge() {
        ChargerModel chargers;
        ChargerHealthStore health;
        FleetTableModel table(chargers, health);
        chargers.setBrokerConnected(true);
        chargers.applyMessages({stateMessage("S1", "CP-1", {CS::Available})});
        table.setNow(kSeen + 3 * 60 * 1000 + 5000);
        QCOMPARE(cell(table, 0, FleetTableModel::LastMessageColumn), QStringLiteral("3 min ago"));
        QVERIFY(
            !table.index(0, FleetTableModel::LastMessageColumn).data(FleetTableModel::StaleRole).toBool());
        QCOMPARE(table.staleRowCount(), 0);
        QSignalSpy staleCount(&table, &FleetTableModel::staleRowCountChanged);
        table.setNow(kSeen + 11 * 60 * 1000);
        QCOMPARE(cell(table, 0, FleetTableModel::LastMessageColumn), QStringLiteral("11 min ago"));
        QVERIFY(table.index(0, FleetTableModel::LastMessageColumn).data(FleetTableModel::StaleRole).toBool());
        QVERIFY(table.index(0, FleetTableModel::StatusColumn).data(FleetTableModel::StaleRole).toBool());
        QVERIFY(!table.index(0, FleetTableModel::ChargerColumn).data(FleetTableModel::StaleRole).toBool());
        QCOMPARE(staleCount.count(), 1);
        QCOMPARE(table.staleRowCount(), 1);

        // Health figures have their own interval.
        HealthFigures figures;
        figures.computedAtMs = kSeen;
        figures.healthScore = 90;
        health.setHealth(QStringLiteral("CP-1"), figures);
        table.setNow(kSeen + 60 * 1000);
        QVERIFY(
            !table.index(0, FleetTableModel::HealthScoreColumn).data(FleetTableModel::StaleRole).toBool());
        table.setNow(kSeen + 4 * 60 * 1000);
        QVERIFY(table.index(0, FleetTableModel::HealthScoreColumn).data(FleetTableModel::StaleRole).toBool());

        // Without the broker everything is old news.
        table.setNow(kSeen + 1000);
        chargers.setBrokerConnected(false);
        for (int c = 0; c < FleetTableModel::ColumnCount; ++c)
            QVERIFY(table.index(0, c).data(FleetTableModel::StaleRole).toBool());
        table.setNow(kSeen + 2000);
        QCOMPARE(table.staleRowCount(), 1);
    }

    void filterAndSortAreThrottled() {
        ChargerModel chargers;
        ChargerHealthStore health;
        FleetTableModel table(chargers, health);
        FleetTableFilter filter;
        filter.setSourceModel(&table);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        chargers.setBrokerConnected(true);
        chargers.applyMessages({siteMessage("S1", "North"), siteMessage("S2", "South"),
                                stateMessage("S1", "CP-A", {CS::Available}),
                                stateMessage("S2", "CP-B", {CS::Faulted}),
                                stateMessage("S1", "CP-C", {CS::Charging})});
        filter.sort(FleetTableModel::StatusColumn, Qt::AscendingOrder);
        QCOMPARE(cell(filter, 0, FleetTableModel::ChargerColumn), QStringLiteral("CP-B")); // worst first
        QCOMPARE(cell(filter, 2, FleetTableModel::ChargerColumn), QStringLiteral("CP-A"));

        // A change shows at once in place, and moves the row only at the next refresh.
        chargers.applyMessages({stateMessage("S1", "CP-A", {CS::Faulted})});
        table.flush();
        QCOMPARE(cell(filter, 2, FleetTableModel::StatusColumn), QStringLiteral("Faulted"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(filter, 0, FleetTableModel::ChargerColumn), QStringLiteral("CP-A"),
                                  3000);
        QCOMPARE(filter.refreshCount(), 1);

        filter.setSiteId(QStringLiteral("S1"));
        QCOMPARE(filter.rowCount(), 2);
        filter.setSiteId({});
        filter.setSearchText(QStringLiteral("south"));
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(cell(filter, 0, FleetTableModel::ChargerColumn), QStringLiteral("CP-B"));
        filter.setSearchText({});
        std::bitset<contract::kChargerStatusCount> charging;
        charging.set(static_cast<std::size_t>(contract::ChargerStatus::Charging));
        filter.setStatuses(charging);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(cell(filter, 0, FleetTableModel::ChargerColumn), QStringLiteral("CP-C"));
    }

    void unknownHealthSortsLast() {
        ChargerModel chargers;
        ChargerHealthStore health;
        FleetTableModel table(chargers, health);
        FleetTableFilter filter;
        filter.setSourceModel(&table);
        chargers.applyMessages({stateMessage("S1", "CP-1", {CS::Available}),
                                stateMessage("S1", "CP-2", {CS::Available}),
                                stateMessage("S1", "CP-3", {CS::Available})});
        HealthFigures low;
        low.healthScore = 40;
        HealthFigures high;
        high.healthScore = 95;
        health.setHealth(QStringLiteral("CP-3"), low);
        health.setHealth(QStringLiteral("CP-1"), high);
        filter.sort(FleetTableModel::HealthScoreColumn, Qt::AscendingOrder);
        QCOMPARE(cell(filter, 0, FleetTableModel::ChargerColumn), QStringLiteral("CP-3"));
        QCOMPARE(cell(filter, 1, FleetTableModel::ChargerColumn), QStringLiteral("CP-1"));
        QCOMPARE(cell(filter, 2, FleetTableModel::ChargerColumn), QStringLiteral("CP-2"));
    }

    void connectorLetters() {
        using contract::ConnectorState;
        std::vector<ConnectorState> connectors{{0, CS::Available, "NoError", "", "", 0},
                                               {1, CS::SuspendedEV, "NoError", "", "", 0},
                                               {2, CS::Faulted, "GroundFailure", "", "", 0}};
        QCOMPARE(connectorSummary(connectors), QStringLiteral("1 SV · 2 F"));
        connectors[0].status = CS::Unavailable; // the whole charger out of service: shown as 0
        QCOMPARE(connectorSummary(connectors), QStringLiteral("0 U · 1 SV · 2 F"));
        QVERIFY(connectorDetails(connectors).contains(QStringLiteral("GroundFailure")));
    }
};

QTEST_GUILESS_MAIN(FleetTableModelTest)
#include "tst_fleet_table_model.moc"
