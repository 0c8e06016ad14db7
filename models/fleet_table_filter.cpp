#include "models/fleet_table_filter.h"

#include "models/charger_model.h"
#include "models/fleet_table_model.h"

namespace voltdesk::models {

FleetTableFilter::FleetTableFilter(QObject* parent) : QSortFilterProxyModel(parent) {
    // Dynamic sorting would move a row the moment its value changes; the timer below does it instead.
    setDynamicSortFilter(false);
    setSortRole(FleetTableModel::SortRole);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kResortIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (!m_outOfDate) {
            return;
        }
        ++m_refreshes;
        refreshNow();
    });
}

void FleetTableFilter::setSourceModel(QAbstractItemModel* model) {
    if (sourceModel()) {
        disconnect(sourceModel(), nullptr, this, nullptr);
    }
    m_table = qobject_cast<const FleetTableModel*>(model);
    QSortFilterProxyModel::setSourceModel(model);
    if (!model) {
        return;
    }
    connect(model, &QAbstractItemModel::dataChanged, this, &FleetTableFilter::onSourceChanged);
    connect(model, &QAbstractItemModel::rowsInserted, this, &FleetTableFilter::onSourceChanged);
}

bool FleetTableFilter::isFiltering() const {
    return m_statuses.any() || !m_siteId.isEmpty() || !m_search.isEmpty();
}

void FleetTableFilter::onSourceChanged() {
    if (sortColumn() < 0 && !isFiltering()) {
        return;
    }
    m_outOfDate = true;
    if (!m_refreshTimer.isActive()) {
        m_refreshTimer.start();
    }
}

void FleetTableFilter::refreshNow() {
    m_outOfDate = false;
    invalidate();
}

void FleetTableFilter::setStatuses(const std::bitset<contract::kChargerStatusCount>& statuses) {
    if (statuses == m_statuses) {
        return;
    }
    m_statuses = statuses;
    refreshNow();
    emit filterChanged();
}

void FleetTableFilter::setSiteId(const QString& siteId) {
    if (siteId == m_siteId) {
        return;
    }
    m_siteId = siteId;
    refreshNow();
    emit filterChanged();
}

void FleetTableFilter::setSearchText(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed == m_search) {
        return;
    }
    m_search = trimmed;
    refreshNow();
    emit filterChanged();
}

bool FleetTableFilter::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    if (!m_table) {
        return true;
    }
    const ChargerModel& chargers = m_table->chargers();
    if (m_statuses.any() && !m_statuses.test(static_cast<std::size_t>(chargers.statusAt(sourceRow)))) {
        return false;
    }
    const contract::ChargerState& state = chargers.stateAt(sourceRow);
    const QString siteId = QString::fromStdString(state.siteId);
    if (!m_siteId.isEmpty() && siteId != m_siteId) {
        return false;
    }
    if (m_search.isEmpty()) {
        return true;
    }
    const auto has = [this](const QString& text) { return text.contains(m_search, Qt::CaseInsensitive); };
    return has(chargers.chargerIdAt(sourceRow)) || has(siteId) || has(chargers.sites().displayName(siteId)) ||
           has(QString::fromStdString(state.firmwareVersion)) || has(QString::fromStdString(state.vendor)) ||
           has(QString::fromStdString(state.model));
}

bool FleetTableFilter::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    if (!m_table) {
        return QSortFilterProxyModel::lessThan(left, right);
    }
    const QVariant a = m_table->sortKey(left.row(), left.column());
    const QVariant b = m_table->sortKey(right.row(), right.column());
    if (a.typeId() == QMetaType::Double && b.typeId() == QMetaType::Double) {
        const double x = a.toDouble();
        const double y = b.toDouble();
        if (x != y) {
            return x < y;
        }
    } else {
        const int c = QString::compare(a.toString(), b.toString(), Qt::CaseInsensitive);
        if (c != 0) {
            return c < 0;
        }
    }
    // Equal keys: by charger id, so the order is stable from one re-sort to the next.
    return QString::compare(m_table->chargers().chargerIdAt(left.row()),
                            m_table->chargers().chargerIdAt(right.row()), Qt::CaseInsensitive) < 0;
}

} // namespace voltdesk::models
