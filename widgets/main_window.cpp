#include "widgets/main_window.h"

#include "widgets/charger_details_panel.h"
#include "widgets/connection_indicator.h"
#include "widgets/legend_panel.h"
#include "widgets/map_view.h"
#include "widgets/search_panel.h"

#include "models/broker_link.h"
#include "models/charger_filter_model.h"
#include "models/charger_model.h"

#include <QDockWidget>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QStatusBar>

namespace voltdesk::widgets {

namespace {

QDockWidget* addDock(QMainWindow* window, const QString& title, const QString& name, QWidget* content,
                     Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, window);
    dock->setObjectName(name);
    dock->setWidget(content);
    dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    window->addDockWidget(area, dock);
    return dock;
}

} // namespace

MainWindow::MainWindow(models::ChargerModel& chargers, models::BrokerLink& link, const MapOptions& options,
                       QWidget* parent)
    : QMainWindow(parent), m_chargers(chargers), m_link(link) {
    setWindowTitle(tr("Voltdesk — charging network console"));
    m_filter = new models::ChargerFilterModel(this);
    m_filter->setSourceModel(&chargers);

    m_map = new MapView(*m_filter, options, this);
    setCentralWidget(m_map);

    m_legend = new LegendPanel(this);
    m_search = new SearchPanel(chargers, this);
    m_details = new ChargerDetailsPanel(chargers, this);
    QDockWidget* legendDock = addDock(this, tr("Legend and counts"), QStringLiteral("legendDock"), m_legend,
                                      Qt::LeftDockWidgetArea);
    QDockWidget* searchDock = addDock(this, tr("Find charger"), QStringLiteral("searchDock"), m_search,
                                      Qt::RightDockWidgetArea);
    QDockWidget* detailsDock = addDock(this, tr("Charger details"), QStringLiteral("detailsDock"), m_details,
                                       Qt::RightDockWidgetArea);
    splitDockWidget(searchDock, detailsDock, Qt::Vertical);
    resizeDocks({legendDock, detailsDock}, {250, 360}, Qt::Horizontal);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : {legendDock, searchDock, detailsDock})
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    view->addAction(tr("&Fit all chargers"), QKeySequence(Qt::CTRL | Qt::Key_0), m_map, &MapView::fitToChargers);

    m_indicator = new ConnectionIndicator(this);
    statusBar()->addWidget(m_indicator);
    m_countLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_countLabel);

    connect(m_legend, &LegendPanel::statusVisibilityChanged, this,
            [this](contract::ChargerStatus status, bool visible) { m_filter->setStatusVisible(status, visible); });
    connect(m_legend, &LegendPanel::showAllRequested, m_filter, &models::ChargerFilterModel::showAllStatuses);
    connect(m_map, &MapView::chargerClicked, this, &MainWindow::selectCharger);
    connect(m_search, &SearchPanel::chargerRequested, this, [this](const QString& typed) {
        const QString id = resolveChargerId(typed);
        const bool found = !id.isEmpty() && showCharger(id);
        m_search->showResult(found, typed);
    });

    // The link's state reaches the model first (staleness), then the indicator.
    connect(&link, &models::BrokerLink::connectionChanged, &chargers, &models::ChargerModel::setBrokerConnected);
    connect(&link, &models::BrokerLink::connectionChanged, this, &MainWindow::updateConnectionState);
    connect(&link, &models::BrokerLink::stateTextChanged, this, &MainWindow::updateConnectionState);
    connect(&chargers, &models::ChargerModel::staleChanged, this, &MainWindow::updateConnectionState);
    connect(&chargers, &models::ChargerModel::countsChanged, this, &MainWindow::updateCounts);
    connect(&chargers, &models::ChargerModel::countChanged, this, &MainWindow::updateCounts);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCounts);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCounts);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &MainWindow::updateCounts);

    updateConnectionState();
    updateCounts();
    resize(1400, 900);
}

MainWindow::~MainWindow() = default;

void MainWindow::selectCharger(const QString& chargerId) {
    m_selected = chargerId;
    m_map->setSelectedCharger(chargerId);
    m_details->setCharger(chargerId);
}

bool MainWindow::showCharger(const QString& chargerId) {
    if (m_chargers.rowOf(chargerId) < 0)
        return false;
    selectCharger(chargerId);
    m_map->centerOnCharger(chargerId);
    return true;
}

QString MainWindow::resolveChargerId(const QString& typed) const {
    if (m_chargers.rowOf(typed) >= 0)
        return typed;
    // Operators type ids in any case; accept a case-insensitive match when it is unique.
    QString match;
    for (int row = 0; row < m_chargers.rowCount(); ++row) {
        const QString& id = m_chargers.chargerIdAt(row);
        if (id.compare(typed, Qt::CaseInsensitive) == 0) {
            if (!match.isEmpty())
                return {};
            match = id;
        }
    }
    return match;
}

void MainWindow::updateConnectionState() {
    if (!m_chargers.isBrokerConnected())
        m_connection = ConnectionState::Disconnected;
    else if (m_chargers.isStale())
        m_connection = ConnectionState::AgentOffline;
    else
        m_connection = ConnectionState::Connected;
    m_indicator->setState(m_connection, m_link.stateText());
    m_map->setConnectionState(m_connection);
}

void MainWindow::updateCounts() {
    m_legend->setCounts(m_chargers.statusCounts());
    const QLocale locale;
    const int total = m_chargers.rowCount();
    const int shown = m_filter->rowCount();
    m_countLabel->setText(shown == total ? tr("%1 chargers").arg(locale.toString(total))
                                         : tr("%1 of %2 chargers shown").arg(locale.toString(shown),
                                                                             locale.toString(total)));
}

} // namespace voltdesk::widgets
