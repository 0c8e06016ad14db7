#include "widgets/charger_marker_layer.h"

#include "models/charger_model.h"
#include "widgets/graticule_painter.h"

#include <QGeoCoordinate>
#include <QPainter>
#include <QQuickWindow>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

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
    if (value < 0 || value >= contract::kChargerStatusCount) {
        return ChargerStatus::Unknown;
    }
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
    if (m_model == model) {
        return;
    }
    for (const auto& c : m_modelConnections) {
        disconnect(c);
    }
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
    if (m_map == map) {
        return;
    }
    for (const auto& c : m_mapConnections) {
        disconnect(c);
    }
    m_mapConnections.clear();
    m_map = map;
    if (map) {
        // The Map's type is private API; its notify signals are reached through the meta-object.
        for (const char* signal :
             {SIGNAL(centerChanged(QGeoCoordinate)), SIGNAL(zoomLevelChanged(double)),
              SIGNAL(mapReadyChanged(bool)), SIGNAL(widthChanged()), SIGNAL(heightChanged())}) {
            m_mapConnections.push_back(connect(map, signal, this, SLOT(onViewChanged())));
        }
    }
    m_contentView = {};
    onViewChanged();
    emit mapChanged();
}

void ChargerMarkerLayer::setSelectedChargerIds(const QStringList& chargerIds) {
    if (m_selectedIds == chargerIds) {
        return;
    }
    m_selectedIds = chargerIds;
    requestRepaint();
    emit selectedChargerIdsChanged();
}

void ChargerMarkerLayer::setStale(bool stale) {
    if (m_forceStale == stale) {
        return;
    }
    m_forceStale = stale;
    requestRepaint();
    emit staleChanged();
}

void ChargerMarkerLayer::setGraticule(bool on) {
    if (m_graticule == on) {
        return;
    }
    m_graticule = on;
    requestRepaint();
    emit graticuleChanged();
}

void ChargerMarkerLayer::setDarkBackground(bool dark) {
    if (m_dark == dark) {
        return;
    }
    m_dark = dark;
    requestRepaint();
    emit darkBackgroundChanged();
}

MercatorView ChargerMarkerLayer::currentView() const {
    if (!m_map || !parentItem() || m_map->width() <= 0 || m_map->height() <= 0) {
        return {};
    }
    const QGeoCoordinate center = m_map->property("center").value<QGeoCoordinate>();
    const double zoom = m_map->property("zoomLevel").toDouble();
    if (!center.isValid()) {
        return {};
    }
    // A second point about 256 px east (or west, near the antimeridian) gives the scale precisely at
    // any zoom.
    const double dLon = std::min(90.0, 360.0 / std::exp2(std::clamp(zoom, 0.0, 30.0)));
    const QGeoCoordinate other(center.latitude(),
                               center.longitude() + (center.longitude() > 0 ? -dLon : dLon));
    QPointF p0, p1;
    QMetaObject::invokeMethod(m_map, "fromCoordinate", Qt::DirectConnection, Q_RETURN_ARG(QPointF, p0),
                              Q_ARG(QGeoCoordinate, center), Q_ARG(bool, false));
    QMetaObject::invokeMethod(m_map, "fromCoordinate", Qt::DirectConnection, Q_RETURN_ARG(QPointF, p1),
                              Q_ARG(QGeoCoordinate, other), Q_ARG(bool, false));
    if (!std::isfinite(p0.x()) || !std::isfinite(p1.x()) || p0.x() == p1.x()) {
        return {};
    }
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
    if (marker.located) {
        marker.mercator = mercatorFromLatLon(index.data(ChargerModel::LatitudeRole).toDouble(),
                                             index.data(ChargerModel::LongitudeRole).toDouble());
    }
}

void ChargerMarkerLayer::rebuild() {
    m_structureDirty = false;
    m_clustersDirty = true;
    m_markers.clear();
    m_indexOf.clear();
    if (!m_model) {
        return;
    }
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
    m_clustersDirty = true;
    requestRepaint();
}

void ChargerMarkerLayer::onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight) {
    if (!m_structureDirty) {
        const int last = std::min(bottomRight.row(), static_cast<int>(m_markers.size()) - 1);
        for (int row = std::max(0, topLeft.row()); row <= last; ++row) {
            Marker& marker = m_markers[static_cast<size_t>(row)];
            const QString before = marker.chargerId;
            const QPointF wasAt = marker.mercator;
            const bool wasLocated = marker.located;
            readRow(row, marker);
            if (marker.chargerId != before) { // ids never change in place; be safe if a proxy did it
                m_structureDirty = true;
                break;
            }
            // A status change keeps the clusters; only a charger that moved regroups them.
            if (marker.located != wasLocated || (marker.located && marker.mercator != wasAt)) {
                m_clustersDirty = true;
            }
        }
    }
    requestRepaint();
}

void ChargerMarkerLayer::requestRepaint() {
    if (m_repaintQueued) {
        return;
    }
    m_repaintQueued = true;
    const qint64 since = m_sinceRepaint.isValid() ? m_sinceRepaint.elapsed() : kMinRepaintIntervalMs;
    if (since >= kMinRepaintIntervalMs) {
        repaintNow();
    } else {
        m_throttle.start(static_cast<int>(kMinRepaintIntervalMs - since));
    }
}

void ChargerMarkerLayer::repaintNow() {
    m_throttle.stop();
    m_repaintQueued = false;
    if (m_structureDirty) {
        rebuild();
    }
    m_contentView = currentView();
    if (!m_contentView.isValid()) {
        return; // onViewChanged() asks again once the map can project
    }
    m_contentZoom = m_map->property("zoomLevel").toDouble();
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

void ChargerMarkerLayer::onViewChanged() {
    const MercatorView view = currentView();
    if (!view.isValid()) {
        return;
    }
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
    const QPointF paintedTopLeft = m_map->mapToItem(parentItem(), QPointF(0, 0)) - QPointF(kMargin, kMargin);
    const QPointF placed = (paintedTopLeft - m_contentView.origin) * k + view.origin;
    setScale(k);
    setPosition(placed);
    const QPointF shift = placed - paintedTopLeft;
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
    if (m_spriteRatio == devicePixelRatio) {
        return;
    }
    m_spriteRatio = devicePixelRatio;
    m_clusterSprites.clear();
    for (int stale = 0; stale < 2; ++stale) {
        for (int s = 0; s < contract::kChargerStatusCount; ++s) {
            const int slot = stale * contract::kChargerStatusCount + s;
            m_sprites[static_cast<size_t>(slot)] = StatusPalette::markerSprite(
                static_cast<ChargerStatus>(s), stale != 0, kMarkerDiameter, devicePixelRatio);
        }
    }
}

const QImage& ChargerMarkerLayer::spriteFor(const Marker& marker) const {
    const bool stale = m_forceStale || marker.stale;
    const int slot = (stale ? contract::kChargerStatusCount : 0) + static_cast<int>(marker.status);
    return m_sprites[static_cast<size_t>(slot)];
}

const QImage& ChargerMarkerLayer::clusterSpriteFor(const PlacedCluster& cluster) {
    QByteArray key(reinterpret_cast<const char*>(cluster.counts.data()),
                   static_cast<qsizetype>(sizeof(int) * cluster.counts.size()));
    key.append(cluster.stale ? '1' : '0');
    auto it = m_clusterSprites.find(key);
    if (it == m_clusterSprites.end()) {
        if (m_clusterSprites.size() > 4096) { // statuses churn over a long shift; keep the cache bounded
            m_clusterSprites.clear();
        }
        it = m_clusterSprites.insert(
            key, StatusPalette::clusterSprite(cluster.counts, cluster.stale, m_spriteRatio));
    }
    return *it;
}

bool ChargerMarkerLayer::clustersCurrent() const {
    return !m_structureDirty && !m_clustersDirty && m_contentView.isValid() &&
           m_clusteredScale == m_contentView.scale;
}

void ChargerMarkerLayer::ensureClusters() {
    if (m_structureDirty) {
        rebuild();
    }
    if (clustersCurrent()) {
        return;
    }
    m_clustersDirty = false;
    m_clusteredScale = m_contentView.scale;
    m_fanOut = m_contentZoom >= kFanOutZoom - 1e-6;
    m_located.clear();
    m_worldPoints.clear();
    m_pointOf.assign(m_markers.size(), -1);
    for (size_t i = 0; i < m_markers.size(); ++i) {
        if (!m_markers[i].located) {
            continue;
        }
        m_pointOf[i] = static_cast<int>(m_located.size());
        m_located.push_back(static_cast<int>(i));
        m_worldPoints.push_back(m_markers[i].mercator * m_clusteredScale);
    }
    m_clusterer.cluster(m_worldPoints, m_fanOut ? kOverlapRadius : kClusterRadius);
    m_rankInCluster.assign(m_located.size(), 0);
    for (int c = 0; c < m_clusterer.clusterCount(); ++c) {
        int rank = 0;
        for (int point : m_clusterer.members(c)) {
            m_rankInCluster[static_cast<size_t>(point)] = rank++;
        }
    }
}

QPointF ChargerMarkerLayer::fanOffset(int rank, int n) {
    // Markers side by side on a circle, starting at 12 o'clock; the circle grows with the group.
    const double radius = std::max(22.0, n * (kMarkerDiameter + 4) / (2 * std::numbers::pi));
    const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * rank / n;
    return {radius * std::cos(angle), radius * std::sin(angle)};
}

void ChargerMarkerLayer::paint(QPainter* painter) {
    ++m_paintCount;
    m_paintPending = false;
    m_paintedMarkers = 0;
    m_paintedClusters = 0;
    if (!m_contentView.isValid()) {
        return;
    }
    // Item-local pixels: the content view shifted by where the item sits when unmoved.
    MercatorView local = m_contentView;
    const QPointF itemTopLeft =
        m_map ? m_map->mapToItem(parentItem(), QPointF(0, 0)) - QPointF(kMargin, kMargin)
              : QPointF(-kMargin, -kMargin);
    local.origin -= itemTopLeft;
    const QRectF area = boundingRect();
    if (m_graticule) {
        GraticulePainter::paint(*painter, area, local, QRectF(QPointF(kMargin, kMargin), m_contentMapSize),
                                m_dark);
    }

    ensureSprites(window() ? window()->effectiveDevicePixelRatio() : 1.0);
    ensureClusters();
    for (auto& bucket : m_visibleByStatus) {
        bucket.clear();
    }
    m_visibleClusters.clear();
    m_leaders.clear();
    const auto severity = StatusPalette::severityOrder();
    const double pad = StatusPalette::clusterSpriteSize(100000) / 2.0;
    const QRectF keep = area.adjusted(-pad, -pad, pad, pad);
    for (int c = 0; c < m_clusterer.clusterCount(); ++c) {
        // World pixels + origin = item-local pixels.
        const QPointF centre = m_clusterer.center(c) + local.origin;
        const std::span<const int> members = m_clusterer.members(c);
        const int n = static_cast<int>(members.size());
        if (n == 1 || m_fanOut) {
            const double reach = n == 1 ? 0 : fanOffset(0, n).y();
            if (!keep.adjusted(reach, reach, -reach, -reach).contains(centre)) {
                continue;
            }
            for (int rank = 0; rank < n; ++rank) {
                const int i = m_located[static_cast<size_t>(members[static_cast<size_t>(rank)])];
                const Marker& marker = m_markers[static_cast<size_t>(i)];
                QPointF at = local.toPixel(marker.mercator);
                if (n > 1) {
                    const QPointF fanned = centre + fanOffset(rank, n);
                    m_leaders.emplace_back(at, fanned);
                    at = fanned;
                }
                m_visibleByStatus[static_cast<size_t>(marker.status)].push_back({at, i});
            }
            continue;
        }
        if (!keep.contains(centre)) {
            continue;
        }
        PlacedCluster placed{centre, c, {}, true, 0};
        for (int point : members) {
            const Marker& marker = m_markers[static_cast<size_t>(m_located[static_cast<size_t>(point)])];
            ++placed.counts[static_cast<size_t>(marker.status)];
            placed.stale = placed.stale && (m_forceStale || marker.stale);
        }
        const ChargerStatus worst = StatusPalette::worstStatus(placed.counts);
        placed.severity =
            static_cast<int>(std::find(severity.begin(), severity.end(), worst) - severity.begin());
        m_visibleClusters.push_back(placed);
    }

    m_grid.reset(area.size(), 32);
    m_gridClusterBase = static_cast<int>(m_markers.size());
    if (!m_leaders.empty()) {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->setPen(QPen(QColor(0x30, 0x30, 0x30, 170), 1.2));
        painter->drawLines(m_leaders.data(), static_cast<int>(m_leaders.size()));
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0x30, 0x30, 0x30));
        for (const QLineF& leader : m_leaders) {
            painter->drawEllipse(leader.p1(), 2.0, 2.0);
        }
        painter->restore();
    }
    const int offset = kMarkerDiameter / 2;
    for (ChargerStatus status : kDrawOrder) {
        for (const Placed& placed : m_visibleByStatus[static_cast<size_t>(status)]) {
            // Whole pixels keep the blit a plain copy (no resampling) in the raster engine.
            painter->drawImage(QPoint(static_cast<int>(std::lround(placed.pixel.x())) - offset,
                                      static_cast<int>(std::lround(placed.pixel.y())) - offset),
                               spriteFor(m_markers[static_cast<size_t>(placed.marker)]));
            m_grid.add(placed.pixel, placed.marker);
            ++m_paintedMarkers;
        }
    }
    // Clusters above single markers, the ones holding the worst statuses last (on top).
    std::stable_sort(m_visibleClusters.begin(), m_visibleClusters.end(),
                     [](const PlacedCluster& a, const PlacedCluster& b) { return a.severity > b.severity; });
    for (const PlacedCluster& cluster : m_visibleClusters) {
        const QImage& sprite = clusterSpriteFor(cluster);
        const int half = static_cast<int>(std::lround(sprite.width() / sprite.devicePixelRatio() / 2));
        painter->drawImage(QPoint(static_cast<int>(std::lround(cluster.pixel.x())) - half,
                                  static_cast<int>(std::lround(cluster.pixel.y())) - half),
                           sprite);
        m_grid.add(cluster.pixel, m_gridClusterBase + cluster.cluster);
        m_paintedMarkers += m_clusterer.size(cluster.cluster);
        ++m_paintedClusters;
    }
    m_grid.finish();

    // Rings last, above everything; a cluster holding several selected chargers is ringed once.
    QSet<int> ringedClusters;
    for (const QString& id : std::as_const(m_selectedIds)) {
        const auto selected = m_indexOf.constFind(id);
        if (selected == m_indexOf.constEnd()) {
            continue;
        }
        const Marker& marker = m_markers[static_cast<size_t>(*selected)];
        const int point = m_pointOf[static_cast<size_t>(*selected)];
        if (!marker.located || point < 0) {
            continue;
        }
        const int c = m_clusterer.clusterOf(point);
        const int n = m_clusterer.size(c);
        const QPointF centre = m_clusterer.center(c) + local.origin;
        if (n > 1 && !m_fanOut) {
            if (ringedClusters.contains(c)) {
                continue;
            }
            ringedClusters.insert(c);
            // Inside a cluster: ring the cluster, so the operator sees where the charger went.
            const double ring = StatusPalette::clusterDiameter(n);
            StatusPalette::paintSelection(*painter,
                                          QRectF(centre.x() - ring / 2, centre.y() - ring / 2, ring, ring));
        } else {
            const QPointF p = n > 1 ? centre + fanOffset(m_rankInCluster[static_cast<size_t>(point)], n)
                                    : local.toPixel(marker.mercator);
            const double big = std::max(20.0, kMarkerDiameter * 1.5);
            const QRectF box(p.x() - big / 2, p.y() - big / 2, big, big);
            StatusPalette::paintSelection(*painter, box);
            StatusPalette::paintMarker(*painter, box, marker.status, m_forceStale || marker.stale);
        }
    }
}

int ChargerMarkerLayer::hitAt(QPointF point) const {
    const double k = scale() > 0 ? scale() : 1.0;
    const QPointF local = (point - position()) / k;
    // A single marker is small: a click must land near it. A cluster is a bigger target.
    const int near = m_grid.nearest(local, (kMarkerDiameter / 2.0 + 4.0) / k);
    if (near >= 0 && near < m_gridClusterBase) {
        return near;
    }
    const int item = m_grid.nearest(local, (StatusPalette::clusterDiameter(100000) / 2.0 + 4.0) / k);
    return item >= m_gridClusterBase ? item : -1;
}

QString ChargerMarkerLayer::chargerAt(QPointF point) const {
    const int item = hitAt(point);
    if (item < 0 || item >= m_gridClusterBase || static_cast<size_t>(item) >= m_markers.size()) {
        return {};
    }
    return m_markers[static_cast<size_t>(item)].chargerId;
}

QStringList ChargerMarkerLayer::clusterAt(QPointF point) const {
    const int item = hitAt(point);
    const int cluster = item - m_gridClusterBase;
    if (item < 0 || cluster < 0 || cluster >= m_clusterer.clusterCount()) {
        return {};
    }
    QStringList ids;
    for (int member : m_clusterer.members(cluster)) {
        const auto marker = static_cast<size_t>(m_located[static_cast<size_t>(member)]);
        if (marker < m_markers.size()) {
            ids.append(m_markers[marker].chargerId);
        }
    }
    return ids;
}

int ChargerMarkerLayer::clusterSizeOf(const QString& chargerId) {
    if (m_structureDirty) {
        rebuild();
    }
    const auto it = m_indexOf.constFind(chargerId);
    if (it == m_indexOf.constEnd() || !m_markers[static_cast<size_t>(*it)].located ||
        !m_contentView.isValid()) {
        return 0;
    }
    ensureClusters();
    if (m_fanOut) {
        return 1;
    }
    return m_clusterer.size(m_clusterer.clusterOf(m_pointOf[static_cast<size_t>(*it)]));
}

std::optional<QPointF> ChargerMarkerLayer::positionOf(const QString& chargerId) {
    if (m_structureDirty) {
        rebuild();
    }
    const auto it = m_indexOf.constFind(chargerId);
    if (it == m_indexOf.constEnd()) {
        return std::nullopt;
    }
    const Marker& marker = m_markers[static_cast<size_t>(*it)];
    const MercatorView view = currentView();
    if (!marker.located || !view.isValid()) {
        return std::nullopt;
    }
    if (!m_contentView.isValid()) {
        return view.toPixel(marker.mercator);
    }
    ensureClusters();
    const int point = m_pointOf[static_cast<size_t>(*it)];
    const int c = m_clusterer.clusterOf(point);
    const int n = m_clusterer.size(c);
    if (n == 1) {
        return view.toPixel(marker.mercator);
    }
    // Where the painted image put it, moved and scaled as the image is until its repaint.
    const double k = view.scale / m_contentView.scale;
    const QPointF centre = view.toPixel(m_clusterer.center(c) / m_clusteredScale);
    return m_fanOut ? centre + fanOffset(m_rankInCluster[static_cast<size_t>(point)], n) * k : centre;
}

std::optional<QGeoCoordinate> ChargerMarkerLayer::coordinateOf(const QString& chargerId) {
    if (m_structureDirty) {
        rebuild();
    }
    const auto it = m_indexOf.constFind(chargerId);
    if (it == m_indexOf.constEnd() || !m_markers[static_cast<size_t>(*it)].located) {
        return std::nullopt;
    }
    const QPointF m = m_markers[static_cast<size_t>(*it)].mercator;
    return QGeoCoordinate(latFromMercatorY(m.y()), lonFromMercatorX(m.x()));
}

QGeoRectangle ChargerMarkerLayer::locatedBounds() {
    if (m_structureDirty) {
        rebuild();
    }
    QStringList all;
    all.reserve(static_cast<qsizetype>(m_markers.size()));
    for (const Marker& marker : m_markers) {
        all.append(marker.chargerId);
    }
    return boundsOf(all);
}

QGeoRectangle ChargerMarkerLayer::boundsOf(const QStringList& chargerIds) {
    if (m_structureDirty) {
        rebuild();
    }
    double minX = std::numeric_limits<double>::max(), minY = minX;
    double maxX = -minX, maxY = -minX;
    bool any = false;
    for (const QString& id : chargerIds) {
        const auto it = m_indexOf.constFind(id);
        if (it == m_indexOf.constEnd()) {
            continue;
        }
        const Marker& marker = m_markers[static_cast<size_t>(*it)];
        if (!marker.located) {
            continue;
        }
        any = true;
        minX = std::min(minX, marker.mercator.x());
        maxX = std::max(maxX, marker.mercator.x());
        minY = std::min(minY, marker.mercator.y());
        maxY = std::max(maxY, marker.mercator.y());
    }
    if (!any) {
        return {};
    }
    return QGeoRectangle(QGeoCoordinate(latFromMercatorY(minY), lonFromMercatorX(minX)),
                         QGeoCoordinate(latFromMercatorY(maxY), lonFromMercatorX(maxX)));
}

} // namespace voltdesk::widgets
