// The revenue summary: a date range (and optionally a site), the revenue by site (with tax) and by
// period and fee (before tax), totals per currency and how many records are unrated.
#pragma once

#include "models/billing/revenue_summary_model.h"

#include <QWidget>

class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;

namespace voltdesk::models::billing {
class BillingClient;
}

namespace voltdesk::widgets {

class RevenueView : public QWidget {
    Q_OBJECT

public:
    explicit RevenueView(models::billing::BillingClient& client, QWidget* parent = nullptr);

    /// GetRevenueSummary for the range shown (local days, the last one included).
    void refresh();
    void setRange(const QDate& from, const QDate& to);

    models::billing::RevenueSummaryModel& bySite() { return m_bySite; }
    models::billing::RevenueSummaryModel& byPeriod() { return m_byPeriod; }
    QLabel* totalsLabel() const { return m_totals; }

private:
    models::billing::BillingClient& m_client;
    models::billing::RevenueSummaryModel m_bySite{models::billing::RevenueSummaryModel::Grouping::BySite};
    models::billing::RevenueSummaryModel m_byPeriod{models::billing::RevenueSummaryModel::Grouping::ByPeriod};
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QLineEdit* m_site = nullptr;
    QLabel* m_totals = nullptr;
};

} // namespace voltdesk::widgets
