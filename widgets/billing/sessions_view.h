// The Sessions dock: filters, the sessions table (running ones marked, their cost moving), paging, the
// totals per currency, the selected session's breakdown, the settlement CSV of the current filter and a
// customer group's monthly statement.
#pragma once

#include "models/billing/sessions_model.h"
#include "widgets/billing/cdr_breakdown_panel.h"

#include <QDate>
#include <QPointer>
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

class StatementExport;

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

    /// Who issues receipts and statements (operator.json); also the breakdown's.
    void setIssuerSource(CdrBreakdownPanel::IssuerSource source);
    /// Writes the customer group's statement of the month (any date in it) to pdfPath: its sessions
    /// through GetSessions (all pages), rendered off the Qt thread; statementFinished() reports. The file
    /// is written whole or not at all.
    void exportStatement(const QString& customerGroup, QDate month, const QString& pdfPath);
    /// What the statement dialog proposes: the group of the filter, else of the selected session; the
    /// month in which the selected session stopped (site time), else the filter's first month, else the
    /// last month.
    QString statementGroupGuess() const;
    QDate statementMonthGuess() const;

    QTableView* table() const { return m_table; }
    CdrBreakdownPanel* breakdown() const { return m_breakdown; }
    QLabel* totalsLabel() const { return m_totals; }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* exportButton() const { return m_export; }
    QPushButton* statementButton() const { return m_statement; }
    /// Selects the session's row (and shows its breakdown); false if it is not on this page.
    bool selectSession(const QString& cdrId);
    void focusFilters();

signals:
    void exportFinished(bool ok, const QString& message);
    void statementFinished(bool ok, const QString& message);

private:
    void requestPage(int offset);
    void updateSummary();
    void showSelected();
    void askExport();
    void askStatement();
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
    QPushButton* m_statement = nullptr;
    QLabel* m_page = nullptr;
    QLabel* m_totals = nullptr;
    QLabel* m_status = nullptr;
    CdrBreakdownPanel* m_breakdown = nullptr;
    CdrBreakdownPanel::IssuerSource m_issuer;
    QPointer<StatementExport> m_statementRun;
    bool m_pending = false;
};

} // namespace voltdesk::widgets
