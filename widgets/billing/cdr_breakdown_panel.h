// The breakdown of the selected session's bill: its lines, subtotal, tax, total, anomalies and every
// version; Re-rate… (supervisors, a note required) and Save receipt PDF….
#pragma once

#include "documents/operator_info.h"
#include "models/billing/cdr_breakdown_model.h"

#include <QWidget>
#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace voltdesk::models::billing {
class BillingClient;
struct SessionRow;
} // namespace voltdesk::models::billing

namespace voltdesk::widgets {

class CdrBreakdownPanel : public QWidget {
    Q_OBJECT

public:
    /// Says who issues receipts (operator.json); nullopt when the user cancelled choosing one.
    using IssuerSource = std::function<std::optional<documents::OperatorInfo>(QWidget* parent)>;

    CdrBreakdownPanel(models::billing::BillingClient& client, QWidget* parent = nullptr);

    /// Shows the session's record at once and, for a finished one, asks the agent for every version.
    void showSession(const models::billing::SessionRow& row);
    void clear();
    void setIssuerSource(IssuerSource source) { m_issuer = std::move(source); }

    models::billing::CdrBreakdownModel& model() { return m_model; }
    QPushButton* rerateButton() const { return m_rerate; }
    QPushButton* receiptButton() const { return m_receipt; }
    QComboBox* versionBox() const { return m_versions; }
    QString totalText() const;
    QString cdrId() const { return m_cdrId; }

    /// Re-rates with the note (what the dialog does after asking); the answer refreshes the panel.
    void rerate(const QString& note);
    /// Writes the shown version's receipt to pdfPath; the error text, empty on success.
    QString saveReceipt(const QString& pdfPath);

signals:
    /// A new version was stored by a re-rating.
    void rerated(const QString& cdrId);
    void statusMessage(const QString& text);

private:
    void loadVersions();
    void refresh();
    void updateButtons();
    void askRerate();
    void askReceipt();

    models::billing::BillingClient& m_client;
    models::billing::CdrBreakdownModel m_model;
    IssuerSource m_issuer;
    QString m_cdrId;
    bool m_finished = false;
    QLabel* m_title = nullptr;
    QComboBox* m_versions = nullptr;
    QTableView* m_lines = nullptr;
    QLabel* m_energy = nullptr;
    QLabel* m_subtotal = nullptr;
    QLabel* m_tax = nullptr;
    QLabel* m_total = nullptr;
    QLabel* m_anomalies = nullptr;
    QLabel* m_reason = nullptr;
    QPushButton* m_rerate = nullptr;
    QPushButton* m_receipt = nullptr;
};

} // namespace voltdesk::widgets
