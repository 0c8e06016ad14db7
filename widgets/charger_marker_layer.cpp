#include "widgets/charger_marker_layer.h"

#include "widgets/graticule_painter.h"
#include "widgets/status_palette.h"

#include "models/charger_model.h"

#include <QGeoCoordinate>
#include <QPainter>
#include <QQuickWindow>

#include <cmath>
#include <limits>

namespace voltdesk::widgets {

using contract::ChargerStatus;
using models::ChargerModel;

namespace {

// Problems are drawn last, on top of the crowd, so an overlapping green marker never hides a fault.
constexpr std::array<ChargerStatus, contract::kChargerStatusCount> kDrawOrder = {
    ChargerStatus::Available, ChargerStatus::Unavailable, ChargerStatus::Unknown, ChargerStatus::Reserved,
    ChargerStatus::Occupied,  ChargerStatus::Charging,    ChargerStatus::Offline, ChargerStatus::Faulted,
};

constexpr int kMinRepaintIntervalMs = 1000 / ChargerMarkerLayer::kMaxRepaintHz;

ChargerStatus statusFromInt(int value) {
    if (value < 0 || value >= contract::kChargerStatusCount)
        return ChargerStatus::Unknown;
    return static_cast<ChargerStatus>(value);
}

} // namespace

ChargerMarkerLayer::ChargerMarkerLayer(QQuickItem* parent) : QQuickPaintedItem(parent) {
    setTransformOrigin(QQuickItem::TopLeft);
    setAntialiasing(false);
    m_throttle.setSingleShot(true);
    connect(&m_throttle, &QTimer::timeout, this, &ChargerMarkerLayer::repaintNow);
}

void ChargerMarkerLayer::setModel(QAbstractItemModel* model) {
    if (m_model == model)
        return;
    for (const auto& c : m_modelConnections)
        disconnect(c);
    m_modelConnections.clear();
    m_model = model;
    if (model) {
        const auto dirty = [this] { markStructureDirty(); };
        m_modelConnections = {
            connect(model, &QAbstractItemModel::modelReset, this, dirty),
            connect(model, &QAbstractItemModel::rowsInserted, this, dirty),
            connect(model, &QAbstractItemModel::rowsRemoved, this, dirty),
            connect(model, &QAbstractItemModel::rowsMoved, this, dirty),
            connect(model, &QAbstractItemModel::layoutChanged, this, dirty),
            connect(model, &QAbstractItemModel::dataChanged, this, &ChargerMarkerLayer::onDataChanged),
        };
    }
    markStructureDirty();
    emit modelChanged();
}

void ChargerMarkerLayer::setMap(QQuickItem* map) {
    if (m_map == map)
        return;
    for (const auto& c : m_mapConnections)
        disconnect(c);
    m_mapConnections.clear();
    m_map = map;
    if (map) {
        // The Map's type is private API; its notify signals are reached through the meta-object.
        for (const char* signal : {SIGNAL(centerChanged(QGeoCoordinate)), SIGNAL(zoomLevelChanged(double)),
                                   SIGNAL(mapReadyChanged(bool)), SIGNAL(widthChanged()), SIGNAL(heightChanged())})
            m_mapConnections.push_back(connect(map, signal, this, SLOT(onViewChanged())));
    }
    m_contentView = {};
    onViewChanged();
    emit mapChanged();
}

void ChargerMarkerLayer::setSelectedChargerId(const QString& chargerId) {
    if (m_selectedId == chargerId)
        return;
    m_selectedId = chargerId;
    requestRepaint();
    emit selectedChargerIdChanged();
}

void ChargerMarkerLayer::setStale(bool stale) {
    if (m_forceStale == stale)
        return;
    m_forceStale = stale;
    requestRepaint();
    emit staleChanged();
}

void ChargerMarkerLayer::setGraticule(bool on) {
    if (m_graticule == on)
        return;
    m_graticule = on;
    requestRepaint();
    emit graticuleChanged();
}

MercatorView ChargerMarkerLayer::currentView() const {
    if (!m_map || !parentItem() || m_map->width() <= 0 || m_map->height() <= 0)
        return {};
    const QGeoCoordinate center = m_map->property("center").value<QGeoCoordinate>();
    const double zoom = m_map->property("zoomLevel").toDouble();
    if (!center.isValid())
        return {};
    // A second point about 256 px east (or west, near the antimeridian) gives the scale precisely at
    // any zoom.
    const double dLon = std::min(90.0, 360.0 / std::exp2(std::clamp(zoom, 0.0, 30.0)));
    const QGeoCoordinate other(center.latitude(), center.longitude() + (center.longitude() > 0 ? -dLon : dLon));
    QPointF p0, p1;
    QMetaObject::invokeMethod(m_map, "fromCoordinate", Qt::DirectConnection, Q_RETURN_ARG(QPointF, p0),
                              Q_ARG(QGeoCoordinate, center), Q_ARG(bool, false));
    QMetaObject::invokeMethod(m_map, "fromCoordinate", Qt::DirectConnection, Q_RETURN_ARG(QPointF, p1),
                              Q_ARG(QGeoCoordinate, other), Q_ARG(bool, false));
    if (!std::isfinite(p0.x()) || !std::isfinite(p1.x()) || p0.x() == p1.x())
        return {};
    const QPointF m0 = mercatorFromLatLon(center.latitude(), center.longitude());
    const QPointF m1 = mercatorFromLatLon(other.latitude(), other.longitude());
    MercatorView view;
    view.scale = (p1.x() - p0.x()) / (m1.x() - m0.x());
    const QPointF inParent = m_map->mapToItem(parentItem(), p0);
    view.origin = inParent - m0 * view.scale;
    return view;
}

void ChargerMarkerLayer::readRow(int row, Marker& marker) const {
    const QModelIndex index = m_model->index(row, 0);
    marker.chargerId = index.data(ChargerModel::ChargerIdRole).toString();
    marker.status = statusFromInt(index.data(ChargerModel::StatusRole).toInt());
    marker.stale = index.data(ChargerModel::StaleRole).toBool();
    marker.located = index.data(ChargerModel::HasLocationRole).toBool();
    if (marker.located)
        marker.mercator = mercatorFromLatLon(index.data(ChargerModel::LatitudeRole).toDouble(),
                                             index.data(ChargerModel::LongitudeRole).toDouble());
}

void ChargerMarkerLayer::rebuild() {
    m_structureDirty = false;
    m_markers.clear();
    m_indexOf.clear();
    if (!m_model)
        return;
    const int rows = m_model->rowCount();
    m_markers.resize(static_cast<size_t>(rows));
    m_indexOf.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        readRow(row, m_markers[static_cast<size_t>(row)]);
        m_indexOf.insert(m_markers[static_cast<size_t>(row)].chargerId, row);
    }
}

void ChargerMarkerLayer::markStructureDirty() {
    m_structureDirty = true;
    m_sizeDirty = true;
    requestRepaint();
}

void ChargerMarkerLayer::onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight) {
    if (!m_structureDirty) {
        const int last = std::min(bottomRight.row(), static_cast<int>(m_markers.size()) - 1);
        for (int row = std::max(0, topLeft.row()); row <= last; ++row) {
            Marker& marker = m_markers[static_cast<size_t>(row)];
            const QString before = marker.chargerId;
            readRow(row, marker);
            if (marker.chargerId != before) { // ids never change in place; be safe if a proxy did it
                m_structureDirty = true;
                break;
            }
        }
    }
    requestRepaint();
}

void ChargerMarkerLayer::requestRepaint() {
    if (m_repaintQueued)
        return;
    m_repaintQueued = true;
    const qint64 since = m_sinceRepaint.isValid() ? m_sinceRepaint.elapsed() : kMinRepaintIntervalMs;
    if (since >= kMinRepaintIntervalMs)
        repaintNow();
    else
        m_throttle.start(static_cast<int>(kMinRepaintIntervalMs - since));
}

void ChargerMarkerLayer::repaintNow() {
    m_throttle.stop();
    m_repaintQueued = false;
    if (m_structureDirty)
        rebuild();
    m_contentView = currentView();
    if (!m_contentView.isValid())
        return; // onViewChanged() asks again once the map can project
    if (m_sizeDirty || m_map->size() != m_contentMapSize)
        chooseMarkerSize(m_contentView);
    m_contentMapSize = m_map->size();
    // The painted area: the map plus kMargin on every side, in the parent's coordinates.
    const QPointF mapTopLeft = m_map->mapToItem(parentItem(), QPointF(0, 0));
    setScale(1.0);
    setPosition(mapTopLeft - QPointF(kMargin, kMargin));
    setSize(m_contentMapSize + QSizeF(2 * kMargin, 2 * kMargin));
    m_sinceRepaint.restart();
    m_paintPending = true;
    update();
}

void ChargerMarkerLayer::chooseMarkerSize(const MercatorView& view) {
    m_sizeDirty = false;
    const QRectF viewport(m_map->mapToItem(parentItem(), QPointF(0, 0)), m_map->size());
    int inView = 0;
    for (const Marker& marker : m_markers)
        inView += marker.located && viewport.contains(view.toPixel(marker.mercator)) ? 1 : 0;
    // Side of the square each marker would get if spread evenly; a marker may fill ~3/4 of it.
    const double spacing = inView > 0 ? std::sqrt(viewport.width() * viewport.height() / inView) : 1e9;
    m_diameter = kMarkerDiameters.front();
    for (int diameter : kMarkerDiameters)
        if (diameter <= spacing * 0.75)
            m_diameter = diameter;
}

void ChargerMarkerLayer::onViewChanged() {
    const MercatorView view = currentView();
    if (!view.isValid())
        return;
    if (!m_contentView.isValid() || (m_map && m_map->size() != m_contentMapSize)) {
        // Nothing (right) on screen yet: no reason to wait for the throttle.
        m_repaintQueued = false;
        m_throttle.stop();
        repaintNow();
        return;
    }
    if (m_paintPending) {
        // The next frame paints anyway: paint straight for the newest view.
        m_contentView = view;
        return;
    }
    // pixelNow = (pixelPainted - O0) * k + O1, applied to the item's placement.
    const double k = view.scale / m_contentView.scale;
    const QPointF paintedTopLeft =
        m_map->mapToItem(parentItem(), QPointF(0, 0)) - QPointF(kMargin, kMargin);
    const QPointF placed = (paintedTopLeft - m_contentView.origin) * k + view.origin;
    setScale(k);
    setPosition(placed);
    const QPointF shift = placed - paintedTopLeft;
    if (std::abs(k - 1.0) > 1e-9)
        m_sizeDirty = true;
    if (std::abs(std::log2(k)) > 0.5) {
        // A jump (fit, search, keyboard zoom), not a wheel step: a stretched image would look broken.
        m_repaintQueued = false;
        m_throttle.stop();
        repaintNow();
    } else if (std::abs(k - 1.0) > 1e-9 || std::abs(shift.x()) > kMargin / 2.0 ||
               std::abs(shift.y()) > kMargin / 2.0) {
        requestRepaint();
    }
}

void ChargerMarkerLayer::ensureSprites(qreal devicePixelRatio) {
    if (m_spriteRatio == devicePixelRatio && m_spriteDiameter == m_diameter)
        return;
    m_spriteRatio = devicePixelRatio;
    m_spriteDiameter = m_diameter;
    for (int stale = 0; stale < 2; ++stale)
        for (int s = 0; s < contract::kChargerStatusCount; ++s)
            m_sprites[static_cast<size_t>(stale * contract::kChargerStatusCount + s)] =
                StatusPalette::markerSprite(static_cast<ChargerStatus>(s), stale != 0, m_diameter,
                                            devicePixelRatio);
}

const QImage& ChargerMarkerLayer::spriteFor(const Marker& marker) const {
    const bool stale = m_forceStale || marker.stale;
    return m_sprites[static_cast<size_t>((stale ? contract::kChargerStatusCount : 0) +
                                         static_cast<int>(marker.status))];
}

void ChargerMarkerLayer::paint(QPainter* painter) {
    ++m_paintCount;
    m_paintPending = false;
    m_paintedMarkers = 0;
    if (!m_contentView.isValid())
        return;
    // Item-local pixels: the content view shifted by where the item sits when unmoved.
    MercatorView local = m_contentView;
    const QPointF itemTopLeft = m_map ? m_map->mapToItem(parentItem(), QPointF(0, 0)) - QPointF(kMargin, kMargin)
                                      : QPointF(-kMargin, -kMargin);
    local.origin -= itemTopLeft;
    const QRectF area = boundingRect();
    if (m_graticule)
        GraticulePainter::paint(*painter, area, local, QRectF(QPointF(kMargin, kMargin), m_contentMapSize));

    ensureSprites(window() ? window()->effectiveDevicePixelRatio() : 1.0);
    const double half = m_diameter / 2.0;
    const QRectF keep = area.adjusted(-half, -half, half, half);
    for (auto& bucket : m_visibleByStatus)
        bucket.clear();
    for (size_t i = 0; i < m_markers.size(); ++i) {
        const Marker& marker = m_markers[i];
        if (!marker.located)
            continue;
        if (keep.contains(local.toPixel(marker.mercator)))
            m_visibleByStatus[static_cast<size_t>(marker.status)].push_back(static_cast<int>(i));
    }

    m_grid.reset(area.size(), 32);
    const int offset = m_diameter / 2;
    for (ChargerStatus status : kDrawOrder) {
        for (int i : m_visibleByStatus[static_cast<size_t>(status)]) {
            const Marker& marker = m_markers[static_cast<size_t>(i)];
            const QPointF p = local.toPixel(marker.mercator);
            // Whole pixels keep the blit a plain copy (no resampling) in the raster engine.
            painter->drawImage(QPoint(static_cast<int>(std::lround(p.x())) - offset,
                                      static_cast<int>(std::lround(p.y())) - offset),
                               spriteFor(marker));
            m_grid.add(p, i);
            ++m_paintedMarkers;
        }
    }
    m_grid.finish();

    const auto selected = m_indexOf.constFind(m_selectedId);
    if (!m_selectedId.isEmpty() && selected != m_indexOf.constEnd()) {
        const Marker& marker = m_markers[static_cast<size_t>(*selected)];
        if (marker.located) {
            const QPointF p = local.toPixel(marker.mercator);
            const double big = std::max(20.0, m_diameter * 1.5);
            const QRectF box(p.x() - big / 2, p.y() - big / 2, big, big);
            StatusPalette::paintSelection(*painter, box);
            StatusPalette::paintMarker(*painter, box, marker.status, m_forceStale || marker.stale);
        }
    }
}

QString ChargerMarkerLayer::chargerAt(QPointF point) const {
    const double k = scale() > 0 ? scale() : 1.0;
    const QPointF local = (point - position()) / k;
    const int i = m_grid.nearest(local, (m_diameter / 2.0 + 4.0) / k);
    if (i < 0 || static_cast<size_t>(i) >= m_markers.size())
        return {};
    return m_markers[static_cast<size_t>(i)].chargerId;
}

std::optional<QPointF> ChargerMarkerLayer::positionOf(const QString& chargerId) {
    if (m_structureDirty)
        rebuild();
    const auto it = m_indexOf.constFind(chargerId);
    if (it == m_indexOf.constEnd())
        return std::nullopt;
    const Marker& marker = m_markers[static_cast<size_t>(*it)];
    const MercatorView view = currentView();
    if (!marker.located || !view.isValid())
        return std::nullopt;
    return view.toPixel(marker.mercator);
}

std::optional<QGeoCoordinate> ChargerMarkerLayer::coordinateOf(const QString& chargerId) {
    if (m_structureDirty)
        rebuild();
    const auto it = m_indexOf.constFind(chargerId);
    if (it == m_indexOf.constEnd() || !m_markers[static_cast<size_t>(*it)].located)
        return std::nullopt;
    const QPointF m = m_markers[static_cast<size_t>(*it)].mercator;
    return QGeoCoordinate(latFromMercatorY(m.y()), lonFromMercatorX(m.x()));
}

QGeoRectangle ChargerMarkerLayer::locatedBounds() {
    if (m_structureDirty)
        rebuild();
    double minX = std::numeric_limits<double>::max(), minY = minX;
    double maxX = -minX, maxY = -minX;
    bool any = false;
    for (const Marker& marker : m_markers) {
        if (!marker.located)
            continue;
        any = true;
        minX = std::min(minX, marker.mercator.x());
        maxX = std::max(maxX, marker.mercator.x());
        minY = std::min(minY, marker.mercator.y());
        maxY = std::max(maxY, marker.mercator.y());
    }
    if (!any)
        return {};
    return QGeoRectangle(QGeoCoordinate(latFromMercatorY(minY), lonFromMercatorX(minX)),
                         QGeoCoordinate(latFromMercatorY(maxY), lonFromMercatorX(maxX)));
}

} // namespace voltdesk::widgets
