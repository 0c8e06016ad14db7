// The fleet health table in the real main window under Xvfb: rows fed through ChargerModel, sorting,
// selection shared with the map both ways, detail requests, staleness, theme and saved layouts.
#include "contract/charger_state.h"
#include "contract/topics.h"
#include "models/broker_link.h"
#include "models/charger_health_store.h"
#include "models/charger_model.h"
#include "models/fleet_table_filter.h"
#include "models/fleet_table_model.h"
#include "models/telemetry_model.h"
#include "widgets/charger_marker_layer.h"
#include "widgets/detail/charger_detail_view.h"
#include "widgets/fleet_table_view.h"
#include "widgets/main_window.h"
#include "widgets/map_view.h"
#include "widgets/shortcuts_dialog.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <memory>

using namespace voltdesk;
using contract::ConnectorStatus;
using models::FleetTableModel;

namespace {

constexpr int kChargers = 40;
constexpr qint64 kSeen = 1'790'000'000'000;

// Spread out on a grid so each charger has its own marker (no clusters) in a 1500×950 window.
contract::ChargerState makeCharger(int i) {
    contract::ChargerState s;
    s.chargerId = "FT-" + std::to_string(100 + i);
    s.siteId = "site-" + std::to_string(i / 10);
    s.location = contract::GeoPoint{52.40 + (i / 8) * 0.03, 13.20 + (i % 8) * 0.05};
    s.vendor = "Voltworks";
    s.model = "VW-22";
    s.firmwareVersion = "3.1." + std::to_string(i % 3);
    s.online = true;
    s.lastSeen = kSeen;
    const ConnectorStatus status = i % 5 == 0   ? ConnectorStatus::Faulted
                                   : i % 3 == 0 ? ConnectorStatus::Charging
                                                : ConnectorStatus::Available;
    s.connectors = {
        {1, status, status == ConnectorStatus::Faulted ? "GroundFailure" : "NoError", "", "", kSeen},
        {2, ConnectorStatus::Available, "NoError", "", "", kSeen}};
    return s;
}

QString screenshotPath(const QString& name) {
    const QString dir =
        qEnvironmentVariable("VOLTDESK_BUILD_DIR", QDir::currentPath()) + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

QString cell(const QAbstractItemModel* m, int row, int column) {
    return m->index(row, column).data().toString();
}

QAction* actionWithShortcut(const widgets::MainWindow& window, const QKeySequence& key) {
    for (QAction* a : window.shortcutActions()) {
        if (a->shortcuts().contains(key))
            return a;
    }
    return nullptr;
}

} // namespace

class FleetTableViewTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void tableShowsAndSortsChargers();
    void searchAndStatusFilterNarrowTheRows();
    void selectingRowsSelectsMarkers();
    void clickingAMarkerSelectsItsRow();
    void doubleClickAndEnterRequestTheDetailView();
    void detailViewsOpenInDocksOfTheirOwn();
    void theRealDetailViewFitsItsDock();
    void oldDataIsGreyedAndCounted();
    void themeSwitchesFromTheMenu();
    void shortcutsAreListed();
    void layoutIsSavedAndRestoredPerUser();
    void cleanupTestCase();

private:
    QTableView* table() const { return m_window->fleetTable()->table(); }
    QAbstractItemModel* rows() const { return table()->model(); }
    int rowOf(const QString& id) const;
    void settle();

    models::ChargerModel m_chargers;
    models::TelemetryModel m_telemetry;
    std::unique_ptr<models::BrokerLink> m_link;
    std::unique_ptr<widgets::MainWindow> m_window;
};

void FleetTableViewTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VoltdeskTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_fleet_table_view"));
    QSettings().clear();

    models::MqttMessages messages;
    for (int i = 0; i < kChargers; ++i) {
        const contract::ChargerState s = makeCharger(i);
        messages.push_back({QString::fromStdString(contract::chargerStateTopic(s.siteId, s.chargerId)),
                            QByteArray::fromStdString(contract::encodeChargerState(s))});
    }
    m_chargers.applyMessages(messages);
    m_chargers.setBrokerConnected(true);

    models::BrokerLink::Options options;
    options.username = QStringLiteral("alice");
    m_link = std::make_unique<models::BrokerLink>(options);
    m_window = std::make_unique<widgets::MainWindow>(m_chargers, *m_link, widgets::MapOptions{});
    m_window->setTheme(widgets::Theme::Dark, false);
    for (int i = 0; i < kChargers; ++i) {
        models::HealthFigures f;
        f.computedAtMs = kSeen;
        f.powerW = 1000.0 * i;
        f.energyTodayWh = 2500.0 * i;
        f.faults24h = i % 5 == 0 ? 3 : 0;
        f.availability24h = i % 5 == 0 ? 0.8 : 1.0;
        f.availability30d = 0.99;
        f.healthScore = 100 - (i * 37) % 61; // all different order than the ids
        f.healthReasons = {QStringLiteral("reason %1").arg(i)};
        m_window->healthStore().setHealth(QString::fromStdString(makeCharger(i).chargerId), f);
    }
    m_window->fleetTable()->tableModel().setNow(kSeen + 30'000);
    m_window->fleetTable()->tableModel().flush();
    m_window->resize(1500, 950);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->mapView()->isMapReady(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->mapView()->markerLayer()->paintedMarkerCount(), kChargers, 10000);
    QCOMPARE(m_window->mapView()->markerLayer()->paintedClusterCount(), 0);
}

int FleetTableViewTest::rowOf(const QString& id) const {
    for (int r = 0; r < rows()->rowCount(); ++r) {
        if (cell(rows(), r, FleetTableModel::ChargerColumn) == id)
            return r;
    }
    return -1;
}

void FleetTableViewTest::settle() {
    widgets::ChargerMarkerLayer* layer = m_window->mapView()->markerLayer();
    quint64 paints = 0;
    do {
        paints = layer->paintCount();
        QTest::qWait(250);
    } while (paints != layer->paintCount());
}

void FleetTableViewTest::tableShowsAndSortsChargers() {
    settle();
    m_window->grab().save(screenshotPath(QStringLiteral("gui-fleet-table-dark.png")));
    QCOMPARE(rows()->rowCount(), kChargers);
    QCOMPARE(cell(rows(), 0, FleetTableModel::ChargerColumn), QStringLiteral("FT-100")); // arrival order
    QCOMPARE(cell(rows(), 0, FleetTableModel::StatusColumn), QStringLiteral("Faulted"));
    QCOMPARE(cell(rows(), 0, FleetTableModel::ConnectorsColumn), QStringLiteral("1 F · 2 A"));
    QCOMPARE(cell(rows(), 0, FleetTableModel::LastMessageColumn), QStringLiteral("30 s ago"));
    QCOMPARE(cell(rows(), 1, FleetTableModel::PowerColumn), QStringLiteral("1.0 kW"));
    QCOMPARE(cell(rows(), 0, FleetTableModel::Availability24hColumn), QStringLiteral("80.0 %"));

    // A click on the Health header sorts worst first; a second click reverses.
    QHeaderView* header = table()->horizontalHeader();
    const int x = header->sectionViewportPosition(FleetTableModel::HealthScoreColumn) + 10;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), int(FleetTableModel::HealthScoreColumn));
    int previous = -1;
    for (int r = 0; r < rows()->rowCount(); ++r) {
        const int score = cell(rows(), r, FleetTableModel::HealthScoreColumn).toInt();
        QVERIFY2(score >= previous,
                 qPrintable(QStringLiteral("row %1: %2 after %3").arg(r).arg(score).arg(previous)));
        previous = score;
    }
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QVERIFY(cell(rows(), 0, FleetTableModel::HealthScoreColumn).toInt() >=
            cell(rows(), kChargers - 1, FleetTableModel::HealthScoreColumn).toInt());

    // Sorted by status, the faulted chargers come first; a charger that becomes faulted moves up at
    // the next throttled refresh, without a reset of the table.
    table()->sortByColumn(FleetTableModel::StatusColumn, Qt::AscendingOrder);
    QCOMPARE(cell(rows(), 0, FleetTableModel::StatusColumn), QStringLiteral("Faulted"));
    const int faulted = (kChargers + 4) / 5;
    QCOMPARE(cell(rows(), faulted, FleetTableModel::StatusColumn).isEmpty(), false);
    QVERIFY(cell(rows(), faulted, FleetTableModel::StatusColumn) != QStringLiteral("Faulted"));
    QSignalSpy resets(rows(), &QAbstractItemModel::modelReset);
    contract::ChargerState s = makeCharger(1);
    s.connectors[0].status = ConnectorStatus::Faulted;
    m_chargers.applyMessage(QString::fromStdString(contract::chargerStateTopic(s.siteId, s.chargerId)),
                            QByteArray::fromStdString(contract::encodeChargerState(s)));
    QTRY_COMPARE_WITH_TIMEOUT(cell(rows(), faulted, FleetTableModel::StatusColumn), QStringLiteral("Faulted"),
                              3000);
    QCOMPARE(resets.count(), 0);
    m_chargers.applyMessage(QString::fromStdString(contract::chargerStateTopic(s.siteId, s.chargerId)),
                            QByteArray::fromStdString(contract::encodeChargerState(makeCharger(1))));
    table()->sortByColumn(FleetTableModel::ChargerColumn, Qt::AscendingOrder);
}

void FleetTableViewTest::searchAndStatusFilterNarrowTheRows() {
    auto* search = m_window->findChild<QLineEdit*>(QStringLiteral("fleetSearch"));
    QVERIFY(search);
    // Ctrl+F puts the cursor in the table's search field.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("ft-11"));
    QCOMPARE(rows()->rowCount(), 10); // FT-110 .. FT-119
    search->clear();
    QCOMPARE(rows()->rowCount(), kChargers);
    std::bitset<contract::kChargerStatusCount> faulted;
    faulted.set(static_cast<std::size_t>(contract::ChargerStatus::Faulted));
    m_window->fleetTable()->filter().setStatuses(faulted);
    QCOMPARE(rows()->rowCount(), kChargers / 5);
    m_window->fleetTable()->filter().setStatuses({});
    QCOMPARE(rows()->rowCount(), kChargers);
}

void FleetTableViewTest::selectingRowsSelectsMarkers() {
    const int row = rowOf(QStringLiteral("FT-113"));
    QVERIFY(row >= 0);
    const QRect rect = table()->visualRect(rows()->index(row, FleetTableModel::SiteColumn));
    QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(m_window->selectedCharger(), QStringLiteral("FT-113"));
    widgets::ChargerMarkerLayer* layer = m_window->mapView()->markerLayer();
    QCOMPARE(layer->selectedChargerIds(), QStringList{QStringLiteral("FT-113")});
    auto* title = m_window->findChild<QLabel*>(QStringLiteral("detail-id"));
    QVERIFY(title);
    QCOMPARE(title->text(), QStringLiteral("FT-113"));

    // Ctrl+click adds a second row; both markers are ringed.
    const int other = rowOf(QStringLiteral("FT-120"));
    QTest::mouseClick(table()->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      table()->visualRect(rows()->index(other, FleetTableModel::SiteColumn)).center());
    QStringList selected = layer->selectedChargerIds();
    selected.sort();
    QCOMPARE(selected, (QStringList{QStringLiteral("FT-113"), QStringLiteral("FT-120")}));
    settle();
    m_window->grab().save(screenshotPath(QStringLiteral("gui-fleet-table-selected.png")));

    // Esc clears the selection everywhere.
    QTest::keyClick(table(), Qt::Key_Escape);
    QVERIFY(m_window->selectedChargers().isEmpty());
    QVERIFY(layer->selectedChargerIds().isEmpty());
    QVERIFY(!table()->selectionModel()->hasSelection());
}

void FleetTableViewTest::clickingAMarkerSelectsItsRow() {
    settle();
    const QString id = QStringLiteral("FT-131");
    const std::optional<QPointF> at = m_window->mapView()->chargerPosition(id);
    QVERIFY(at);
    QTest::mouseClick(m_window->mapView(), Qt::LeftButton, {}, at->toPoint());
    QTRY_COMPARE(m_window->selectedCharger(), id);
    const QModelIndexList selected = table()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data(FleetTableModel::ChargerIdRole).toString(), id);
    // The row is scrolled into view.
    QVERIFY(table()->viewport()->rect().intersects(table()->visualRect(selected.first())));
}

void FleetTableViewTest::doubleClickAndEnterRequestTheDetailView() {
    QSignalSpy detail(m_window.get(), &widgets::MainWindow::detailRequested);
    const int row = rowOf(QStringLiteral("FT-105"));
    const QPoint p = table()->visualRect(rows()->index(row, FleetTableModel::ChargerColumn)).center();
    QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, p);
    QTest::mouseDClick(table()->viewport(), Qt::LeftButton, {}, p);
    QTRY_COMPARE(detail.count(), 1);
    QCOMPARE(detail.at(0).at(0).toString(), QStringLiteral("FT-105"));
    table()->setFocus();
    QTest::keyClick(table(), Qt::Key_Return);
    QCOMPARE(detail.count(), 2);
    QCOMPARE(detail.at(1).at(0).toString(), QStringLiteral("FT-105"));

    // A marker's double-click asks too.
    settle();
    const std::optional<QPointF> at = m_window->mapView()->chargerPosition(QStringLiteral("FT-122"));
    QVERIFY(at);
    QTest::mouseDClick(m_window->mapView(), Qt::LeftButton, {}, at->toPoint());
    QTRY_COMPARE(detail.count(), 3);
    QCOMPARE(detail.at(2).at(0).toString(), QStringLiteral("FT-122"));
}

void FleetTableViewTest::detailViewsOpenInDocksOfTheirOwn() {
    m_window->setDetailViewFactory([](const QString& id, QWidget* parent) {
        auto* view = new QLabel(QStringLiteral("detail of %1").arg(id), parent);
        view->setObjectName(QStringLiteral("fakeDetail"));
        return view;
    });
    emit m_window->detailRequested(QStringLiteral("FT-101"));
    emit m_window->detailRequested(QStringLiteral("FT-102"));
    emit m_window->detailRequested(QStringLiteral("FT-101")); // already open: raised, not doubled
    QList<QDockWidget*> docks = m_window->detailDocks();
    QCOMPARE(docks.size(), 2);
    QCOMPARE(docks[0]->objectName(), QStringLiteral("chargerDetailDock-FT-101"));
    QCOMPARE(qobject_cast<QLabel*>(docks[1]->widget())->text(), QStringLiteral("detail of FT-102"));
    QTRY_VERIFY(docks[0]->isVisible() && docks[1]->isVisible()); // side by side, not tabs
    QVERIFY(!m_window->tabifiedDockWidgets(docks[0]).contains(docks[1]));
    // The first took the summary panel's place; the summary is a tab away, not squeezed beside it.
    auto* summary = m_window->findChild<QDockWidget*>(QStringLiteral("detailsDock"));
    QVERIFY(summary != nullptr);
    QVERIFY(m_window->tabifiedDockWidgets(docks[0]).contains(summary));
    settle();
    m_window->grab().save(screenshotPath(QStringLiteral("gui-detail-docks.png")));
    docks[0]->close(); // deletes the dock and its view
    QTRY_COMPARE(m_window->detailDocks().size(), 1);
    m_window->detailDocks().first()->close();
    QTRY_VERIFY(m_window->detailDocks().isEmpty());
    m_window->setDetailViewFactory({});
}

void FleetTableViewTest::theRealDetailViewFitsItsDock() {
    m_window->setDetailViewFactory([this](const QString& id, QWidget* parent) {
        return new widgets::ChargerDetailView(id, m_chargers, m_telemetry, nullptr, parent);
    });
    QDockWidget* dock = m_window->openDetailView(QStringLiteral("FT-105"));
    QVERIFY(dock);
    auto* view = qobject_cast<widgets::ChargerDetailView*>(dock->widget());
    QVERIFY(view);
    QCOMPARE(view->chargerId(), QStringLiteral("FT-105"));
    QTRY_VERIFY(view->isVisible());
    QTest::qWait(300);
    m_window->grab().save(screenshotPath(QStringLiteral("gui-detail-view-dock.png")));
    dock->close();
    QTRY_VERIFY(m_window->detailDocks().isEmpty());
    m_window->setDetailViewFactory({});
}

void FleetTableViewTest::oldDataIsGreyedAndCounted() {
    FleetTableModel& model = m_window->fleetTable()->tableModel();
    auto* stale = m_window->findChild<QLabel*>(QStringLiteral("statusbar-stale"));
    QVERIFY(stale);
    QCOMPARE(model.staleRowCount(), 0);
    // Twelve minutes without a message: the charger's own columns are greyed, the age says so.
    model.setNow(kSeen + 12 * 60'000);
    QCOMPARE(cell(rows(), 0, FleetTableModel::LastMessageColumn), QStringLiteral("12 min ago"));
    QVERIFY(rows()->index(0, FleetTableModel::LastMessageColumn).data(FleetTableModel::StaleRole).toBool());
    QVERIFY(rows()->index(0, FleetTableModel::HealthScoreColumn).data(FleetTableModel::StaleRole).toBool());
    QCOMPARE(model.staleRowCount(), kChargers);
    QCOMPARE(stale->text(), QStringLiteral("%1 stale").arg(kChargers));
    model.flush();
    settle();
    m_window->grab().save(screenshotPath(QStringLiteral("gui-fleet-table-stale.png")));
    model.setNow(kSeen + 30'000);
    QCOMPARE(model.staleRowCount(), 0);

    // Without the broker, every cell is old news.
    m_chargers.setBrokerConnected(false);
    for (int c = 0; c < FleetTableModel::ColumnCount; ++c)
        QVERIFY(rows()->index(3, c).data(FleetTableModel::StaleRole).toBool());
    model.setNow(kSeen + 31'000);
    QCOMPARE(model.staleRowCount(), kChargers);
    m_chargers.setBrokerConnected(true);
    model.setNow(kSeen + 32'000);
    QCOMPARE(model.staleRowCount(), 0);
}

void FleetTableViewTest::themeSwitchesFromTheMenu() {
    QCOMPARE(m_window->theme(), widgets::Theme::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QAction* toggle = actionWithShortcut(*m_window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    QVERIFY(toggle);
    QSignalSpy changed(m_window.get(), &widgets::MainWindow::themeChanged);
    toggle->trigger();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_window->theme(), widgets::Theme::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
    // The menu's choice is kept for the next start.
    QCOMPARE(widgets::MainWindow::savedTheme(), std::optional<widgets::Theme>(widgets::Theme::Light));
    settle();
    const QImage light = m_window->grab().toImage();
    light.save(screenshotPath(QStringLiteral("gui-fleet-table-light.png")));
    const QPoint inTable =
        table()->viewport()->mapTo(m_window.get(), QPoint(table()->viewport()->width() - 5, 5));
    QVERIFY(light.pixelColor(inTable).lightness() > 200);
    toggle->trigger();
    QCOMPARE(m_window->theme(), widgets::Theme::Dark);
    QTest::qWait(50);
    const QImage dark = m_window->grab().toImage();
    QVERIFY(dark.pixelColor(inTable).lightness() < 80);
}

void FleetTableViewTest::shortcutsAreListed() {
    const QList<QKeySequence> wanted = {QKeySequence::Find,
                                        QKeySequence(Qt::CTRL | Qt::Key_1),
                                        QKeySequence(Qt::CTRL | Qt::Key_2),
                                        QKeySequence(Qt::CTRL | Qt::Key_3),
                                        QKeySequence::Refresh,
                                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                                        QKeySequence(Qt::Key_Escape)};
    for (const QKeySequence& key : wanted)
        QVERIFY2(actionWithShortcut(*m_window, key), qPrintable(key.toString()));
    widgets::ShortcutsDialog dialog(m_window->shortcutActions(), m_window.get());
    auto* list = dialog.findChild<QTableWidget*>(QStringLiteral("shortcutsTable"));
    QVERIFY(list);
    QCOMPARE(list->rowCount(), static_cast<int>(m_window->shortcutActions().size()));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.grab().save(screenshotPath(QStringLiteral("gui-shortcuts-dialog.png")));

    // Ctrl+2 puts the focus in the table.
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QTRY_VERIFY(table()->hasFocus());
}

void FleetTableViewTest::layoutIsSavedAndRestoredPerUser() {
    auto* tableDock = m_window->findChild<QDockWidget*>(QStringLiteral("fleetTableDock"));
    auto* legendDock = m_window->findChild<QDockWidget*>(QStringLiteral("legendDock"));
    QVERIFY(tableDock && legendDock);
    QCOMPARE(m_window->dockWidgetArea(tableDock), Qt::BottomDockWidgetArea);
    m_window->addDockWidget(Qt::RightDockWidgetArea, tableDock);
    legendDock->hide();
    table()->sortByColumn(FleetTableModel::HealthScoreColumn, Qt::DescendingOrder);
    table()->horizontalHeader()->moveSection(FleetTableModel::HealthScoreColumn, 1);
    m_window->close(); // saves alice's layout
    QVERIFY(QSettings().contains(QStringLiteral("layout/alice/state")));

    // Alice's next window opens as she left it.
    auto again = std::make_unique<widgets::MainWindow>(m_chargers, *m_link, widgets::MapOptions{});
    QVERIFY(again->restoreLayout());
    auto* tableAgain = again->findChild<QDockWidget*>(QStringLiteral("fleetTableDock"));
    auto* legendAgain = again->findChild<QDockWidget*>(QStringLiteral("legendDock"));
    QCOMPARE(again->dockWidgetArea(tableAgain), Qt::RightDockWidgetArea);
    QVERIFY(legendAgain->isHidden());
    // The table's column order and sorting come back too.
    QHeaderView* header = again->fleetTable()->table()->horizontalHeader();
    QCOMPARE(header->visualIndex(FleetTableModel::HealthScoreColumn), 1);
    QCOMPARE(header->sortIndicatorSection(), int(FleetTableModel::HealthScoreColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    const QAbstractItemModel* restored = again->fleetTable()->table()->model();
    QVERIFY(cell(restored, 0, FleetTableModel::HealthScoreColumn).toInt() >=
            cell(restored, kChargers - 1, FleetTableModel::HealthScoreColumn).toInt());
    // Reset layout brings the docks back where they started.
    again->resetLayout();
    QCOMPARE(again->dockWidgetArea(tableAgain), Qt::BottomDockWidgetArea);
    QVERIFY(!legendAgain->isHidden());

    // Bob has no saved layout: his window keeps the default.
    models::BrokerLink::Options bobOptions;
    bobOptions.username = QStringLiteral("bob");
    models::BrokerLink bobLink(bobOptions);
    widgets::MainWindow bob(m_chargers, bobLink, widgets::MapOptions{});
    QVERIFY(!bob.restoreLayout());
    QCOMPARE(bob.dockWidgetArea(bob.findChild<QDockWidget*>(QStringLiteral("fleetTableDock"))),
             Qt::BottomDockWidgetArea);
}

void FleetTableViewTest::cleanupTestCase() {
    m_window.reset();
    m_link.reset();
    QSettings().clear();
}

QTEST_MAIN(FleetTableViewTest)
#include "tst_fleet_table_view.moc"
