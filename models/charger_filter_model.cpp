#include "models/charger_filter_model.h"

#include "models/charger_model.h"

namespace voltdesk::models {

ChargerFilterModel::ChargerFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setDynamicSortFilter(true);
}

bool ChargerFilterModel::isStatusVisible(contract::ChargerStatus status) const {
    return isStatusVisible(static_cast<int>(status));
}

bool ChargerFilterModel::isStatusVisible(int status) const {
    return status < 0 || status >= contract::kChargerStatusCount ||
           !m_hidden.test(static_cast<std::size_t>(status));
}

void ChargerFilterModel::setStatusVisible(contract::ChargerStatus status, bool visible) {
    setStatusVisible(static_cast<int>(status), visible);
}

void ChargerFilterModel::setStatusVisible(int status, bool visible) {
    if (status < 0 || status >= contract::kChargerStatusCount || isStatusVisible(status) == visible) {
        return;
    }
    m_hidden.set(static_cast<std::size_t>(status), !visible);
    invalidateFilter();
    emit statusFilterChanged();
}

void ChargerFilterModel::showAllStatuses() {
    if (m_hidden.none()) {
        return;
    }
    m_hidden.reset();
    invalidateFilter();
    emit statusFilterChanged();
}

void ChargerFilterModel::setSearchText(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed == m_search) {
        return;
    }
    m_search = trimmed;
    invalidateFilter();
    emit searchTextChanged(m_search);
}

bool ChargerFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    const int status = idx.data(ChargerModel::StatusRole).toInt();
    if (!isStatusVisible(status)) {
        return false;
    }
    if (m_search.isEmpty()) {
        return true;
    }
    for (const int role : {ChargerModel::ChargerIdRole, ChargerModel::SiteNameRole, ChargerModel::SiteIdRole,
                           ChargerModel::VendorRole, ChargerModel::ModelRole}) {
        if (idx.data(role).toString().contains(m_search, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

} // namespace voltdesk::models
