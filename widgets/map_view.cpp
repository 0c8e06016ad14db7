#include "widgets/map_view.h"

#include "widgets/charger_marker_layer.h"

#include <QAbstractItemModel>
#include <QGeoCoordinate>
#include <QGeoRectangle>
#include <QGeoShape>
#include <QLoggingCategory>
#include <QMouseEvent>
#include <QQmlEngine>
#include <QQuickItem>
#include <algorithm>
#include <cmath>
#include <limits>

Q_LOGGING_CATEGORY(lcMapView, "voltdesk.map")

namespace voltdesk::widgets {

namespace {

// Room around the fleet when fitting: enough for a cluster marker and its badge at the edge.
constexpr int kFitMarginPx = 28;

void registerQmlTypes() {
    static const bool registered = [] {
        qmlRegisterType<ChargerMarkerLayer>("Voltdesk.Map", 1, 0, "ChargerMarkerLayer");
        return true;
    }();
    Q_UNUSED(registered);
}

// The osm plugin appends "%z/%x/%y.png" to its custom host; accept the common template forms too.
QString tileHostPrefix(QString url) {
    for (const QString& tail : {QStringLiteral("{z}/{x}/{y}.png"), QStringLiteral("%z/%x/%y.png")}) {
        if (url.endsWith(tail)) {
            url.chop(tail.size());
        }
    }
    if (!url.isEmpty() && !url.endsWith(QLatin1Char('/'))) {
        url += QLatin1Char('/');
    }
    return url;
}

} // namespace

MapView::MapView(QAbstractItemModel& markerModel, const MapOptions& options, QWidget* parent)
    : QQuickWidget(parent), m_markerModel(markerModel) {
    registerQmlTypes();
    setResizeMode(QQuickWidget::SizeRootObjectToView);
    setMinimumSize(320, 240);
    setSource(QUrl(QStringLiteral("qrc:/voltdesk/qml/ChargerMap.qml")));
    m_root = rootObject();
    if (!m_root) {
        for (const QQmlError& error : errors()) {
            qCCritical(lcMapView) << error.toString();
        }
        return;
    }
    const QString tiles = tileHostPrefix(options.tileServerUrl.trimmed());
    m_root->setProperty("tileServerUrl", tiles);
    m_root->setProperty("markerModel", QVariant::fromValue(static_cast<QObject*>(&markerModel)));
    m_root->setProperty("offlineHint", !tiles.isEmpty() ? QString()
                                       : !options.offlineReason.isEmpty()
                                           ? options.offlineReason
                                           : tr("Offline map: no tile server configured"));
    m_root->setProperty("kilometreFormat", tr("%1 km"));
    m_root->setProperty("metreFormat", tr("%1 m"));
    m_root->setProperty("active", true);
    setConnectionState(ConnectionState::Disconnected); // what a model knows before the broker answers

    m_map = m_root->findChild<QQuickItem*>(QStringLiteral("map"));
    m_layer = m_root->findChild<ChargerMarkerLayer*>(QStringLiteral("markerLayer"));
    if (!m_map || !m_layer) {
        for (const QQmlError& error : errors()) {
            qCCritical(lcMapView) << error.toString();
        }
        qCCritical(lcMapView) << "the map QML did not create its Map and marker layer";
        return;
    }

    connect(m_root, SIGNAL(chargerClicked(QString)), this, SIGNAL(chargerClicked(QString)));
    connect(m_root, SIGNAL(clusterClicked(QPointF)), this, SLOT(onClusterClicked(QPointF)));
    connect(m_root, SIGNAL(contextClicked(QPointF)), this, SLOT(onContextClicked(QPointF)));
    // Once the operator moves the map, it stays where they put it.
    connect(m_root, SIGNAL(userInteracted()), this, SLOT(stopAutoFit()));
    m_fitTimer.setSingleShot(true);
    m_fitTimer.setInterval(150);
    connect(&m_fitTimer, &QTimer::timeout, this, &MapView::fitToChargers);

    if (options.center.isValid()) {
        m_autoFit = false;
        m_map->setProperty("center", QVariant::fromValue(options.center));
        m_map->setProperty("zoomLevel", options.zoomLevel);
    } else {
        // Chargers arriving are batched into one fit; a new map size is fitted at once, so the
        // first frame already frames the fleet.
        const auto fitLater = [this] { scheduleAutoFit(); };
        const auto fitNow = [this] {
            if (m_autoFit) {
                fitToChargers();
            }
        };
        connect(&markerModel, &QAbstractItemModel::rowsInserted, this, fitLater);
        connect(&markerModel, &QAbstractItemModel::modelReset, this, fitLater);
        connect(&markerModel, &QAbstractItemModel::layoutChanged, this, fitLater);
        // Queued: the Map takes its new viewport size only after its size signals have gone out.
        connect(m_map, &QQuickItem::widthChanged, this, fitNow, Qt::QueuedConnection);
        connect(m_map, &QQuickItem::heightChanged, this, fitNow, Qt::QueuedConnection);
        if (markerModel.rowCount() > 0) {
            fitToChargers();
        }
    }
}

bool MapView::isMapReady() const {
    return m_map && m_map->property("mapReady").toBool();
}

void MapView::stopAutoFit() {
    m_autoFit = false;
    m_fitTimer.stop();
}

void MapView::scheduleAutoFit() {
    if (m_autoFit) {
        m_fitTimer.start();
    }
}

void MapView::setSelectedChargers(const QStringList& chargerIds) {
    if (m_root) {
        m_root->setProperty("selectedChargerIds", chargerIds);
    }
}

bool MapView::centerOnCharger(const QString& chargerId) {
    if (!m_layer || !m_map) {
        return false;
    }
    const std::optional<QGeoCoordinate> coordinate = m_layer->coordinateOf(chargerId);
    if (!coordinate) {
        return false;
    }
    stopAutoFit();
    // Close enough that a charger of a busy site is drawn on its own, not inside the site's cluster.
    if (m_map->property("zoomLevel").toDouble() < ChargerMarkerLayer::kFanOutZoom) {
        m_map->setProperty("zoomLevel", ChargerMarkerLayer::kFanOutZoom);
    }
    m_map->setProperty("center", QVariant::fromValue(*coordinate));
    return true;
}

void MapView::fitToChargers() {
    if (!m_layer || !m_map || m_map->width() <= 0 || m_map->height() <= 0) {
        return;
    }
    const QGeoRectangle bounds = m_layer->locatedBounds();
    if (!bounds.isValid()) {
        return;
    }
    if (bounds.width() < 1e-6 && bounds.height() < 1e-6) {
        m_map->setProperty("center", QVariant::fromValue(bounds.center()));
        m_map->setProperty("zoomLevel", 15.0);
        return;
    }
    QMetaObject::invokeMethod(m_map, "fitViewportToGeoShape", Qt::DirectConnection,
                              Q_ARG(QGeoShape, QGeoShape(bounds)), Q_ARG(QVariant, QVariant(kFitMarginPx)));
}

void MapView::onClusterClicked(QPointF position) {
    if (!m_layer) {
        return;
    }
    const QStringList ids = m_layer->clusterAt(position);
    if (ids.isEmpty()) {
        return;
    }
    zoomToChargers(ids);
    emit clusterClicked(ids);
}

void MapView::mouseDoubleClickEvent(QMouseEvent* event) {
    QQuickWidget::mouseDoubleClickEvent(event);
    // Taken here rather than from a QML TapHandler, whose double tap competes with the drag handler.
    if (!m_layer || !m_layer->parentItem() || event->button() != Qt::LeftButton) {
        return;
    }
    const QString id = m_layer->chargerAt(m_layer->parentItem()->mapFromScene(event->position()));
    if (!id.isEmpty()) {
        emit chargerDoubleClicked(id);
    }
}

void MapView::onContextClicked(QPointF position) {
    if (!m_layer) {
        return;
    }
    const QString id = m_layer->chargerAt(position);
    const QStringList ids = id.isEmpty() ? m_layer->clusterAt(position) : QStringList{id};
    if (!ids.isEmpty()) {
        emit contextMenuRequested(ids, mapToGlobal(position.toPoint()));
    }
}

void MapView::zoomToChargers(const QStringList& chargerIds) {
    if (!m_layer || !m_map) {
        return;
    }
    const QGeoRectangle bounds = m_layer->boundsOf(chargerIds);
    if (!bounds.isValid()) {
        return;
    }
    stopAutoFit();
    const double before = m_map->property("zoomLevel").toDouble();
    double fitted = std::numeric_limits<double>::infinity(); // one spot: as close as allowed
    if (bounds.width() > 1e-7 || bounds.height() > 1e-7) {
        QMetaObject::invokeMethod(m_map, "fitViewportToGeoShape", Qt::DirectConnection,
                                  Q_ARG(QGeoShape, QGeoShape(bounds)),
                                  Q_ARG(QVariant, QVariant(kFitMarginPx * 2)));
        fitted = m_map->property("zoomLevel").toDouble();
    }
    const double zoom = std::clamp(std::isfinite(fitted) ? fitted : ChargerMarkerLayer::kFanOutZoom,
                                   std::min(before + 1.0, ChargerMarkerLayer::kFanOutZoom),
                                   std::max(before, ChargerMarkerLayer::kFanOutZoom));
    if (zoom != fitted) {
        m_map->setProperty("zoomLevel", zoom);
        m_map->setProperty("center", QVariant::fromValue(bounds.center()));
    }
}

std::optional<QPointF> MapView::chargerPosition(const QString& chargerId) const {
    if (!m_layer) {
        return std::nullopt;
    }
    const std::optional<QPointF> inScene = m_layer->positionOf(chargerId);
    if (!inScene) {
        return std::nullopt;
    }
    // The root item fills this widget, so scene coordinates are widget coordinates.
    return m_layer->parentItem()->mapToScene(*inScene);
}

void MapView::setDark(bool dark) {
    if (m_root) {
        m_root->setProperty("dark", dark);
    }
}

void MapView::setConnectionState(ConnectionState state) {
    if (!m_root) {
        return;
    }
    m_root->setProperty("connectionText", ConnectionStateText::label(state));
    m_root->setProperty("connectionColor", ConnectionStateText::color(state));
    // Without the broker nothing is live; an agent going offline greys only its own chargers (StaleRole).
    m_root->setProperty("stale", state == ConnectionState::Disconnected);
}

} // namespace voltdesk::widgets
