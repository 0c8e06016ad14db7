// What the operator asked to see: chargers of some statuses, matching a search text.
#pragma once

#include "contract/charger_status.h"

#include <QSortFilterProxyModel>
#include <bitset>

namespace voltdesk::models {

/// Filters a ChargerModel by status (each status shown or hidden) and by a search text that matches,
/// case-insensitively, the charger id, the site name or id, the vendor or the model. All statuses are
/// shown and the search is empty at first. Re-filters by itself as chargers change.
class ChargerFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)

public:
    explicit ChargerFilterModel(QObject* parent = nullptr);

    bool isStatusVisible(contract::ChargerStatus status) const;
    void setStatusVisible(contract::ChargerStatus status, bool visible);
    /// For QML and widgets that hold the status as an int.
    Q_INVOKABLE void setStatusVisible(int status, bool visible);
    Q_INVOKABLE bool isStatusVisible(int status) const;
    Q_INVOKABLE void showAllStatuses();

    QString searchText() const { return m_search; }
    void setSearchText(const QString& text);

signals:
    void searchTextChanged(const QString& text);
    void statusFilterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    std::bitset<contract::kChargerStatusCount> m_hidden;
    QString m_search;
};

} // namespace voltdesk::models
