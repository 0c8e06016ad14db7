// The tariff editor: a form over the tariff's JSON form (periods, day types with their time ranges, the
// week, holidays, fees, validity), Validate / Preview (rates a sample session) / Save (supervisors),
// the agent's refusal messages listed with the offending field highlighted; and a tab of where the
// tariffs apply (TariffAssignmentsView).
#pragma once

#include "models/billing/cdr_breakdown_model.h"
#include "models/billing/tariff_assignments_model.h"
#include "models/billing/tariff_draft.h"

#include <QList>
#include <QWidget>
#include <array>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace voltdesk::models::billing {
class BillingClient;
}

namespace voltdesk::widgets {

class TariffAssignmentsView;

class TariffEditor : public QWidget {
    Q_OBJECT

public:
    explicit TariffEditor(models::billing::BillingClient& client, QWidget* parent = nullptr);

    /// Fills the form.
    void setDraft(const models::billing::TariffDraft& draft);
    /// The form as a draft (the day-type table's rows grouped by day type in order of appearance).
    models::billing::TariffDraft draft() const;

    /// Asks the agent for the stored tariffs (the chooser) and where they are assigned (GetTariffs).
    void reloadTariffs();
    /// Brings the Assignments tab to the front.
    void showAssignments();
    /// PreviewTariff with the draft and the sample session: problems, or the sample's bill.
    void validate();
    void preview();
    /// PutTariff (supervisors); the refusal's problems are listed, success says the version stored.
    void save();

    /// The sample session's controls (start shown in its time zone).
    void setSampleSession(const models::billing::SampleSession& session);
    /// Shows a rating of the sample session (PreviewTariff's answer).
    void showPreview(const contract::ChargeDetailRecord& rating);
    /// Lists problems and highlights what their paths point at; empty clears.
    void showProblems(const QList<models::billing::TariffProblem>& problems);

    QPushButton* saveButton() const { return m_save; }
    QPushButton* validateButton() const { return m_validate; }
    QPushButton* previewButton() const { return m_preview; }
    QListWidget* problemList() const { return m_problems; }
    QTableWidget* scheduleTable() const { return m_schedule; }
    QTableWidget* periodTable() const { return m_periods; }
    QLabel* statusLabel() const { return m_status; }
    models::billing::CdrBreakdownModel& previewModel() { return m_previewModel; }
    models::billing::TariffAssignmentsModel& assignmentsModel() { return m_assignments; }
    TariffAssignmentsView* assignmentsView() const { return m_assignmentsView; }
    QTabWidget* tabs() const { return m_tabs; }
    /// The widgets highlighted for the problems shown (fields, or the tables holding the rows).
    QList<QWidget*> highlightedWidgets() const { return m_highlighted; }
    /// The table rows highlighted, as "schedule:3", "periods:1".
    QStringList highlightedRows() const { return m_highlightedRows; }

signals:
    /// A tariff version was stored.
    void saved(const QString& tariffId, int version);

private:
    void buildForm();
    void updateRole();
    void setStatus(const QString& text, bool problem = false);
    void clearHighlights();
    void highlight(const QString& path);
    void highlightRow(QTableWidget* table, int row, const QString& name);
    void focusProblem(int index);

    models::billing::BillingClient& m_client;
    models::billing::CdrBreakdownModel m_previewModel;
    models::billing::TariffAssignmentsModel m_assignments;
    QTabWidget* m_tabs = nullptr;
    TariffAssignmentsView* m_assignmentsView = nullptr;
    QComboBox* m_stored = nullptr;
    QList<QJsonObject> m_storedTariffs;
    QLineEdit* m_id = nullptr;
    QSpinBox* m_version = nullptr;
    QLineEdit* m_currency = nullptr;
    QSpinBox* m_minorDigits = nullptr;
    QLineEdit* m_validFrom = nullptr;
    QLineEdit* m_validUntil = nullptr;
    QTableWidget* m_periods = nullptr;
    QTableWidget* m_schedule = nullptr;
    std::array<QLineEdit*, 7> m_week{};
    QTableWidget* m_holidays = nullptr;
    QLineEdit* m_timePrice = nullptr;
    QLineEdit* m_sessionFee = nullptr;
    QCheckBox* m_idle = nullptr;
    QLineEdit* m_idlePerMinute = nullptr;
    QSpinBox* m_idleGrace = nullptr;
    QLineEdit* m_idleCap = nullptr;
    QLineEdit* m_minimum = nullptr;
    QLineEdit* m_maximum = nullptr;
    QLineEdit* m_tax = nullptr;
    QDateTimeEdit* m_sampleStart = nullptr;
    QSpinBox* m_sampleMinutes = nullptr;
    QLineEdit* m_sampleKwh = nullptr;
    QLineEdit* m_sampleZone = nullptr;
    QPushButton* m_validate = nullptr;
    QPushButton* m_preview = nullptr;
    QPushButton* m_save = nullptr;
    QListWidget* m_problems = nullptr;
    QTableView* m_previewLines = nullptr;
    QLabel* m_previewTotal = nullptr;
    QLabel* m_status = nullptr;
    QList<models::billing::TariffProblem> m_shownProblems;
    QList<QWidget*> m_highlighted;
    QStringList m_highlightedRows;
};

} // namespace voltdesk::widgets
