#include "models/fleet_table_model.h"

#include "models/charger_health_store.h"
#include "models/charger_model.h"
#include "models/status_letters.h"
#include "models/status_names.h"
#include "models/telemetry_model.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>
#include <algorithm>
#include <array>
#include <limits>
#include <optional>

namespace voltdesk::models {

using contract::ChargerStatus;

namespace {

// Ascending status sort puts the chargers that need an operator first.
constexpr std::array<int, contract::kChargerStatusCount> kSeverityRank = [] {
    std::array<int, contract::kChargerStatusCount> rank{};
    const std::array<ChargerStatus, contract::kChargerStatusCount> worstFirst = {
        ChargerStatus::Faulted,  ChargerStatus::Offline,   ChargerStatus::Unavailable,
        ChargerStatus::Unknown,  ChargerStatus::Reserved,  ChargerStatus::Occupied,
        ChargerStatus::Charging, ChargerStatus::Available,
    };
    for (std::size_t i = 0; i < worstFirst.size(); ++i) {
        rank[static_cast<std::size_t>(worstFirst[i])] = static_cast<int>(i);
    }
    return rank;
}();

constexpr double kUnknownLast = std::numeric_limits<double>::infinity();

QString dash() {
    return QStringLiteral("—");
}

bool isHealthColumn(int column) {
    return column >= FleetTableModel::PowerColumn && column <= FleetTableModel::HealthScoreColumn;
}

} // namespace

FleetTableModel::FleetTableModel(ChargerModel& chargers, ChargerHealthStore& health, QObject* parent)
    : QAbstractTableModel(parent), m_chargers(chargers), m_health(health),
      m_nowMs(QDateTime::currentMSecsSinceEpoch()) {
    const int rows = chargers.rowCount();
    m_dirty.assign(static_cast<std::size_t>(rows), 0);
    m_wasStale.assign(static_cast<std::size_t>(rows), 0);

    // Structure is forwarded at once, so row numbers always agree with ChargerModel's.
    connect(&chargers, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex&, int first, int last) { beginInsertRows({}, first, last); });
    connect(&chargers, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) {
                const auto at = static_cast<std::ptrdiff_t>(first);
                const auto n = static_cast<std::size_t>(last) - static_cast<std::size_t>(first) + 1;
                m_dirty.insert(m_dirty.begin() + at, n, 0);
                m_wasStale.insert(m_wasStale.begin() + at, n, 0);
                for (int& row : m_dirtyList) {
                    row += row >= first ? static_cast<int>(n) : 0;
                }
                endInsertRows();
            });
    connect(&chargers, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex&, int first, int last) { beginRemoveRows({}, first, last); });
    connect(&chargers, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex&, int first, int last) { onRowsRemoved(first, last); });
    connect(&chargers, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
    connect(&chargers, &QAbstractItemModel::modelReset, this, [this] {
        const auto n = static_cast<std::size_t>(m_chargers.rowCount());
        m_dirty.assign(n, 0);
        m_wasStale.assign(n, 0);
        m_dirtyList.clear();
        endResetModel();
    });
    connect(&chargers, &QAbstractItemModel::dataChanged, this, &FleetTableModel::onSourceDataChanged);
    connect(&health, &ChargerHealthStore::healthChanged, this, &FleetTableModel::onHealthChanged);

    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &FleetTableModel::flush);
    m_tickTimer.setInterval(kTickIntervalMs);
    connect(&m_tickTimer, &QTimer::timeout, this, &FleetTableModel::tick);
    m_tickTimer.start();
}

int FleetTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_chargers.rowCount();
}

int FleetTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
        case ChargerColumn:
            return tr("Charger");
        case SiteColumn:
            return tr("Site");
        case StatusColumn:
            return tr("Status");
        case ConnectorsColumn:
            return tr("Connectors");
        case LastMessageColumn:
            return tr("Last message");
        case FirmwareColumn:
            return tr("Firmware");
        case PowerColumn:
            return tr("Power");
        case EnergyTodayColumn:
            return tr("Energy today");
        case Faults24hColumn:
            return tr("Faults 24 h");
        case Availability24hColumn:
            return tr("Avail. 24 h");
        case Availability30dColumn:
            return tr("Avail. 30 d");
        case HealthScoreColumn:
            return tr("Health");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ConnectorsColumn:
            return tr("Status per connector: A available, P preparing, C charging, SE/SV suspended by the "
                      "charger/vehicle, Fi finishing, R reserved, U unavailable, F faulted");
        case LastMessageColumn:
            return tr("Time since the charger's last message; greyed when older than %n min", nullptr,
                      static_cast<int>(m_messageIntervalMs / 60000));
        case Availability24hColumn:
        case Availability30dColumn:
            return tr("Share of the time the charger was neither Faulted, Unavailable nor offline");
        case HealthScoreColumn:
            return tr("0–100, computed by the agent from faults, availability and connectivity");
        default:
            return {};
        }
    }
    return {};
}

QVariant FleetTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_chargers.rowCount() || index.column() >= ColumnCount) {
        return {};
    }
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case Qt::TextAlignmentRole:
        if (column >= PowerColumn || column == LastMessageColumn) {
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        }
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case SortRole:
        return sortKey(row, column);
    case StaleRole:
        return isStale(row, column);
    case StatusRole:
        return static_cast<int>(m_chargers.statusAt(row));
    case ChargerIdRole:
        return m_chargers.chargerIdAt(row);
    case SiteIdRole:
        return QString::fromStdString(m_chargers.stateAt(row).siteId);
    default:
        return {};
    }
}

QVariant FleetTableModel::display(int row, int column) const {
    const contract::ChargerState& s = m_chargers.stateAt(row);
    const HealthFigures* h = m_health.find(m_chargers.chargerIdAt(row));
    const QLocale locale;
    switch (column) {
    case ChargerColumn:
        return m_chargers.chargerIdAt(row);
    case SiteColumn:
        return m_chargers.sites().displayName(QString::fromStdString(s.siteId));
    case StatusColumn:
        return statusDisplayName(m_chargers.statusAt(row));
    case ConnectorsColumn:
        return connectorSummary(s.connectors);
    case LastMessageColumn: {
        if (s.lastSeen <= 0) {
            return dash();
        }
        const qint64 seconds = std::max<qint64>(0, (m_nowMs - s.lastSeen) / 1000);
        if (seconds < 60) {
            return tr("%n s ago", nullptr, static_cast<int>(seconds));
        }
        if (seconds < 3600) {
            return tr("%n min ago", nullptr, static_cast<int>(seconds / 60));
        }
        if (seconds < qint64{48} * 3600) {
            return tr("%n h ago", nullptr, static_cast<int>(seconds / 3600));
        }
        return tr("%n d ago", nullptr, static_cast<int>(seconds / 86400));
    }
    case FirmwareColumn:
        return s.firmwareVersion.empty() ? dash() : QString::fromStdString(s.firmwareVersion);
    case PowerColumn: {
        const std::optional<double> power = powerW(row, h);
        return power ? tr("%1 kW").arg(locale.toString(*power / 1000.0, 'f', 1)) : dash();
    }
    case EnergyTodayColumn:
        return h && h->energyTodayWh ? tr("%1 kWh").arg(locale.toString(*h->energyTodayWh / 1000.0, 'f', 1))
                                     : dash();
    case Faults24hColumn:
        return h && h->faults24h ? locale.toString(*h->faults24h) : dash();
    case Availability24hColumn:
        return h && h->availability24h ? tr("%1 %").arg(locale.toString(*h->availability24h * 100.0, 'f', 1))
                                       : dash();
    case Availability30dColumn:
        return h && h->availability30d ? tr("%1 %").arg(locale.toString(*h->availability30d * 100.0, 'f', 1))
                                       : dash();
    case HealthScoreColumn:
        return h && h->healthScore ? locale.toString(*h->healthScore) : dash();
    default:
        return {};
    }
}

QVariant FleetTableModel::toolTip(int row, int column) const {
    const contract::ChargerState& s = m_chargers.stateAt(row);
    switch (column) {
    case ConnectorsColumn:
        return connectorDetails(s.connectors);
    case LastMessageColumn:
        return s.lastSeen > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(s.lastSeen).toLocalTime(),
                                                   QLocale::LongFormat)
                              : QVariant();
    case HealthScoreColumn: {
        const HealthFigures* h = m_health.find(m_chargers.chargerIdAt(row));
        if (!h) {
            return tr("No health figures from the agent yet");
        }
        return h->healthReasons.isEmpty() ? tr("No problems found")
                                          : h->healthReasons.join(QLatin1Char('\n'));
    }
    default:
        return {};
    }
}

QVariant FleetTableModel::sortKey(int row, int column) const {
    const contract::ChargerState& s = m_chargers.stateAt(row);
    const HealthFigures* h = column >= PowerColumn ? m_health.find(m_chargers.chargerIdAt(row)) : nullptr;
    const auto figure = [](const auto& value, double scale = 1.0) {
        return value ? static_cast<double>(*value) * scale : kUnknownLast;
    };
    switch (column) {
    case ChargerColumn:
        return m_chargers.chargerIdAt(row);
    case SiteColumn:
        return m_chargers.sites().displayName(QString::fromStdString(s.siteId));
    case StatusColumn:
        return static_cast<double>(kSeverityRank[static_cast<std::size_t>(m_chargers.statusAt(row))]);
    case ConnectorsColumn:
        return connectorSummary(s.connectors);
    case LastMessageColumn: // oldest first
        return s.lastSeen > 0 ? static_cast<double>(s.lastSeen) : kUnknownLast;
    case FirmwareColumn:
        return QString::fromStdString(s.firmwareVersion);
    case PowerColumn:
        return figure(powerW(row, h));
    case EnergyTodayColumn:
        return h ? figure(h->energyTodayWh) : kUnknownLast;
    case Faults24hColumn:
        return h ? figure(h->faults24h) : kUnknownLast;
    case Availability24hColumn:
        return h ? figure(h->availability24h) : kUnknownLast;
    case Availability30dColumn:
        return h ? figure(h->availability30d) : kUnknownLast;
    case HealthScoreColumn:
        return h ? figure(h->healthScore) : kUnknownLast;
    default:
        return {};
    }
}

bool FleetTableModel::isRowStale(int row) const {
    return m_chargers.data(m_chargers.index(row), ChargerModel::StaleRole).toBool();
}

bool FleetTableModel::isMessageOld(int row) const {
    const contract::EpochMs seen = m_chargers.stateAt(row).lastSeen;
    return seen > 0 && m_nowMs - seen > m_messageIntervalMs;
}

bool FleetTableModel::isHealthOld(int row) const {
    const HealthFigures* h = m_health.find(m_chargers.chargerIdAt(row));
    return h && h->computedAtMs > 0 && m_nowMs - h->computedAtMs > m_healthIntervalMs;
}

bool FleetTableModel::isStale(int row, int column) const {
    if (isRowStale(row)) {
        return true;
    }
    switch (column) {
    case LastMessageColumn:
    case ConnectorsColumn:
        return isMessageOld(row);
    case StatusColumn:
        // An offline charger's status is current news (the agent knows it is gone); an online one
        // that has been silent too long is not.
        return m_chargers.stateAt(row).online && isMessageOld(row);
    case PowerColumn:
        return !livePowerW(row) && isHealthOld(row);
    default:
        return isHealthColumn(column) && isHealthOld(row);
    }
}

void FleetTableModel::setTelemetry(const TelemetryModel* telemetry) {
    disconnect(m_telemetryConnection);
    m_telemetry = telemetry;
    if (telemetry) {
        m_telemetryConnection =
            connect(telemetry, &TelemetryModel::samplesAdded, this, [this](const QString& id) {
                const int row = m_chargers.rowOf(id);
                if (row >= 0) {
                    markDirty(row);
                }
            });
    }
    const int rows = rowCount();
    if (rows > 0) {
        emit dataChanged(index(0, PowerColumn), index(rows - 1, PowerColumn));
    }
}

std::optional<double> FleetTableModel::livePowerW(int row) const {
    if (!m_telemetry) {
        return std::nullopt;
    }
    const QString& id = m_chargers.chargerIdAt(row);
    double sum = 0;
    for (const contract::ConnectorState& connector : m_chargers.stateAt(row).connectors) {
        if (connector.id == 0 || !connector.session) {
            continue; // only a connector in a session draws power
        }
        const std::optional<TelemetryReading> reading = m_telemetry->latest(id, connector.id);
        const std::optional<double> power = reading ? reading->value(Quantity::Power) : std::nullopt;
        if (!power || m_nowMs - reading->atMs > kLivePowerMaxAgeMs) {
            return std::nullopt;
        }
        sum += *power;
    }
    return sum;
}

std::optional<double> FleetTableModel::powerW(int row, const HealthFigures* health) const {
    if (const std::optional<double> live = livePowerW(row)) {
        return live;
    }
    return health ? health->powerW : std::nullopt;
}

void FleetTableModel::setMessageIntervalMs(qint64 ms) {
    m_messageIntervalMs = ms;
    advanceClock(m_nowMs);
}

void FleetTableModel::setHealthIntervalMs(qint64 ms) {
    m_healthIntervalMs = ms;
    advanceClock(m_nowMs);
}

void FleetTableModel::setNow(qint64 msSinceEpoch) {
    m_tickTimer.stop();
    advanceClock(msSinceEpoch);
}

void FleetTableModel::tick() {
    advanceClock(QDateTime::currentMSecsSinceEpoch());
}

void FleetTableModel::advanceClock(qint64 nowMs) {
    m_nowMs = nowMs;
    const int rows = rowCount();
    int stale = 0;
    for (int row = 0; row < rows; ++row) {
        // Any greyed cell; a row whose greying changed is repainted whole.
        const bool any = isRowStale(row) || isMessageOld(row) || isHealthOld(row);
        stale += any ? 1 : 0;
        char& was = m_wasStale[static_cast<std::size_t>(row)];
        if (was != static_cast<char>(any)) {
            was = static_cast<char>(any);
            markDirty(row);
        }
    }
    // The ages move for every row: one signal for the column instead of one per row.
    if (rows > 0) {
        emit dataChanged(index(0, LastMessageColumn), index(rows - 1, LastMessageColumn), {Qt::DisplayRole});
    }
    if (stale != m_staleRows) {
        m_staleRows = stale;
        emit staleRowCountChanged(stale);
    }
}

void FleetTableModel::markDirty(int row) {
    char& flag = m_dirty[static_cast<std::size_t>(row)];
    if (flag) {
        return;
    }
    flag = 1;
    m_dirtyList.push_back(row);
    if (!m_flushTimer.isActive()) {
        const qint64 since = m_sinceFlush.isValid() ? m_sinceFlush.elapsed() : kFlushIntervalMs;
        m_flushTimer.start(static_cast<int>(std::max<qint64>(0, kFlushIntervalMs - since)));
    }
}

void FleetTableModel::onSourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight) {
    if (!topLeft.isValid() || !bottomRight.isValid()) {
        return;
    }
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        markDirty(row);
    }
}

void FleetTableModel::onHealthChanged(const QStringList& chargerIds) {
    for (const QString& id : chargerIds) {
        const int row = m_chargers.rowOf(id);
        if (row >= 0) {
            markDirty(row);
        }
    }
}

void FleetTableModel::onRowsRemoved(int first, int last) {
    const int n = last - first + 1;
    const auto at = m_dirty.begin() + first;
    m_dirty.erase(at, at + n);
    m_wasStale.erase(m_wasStale.begin() + first, m_wasStale.begin() + first + n);
    std::vector<int> kept;
    kept.reserve(m_dirtyList.size());
    for (int row : m_dirtyList) {
        if (row < first) {
            kept.push_back(row);
        } else if (row > last) {
            kept.push_back(row - n);
        }
    }
    m_dirtyList = std::move(kept);
    endRemoveRows();
}

void FleetTableModel::flush() {
    m_flushTimer.stop();
    if (m_dirtyList.empty()) {
        return;
    }
    m_sinceFlush.start();
    std::vector<int> rows;
    rows.swap(m_dirtyList);
    for (int row : rows) {
        m_dirty[static_cast<std::size_t>(row)] = 0;
    }
    std::sort(rows.begin(), rows.end());
    // One signal per run of adjacent rows: a view repaints the run's rectangle once.
    std::size_t start = 0;
    for (std::size_t i = 1; i <= rows.size(); ++i) {
        if (i == rows.size() || rows[i] != rows[i - 1] + 1) {
            emit dataChanged(index(rows[start], 0), index(rows[i - 1], ColumnCount - 1));
            start = i;
        }
    }
}

} // namespace voltdesk::models
