// The console's main window: the map in the middle, search and legend docked left, details right,
// the connection state in the status bar.
#pragma once

#include "widgets/connection_state.h"
#include "widgets/map_options.h"

#include <QMainWindow>

class QLabel;

namespace voltdesk::models {
class BrokerLink;
class ChargerFilterModel;
class ChargerModel;
} // namespace voltdesk::models

namespace voltdesk::widgets {

class ChargerDetailsPanel;
class ConnectionIndicator;
class LegendPanel;
class MapView;
class SearchPanel;

/// Assembles the views and wires them to the models; it holds no data of its own beyond the
/// status filter and the current selection.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    /// chargers and link must outlive the window. The window connects link's connection state to
    /// chargers (ChargerModel::setBrokerConnected), so that markers turn stale when the broker is lost.
    MainWindow(models::ChargerModel& chargers, models::BrokerLink& link, const MapOptions& options,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    MapView* mapView() const { return m_map; }
    /// Selects the charger: highlighted on the map, shown in the details panel. Empty: none.
    void selectCharger(const QString& chargerId);
    /// Selects the charger and moves the map to it; false if there is no such charger.
    bool showCharger(const QString& chargerId);
    QString selectedCharger() const { return m_selected; }
    ConnectionState connectionState() const { return m_connection; }
    /// The size the window starts with: 1600×1000, or the screen's available area if smaller.
    QSize defaultSize() const;
    /// True when the window should open maximised: the screen is much bigger than defaultSize(), or
    /// not bigger at all.
    bool prefersMaximized() const;

private:
    void updateConnectionState();
    void updateCounts();
    QString resolveChargerId(const QString& typed) const;

    models::ChargerModel& m_chargers;
    models::BrokerLink& m_link;
    models::ChargerFilterModel* m_filter = nullptr;
    MapView* m_map = nullptr;
    LegendPanel* m_legend = nullptr;
    SearchPanel* m_search = nullptr;
    ChargerDetailsPanel* m_details = nullptr;
    ConnectionIndicator* m_indicator = nullptr;
    QLabel* m_countLabel = nullptr;
    QString m_selected;
    ConnectionState m_connection = ConnectionState::Disconnected;
};

} // namespace voltdesk::widgets
