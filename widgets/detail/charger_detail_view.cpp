#include "widgets/detail/charger_detail_view.h"

#include "contract/iso8601.h"
#include "models/charger_model.h"
#include "models/command_client.h"
#include "widgets/detail/connector_table.h"
#include "widgets/detail/live_plot.h"
#include "widgets/detail/status_timeline.h"
#include "widgets/detail/telemetry_plot_feed.h"

#include <QDateTime>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace voltdesk::widgets {

namespace {

QString age(qint64 ms) {
    const qint64 s = std::max<qint64>(0, ms / 1000);
    if (s < 120) {
        return ChargerDetailView::tr("%n s ago", nullptr, int(s));
    }
    if (s < 7200) {
        return ChargerDetailView::tr("%n min ago", nullptr, int(s / 60));
    }
    return ChargerDetailView::tr("%n h ago", nullptr, int(s / 3600));
}

QString plotLabel(models::Quantity q) {
    const QString unit = q == models::Quantity::Power ? QStringLiteral("kW") : models::quantityUnit(q);
    return QStringLiteral("%1 (%2)").arg(models::quantityName(q), unit);
}

QString iso(qint64 ms) {
    return QString::fromStdString(contract::toIso8601(ms));
}

} // namespace

ChargerDetailView::ChargerDetailView(QString chargerId, models::ChargerModel& chargers,
                                     models::TelemetryModel& telemetry, models::CommandClient* commands,
                                     QWidget* parent)
    : QWidget(parent), m_chargerId(std::move(chargerId)), m_chargers(chargers), m_telemetry(telemetry),
      m_commands(commands), m_clock(new QTimer(this)), m_historyTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("chargerDetail:") + m_chargerId);
    m_telemetry.watch(m_chargerId);
    auto* layout = new QVBoxLayout(this);
    buildHeader(layout);
    m_connectors = new ConnectorTable(this);
    layout->addWidget(m_connectors);

    auto* timelineBox = new QGroupBox(tr("Last 24 hours"), this);
    auto* timelineLayout = new QVBoxLayout(timelineBox);
    m_timeline = new StatusTimeline(timelineBox);
    timelineLayout->addWidget(m_timeline);
    layout->addWidget(timelineBox);

    auto* tabs = new QTabWidget(this);
    tabs->addTab(buildPlots(), tr("Live"));
    tabs->addTab(buildEvents(), tr("Faults and events"));
    tabs->addTab(buildConfiguration(), tr("Configuration"));
    layout->addWidget(tabs, 1);

    connect(&m_chargers, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& from, const QModelIndex& to) {
                const int row = m_chargers.rowOf(m_chargerId);
                if (row >= from.row() && row <= to.row()) {
                    refreshState();
                }
            });
    connect(&m_chargers, &QAbstractItemModel::rowsInserted, this, &ChargerDetailView::refreshState);
    connect(&m_chargers, &QAbstractItemModel::rowsRemoved, this, &ChargerDetailView::refreshState);
    connect(&m_chargers, &QAbstractItemModel::modelReset, this, &ChargerDetailView::refreshState);
    connect(&m_telemetry, &models::TelemetryModel::samplesAdded, this, [this](const QString& id) {
        if (id == m_chargerId) {
            refreshState();
        }
    });
    connect(&m_history, &models::ChargerHistoryModel::historyChanged, this,
            &ChargerDetailView::refreshTimeline);
    // Durations, ages and the timeline's "now" move without any message arriving.
    m_clock->setInterval(1000);
    connect(m_clock, &QTimer::timeout, this, &ChargerDetailView::refreshState);
    m_clock->start();
    m_historyTimer->setInterval(kHistoryRefreshMs);
    connect(m_historyTimer, &QTimer::timeout, this, &ChargerDetailView::refreshHistory);
    m_historyTimer->start();

    refreshState();
    refreshTimeline();
}

ChargerDetailView::~ChargerDetailView() {
    m_telemetry.unwatch(m_chargerId);
}

void ChargerDetailView::buildHeader(QVBoxLayout* layout) {
    m_title = new QLabel(this);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_title->setFont(big);
    m_equipment = new QLabel(this);
    m_connection = new QLabel(this);
    layout->addWidget(m_title);
    layout->addWidget(m_equipment);
    layout->addWidget(m_connection);
    m_commandBarSlot = new QVBoxLayout;
    m_commandBarSlot->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_commandBarSlot);
}

QWidget* ChargerDetailView::buildPlots() {
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto* content = new QWidget(scroll);
    auto* column = new QVBoxLayout(content);
    for (std::size_t i = 0; i < kPlotted.size(); ++i) {
        const models::Quantity q = kPlotted[i];
        auto* plot = new LivePlot(content);
        plot->setObjectName(QStringLiteral("plot:") + models::quantityName(q));
        plot->setValueLabel(plotLabel(q));
        plot->setMinimumHeight(170);
        column->addWidget(plot);
        m_plots[i] = plot;
        new TelemetryPlotFeed(m_telemetry, m_chargerId, q, *plot, q == models::Quantity::Power ? 0.001 : 1.0,
                              plot);
    }
    // Zooming or panning one plot's time axis moves them all; a double click makes all follow again.
    for (LivePlot* from : m_plots) {
        connect(from, &LivePlot::xRangeChangedByUser, this, [this, from](double lower, double upper) {
            for (LivePlot* to : m_plots) {
                if (to != from) {
                    to->setXRange(lower, upper);
                }
            }
        });
        connect(from, &LivePlot::followingChanged, this, [this](bool following) {
            if (following) {
                for (LivePlot* to : m_plots) {
                    to->setFollowing(true);
                }
            }
        });
    }
    scroll->setWidget(content);
    return scroll;
}

QWidget* ChargerDetailView::buildEvents() {
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_historyStatus = new QLabel(tr("History not loaded"), page);
    auto* table = new QTableView(page);
    table->setModel(&m_history);
    table->setWordWrap(true);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    layout->addWidget(m_historyStatus);
    layout->addWidget(table, 1);
    return page;
}

QWidget* ChargerDetailView::buildConfiguration() {
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* refresh = new QPushButton(tr("Refresh"), page);
    connect(refresh, &QPushButton::clicked, this, &ChargerDetailView::refreshConfiguration);
    m_configurationStatus = new QLabel(tr("Configuration not loaded"), page);
    auto* table = new QTableView(page);
    table->setModel(&m_configuration);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSortingEnabled(false);
    layout->addWidget(m_configurationStatus);
    layout->addWidget(refresh, 0, Qt::AlignLeft);
    layout->addWidget(table, 1);
    return page;
}

void ChargerDetailView::setCommandBar(QWidget* bar) {
    if (m_commandBar == bar) {
        return;
    }
    delete m_commandBar;
    m_commandBar = bar;
    if (bar != nullptr) {
        bar->setParent(this);
        m_commandBarSlot->addWidget(bar);
        bar->show();
    }
}

void ChargerDetailView::setHistory(const QJsonObject& response) {
    m_history.setHistory(response);
    m_telemetry.addHistory(m_chargerId, response);
    m_historyStatus->setText(
        tr("History as of %1").arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"))));
}

void ChargerDetailView::setConfiguration(const QJsonObject& response) {
    m_configuration.setConfiguration(response);
    QString text = tr("%n keys", nullptr, m_configuration.rowCount());
    if (!m_configuration.unknownKeys().isEmpty()) {
        text += QStringLiteral(" · ") +
                tr("unknown: %1").arg(m_configuration.unknownKeys().join(QStringLiteral(", ")));
    }
    m_configurationStatus->setText(text);
}

LivePlot* ChargerDetailView::plot(models::Quantity quantity) const {
    for (std::size_t i = 0; i < kPlotted.size(); ++i) {
        if (kPlotted[i] == quantity) {
            return m_plots[i];
        }
    }
    return nullptr;
}

QString ChargerDetailView::headerText() const {
    return QStringList{m_title->text(), m_equipment->text(), m_connection->text()}.join(QLatin1Char('\n'));
}

QString ChargerDetailView::agentId() const {
    const int row = m_chargers.rowOf(m_chargerId);
    return row < 0 ? QString() : QString::fromStdString(m_chargers.stateAt(row).agentId);
}

void ChargerDetailView::refreshHistory() {
    if (m_commands.isNull() || m_historyPending || agentId().isEmpty()) {
        return;
    }
    const qint64 now = contract::nowMs();
    const QJsonObject payload{{QStringLiteral("from"), iso(now - kHistorySpanMs)},
                              {QStringLiteral("to"), iso(now)},
                              {QStringLiteral("maxSamples"), 2000}};
    m_historyPending = true;
    m_historyStatus->setText(tr("Loading history…"));
    models::CommandCall* call =
        m_commands->send(agentId(), m_chargerId, QStringLiteral("GetChargerHistory"), payload);
    connect(call, &models::CommandCall::finished, this, [this](const models::CommandResult& result) {
        m_historyPending = false;
        if (result.outcome == contract::CommandOutcome::Completed) {
            setHistory(result.response);
        } else {
            m_historyStatus->setText(
                tr("History not available: %1 %2").arg(result.errorCode, result.description));
        }
    });
}

void ChargerDetailView::refreshConfiguration() {
    if (m_commands.isNull() || m_configurationPending || agentId().isEmpty()) {
        return;
    }
    m_configurationPending = true;
    m_configurationStatus->setText(tr("Asking the charger…"));
    models::CommandCall* call =
        m_commands->send(agentId(), m_chargerId, QStringLiteral("GetConfiguration"), QJsonObject{});
    connect(call, &models::CommandCall::finished, this, [this](const models::CommandResult& result) {
        m_configurationPending = false;
        if (result.outcome == contract::CommandOutcome::Completed) {
            setConfiguration(result.response);
        } else {
            m_configurationStatus->setText(
                tr("Configuration not available: %1 %2").arg(result.errorCode, result.description));
        }
    });
}

void ChargerDetailView::refreshState() {
    const int row = m_chargers.rowOf(m_chargerId);
    const qint64 now = contract::nowMs();
    if (row < 0) {
        m_title->setText(m_chargerId);
        m_equipment->clear();
        m_connection->setText(tr("Not known to the console (yet)"));
        m_connectors->setRowCount(0);
        return;
    }
    const contract::ChargerState& s = m_chargers.stateAt(row);
    const QModelIndex index = m_chargers.index(row);
    m_title->setText(QStringLiteral("%1 · %2").arg(
        m_chargerId, index.data(models::ChargerModel::SiteNameRole).toString()));
    m_equipment->setText(tr("%1 %2 · firmware %3 · serial %4 · %5 kW")
                             .arg(QString::fromStdString(s.vendor), QString::fromStdString(s.model),
                                  QString::fromStdString(s.firmwareVersion),
                                  QString::fromStdString(s.serialNumber))
                             .arg(s.maxPowerKw));
    const bool stale = index.data(models::ChargerModel::StaleRole).toBool();
    const QString seen =
        s.lastSeen == 0 ? tr("never heard from") : tr("last message %1").arg(age(now - s.lastSeen));
    m_connection->setText(QStringLiteral("%1 · %2").arg(stale      ? tr("Stale")
                                                        : s.online ? tr("Online")
                                                                   : tr("Offline"),
                                                        seen));
    // A role, not a colour, so the grey follows the theme.
    m_connection->setForegroundRole(stale ? QPalette::PlaceholderText : QPalette::WindowText);
    m_connectors->refresh(s, m_telemetry, now);
    refreshTimeline();
    if (!m_fetchedOnOpen && !s.agentId.empty() && !m_commands.isNull()) {
        m_fetchedOnOpen = true;
        refreshHistory();
        refreshConfiguration();
    }
}

void ChargerDetailView::refreshTimeline() {
    QVector<models::StatusChange> changes = m_history.statusChanges();
    // The live state continues the history up to now.
    const int row = m_chargers.rowOf(m_chargerId);
    if (row >= 0) {
        const contract::ChargerState& s = m_chargers.stateAt(row);
        for (const auto& c : s.connectors) {
            qint64 lastKnown = 0;
            for (const auto& h : changes) {
                if (h.connectorId == c.id) {
                    lastKnown = std::max(lastKnown, h.atMs);
                }
            }
            if (c.since > lastKnown) {
                changes.push_back({c.id, QString::fromLatin1(contract::toString(c.status)),
                                   QString::fromStdString(c.errorCode), QString::fromStdString(c.info),
                                   QString::fromStdString(c.vendorErrorCode), c.since});
            }
        }
        std::stable_sort(
            changes.begin(), changes.end(),
            [](const models::StatusChange& a, const models::StatusChange& b) { return a.atMs < b.atMs; });
    }
    m_timeline->setChanges(changes, contract::nowMs(), kHistorySpanMs);
}

} // namespace voltdesk::widgets
