// The Sessions dock: filters, the sessions table (running ones marked, their cost moving), paging, the
// totals per currency, the selected session's breakdown and the settlement CSV of the current filter.
#pragma once

#include "models/billing/sessions_model.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace voltdesk::models::billing {
class BillingClient;
}

namespace voltdesk::widgets {

class CdrBreakdownPanel;

class SessionsView : public QWidget {
    Q_OBJECT

public:
    SessionsView(models::billing::BillingClient& client, models::billing::SessionsModel& model,
                 QWidget* parent = nullptr);

    /// Asks the agent for the page of the filter shown (offset 0 unless paging).
    void refresh();
    /// The filter as the controls say (first page).
    models::billing::SessionFilter filterFromControls() const;
    void setFilterControls(const models::billing::SessionFilter& filter);

    /// Writes the settlement CSV of every finished session the current filter matches (all pages); the
    /// answer arrives later: exportFinished().
    void exportSettlement(const QString& csvPath);

    QTableView* table() const { return m_table; }
    CdrBreakdownPanel* breakdown() const { return m_breakdown; }
    QLabel* totalsLabel() const { return m_totals; }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* exportButton() const { return m_export; }
    /// Selects the session's row (and shows its breakdown); false if it is not on this page.
    bool selectSession(const QString& cdrId);
    void focusFilters();

signals:
    void exportFinished(bool ok, const QString& message);

private:
    void requestPage(int offset);
    void updateSummary();
    void showSelected();
    void askExport();
    void setStatus(const QString& text);

    models::billing::BillingClient& m_client;
    models::billing::SessionsModel& m_model;
    QLineEdit* m_site = nullptr;
    QLineEdit* m_charger = nullptr;
    QLineEdit* m_customerGroup = nullptr;
    QLineEdit* m_idTag = nullptr;
    QCheckBox* m_usePeriod = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_previous = nullptr;
    QPushButton* m_next = nullptr;
    QPushButton* m_export = nullptr;
    QLabel* m_page = nullptr;
    QLabel* m_totals = nullptr;
    QLabel* m_status = nullptr;
    CdrBreakdownPanel* m_breakdown = nullptr;
    bool m_pending = false;
};

} // namespace voltdesk::widgets
