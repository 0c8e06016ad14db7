// The console's main window: the map in the middle, the fleet table below it, search and legend
// docked left, details right, counts and the connection state in the status bar.
#pragma once

#include "widgets/connection_state.h"
#include "widgets/map_options.h"
#include "widgets/theme.h"

#include <QByteArray>
#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QStringList>
#include <functional>
#include <optional>

class QAction;
class QDockWidget;
class QLabel;

namespace voltdesk::models {
class BrokerLink;
class ChargerFilterModel;
class ChargerHealthStore;
class ChargerModel;
} // namespace voltdesk::models

namespace voltdesk::widgets {

class ChargerDetailsPanel;
class ConnectionIndicator;
class FleetTableView;
class LegendPanel;
class MapView;
class SearchPanel;
class StatusSummary;

/// Assembles the views and wires them to the models; it holds no data of its own beyond the
/// status filter, the selection and the health figures it takes from the link for the table.
///
/// Selection is one list of charger ids shared by the map (rings), the table (selected rows) and
/// the details panel (the first of them); selecting in either view selects in the other.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    /// chargers and link must outlive the window. The window connects link's connection state to
    /// chargers (ChargerModel::setBrokerConnected), so that markers turn stale when the broker is lost,
    /// and link's messages to its health store.
    MainWindow(models::ChargerModel& chargers, models::BrokerLink& link, const MapOptions& options,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    MapView* mapView() const { return m_map; }
    FleetTableView* fleetTable() const { return m_table; }
    models::ChargerHealthStore& healthStore() const { return *m_health; }

    /// Selects the charger: highlighted on the map and in the table, shown in the details panel.
    /// Empty: none.
    void selectCharger(const QString& chargerId);
    /// Selects several chargers; the details panel shows the first.
    void selectChargers(const QStringList& chargerIds);
    /// Selects the charger and moves the map to it; false if there is no such charger.
    bool showCharger(const QString& chargerId);
    /// The first selected charger, or empty.
    QString selectedCharger() const { return m_selected.value(0); }
    QStringList selectedChargers() const { return m_selected; }
    ConnectionState connectionState() const { return m_connection; }

    Theme theme() const { return m_theme; }
    /// Applies the theme to the application; remember: also the next start's theme (the menu's
    /// choice is remembered, a --theme on the command line is not).
    void setTheme(Theme theme, bool remember = true);
    /// The theme saved by the last remembered setTheme(), nullopt if none.
    static std::optional<Theme> savedTheme();

    /// The broker user whose layout is saved and restored ("" when the link has none).
    QString layoutUser() const;
    /// Restores the layout saved for layoutUser(); false if there was none.
    bool restoreLayout();
    void saveLayout() const;
    /// Back to the docks as the window first placed them.
    void resetLayout();

    /// Makes a charger's detail view (the integrator passes widgets/detail's ChargerDetailView here).
    using DetailViewFactory = std::function<QWidget*(const QString& chargerId, QWidget* parent)>;
    /// Once set, detailRequested() also opens the charger's detail view in a dock of its own.
    void setDetailViewFactory(DetailViewFactory factory) { m_detailFactory = std::move(factory); }
    /// Opens (or raises) the charger's detail dock: the first two side by side right of the details,
    /// further ones as tabs on the last; closing a dock deletes its view. nullptr without a factory.
    QDockWidget* openDetailView(const QString& chargerId);
    /// The open detail docks, oldest first.
    QList<QDockWidget*> detailDocks() const;

    /// Every action with a keyboard shortcut, as Help → Keyboard shortcuts lists them.
    QList<QAction*> shortcutActions() const { return m_shortcutActions; }
    /// A menu of the menu bar before Help, for a part the integrator adds (e.g. Billing).
    QMenu* addMenuBeforeHelp(const QString& title);
    /// Lists actions with shortcuts under Help → Keyboard shortcuts too.
    void addShortcutActions(const QList<QAction*>& actions) { m_shortcutActions.append(actions); }

    /// The size the window starts with: 1600×1000, or the screen's available area if smaller.
    QSize defaultSize() const;
    /// True when the window should open maximised: the screen is much bigger than defaultSize(), or
    /// not bigger at all.
    bool prefersMaximized() const;

signals:
    /// The operator asked to open a charger's detail view (double-click or Enter in the table,
    /// double-click on a marker).
    void detailRequested(const QString& chargerId);
    /// The operator right-clicked table rows or a marker: the chargers and where to show a menu.
    void contextMenuRequested(const QStringList& chargerIds, const QPoint& globalPos);
    void themeChanged(voltdesk::widgets::Theme theme);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    QAction* addShortcut(QMenu* menu, const QString& text, const QKeySequence& key);
    void applySelection(const QStringList& chargerIds, bool fromTable);
    void focusDock(QDockWidget* dock, QWidget* target);
    void resync();
    void updateConnectionState();
    void updateCounts();
    QString resolveChargerId(const QString& typed) const;

    models::ChargerModel& m_chargers;
    models::BrokerLink& m_link;
    models::ChargerHealthStore* m_health = nullptr;
    models::ChargerFilterModel* m_filter = nullptr;
    MapView* m_map = nullptr;
    LegendPanel* m_legend = nullptr;
    SearchPanel* m_search = nullptr;
    ChargerDetailsPanel* m_details = nullptr;
    FleetTableView* m_table = nullptr;
    QDockWidget* m_legendDock = nullptr;
    QDockWidget* m_detailsDock = nullptr;
    QDockWidget* m_tableDock = nullptr;
    ConnectionIndicator* m_indicator = nullptr;
    StatusSummary* m_summary = nullptr;
    QLabel* m_countLabel = nullptr;
    QList<QAction*> m_shortcutActions;
    QMenu* m_helpMenu = nullptr;
    DetailViewFactory m_detailFactory;
    QList<QPointer<QDockWidget>> m_detailDocks;
    QStringList m_selected;
    QByteArray m_defaultState;
    Theme m_theme = Theme::Dark;
    ConnectionState m_connection = ConnectionState::Disconnected;
};

} // namespace voltdesk::widgets
