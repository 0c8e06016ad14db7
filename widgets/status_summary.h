// The status bar's fleet summary: chargers per status (marker shape + count) and how many are stale.
#pragma once

#include "contract/charger_status.h"

#include <QVector>
#include <QWidget>
#include <array>

class QLabel;

namespace voltdesk::widgets {

/// Shows counts it is given; MainWindow feeds it from ChargerModel and FleetTableModel.
class StatusSummary : public QWidget {
    Q_OBJECT

public:
    explicit StatusSummary(QWidget* parent = nullptr);

    /// Indexed by int(contract::ChargerStatus); statuses with no charger are hidden.
    void setCounts(const QVector<int>& counts);
    void setStaleCount(int stale);

private:
    std::array<QLabel*, contract::kChargerStatusCount> m_icons{};
    std::array<QLabel*, contract::kChargerStatusCount> m_counts{};
    QLabel* m_stale = nullptr;
};

} // namespace voltdesk::widgets
