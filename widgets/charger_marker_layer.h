// The map's charger layer: every charger drawn by one item, so 10,000+ markers cost one paint, not
// 10,000 QML items. Works in the software renderer (it blits pre-rendered sprites with QPainter).
#pragma once

#include "widgets/spatial_grid.h"
#include "widgets/web_mercator.h"

#include "contract/charger_status.h"

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QGeoCoordinate>
#include <QGeoRectangle>
#include <QHash>
#include <QImage>
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
/// Place it as a sibling of the map that fills the same parent; points in its API are in that
/// parent's coordinates (the map's, when the map fills it).
class ChargerMarkerLayer : public QQuickPaintedItem {
    Q_OBJECT
    Q_PROPERTY(QAbstractItemModel* model READ model WRITE setModel NOTIFY modelChanged)
    Q_PROPERTY(QQuickItem* map READ map WRITE setMap NOTIFY mapChanged)
    Q_PROPERTY(QString selectedChargerId READ selectedChargerId WRITE setSelectedChargerId NOTIFY
                   selectedChargerIdChanged)
    Q_PROPERTY(bool stale READ isStale WRITE setStale NOTIFY staleChanged)
    Q_PROPERTY(bool graticule READ hasGraticule WRITE setGraticule NOTIFY graticuleChanged)

public:
    /// Marker sizes: full size with a glyph when the chargers are spread out, smaller (shape and
    /// colour only at the smallest) when they crowd, so a dense city does not become one blob.
    static constexpr std::array<int, 3> kMarkerDiameters = {8, 12, 16};
    static constexpr int kMaxRepaintHz = 30;
    /// Extra pixels painted on every side so that panning up to half of it needs no repaint.
    static constexpr int kMargin = 256;

    explicit ChargerMarkerLayer(QQuickItem* parent = nullptr);

    QAbstractItemModel* model() const { return m_model; }
    void setModel(QAbstractItemModel* model);
    QQuickItem* map() const { return m_map; }
    void setMap(QQuickItem* map);
    QString selectedChargerId() const { return m_selectedId; }
    void setSelectedChargerId(const QString& chargerId);
    /// Draws every marker as stale, whatever the rows say (e.g. while the broker is lost).
    bool isStale() const { return m_forceStale; }
    void setStale(bool stale);
    bool hasGraticule() const { return m_graticule; }
    void setGraticule(bool on);

    /// The charger drawn at point (parent coordinates), or an empty string.
    Q_INVOKABLE QString chargerAt(QPointF point) const;
    /// Where the charger is now, in parent coordinates; nullopt if unknown or not placed.
    std::optional<QPointF> positionOf(const QString& chargerId);
    /// Where the charger is on Earth; nullopt if unknown or not placed.
    std::optional<QGeoCoordinate> coordinateOf(const QString& chargerId);
    /// Bounds of every located charger of the model; invalid if none.
    QGeoRectangle locatedBounds();

    /// True when the painted image shows the map's current view as it is (not a moved or stretched
    /// older image waiting for its repaint).
    bool isContentCurrent() const { return !m_repaintQueued && !m_paintPending && scale() == 1.0; }
    /// The diameter markers are drawn at now.
    int markerDiameter() const { return m_diameter; }
    /// Repaints so far, and how many markers the last one drew (benchmarks and tests watch these).
    quint64 paintCount() const { return m_paintCount; }
    int paintedMarkerCount() const { return m_paintedMarkers; }

    void paint(QPainter* painter) override;

signals:
    void modelChanged();
    void mapChanged();
    void selectedChargerIdChanged();
    void staleChanged();
    void graticuleChanged();

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

    MercatorView currentView() const;
    void readRow(int row, Marker& marker) const;
    void rebuild();
    void markStructureDirty();
    void onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight);
    void requestRepaint();
    void chooseMarkerSize(const MercatorView& view);
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
    QString m_selectedId;
    bool m_forceStale = false;
    bool m_graticule = false;

    MercatorView m_contentView; ///< the view the painted image was (or is about to be) drawn for
    QSizeF m_contentMapSize;
    QTimer m_throttle;
    QElapsedTimer m_sinceRepaint;
    bool m_repaintQueued = false; ///< throttled: repaintNow() will run
    bool m_paintPending = false;  ///< update() called, paint() not yet run

    int m_diameter = kMarkerDiameters.back();
    bool m_sizeDirty = true; ///< choose the marker size again at the next repaint (zoom, data, size)
    qreal m_spriteRatio = 0;
    int m_spriteDiameter = 0;
    std::array<QImage, 2 * contract::kChargerStatusCount> m_sprites; ///< [stale][status]
    std::array<std::vector<int>, contract::kChargerStatusCount> m_visibleByStatus;
    SpatialGrid m_grid;
    quint64 m_paintCount = 0;
    int m_paintedMarkers = 0;
};

} // namespace voltdesk::widgets
