#include "widgets/main_window.h"

#include "models/broker_link.h"
#include "models/charger_filter_model.h"
#include "models/charger_health_store.h"
#include "models/charger_model.h"
#include "models/fleet_table_model.h"
#include "widgets/charger_details_panel.h"
#include "widgets/connection_indicator.h"
#include "widgets/fleet_table_view.h"
#include "widgets/legend_panel.h"
#include "widgets/map_view.h"
#include "widgets/search_panel.h"
#include "widgets/shortcuts_dialog.h"
#include "widgets/status_summary.h"
#include "widgets/window_layout.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace voltdesk::widgets {

namespace {

const QString kThemeKey = QStringLiteral("appearance/theme");
const QString kTableHeaderKey = QStringLiteral("/fleetTableHeader");
constexpr int kDetailDockWidth = 460;

QDockWidget* addDock(QMainWindow* window, const QString& title, const QString& name, QWidget* content,
                     Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, window);
    dock->setObjectName(name);
    dock->setWidget(content);
    window->addDockWidget(area, dock);
    return dock;
}

} // namespace

MainWindow::MainWindow(models::ChargerModel& chargers, models::BrokerLink& link, const MapOptions& options,
                       QWidget* parent)
    : QMainWindow(parent), m_chargers(chargers), m_link(link) {
    setWindowTitle(tr("Voltdesk — charging network console"));
    setDockOptions(AnimatedDocks | AllowNestedDocks | AllowTabbedDocks);
    m_health = new models::ChargerHealthStore(this);
    m_filter = new models::ChargerFilterModel(this);
    m_filter->setSourceModel(&chargers);

    m_map = new MapView(*m_filter, options, this);
    setCentralWidget(m_map);

    // Left: find a charger (one line) above the legend; right: the details; bottom: the fleet table.
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    m_search = new SearchPanel(chargers, left);
    m_legend = new LegendPanel(left);
    m_legend->layout()->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addSpacing(6);
    leftLayout->addWidget(m_legend);
    leftLayout->addStretch(1);
    m_details = new ChargerDetailsPanel(chargers, this);
    m_table = new FleetTableView(chargers, *m_health, this);
    m_legendDock = addDock(this, tr("Find and filter chargers"), QStringLiteral("legendDock"), left,
                           Qt::LeftDockWidgetArea);
    m_detailsDock = addDock(this, tr("Charger details"), QStringLiteral("detailsDock"), m_details,
                            Qt::RightDockWidgetArea);
    m_tableDock = addDock(this, tr("Fleet health"), QStringLiteral("fleetTableDock"), m_table,
                          Qt::BottomDockWidgetArea);
    resizeDocks({m_legendDock, m_detailsDock}, {260, 380}, Qt::Horizontal);
    resizeDocks({m_tableDock}, {340}, Qt::Vertical);

    m_indicator = new ConnectionIndicator(this);
    statusBar()->addWidget(m_indicator);
    m_summary = new StatusSummary(this);
    statusBar()->addPermanentWidget(m_summary);
    m_countLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_countLabel);
    buildMenus();

    connect(m_legend, &LegendPanel::statusVisibilityChanged, this,
            [this](contract::ChargerStatus status, bool visible) {
                m_filter->setStatusVisible(status, visible);
            });
    connect(m_legend, &LegendPanel::showAllRequested, m_filter, &models::ChargerFilterModel::showAllStatuses);
    connect(m_map, &MapView::chargerClicked, this, &MainWindow::selectCharger);
    connect(m_map, &MapView::clusterClicked, this, &MainWindow::selectChargers);
    connect(m_map, &MapView::chargerDoubleClicked, this, &MainWindow::detailRequested);
    connect(m_map, &MapView::contextMenuRequested, this, &MainWindow::contextMenuRequested);
    connect(m_table, &FleetTableView::selectionChanged, this,
            [this](const QStringList& ids) { applySelection(ids, true); });
    connect(m_table, &FleetTableView::chargerActivated, this, &MainWindow::detailRequested);
    connect(this, &MainWindow::detailRequested, this, [this](const QString& id) {
        if (m_detailFactory) {
            openDetailView(id);
        }
    });
    connect(m_table, &FleetTableView::contextMenuRequested, this, &MainWindow::contextMenuRequested);
    connect(m_search, &SearchPanel::chargerRequested, this, [this](const QString& typed) {
        const QString id = resolveChargerId(typed);
        const bool found = !id.isEmpty() && showCharger(id);
        m_search->showResult(found, typed);
    });

    // The link's state reaches the model first (staleness), then the indicator.
    connect(&link, &models::BrokerLink::connectionChanged, &chargers,
            &models::ChargerModel::setBrokerConnected);
    connect(&link, &models::BrokerLink::messagesReceived, m_health,
            &models::ChargerHealthStore::applyMessages);
    connect(&link, &models::BrokerLink::connectionChanged, this, &MainWindow::updateConnectionState);
    connect(&link, &models::BrokerLink::stateTextChanged, this, &MainWindow::updateConnectionState);
    connect(&chargers, &models::ChargerModel::staleChanged, this, &MainWindow::updateConnectionState);
    connect(&chargers, &models::ChargerModel::countsChanged, this, &MainWindow::updateCounts);
    connect(&chargers, &models::ChargerModel::countChanged, this, &MainWindow::updateCounts);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCounts);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCounts);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &MainWindow::updateCounts);
    connect(&m_table->tableModel(), &models::FleetTableModel::staleRowCountChanged, m_summary,
            &StatusSummary::setStaleCount);

    updateConnectionState();
    updateCounts();
    resize(defaultSize());
    m_defaultState = saveState(WindowLayout::kVersion);
}

QAction* MainWindow::addShortcut(QMenu* menu, const QString& text, const QKeySequence& key) {
    QAction* action = menu->addAction(text);
    action->setShortcut(key);
    // The window's shortcuts work wherever the focus is, docks included.
    action->setShortcutContext(Qt::WindowShortcut);
    m_shortcutActions.push_back(action);
    return action;
}

void MainWindow::buildMenus() {
    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : {m_tableDock, m_legendDock, m_detailsDock}) {
        view->addAction(dock->toggleViewAction());
    }
    view->addSeparator();
    connect(addShortcut(view, tr("&Search the fleet table"), QKeySequence::Find), &QAction::triggered, this,
            [this] {
                focusDock(m_tableDock, nullptr);
                m_table->focusSearch();
            });
    connect(addShortcut(view, tr("&Go to charger…"), QKeySequence(Qt::CTRL | Qt::Key_G)), &QAction::triggered,
            this, [this] {
                focusDock(m_legendDock, nullptr);
                m_search->focusSearch();
            });
    connect(addShortcut(view, tr("Focus the &map"), QKeySequence(Qt::CTRL | Qt::Key_1)), &QAction::triggered,
            this, [this] { m_map->setFocus(Qt::ShortcutFocusReason); });
    connect(addShortcut(view, tr("Focus the fleet &table"), QKeySequence(Qt::CTRL | Qt::Key_2)),
            &QAction::triggered, this, [this] { focusDock(m_tableDock, m_table->table()); });
    connect(addShortcut(view, tr("Focus the &details"), QKeySequence(Qt::CTRL | Qt::Key_3)),
            &QAction::triggered, this, [this] { focusDock(m_detailsDock, m_details); });
    connect(addShortcut(view, tr("Open charger &detail view"), QKeySequence(Qt::CTRL | Qt::Key_Return)),
            &QAction::triggered, this, [this] {
                if (!selectedCharger().isEmpty()) {
                    emit detailRequested(selectedCharger());
                }
            });
    connect(addShortcut(view, tr("&Clear selection"), QKeySequence(Qt::Key_Escape)), &QAction::triggered,
            this, [this] { selectChargers({}); });
    view->addSeparator();
    QAction* fit = addShortcut(view, tr("&Fit all chargers"), QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(fit, &QAction::triggered, m_map, &MapView::fitToChargers);
    connect(addShortcut(view, tr("&Resynchronise with the broker"), QKeySequence::Refresh),
            &QAction::triggered, this, &MainWindow::resync);
    view->addSeparator();
    connect(
        addShortcut(view, tr("Switch &theme (dark/light)"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)),
        &QAction::triggered, this, [this] { setTheme(m_theme == Theme::Dark ? Theme::Light : Theme::Dark); });
    QAction* reset = view->addAction(tr("Reset &layout"));
    connect(reset, &QAction::triggered, this, &MainWindow::resetLayout);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    m_helpMenu = help;
    connect(addShortcut(help, tr("&Keyboard shortcuts"), QKeySequence::HelpContents), &QAction::triggered,
            this, [this] {
                ShortcutsDialog dialog(m_shortcutActions, this);
                dialog.exec();
            });
}

QMenu* MainWindow::addMenuBeforeHelp(const QString& title) {
    auto* menu = new QMenu(title, menuBar());
    menuBar()->insertMenu(m_helpMenu->menuAction(), menu);
    return menu;
}

QList<QDockWidget*> MainWindow::detailDocks() const {
    QList<QDockWidget*> docks;
    for (const QPointer<QDockWidget>& dock : m_detailDocks) {
        if (dock) {
            docks.push_back(dock);
        }
    }
    return docks;
}

QDockWidget* MainWindow::openDetailView(const QString& chargerId) {
    if (!m_detailFactory || chargerId.isEmpty()) {
        return nullptr;
    }
    const QList<QDockWidget*> open = detailDocks();
    const QString name = QStringLiteral("chargerDetailDock-") + chargerId;
    for (QDockWidget* dock : open) {
        if (dock->objectName() == name) {
            focusDock(dock, dock->widget());
            return dock;
        }
    }
    auto* dock = new QDockWidget(tr("Charger %1").arg(chargerId), this);
    dock->setObjectName(name);
    dock->setAttribute(Qt::WA_DeleteOnClose);
    dock->setWidget(m_detailFactory(chargerId, dock));
    if (open.isEmpty()) {
        // The first one takes the place of the summary panel, which stays a tab away: side by side,
        // the summary was squeezed into a column too narrow to read.
        addDockWidget(Qt::RightDockWidgetArea, dock);
        tabifyDockWidget(m_detailsDock, dock);
    } else if (open.size() == 1) {
        // Beside the first, not a tab: splitDockWidget() on a tabbed dock would only add a tab.
        addDockWidget(Qt::RightDockWidgetArea, dock, Qt::Horizontal);
    } else {
        tabifyDockWidget(open.last(), dock);
    }
    m_detailDocks.push_back(dock);
    // Plots need room: the map gives it up, it can be taken back with the splitter.
    // After the layout has taken the new dock in; sizing it before has no effect.
    QTimer::singleShot(0, dock, [this, dock] { resizeDocks({dock}, {kDetailDockWidth}, Qt::Horizontal); });
    focusDock(dock, dock->widget());
    return dock;
}

void MainWindow::focusDock(QDockWidget* dock, QWidget* target) {
    dock->show();
    dock->raise();
    if (target) {
        target->setFocus(Qt::ShortcutFocusReason);
    }
}

QSize MainWindow::defaultSize() const {
    const QSize wanted(1600, 1000);
    const QScreen* screen = this->screen();
    if (!screen) {
        return wanted;
    }
    return wanted.boundedTo(screen->availableSize());
}

bool MainWindow::prefersMaximized() const {
    // On a big screen the map deserves all of it; on a small one the window is the screen anyway.
    const QScreen* screen = this->screen();
    return screen && (screen->availableSize().width() >= 2200 || screen->availableSize().width() <= 1600 ||
                      screen->availableSize().height() <= 1000);
}

MainWindow::~MainWindow() = default;

void MainWindow::selectCharger(const QString& chargerId) {
    selectChargers(chargerId.isEmpty() ? QStringList() : QStringList{chargerId});
}

void MainWindow::selectChargers(const QStringList& chargerIds) {
    applySelection(chargerIds, false);
}

void MainWindow::applySelection(const QStringList& chargerIds, bool fromTable) {
    m_selected = chargerIds;
    m_map->setSelectedChargers(chargerIds);
    m_details->setCharger(chargerIds.value(0));
    if (!fromTable) {
        m_table->setSelectedChargers(chargerIds);
    }
}

bool MainWindow::showCharger(const QString& chargerId) {
    if (m_chargers.rowOf(chargerId) < 0) {
        return false;
    }
    selectCharger(chargerId);
    m_map->centerOnCharger(chargerId);
    return true;
}

QString MainWindow::resolveChargerId(const QString& typed) const {
    if (m_chargers.rowOf(typed) >= 0) {
        return typed;
    }
    // Operators type ids in any case; accept a case-insensitive match when it is unique.
    QString match;
    for (int row = 0; row < m_chargers.rowCount(); ++row) {
        const QString& id = m_chargers.chargerIdAt(row);
        if (id.compare(typed, Qt::CaseInsensitive) == 0) {
            if (!match.isEmpty()) {
                return {};
            }
            match = id;
        }
    }
    return match;
}

void MainWindow::setTheme(Theme theme, bool remember) {
    applyTheme(theme);
    m_map->setDark(theme == Theme::Dark);
    const bool changed = theme != m_theme;
    m_theme = theme;
    if (remember) {
        QSettings().setValue(kThemeKey, themeName(theme));
    }
    if (changed) {
        emit themeChanged(theme);
    }
}

std::optional<Theme> MainWindow::savedTheme() {
    return themeFromName(QSettings().value(kThemeKey).toString());
}

QString MainWindow::layoutUser() const {
    return m_link.options().username;
}

bool MainWindow::restoreLayout() {
    QSettings settings;
    if (!WindowLayout::restore(*this, settings, layoutUser())) {
        return false;
    }
    m_table->restoreState(settings.value(WindowLayout::group(layoutUser()) + kTableHeaderKey).toByteArray());
    return true;
}

void MainWindow::saveLayout() const {
    QSettings settings;
    WindowLayout::save(*this, settings, layoutUser());
    settings.setValue(WindowLayout::group(layoutUser()) + kTableHeaderKey, m_table->saveState());
}

void MainWindow::resetLayout() {
    restoreState(m_defaultState, WindowLayout::kVersion);
    for (QDockWidget* dock : {m_tableDock, m_legendDock, m_detailsDock}) {
        dock->show();
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::resync() {
    // Reconnecting re-subscribes, and the broker sends every retained state again.
    m_link.stop();
    m_link.start();
}

void MainWindow::updateConnectionState() {
    if (!m_chargers.isBrokerConnected()) {
        m_connection = ConnectionState::Disconnected;
    } else if (m_chargers.isStale()) {
        m_connection = ConnectionState::AgentOffline;
    } else {
        m_connection = ConnectionState::Connected;
    }
    m_indicator->setState(m_connection, m_link.stateText());
    m_map->setConnectionState(m_connection);
}

void MainWindow::updateCounts() {
    const QVector<int> counts = m_chargers.statusCounts();
    m_legend->setCounts(counts);
    m_summary->setCounts(counts);
    const QLocale locale;
    const int total = m_chargers.rowCount();
    const int shown = m_filter->rowCount();
    m_countLabel->setText(
        shown == total ? tr("%1 chargers").arg(locale.toString(total))
                       : tr("%1 of %2 chargers shown").arg(locale.toString(shown), locale.toString(total)));
}

} // namespace voltdesk::widgets
