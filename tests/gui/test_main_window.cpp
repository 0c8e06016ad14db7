// Renders the real MainWindow over a ChargerModel of 320 chargers in known places and statuses, and
// checks what an operator would see: marker colours, counts, details on click, stale on broker loss.
#include "contract/charger_state.h"
#include "contract/site_info.h"
#include "contract/topics.h"
#include "models/broker_link.h"
#include "models/charger_model.h"
#include "widgets/charger_marker_layer.h"
#include "widgets/connection_indicator.h"
#include "widgets/main_window.h"
#include "widgets/map_view.h"
#include "widgets/status_palette.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableWidget>
#include <QTest>
#include <QWheelEvent>
#include <algorithm>
#include <map>
#include <random>
#include <set>

using namespace voltdesk;
using contract::ChargerStatus;
using contract::ConnectorStatus;

namespace {

constexpr int kRows = 16;
constexpr int kCols = 20;

// How many chargers of each status the fleet has (sums to kRows * kCols), deliberately all different.
const std::map<ChargerStatus, int> kFleetCounts = {
    {ChargerStatus::Available, 118}, {ChargerStatus::Charging, 82},    {ChargerStatus::Occupied, 41},
    {ChargerStatus::Reserved, 22},   {ChargerStatus::Unavailable, 19}, {ChargerStatus::Faulted, 17},
    {ChargerStatus::Offline, 13},    {ChargerStatus::Unknown, 8},
};

contract::ChargerState makeCharger(int index, ChargerStatus status) {
    contract::ChargerState s;
    s.chargerId = "CP-" + std::to_string(1000 + index);
    s.siteId = "site-" + std::to_string(index / 4);
    s.location = contract::GeoPoint{52.45 + (index / kCols) * 0.01, 13.28 + (index % kCols) * 0.012};
    s.vendor = "Voltworks";
    s.model = "VW-22";
    s.serialNumber = "SN" + std::to_string(500000 + index);
    s.firmwareVersion = "2.4.1";
    s.maxPowerKw = 22;
    s.protocol = "ocpp1.6";
    s.online = status != ChargerStatus::Offline;
    s.registration = "Accepted";
    s.lastSeen = 1'790'000'000'000;
    s.updatedAt = s.lastSeen;
    const auto connector = [](int id, ConnectorStatus cs) {
        contract::ConnectorState c;
        c.id = id;
        c.status = cs;
        c.errorCode = "NoError";
        c.since = 1'789'990'000'000;
        return c;
    };
    switch (status) {
    case ChargerStatus::Available:
        s.connectors = {connector(1, ConnectorStatus::Available), connector(2, ConnectorStatus::Available)};
        break;
    case ChargerStatus::Charging:
        s.connectors = {connector(1, ConnectorStatus::Charging), connector(2, ConnectorStatus::Available)};
        break;
    case ChargerStatus::Occupied:
        s.connectors = {connector(1, ConnectorStatus::SuspendedEV)};
        break;
    case ChargerStatus::Reserved:
        s.connectors = {connector(1, ConnectorStatus::Reserved)};
        break;
    case ChargerStatus::Unavailable:
        s.connectors = {connector(1, ConnectorStatus::Unavailable)};
        break;
    case ChargerStatus::Faulted: {
        auto c = connector(1, ConnectorStatus::Faulted);
        c.errorCode = "GroundFailure";
        c.info = "RCD tripped";
        s.connectors = {c, connector(2, ConnectorStatus::Available)};
        break;
    }
    case ChargerStatus::Offline:
        s.connectors = {connector(1, ConnectorStatus::Available)};
        break;
    case ChargerStatus::Unknown:
        break; // online, no status yet
    }
    return s;
}

// Pixels within `radius` of `center` whose colour is within `tolerance` of `color` on every channel.
int countNear(const QImage& image, QPoint center, int radius, const QColor& color, int tolerance = 12) {
    int n = 0;
    for (int y = center.y() - radius; y <= center.y() + radius; ++y) {
        for (int x = center.x() - radius; x <= center.x() + radius; ++x) {
            if (!image.rect().contains(x, y))
                continue;
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) <= tolerance &&
                std::abs(c.green() - color.green()) <= tolerance &&
                std::abs(c.blue() - color.blue()) <= tolerance)
                ++n;
        }
    }
    return n;
}

QString screenshotPath(const QString& name) {
    const QString dir =
        qEnvironmentVariable("VOLTDESK_BUILD_DIR", QDir::currentPath()) + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

} // namespace

class MainWindowTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void markersAreDrawnInStatusColours();
    void legendShowsCounts();
    void clickingAMarkerShowsDetails();
    void searchSelectsCharger();
    void dragPansAndWheelZooms();
    void brokerLossDrawsMarkersStale();
    void searchSitsAboveTheLegendAndDetailsHaveTheRightColumn();
    void coLocatedChargersFormACountedCluster();
    void cleanupTestCase();

private:
    QPoint windowPointOf(const QString& chargerId) const;
    QImage grabSettled();

    models::ChargerModel m_chargers;
    std::unique_ptr<models::BrokerLink> m_link;
    std::unique_ptr<widgets::MainWindow> m_window;
    std::map<ChargerStatus, QString> m_sample; ///< one charger id per status
    QString m_faultedId;
};

void MainWindowTest::initTestCase() {
    std::vector<ChargerStatus> statuses;
    for (const auto& [status, count] : kFleetCounts)
        statuses.insert(statuses.end(), static_cast<size_t>(count), status);
    QCOMPARE(static_cast<int>(statuses.size()), kRows * kCols);
    std::mt19937 random(7);
    std::shuffle(statuses.begin(), statuses.end(), random);

    models::MqttMessages messages;
    for (int i = 0; i < kRows * kCols; ++i) {
        const contract::ChargerState s = makeCharger(i, statuses[static_cast<size_t>(i)]);
        messages.push_back({QString::fromStdString(contract::chargerStateTopic(s.siteId, s.chargerId)),
                            QByteArray::fromStdString(contract::encodeChargerState(s))});
        // Sample chargers away from the fleet's edge, so nothing in the window can cover them.
        const int r = i / kCols, c = i % kCols;
        if (r > 2 && r < kRows - 3 && c > 2 && c < kCols - 3 &&
            !m_sample.contains(statuses[static_cast<size_t>(i)]))
            m_sample[statuses[static_cast<size_t>(i)]] = QString::fromStdString(s.chargerId);
    }
    m_chargers.applyMessages(messages);
    m_chargers.setBrokerConnected(true);
    QCOMPARE(m_chargers.rowCount(), kRows * kCols);
    QCOMPARE(static_cast<int>(m_sample.size()), contract::kChargerStatusCount);
    m_faultedId = m_sample.at(ChargerStatus::Faulted);

    m_link = std::make_unique<models::BrokerLink>(models::BrokerLink::Options{});
    m_window = std::make_unique<widgets::MainWindow>(m_chargers, *m_link, widgets::MapOptions{});
    // These cases look at the map's pixels; the fleet table (tst_fleet_table_view) would take half
    // of its height.
    auto* tableDock = m_window->findChild<QDockWidget*>(QStringLiteral("fleetTableDock"));
    QVERIFY(tableDock);
    tableDock->hide();
    m_window->resize(1500, 950);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    widgets::MapView* map = m_window->mapView();
    QVERIFY(map->markerLayer());
    QTRY_VERIFY_WITH_TIMEOUT(map->isMapReady(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(map->markerLayer()->paintedMarkerCount(), kRows * kCols, 10000);
}

QPoint MainWindowTest::windowPointOf(const QString& chargerId) const {
    widgets::MapView* map = m_window->mapView();
    const std::optional<QPointF> at = map->chargerPosition(chargerId);
    return at ? map->mapTo(m_window.get(), at->toPoint()) : QPoint(-1, -1);
}

// Lets the throttled repaint and any auto-fit finish, then grabs the window.
QImage MainWindowTest::grabSettled() {
    widgets::ChargerMarkerLayer* layer = m_window->mapView()->markerLayer();
    quint64 paints = 0;
    do {
        paints = layer->paintCount();
        QTest::qWait(250);
    } while (paints != layer->paintCount());
    return m_window->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

void MainWindowTest::markersAreDrawnInStatusColours() {
    const QImage image = grabSettled();
    image.save(screenshotPath(QStringLiteral("gui-main-window-live.png")));
    for (const auto& [status, id] : m_sample) {
        const QPoint p = windowPointOf(id);
        const QColor expected = widgets::StatusPalette::color(status);
        const int hits = countNear(image, p, 6, expected);
        QVERIFY2(hits >= 10, qPrintable(QStringLiteral("%1 (%2) at %3,%4: %5 pixels of %6")
                                            .arg(id)
                                            .arg(static_cast<int>(status))
                                            .arg(p.x())
                                            .arg(p.y())
                                            .arg(hits)
                                            .arg(expected.name())));
    }
}

void MainWindowTest::legendShowsCounts() {
    const QLocale locale;
    for (const auto& [status, count] : kFleetCounts) {
        auto* label = m_window->findChild<QLabel*>(QStringLiteral("count-%1").arg(static_cast<int>(status)));
        QVERIFY(label);
        QCOMPARE(label->text(), locale.toString(count));
    }
    auto* total = m_window->findChild<QLabel*>(QStringLiteral("count-total"));
    QVERIFY(total);
    QCOMPARE(total->text(), locale.toString(kRows * kCols));
}

void MainWindowTest::clickingAMarkerShowsDetails() {
    grabSettled();
    widgets::MapView* map = m_window->mapView();
    const std::optional<QPointF> at = map->chargerPosition(m_faultedId);
    QVERIFY(at);
    QTest::mouseClick(map, Qt::LeftButton, {}, at->toPoint());
    QTRY_COMPARE(m_window->selectedCharger(), m_faultedId);
    auto* title = m_window->findChild<QLabel*>(QStringLiteral("detail-id"));
    QVERIFY(title);
    QCOMPARE(title->text(), m_faultedId);
    auto* vendor = m_window->findChild<QLabel*>(QStringLiteral("detail-vendor"));
    QVERIFY(vendor);
    QCOMPARE(vendor->text(), QStringLiteral("Voltworks"));
    auto* connectors = m_window->findChild<QTableWidget*>(QStringLiteral("detail-connectors"));
    QVERIFY(connectors);
    QCOMPARE(connectors->rowCount(), 2);
    QCOMPARE(connectors->item(0, 2)->text(), QStringLiteral("GroundFailure"));
    QVERIFY(connectors->item(0, 3)->text().contains(QStringLiteral("RCD tripped")));

    // The selection ring is drawn: dark pixels just outside the enlarged marker.
    const QImage image = grabSettled();
    image.save(screenshotPath(QStringLiteral("gui-main-window-selected.png")));
    const QPoint p = windowPointOf(m_faultedId);
    QVERIFY(countNear(image, p, 18, QColor(0x10, 0x10, 0x10), 20) > 20);
}

void MainWindowTest::searchSelectsCharger() {
    auto* edit = m_window->findChild<QLineEdit*>(QStringLiteral("searchEdit"));
    QVERIFY(edit);
    const QString wanted = m_sample.at(ChargerStatus::Charging);
    edit->setText(wanted.toLower()); // ids are found whatever the case
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(m_window->selectedCharger(), wanted);
    QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("detail-id"))->text(), wanted);
    // The map moved to it: it is in the middle of the map now.
    const QPoint p = windowPointOf(wanted);
    const QRect mapRect(m_window->mapView()->mapTo(m_window.get(), QPoint(0, 0)),
                        m_window->mapView()->size());
    QVERIFY((p - mapRect.center()).manhattanLength() < 4);

    edit->setText(QStringLiteral("no-such-charger"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(m_window->selectedCharger(), wanted);
    QVERIFY(!m_window->findChild<QLabel*>(QStringLiteral("searchResult"))->text().isEmpty());
    m_window->mapView()->fitToChargers();
}

void MainWindowTest::dragPansAndWheelZooms() {
    widgets::MapView* map = m_window->mapView();
    const QString id = m_sample.at(ChargerStatus::Reserved);
    const QColor pink = widgets::StatusPalette::color(ChargerStatus::Reserved);
    grabSettled();
    const QPointF before = *map->chargerPosition(id);

    // A drag of (-150, -90) moves the map with the pointer, markers included.
    QPoint at = before.toPoint() + QPoint(20, 20);
    QTest::mousePress(map, Qt::LeftButton, {}, at);
    for (int i = 0; i < 15; ++i) {
        at -= QPoint(10, 6);
        QTest::mouseMove(map, at, 16);
    }
    QTest::mouseRelease(map, Qt::LeftButton, {}, at, 16);
    const QPointF after = *map->chargerPosition(id);
    QVERIFY2(
        std::abs(after.x() - (before.x() - 150)) < 20 && std::abs(after.y() - (before.y() - 90)) < 20,
        qPrintable(
            QStringLiteral("%1,%2 → %3,%4").arg(before.x()).arg(before.y()).arg(after.x()).arg(after.y())));
    QImage image = grabSettled();
    QVERIFY(countNear(image, windowPointOf(id), 6, pink) >= 10);

    // One wheel notch up zooms in about the cursor: the charger under it stays put, its neighbours move out.
    const double zoom = map->mapItem()->property("zoomLevel").toDouble();
    const QPointF anchor = *map->chargerPosition(id);
    QWheelEvent wheel(anchor, map->mapToGlobal(anchor), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(map, &wheel);
    QTRY_VERIFY(map->mapItem()->property("zoomLevel").toDouble() > zoom);
    QVERIFY((*map->chargerPosition(id) - anchor).manhattanLength() < 4);
    image = grabSettled();
    image.save(screenshotPath(QStringLiteral("gui-main-window-zoomed.png")));
    QVERIFY(countNear(image, windowPointOf(id), 6, pink) >= 10);
    m_window->mapView()->fitToChargers();
}

void MainWindowTest::brokerLossDrawsMarkersStale() {
    const QString id = m_sample.at(ChargerStatus::Available);
    const QColor green = widgets::StatusPalette::color(ChargerStatus::Available);
    QImage image = grabSettled();
    QPoint p = windowPointOf(id);
    const int liveGreen = countNear(image, p, 6, green);
    QVERIFY(liveGreen >= 40); // a filled disc

    m_chargers.setBrokerConnected(false);
    QCOMPARE(m_window->connectionState(), widgets::ConnectionState::Disconnected);
    auto* indicator = m_window->findChild<widgets::ConnectionIndicator*>();
    QVERIFY(indicator);
    QCOMPARE(indicator->state(), widgets::ConnectionState::Disconnected);

    image = grabSettled();
    image.save(screenshotPath(QStringLiteral("gui-main-window-stale.png")));
    p = windowPointOf(id);
    // Hollow: the middle is pale grey, the green survives only as the outline.
    const int staleGreen = countNear(image, p, 6, green);
    QVERIFY2(staleGreen < liveGreen / 2,
             qPrintable(QStringLiteral("%1 → %2").arg(liveGreen).arg(staleGreen)));
    QVERIFY(countNear(image, p, 2, QColor(0xF2, 0xF2, 0xF2), 10) >= 20);
    // The faulted charger keeps its shape and orange outline, so the status is still readable.
    QVERIFY(countNear(image, windowPointOf(m_faultedId), 10,
                      widgets::StatusPalette::color(ChargerStatus::Faulted)) >= 5);
    // The map's badge shows the loss too (its border and dot are the indicator's colour).
    const QColor lost = widgets::ConnectionStateText::color(widgets::ConnectionState::Disconnected);
    const QPoint mapOrigin = m_window->mapView()->mapTo(m_window.get(), QPoint(0, 0));
    QVERIFY(countNear(image, mapOrigin + QPoint(30, 25), 25, lost) >= 20);

    m_chargers.setBrokerConnected(true);
    QCOMPARE(m_window->connectionState(), widgets::ConnectionState::Connected);
}

void MainWindowTest::searchSitsAboveTheLegendAndDetailsHaveTheRightColumn() {
    auto* edit = m_window->findChild<QLineEdit*>(QStringLiteral("searchEdit"));
    auto* available = m_window->findChild<QLabel*>(
        QStringLiteral("count-%1").arg(static_cast<int>(ChargerStatus::Available)));
    auto* details = m_window->findChild<QLabel*>(QStringLiteral("detail-id"));
    QVERIFY(edit && available && details);
    const QPoint searchAt = edit->mapTo(m_window.get(), QPoint(0, 0));
    const QPoint legendAt = available->mapTo(m_window.get(), QPoint(0, 0));
    const QRect mapRect(m_window->mapView()->mapTo(m_window.get(), QPoint(0, 0)),
                        m_window->mapView()->size());
    QVERIFY(searchAt.x() < mapRect.left() && legendAt.x() < mapRect.left()); // both left of the map
    QVERIFY(searchAt.y() < legendAt.y());
    QVERIFY(legendAt.y() - searchAt.y() < 120); // one compact line, not half a column
    // The details panel is alone on the right: it spans (nearly) the map's height.
    auto* panel = details->parentWidget()->parentWidget();
    QVERIFY(panel->mapTo(m_window.get(), QPoint(0, 0)).x() > mapRect.right());
    QVERIFY(panel->height() > mapRect.height() * 0.9);
}

// A site of six chargers on one spot: one marker with the count, the fault visible in it, the total
// adding up; a click zooms in until every charger is drawn on its own.
void MainWindowTest::coLocatedChargersFormACountedCluster() {
    widgets::MapView* map = m_window->mapView();
    widgets::ChargerMarkerLayer* layer = map->markerLayer();
    const std::vector<ChargerStatus> siteStatuses = {ChargerStatus::Charging,  ChargerStatus::Charging,
                                                     ChargerStatus::Available, ChargerStatus::Faulted,
                                                     ChargerStatus::Charging,  ChargerStatus::Occupied};
    contract::SiteInfo site;
    site.siteId = "site-depot";
    site.name = "Depot Nord";
    site.address = "Hafenstraße 7, 13353 Berlin";
    site.location = {52.52, 13.28 + 22 * 0.012};
    models::MqttMessages messages{{QString::fromStdString(contract::siteInfoTopic(site.siteId)),
                                   QByteArray::fromStdString(contract::encodeSiteInfo(site))}};
    QStringList ids;
    QString faulted;
    for (size_t i = 0; i < siteStatuses.size(); ++i) {
        contract::ChargerState s = makeCharger(900 + static_cast<int>(i), siteStatuses[i]);
        s.siteId = site.siteId;
        s.location = site.location; // exactly the same spot: zooming alone would never separate them
        messages.push_back({QString::fromStdString(contract::chargerStateTopic(s.siteId, s.chargerId)),
                            QByteArray::fromStdString(contract::encodeChargerState(s))});
        ids.append(QString::fromStdString(s.chargerId));
        if (siteStatuses[i] == ChargerStatus::Faulted)
            faulted = ids.back();
    }
    m_chargers.applyMessages(messages);
    map->fitToChargers();
    QImage image = grabSettled();
    image.save(screenshotPath(QStringLiteral("gui-main-window-cluster.png")));

    // Every charger is on the map, alone or counted in a cluster.
    const int total = kRows * kCols + static_cast<int>(ids.size());
    QCOMPARE(layer->paintedMarkerCount(), total);
    QVERIFY(layer->paintedClusterCount() >= 1);
    const QPoint at = windowPointOf(ids.front());
    for (const QString& id : ids) {
        QCOMPARE(layer->clusterSizeOf(id), static_cast<int>(ids.size()));
        QCOMPARE(windowPointOf(id), at);
    }
    // The cluster marker is the one for these counts, count "6" included.
    widgets::StatusPalette::StatusCounts counts{};
    for (ChargerStatus status : siteStatuses)
        ++counts[static_cast<size_t>(status)];
    const QImage expected =
        widgets::StatusPalette::clusterSprite(counts, false, 1.0).convertToFormat(QImage::Format_RGB32);
    const QImage drawn =
        image.copy(QRect(at - QPoint(expected.width() / 2, expected.height() / 2), expected.size()));
    int same = 0, inked = 0;
    for (int y = 0; y < expected.height(); ++y) {
        for (int x = 0; x < expected.width(); ++x) {
            const QRgb want = expected.pixel(x, y);
            if (qAlpha(widgets::StatusPalette::clusterSprite(counts, false, 1.0).pixel(x, y)) < 250)
                continue; // transparent edge: the map shows through
            ++inked;
            const QRgb got = drawn.pixel(x, y);
            same += std::abs(qRed(want) - qRed(got)) + std::abs(qGreen(want) - qGreen(got)) +
                                std::abs(qBlue(want) - qBlue(got)) <=
                            30
                        ? 1
                        : 0;
        }
    }
    QVERIFY2(inked > 300 && same > inked * 9 / 10,
             qPrintable(QStringLiteral("%1 of %2").arg(same).arg(inked)));
    // The count is written in the middle: dark ink on the white disc.
    QVERIFY(countNear(image, at, 4, QColor(0x10, 0x10, 0x10), 40) >= 6);
    // One faulted charger of six is unmissable: its orange slice and badge.
    QVERIFY(countNear(image, at, 22, widgets::StatusPalette::color(ChargerStatus::Faulted)) >= 40);

    // A click on the cluster zooms in on the site until its chargers fan out, each on its own.
    const double zoomBefore = map->mapItem()->property("zoomLevel").toDouble();
    QTest::mouseClick(map, Qt::LeftButton, {}, map->mapFrom(m_window.get(), at));
    QTRY_VERIFY(map->mapItem()->property("zoomLevel").toDouble() >= widgets::ChargerMarkerLayer::kFanOutZoom);
    QVERIFY(map->mapItem()->property("zoomLevel").toDouble() > zoomBefore);
    image = grabSettled();
    image.save(screenshotPath(QStringLiteral("gui-main-window-fanned.png")));
    std::set<std::pair<int, int>> spots;
    for (const QString& id : ids) {
        QCOMPARE(layer->clusterSizeOf(id), 1);
        const QPoint p = windowPointOf(id);
        spots.insert({p.x(), p.y()});
    }
    QCOMPARE(static_cast<int>(spots.size()), static_cast<int>(ids.size()));
    const QPoint faultedAt = windowPointOf(faulted);
    QVERIFY(countNear(image, faultedAt, 6, widgets::StatusPalette::color(ChargerStatus::Faulted)) >= 10);

    // The fanned-out marker is clickable, and the details name the site and its address.
    QTest::mouseClick(map, Qt::LeftButton, {}, map->mapFrom(m_window.get(), faultedAt));
    QTRY_COMPARE(m_window->selectedCharger(), faulted);
    QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("detail-siteName"))->text(),
             QStringLiteral("Depot Nord"));
    QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("detail-address"))->text(),
             QStringLiteral("Hafenstraße 7, 13353 Berlin"));

    models::MqttMessages removal;
    for (const QString& id : ids)
        removal.push_back(
            {QString::fromStdString(contract::chargerStateTopic(site.siteId, id.toStdString())), {}});
    m_chargers.applyMessages(removal);
    QCOMPARE(m_chargers.rowCount(), kRows * kCols);
    map->fitToChargers();
}

void MainWindowTest::cleanupTestCase() {
    m_window.reset();
    m_link.reset();
}

QTEST_MAIN(MainWindowTest)
#include "test_main_window.moc"
