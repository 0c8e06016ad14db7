#include "widgets/main_window.h"

#include "models/broker_link.h"
#include "models/charger_filter_model.h"
#include "models/charger_model.h"
#include "widgets/charger_details_panel.h"
#include "widgets/connection_indicator.h"
#include "widgets/legend_panel.h"
#include "widgets/map_view.h"
#include "widgets/search_panel.h"

#include <QDockWidget>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QScreen>
#include <QStatusBar>
#include <QVBoxLayout>

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

    // Left: find a charger (one line) above the legend; right: the details, the whole height.
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
    QDockWidget* legendDock = addDock(this, tr("Find and filter chargers"), QStringLiteral("legendDock"),
                                      left, Qt::LeftDockWidgetArea);
    QDockWidget* detailsDock = addDock(this, tr("Charger details"), QStringLiteral("detailsDock"), m_details,
                                       Qt::RightDockWidgetArea);
    resizeDocks({legendDock, detailsDock}, {260, 380}, Qt::Horizontal);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : {legendDock, detailsDock})
        view->addAction(dock->toggleViewAction());
    view->addAction(tr("F&ind charger…"), QKeySequence::Find, m_search, &SearchPanel::focusSearch);
    view->addSeparator();
    view->addAction(tr("&Fit all chargers"), QKeySequence(Qt::CTRL | Qt::Key_0), m_map,
                    &MapView::fitToChargers);

    m_indicator = new ConnectionIndicator(this);
    statusBar()->addWidget(m_indicator);
    m_countLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_countLabel);

    connect(m_legend, &LegendPanel::statusVisibilityChanged, this,
            [this](contract::ChargerStatus status, bool visible) {
                m_filter->setStatusVisible(status, visible);
            });
    connect(m_legend, &LegendPanel::showAllRequested, m_filter, &models::ChargerFilterModel::showAllStatuses);
    connect(m_map, &MapView::chargerClicked, this, &MainWindow::selectCharger);
    connect(m_search, &SearchPanel::chargerRequested, this, [this](const QString& typed) {
        const QString id = resolveChargerId(typed);
        const bool found = !id.isEmpty() && showCharger(id);
        m_search->showResult(found, typed);
    });

    // The link's state reaches the model first (staleness), then the indicator.
    connect(&link, &models::BrokerLink::connectionChanged, &chargers,
            &models::ChargerModel::setBrokerConnected);
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
    resize(defaultSize());
}

QSize MainWindow::defaultSize() const {
    const QSize wanted(1600, 1000);
    const QScreen* screen = this->screen();
    if (!screen)
        return wanted;
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
    m_countLabel->setText(
        shown == total ? tr("%1 chargers").arg(locale.toString(total))
                       : tr("%1 of %2 chargers shown").arg(locale.toString(shown), locale.toString(total)));
}

} // namespace voltdesk::widgets
