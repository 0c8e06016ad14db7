#include "widgets/billing/cdr_breakdown_panel.h"

#include "documents/receipt.h"
#include "models/billing/billing_client.h"
#include "models/billing/sessions_model.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace voltdesk::widgets {

namespace {

QString fromStd(const std::string& text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QLabel* figure(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

CdrBreakdownPanel::CdrBreakdownPanel(models::billing::BillingClient& client, QWidget* parent)
    : QWidget(parent), m_client(client) {
    auto* layout = new QVBoxLayout(this);
    setMinimumWidth(560); // the lines' amounts stay in view
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);

    auto* versionRow = new QHBoxLayout;
    versionRow->addWidget(new QLabel(tr("Version:"), this));
    m_versions = new QComboBox(this);
    m_versions->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    versionRow->addWidget(m_versions, 1);
    layout->addLayout(versionRow);
    connect(m_versions, &QComboBox::activated, this, [this](int index) { m_model.showVersion(index); });

    m_lines = new QTableView(this);
    m_lines->setModel(&m_model);
    m_lines->verticalHeader()->hide();
    m_lines->setSelectionMode(QAbstractItemView::NoSelection);
    m_lines->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_lines->horizontalHeader()->setStretchLastSection(true);
    m_lines->setWordWrap(false);
    m_lines->setMinimumHeight(120);
    layout->addWidget(m_lines, 1);

    auto* sums = new QFormLayout;
    sums->setLabelAlignment(Qt::AlignRight);
    m_energy = figure(this);
    m_subtotal = figure(this);
    m_tax = figure(this);
    m_total = figure(this);
    QFont big = m_total->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_total->setFont(big);
    sums->addRow(tr("Energy:"), m_energy);
    sums->addRow(tr("Subtotal:"), m_subtotal);
    sums->addRow(tr("Tax:"), m_tax);
    sums->addRow(tr("Total:"), m_total);
    layout->addLayout(sums);

    m_reason = new QLabel(this);
    m_reason->setWordWrap(true);
    layout->addWidget(m_reason);
    m_anomalies = new QLabel(this);
    m_anomalies->setWordWrap(true);
    m_anomalies->setStyleSheet(QStringLiteral("color: #D55E00;")); // Okabe-Ito vermillion, as faults
    layout->addWidget(m_anomalies);

    auto* buttons = new QHBoxLayout;
    m_rerate = new QPushButton(tr("Re-rate…"), this);
    m_receipt = new QPushButton(tr("Save receipt PDF…"), this);
    buttons->addWidget(m_rerate);
    buttons->addStretch(1);
    buttons->addWidget(m_receipt);
    layout->addLayout(buttons);
    connect(m_rerate, &QPushButton::clicked, this, &CdrBreakdownPanel::askRerate);
    connect(m_receipt, &QPushButton::clicked, this, &CdrBreakdownPanel::askReceipt);
    connect(&m_model, &models::billing::CdrBreakdownModel::recordChanged, this, &CdrBreakdownPanel::refresh);
    connect(&client, &models::billing::BillingClient::roleChanged, this, &CdrBreakdownPanel::updateButtons);
    clear();
}

void CdrBreakdownPanel::clear() {
    m_cdrId.clear();
    m_finished = false;
    m_model.clear();
    m_title->setText(tr("Select a session to see its bill."));
    refresh();
}

void CdrBreakdownPanel::showSession(const models::billing::SessionRow& row) {
    const bool sameSession = row.cdrId == m_cdrId;
    m_cdrId = row.cdrId;
    m_finished = !row.live;
    const std::string zone = row.record ? row.record->timeZone : std::string();
    m_title->setText(tr("%1 · %2 · connector %3\n%4 – %5 (site time, %6)")
                         .arg(row.cdrId, row.record ? fromStd(row.record->siteName) : row.siteId)
                         .arg(row.connectorId)
                         .arg(models::billing::siteTimeText(row.startMs, zone),
                              row.stopMs ? models::billing::siteTimeText(*row.stopMs, zone) : tr("running"),
                              zone.empty() ? tr("console's zone") : fromStd(zone)));
    if (row.record && (!sameSession || row.live || m_model.versions().size() <= 1)) {
        m_model.setRecord(*row.record);
    } else if (!row.record) {
        m_model.clear();
    }
    if (m_finished && (!sameSession || m_model.versions().size() <= 1)) {
        loadVersions();
    }
    refresh();
}

void CdrBreakdownPanel::loadVersions() {
    const QString cdrId = m_cdrId;
    models::CommandCall* call = m_client.send(QStringLiteral("GetCdr"), {{QStringLiteral("cdrId"), cdrId}});
    if (!call) {
        return;
    }
    connect(call, &models::CommandCall::finished, this, [this, cdrId](const models::CommandResult& result) {
        if (cdrId != m_cdrId) {
            return; // another session was selected meanwhile
        }
        if (result.outcome == contract::CommandOutcome::Completed) {
            m_model.setVersions(result.response);
        } else {
            emit statusMessage(tr("The versions of %1 could not be read: %2").arg(cdrId, result.description));
        }
    });
}

void CdrBreakdownPanel::refresh() {
    const bool has = m_model.hasRecord();
    m_versions->clear();
    m_versions->addItems(m_model.versionLabels());
    m_versions->setCurrentIndex(m_model.shownIndex());
    m_versions->setEnabled(m_model.versions().size() > 1);
    m_energy->setText(m_model.energyText());
    m_subtotal->setText(m_model.subtotalText());
    m_tax->setText(m_model.taxText());
    m_total->setText(m_model.totalText());
    QString reason;
    if (has) {
        const auto& r = m_model.record();
        if (r.provisional && r.reason != "stop") {
            reason = tr("Running: the cost so far, not a bill yet.");
        } else if (r.reason.starts_with("unrated:")) {
            reason = tr("Not rated: %1").arg(fromStd(r.reason.substr(8)));
        } else if (r.version > 1) {
            reason = tr("Re-rated: %1").arg(fromStd(r.reason));
        }
    }
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
    const QStringList anomalies = m_model.anomalyTexts();
    m_anomalies->setText(
        anomalies.isEmpty() ? QString() : tr("Meter anomalies:\n%1").arg(anomalies.join(QLatin1Char('\n'))));
    m_anomalies->setVisible(!anomalies.isEmpty());
    updateButtons();
}

void CdrBreakdownPanel::updateButtons() {
    const bool stored = m_model.hasRecord() && !m_model.record().provisional;
    const auto why = m_client.refusal(QStringLiteral("RerateSession"));
    m_rerate->setEnabled(m_finished && stored && !why);
    m_rerate->setToolTip(why ? *why
                             : (m_finished ? tr("Rate the session again under the tariffs assigned now; "
                                                "every earlier version is kept")
                                           : tr("Only a finished session can be re-rated")));
    m_receipt->setEnabled(m_model.hasRecord() && (stored || m_model.record().reason == "stop"));
}

QString CdrBreakdownPanel::totalText() const {
    return m_total->text();
}

void CdrBreakdownPanel::askRerate() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Re-rate %1").arg(m_cdrId));
    auto* layout = new QVBoxLayout(&dialog);
    auto* text = new QLabel(tr("The session is rated again from its stored meter readings under the tariffs "
                               "assigned now. The result becomes version %1; every earlier version is kept. "
                               "Say why (required): the note is the new version's reason and is printed on "
                               "its receipt.")
                                .arg(m_model.versions().empty() ? 2 : m_model.versions().back().version + 1),
                            &dialog);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto* note = new QPlainTextEdit(&dialog);
    note->setObjectName(QStringLiteral("rerateNote"));
    note->setPlaceholderText(tr("e.g. Tariff for the site corrected, ticket 4711"));
    layout->addWidget(note);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    box->button(QDialogButtonBox::Ok)->setText(tr("Re-rate"));
    box->button(QDialogButtonBox::Ok)->setEnabled(false);
    box->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(note, &QPlainTextEdit::textChanged, &dialog, [note, box] {
        box->button(QDialogButtonBox::Ok)->setEnabled(!note->toPlainText().trimmed().isEmpty());
    });
    connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(box);
    if (dialog.exec() == QDialog::Accepted) {
        rerate(note->toPlainText().trimmed());
    }
}

void CdrBreakdownPanel::rerate(const QString& note) {
    const QString cdrId = m_cdrId;
    models::CommandCall* call = m_client.send(
        QStringLiteral("RerateSession"), {{QStringLiteral("cdrId"), cdrId}, {QStringLiteral("note"), note}});
    if (!call) {
        emit statusMessage(tr("No agent is known to re-rate %1").arg(cdrId));
        return;
    }
    emit statusMessage(tr("Re-rating %1…").arg(cdrId));
    connect(call, &models::CommandCall::finished, this, [this, cdrId](const models::CommandResult& result) {
        if (result.outcome != contract::CommandOutcome::Completed) {
            emit statusMessage(tr("Re-rating %1 was refused: %2").arg(cdrId, result.description));
            return;
        }
        emit statusMessage(tr("%1 re-rated").arg(cdrId));
        if (cdrId == m_cdrId) {
            loadVersions();
        }
        emit rerated(cdrId);
    });
}

QString CdrBreakdownPanel::saveReceipt(const QString& pdfPath) {
    if (!m_model.hasRecord()) {
        return tr("No session is selected");
    }
    const auto issuer = m_issuer ? m_issuer(this) : std::nullopt;
    if (!issuer) {
        return tr("No operator.json: the receipt needs the operator's names and tax id");
    }
    const documents::RenderResult result = documents::renderReceipt(*issuer, m_model.record(), pdfPath);
    return result ? QString() : result.error;
}

void CdrBreakdownPanel::askReceipt() {
    if (!m_model.hasRecord()) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save receipt PDF"), documents::receiptFileName(m_model.record()), tr("PDF files (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    const QString error = saveReceipt(path);
    emit statusMessage(error.isEmpty() ? tr("Receipt saved to %1").arg(path)
                                       : tr("Receipt not saved: %1").arg(error));
}

} // namespace voltdesk::widgets
