// What the operator asked the fleet table to show: some statuses, one site, a search text; and
// in which order, re-sorted at a bounded rate.
#pragma once

#include "contract/charger_status.h"

#include <QSortFilterProxyModel>
#include <QTimer>
#include <bitset>

namespace voltdesk::models {

class FleetTableModel;

/// Filters and sorts a FleetTableModel.
///
/// Rows are not re-sorted or re-filtered on every update (at 1,000 updates/s that would re-sort
/// 1,000 times a second and make rows jump under the operator's cursor): changed data is shown in
/// place at once, and the order and the filter are brought up to date at most every
/// kResortIntervalMs, only when something changed and only when a sort or a filter is in effect.
class FleetTableFilter : public QSortFilterProxyModel {
    Q_OBJECT

public:
    static constexpr int kResortIntervalMs = 1000;

    explicit FleetTableFilter(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* model) override;

    /// Shows only chargers whose overall status is in the set (empty set: every status).
    void setStatuses(const std::bitset<contract::kChargerStatusCount>& statuses);
    std::bitset<contract::kChargerStatusCount> statuses() const { return m_statuses; }
    /// Shows only the chargers of this site (empty: every site).
    void setSiteId(const QString& siteId);
    QString siteId() const { return m_siteId; }
    /// Case-insensitive, on the charger id, site name and id, firmware, vendor and model.
    void setSearchText(const QString& text);
    QString searchText() const { return m_search; }

    /// Re-sorts and re-filters now if anything changed since the last time.
    void refreshNow();
    /// Times the order and filter were brought up to date by the throttle (benchmarks watch it).
    int refreshCount() const { return m_refreshes; }

signals:
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    void onSourceChanged();
    bool isFiltering() const;

    const FleetTableModel* m_table = nullptr;
    std::bitset<contract::kChargerStatusCount> m_statuses;
    QString m_siteId;
    QString m_search;
    QTimer m_refreshTimer;
    bool m_outOfDate = false;
    int m_refreshes = 0;
};

} // namespace voltdesk::models
