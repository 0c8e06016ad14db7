// The central map: a Qt Location Map in a QQuickWidget with the charger layer on top.
#pragma once

#include "widgets/charger_marker_layer.h"
#include "widgets/connection_state.h"
#include "widgets/map_options.h"

#include <QPointer>
#include <QQuickItem>
#include <QQuickWidget>
#include <QTimer>
#include <optional>

class QAbstractItemModel;

namespace voltdesk::widgets {

/// Shows the chargers of markerModel (a ChargerModel or a proxy of it) on a map: `osm` tiles from
/// MapOptions::tileServerUrl, or the offline `itemsoverlay` background with a graticule.
/// Clicking a cluster zooms in on its chargers.
/// Until the operator pans or zooms (and unless MapOptions gives a center) the view keeps fitting all
/// located chargers as they arrive.
class MapView : public QQuickWidget {
    Q_OBJECT

public:
    MapView(QAbstractItemModel& markerModel, const MapOptions& options, QWidget* parent = nullptr);

    /// True once the Map exists and can project coordinates.
    bool isMapReady() const;
    /// Rings these chargers' markers (empty: none).
    void setSelectedChargers(const QStringList& chargerIds);
    /// Centers the map on the charger; false if it is unknown or has no location.
    bool centerOnCharger(const QString& chargerId);
    /// Zooms to show every located charger.
    void fitToChargers();
    /// Zooms in on these chargers (a cluster): to their bounds, but no further than the zoom where
    /// chargers of one site fan out, and always at least one level in.
    void zoomToChargers(const QStringList& chargerIds);
    /// Where the charger's marker is, in this widget's coordinates.
    std::optional<QPointF> chargerPosition(const QString& chargerId) const;
    /// A dark background for the offline map (tiles, when configured, keep their own colours).
    void setDark(bool dark);
    /// Updates the badge on the map and draws markers stale unless the state is Connected.
    void setConnectionState(ConnectionState state);

    /// The marker layer, for benchmarks and tests that watch its paint counters.
    ChargerMarkerLayer* markerLayer() const { return m_layer; }
    /// The QtLocation Map item.
    QQuickItem* mapItem() const { return m_map; }

signals:
    /// The operator clicked a marker.
    void chargerClicked(const QString& chargerId);
    /// The operator clicked a cluster marker of these chargers (the map zooms in on them).
    void clusterClicked(const QStringList& chargerIds);
    /// The operator double-clicked a marker.
    void chargerDoubleClicked(const QString& chargerId);
    /// The operator right-clicked a marker (the chargers of a cluster); globalPos is on the screen.
    void contextMenuRequested(const QStringList& chargerIds, const QPoint& globalPos);

protected:
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private slots:
    void stopAutoFit();
    void onClusterClicked(QPointF position);
    void onContextClicked(QPointF position);

private:
    void scheduleAutoFit();

    QAbstractItemModel& m_markerModel;
    QPointer<QQuickItem> m_root;
    QPointer<QQuickItem> m_map;
    QPointer<ChargerMarkerLayer> m_layer;
    bool m_autoFit = true;
    QTimer m_fitTimer;
};

} // namespace voltdesk::widgets
