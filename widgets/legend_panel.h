// Legend, live counts per status and the status filter, in one dock panel.
#pragma once

#include "contract/charger_status.h"

#include <QVector>
#include <QWidget>
#include <array>

class QCheckBox;
class QLabel;

namespace voltdesk::widgets {

/// One row per status: filter toggle, the marker exactly as the map draws it, name and count.
/// Count labels are named "count-<status int>" and the total "count-total" (tests read them).
class LegendPanel : public QWidget {
    Q_OBJECT

public:
    explicit LegendPanel(QWidget* parent = nullptr);

    /// counts indexed by int(contract::ChargerStatus), size kChargerStatusCount.
    void setCounts(const QVector<int>& counts);
    void setStatusVisible(contract::ChargerStatus status, bool visible);

signals:
    /// The operator toggled a status on or off.
    void statusVisibilityChanged(voltdesk::contract::ChargerStatus status, bool visible);
    /// The operator asked to show every status again.
    void showAllRequested();

private:
    std::array<QCheckBox*, contract::kChargerStatusCount> m_toggles{};
    std::array<QLabel*, contract::kChargerStatusCount> m_counts{};
    QLabel* m_total = nullptr;
};

} // namespace voltdesk::widgets
