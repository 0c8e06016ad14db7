// The map's charger layer: every charger drawn by one item, so 10,000+ markers cost one paint, not
// 10,000 QML items. Works in the software renderer (it blits pre-rendered sprites with QPainter).
#pragma once

#include "contract/charger_status.h"
#include "widgets/point_clusterer.h"
#include "widgets/spatial_grid.h"
#include "widgets/status_palette.h"
#include "widgets/web_mercator.h"

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QGeoCoordinate>
#include <QGeoRectangle>
#include <QHash>
#include <QImage>
#include <QLineF>
#include <QPointer>
#include <QQuickPaintedItem>
#include <QTimer>
#include <array>
#include <optional>
#include <vector>

namespace voltdesk::widgets {

/// Draws the chargers of a model (ChargerModel or a proxy of it, read through ChargerModel's roles)
/// over a QtLocation Map.
///
/// How it stays cheap: each row's Web-Mercator position is cached, so projecting is one multiply-add
/// per marker with the affine view taken from two Map.fromCoordinate() calls. The item is painted a
/// margin larger than the map; while the map pans (or zooms, until the next repaint) the painted
/// image is only moved and scaled, and it is repainted when the pan leaves the margin, the zoom
/// changed, or data changed, at most kMaxRepaintHz times a second.
///
/// Chargers whose markers would overlap at the current zoom are drawn as one cluster marker: a ring
/// split by status with the count in the middle and the worst status as a badge (StatusPalette).
/// From kFanOutZoom on, chargers that still overlap (one site) are fanned out around their centre
/// with leader lines to where they really are, so each can be seen and clicked. Clusters are formed
/// in world pixels (PointClusterer), so they stay put while the map pans.
///
/// Place it as a sibling of the map that fills the same parent; points in its API are in that
/// parent's coordinates (the map's, when the map fills it).
class ChargerMarkerLayer : public QQuickPaintedItem {
    Q_OBJECT
    Q_PROPERTY(QAbstractItemModel* model READ model WRITE setModel NOTIFY modelChanged)
    Q_PROPERTY(QQuickItem* map READ map WRITE setMap NOTIFY mapChanged)
    Q_PROPERTY(QStringList selectedChargerIds READ selectedChargerIds WRITE setSelectedChargerIds NOTIFY
                   selectedChargerIdsChanged)
    Q_PROPERTY(bool stale READ isStale WRITE setStale NOTIFY staleChanged)
    Q_PROPERTY(bool graticule READ hasGraticule WRITE setGraticule NOTIFY graticuleChanged)
    Q_PROPERTY(
        bool darkBackground READ hasDarkBackground WRITE setDarkBackground NOTIFY darkBackgroundChanged)

public:
    /// Diameter of a single charger's marker.
    static constexpr int kMarkerDiameter = 16;
    /// Markers closer than this (centre to centre, px) are drawn as one cluster; about a cluster
    /// marker's size, so that neighbouring clusters do not cover each other either.
    static constexpr double kClusterRadius = 32;
    /// From this zoom level on, chargers closer than kOverlapRadius are fanned out, not clustered.
    static constexpr double kFanOutZoom = 16;
    static constexpr double kOverlapRadius = kMarkerDiameter + 2;
    static constexpr int kMaxRepaintHz = 30;
    /// Extra pixels painted on every side so that panning up to half of it needs no repaint.
    static constexpr int kMargin = 256;

    explicit ChargerMarkerLayer(QQuickItem* parent = nullptr);

    QAbstractItemModel* model() const { return m_model; }
    void setModel(QAbstractItemModel* model);
    QQuickItem* map() const { return m_map; }
    void setMap(QQuickItem* map);
    /// The chargers drawn with a selection ring (a cluster holding any of them is ringed once).
    QStringList selectedChargerIds() const { return m_selectedIds; }
    void setSelectedChargerIds(const QStringList& chargerIds);
    /// Draws every marker as stale, whatever the rows say (e.g. while the broker is lost).
    bool isStale() const { return m_forceStale; }
    void setStale(bool stale);
    bool hasGraticule() const { return m_graticule; }
    void setGraticule(bool on);
    /// The map under the markers is dark (the dark theme's offline map): the graticule is drawn dim.
    bool hasDarkBackground() const { return m_dark; }
    void setDarkBackground(bool dark);

    /// The charger whose own marker is drawn at point (parent coordinates), or an empty string.
    Q_INVOKABLE QString chargerAt(QPointF point) const;
    /// The chargers of the cluster marker drawn at point (parent coordinates), or an empty list.
    Q_INVOKABLE QStringList clusterAt(QPointF point) const;
    /// Where the charger is drawn now, in parent coordinates: its marker, its fanned-out marker or
    /// the centre of the cluster holding it; nullopt if unknown or not placed.
    std::optional<QPointF> positionOf(const QString& chargerId);
    /// How many chargers the marker showing this charger stands for: 1 when it is drawn on its own
    /// (fanned out included), the cluster's count otherwise, 0 if unknown or not placed.
    int clusterSizeOf(const QString& chargerId);
    /// Where the charger is on Earth; nullopt if unknown or not placed.
    std::optional<QGeoCoordinate> coordinateOf(const QString& chargerId);
    /// Bounds of every located charger of the model; invalid if none.
    QGeoRectangle locatedBounds();
    /// Bounds of the given chargers that are located; invalid if none.
    QGeoRectangle boundsOf(const QStringList& chargerIds);

    /// True when the painted image shows the map's current view as it is (not a moved or stretched
    /// older image waiting for its repaint).
    bool isContentCurrent() const { return !m_repaintQueued && !m_paintPending && scale() == 1.0; }
    /// The diameter single markers are drawn at.
    int markerDiameter() const { return kMarkerDiameter; }
    /// Repaints so far; how many chargers the last one showed (on their own or inside a cluster);
    /// how many cluster markers it drew (benchmarks and tests watch these).
    quint64 paintCount() const { return m_paintCount; }
    int paintedMarkerCount() const { return m_paintedMarkers; }
    int paintedClusterCount() const { return m_paintedClusters; }

    void paint(QPainter* painter) override;

signals:
    void modelChanged();
    void mapChanged();
    void selectedChargerIdsChanged();
    void staleChanged();
    void graticuleChanged();
    void darkBackgroundChanged();

private slots:
    void onViewChanged();

private:
    struct Marker {
        QPointF mercator;
        QString chargerId;
        contract::ChargerStatus status = contract::ChargerStatus::Unknown;
        bool stale = false;
        bool located = false;
    };

    struct Placed {
        QPointF pixel; ///< item-local
        int marker = 0;
    };
    struct PlacedCluster {
        QPointF pixel; ///< item-local
        int cluster = 0;
        StatusPalette::StatusCounts counts{};
        bool stale = false;
        int severity = 0; ///< index of the worst status in StatusPalette::severityOrder()
    };

    MercatorView currentView() const;
    void readRow(int row, Marker& marker) const;
    void rebuild();
    void ensureClusters();
    bool clustersCurrent() const;
    /// Offset of the rank-th of n fanned-out markers from their group's centre, in pixels.
    static QPointF fanOffset(int rank, int n);
    int hitAt(QPointF point) const;
    const QImage& clusterSpriteFor(const PlacedCluster& cluster);
    void markStructureDirty();
    void onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight);
    void requestRepaint();
    void repaintNow();
    void ensureSprites(qreal devicePixelRatio);
    const QImage& spriteFor(const Marker& marker) const;

    QPointer<QAbstractItemModel> m_model;
    QPointer<QQuickItem> m_map;
    std::vector<QMetaObject::Connection> m_modelConnections;
    std::vector<QMetaObject::Connection> m_mapConnections;

    std::vector<Marker> m_markers;
    QHash<QString, int> m_indexOf;
    bool m_structureDirty = true;
    QStringList m_selectedIds;
    bool m_forceStale = false;
    bool m_graticule = false;
    bool m_dark = false;

    MercatorView m_contentView; ///< the view the painted image was (or is about to be) drawn for
    QSizeF m_contentMapSize;
    QTimer m_throttle;
    QElapsedTimer m_sinceRepaint;
    bool m_repaintQueued = false; ///< throttled: repaintNow() will run
    bool m_paintPending = false;  ///< update() called, paint() not yet run

    qreal m_spriteRatio = 0;
    std::array<QImage, std::size_t{2} * contract::kChargerStatusCount> m_sprites; ///< [stale][status]
    QHash<QByteArray, QImage> m_clusterSprites; ///< by counts and staleness; few distinct ones in practice

    // Clusters of the located markers at m_clusteredScale; points are world pixels (mercator × scale).
    PointClusterer m_clusterer;
    std::vector<int> m_located;       ///< clusterer point → marker index
    std::vector<int> m_pointOf;       ///< marker index → clusterer point, -1 if not located
    std::vector<int> m_rankInCluster; ///< clusterer point → its place among its cluster's members
    std::vector<QPointF> m_worldPoints;
    double m_clusteredScale = 0;
    bool m_fanOut = false;       ///< groups are fanned out, not drawn as cluster markers
    bool m_clustersDirty = true; ///< positions or rows changed since the last clustering
    double m_contentZoom = 0;    ///< the map's zoom level when m_contentView was taken

    std::array<std::vector<Placed>, contract::kChargerStatusCount> m_visibleByStatus;
    std::vector<PlacedCluster> m_visibleClusters;
    std::vector<QLineF> m_leaders;
    SpatialGrid m_grid; ///< items: marker index, or m_markers.size() + cluster index
    int m_gridClusterBase = 0;
    quint64 m_paintCount = 0;
    int m_paintedMarkers = 0;
    int m_paintedClusters = 0;
};

} // namespace voltdesk::widgets
