#include "widgets/billing/sessions_view.h"

#include "domain/billing/settlement_csv.h"
#include "models/billing/billing_client.h"
#include "models/billing/money_format.h"
#include "models/billing/session_pages.h"
#include "widgets/billing/statement_dialog.h"
#include "widgets/billing/statement_export.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

namespace voltdesk::widgets {

namespace {

using models::billing::SessionsModel;

/// Running sessions in bold with the Charging blue dot before their status: the cost still moves.
class LiveRowDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(SessionsModel::LiveRole).toBool()) {
            option->font.setBold(true);
            if (index.column() == SessionsModel::StatusColumn) {
                option->text = QStringLiteral("● ") + option->text;
                option->palette.setColor(QPalette::Text, QColor(0x00, 0x72, 0xB2)); // Okabe-Ito blue
            }
        } else if (index.data(SessionsModel::UnratedRole).toBool() &&
                   (index.column() == SessionsModel::StatusColumn ||
                    index.column() == SessionsModel::TotalColumn)) {
            option->palette.setColor(QPalette::Text, QColor(0xD5, 0x5E, 0x00));
            option->font.setItalic(true);
        }
    }
};

QString totalsText(const QList<models::billing::CurrencyTotal>& totals, bool live) {
    QStringList parts;
    for (const auto& t : totals) {
        if (t.currency.isEmpty()) {
            parts.push_back(
                SessionsView::tr("%n unrated session(s), %1 kWh", nullptr, static_cast<int>(t.sessions))
                    .arg(models::billing::formatKwh(t.energyMilliWh)));
            continue;
        }
        const QString money = models::billing::formatMoney(t.total, t.minorDigits, t.currency);
        parts.push_back(
            live ? SessionsView::tr("%1 (%n running)", nullptr, static_cast<int>(t.sessions)).arg(money)
                 : SessionsView::tr("%1 — %n session(s), %2 kWh, tax %3", nullptr,
                                    static_cast<int>(t.sessions))
                       .arg(money, models::billing::formatKwh(t.energyMilliWh),
                            models::billing::formatMinorUnits(t.tax, t.minorDigits)));
    }
    return parts.join(QStringLiteral("  ·  "));
}

} // namespace

SessionsView::SessionsView(models::billing::BillingClient& client, models::billing::SessionsModel& model,
                           QWidget* parent)
    : QWidget(parent), m_client(client), m_model(model) {
    auto* layout = new QVBoxLayout(this);
    auto* filters = new QHBoxLayout;
    const auto lineEdit = [&](const QString& placeholder, const char* name) {
        auto* edit = new QLineEdit(this);
        edit->setPlaceholderText(placeholder);
        edit->setClearButtonEnabled(true);
        edit->setObjectName(QLatin1String(name));
        connect(edit, &QLineEdit::returnPressed, this, &SessionsView::refresh);
        filters->addWidget(edit, 1);
        return edit;
    };
    m_site = lineEdit(tr("Site"), "siteFilter");
    m_charger = lineEdit(tr("Charger"), "chargerFilter");
    m_customerGroup = lineEdit(tr("Customer group"), "customerGroupFilter");
    m_idTag = lineEdit(tr("Id tag"), "idTagFilter");
    m_usePeriod = new QCheckBox(tr("From"), this);
    m_from = new QDateEdit(QDate::currentDate().addDays(-30), this);
    m_to = new QDateEdit(QDate::currentDate(), this);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setEnabled(false);
        connect(m_usePeriod, &QCheckBox::toggled, edit, &QWidget::setEnabled);
    }
    filters->addWidget(m_usePeriod);
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_to);
    m_statusFilter = new QComboBox(this);
    m_statusFilter->addItem(tr("All sessions"), QStringLiteral("all"));
    m_statusFilter->addItem(tr("Running"), QStringLiteral("live"));
    m_statusFilter->addItem(tr("Finished"), QStringLiteral("finished"));
    filters->addWidget(m_statusFilter);
    auto* search = new QPushButton(tr("Search"), this);
    search->setDefault(true);
    connect(search, &QPushButton::clicked, this, &SessionsView::refresh);
    filters->addWidget(search);
    layout->addLayout(filters);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableView(left);
    m_table->setModel(&m_model);
    m_table->setItemDelegate(new LiveRowDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(false);
    leftLayout->addWidget(m_table, 1);

    auto* pager = new QHBoxLayout;
    m_previous = new QPushButton(tr("◀ Newer"), left);
    m_next = new QPushButton(tr("Older ▶"), left);
    m_page = new QLabel(left);
    m_export = new QPushButton(tr("Export settlement CSV…"), left);
    m_export->setToolTip(tr("Every finished session the filter matches (all pages), the version in force, "
                            "with the columns of voltdesk-agent billing settlement"));
    pager->addWidget(m_previous);
    pager->addWidget(m_page);
    pager->addWidget(m_next);
    m_statement = new QPushButton(tr("Monthly statement PDF…"), left);
    m_statement->setToolTip(tr("A customer group's sessions that stopped in a month, with totals and tax, "
                               "as voltdesk-documents statement prints it"));
    pager->addStretch(1);
    pager->addWidget(m_statement);
    pager->addWidget(m_export);
    leftLayout->addLayout(pager);
    m_totals = new QLabel(left);
    m_totals->setWordWrap(true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_totals->setObjectName(QStringLiteral("sessionTotals"));
    leftLayout->addWidget(m_totals);
    m_status = new QLabel(left);
    m_status->setWordWrap(true);
    leftLayout->addWidget(m_status);

    m_breakdown = new CdrBreakdownPanel(client, splitter);
    splitter->addWidget(left);
    splitter->addWidget(m_breakdown);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({900, 600}); // the breakdown's amounts need their room
    layout->addWidget(splitter, 1);

    connect(m_previous, &QPushButton::clicked, this,
            [this] { requestPage(qMax(0, m_model.offset() - m_model.limit())); });
    connect(m_next, &QPushButton::clicked, this, [this] { requestPage(m_model.offset() + m_model.limit()); });
    connect(m_export, &QPushButton::clicked, this, &SessionsView::askExport);
    connect(m_statement, &QPushButton::clicked, this, &SessionsView::askStatement);
    connect(&m_model, &SessionsModel::summaryChanged, this, &SessionsView::updateSummary);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &SessionsView::showSelected);
    // Bold running rows and CJK fallback fonts measure a little short: give every column some air.
    const auto fitColumns = [this] {
        m_table->resizeColumnsToContents();
        for (int c = 0; c < m_model.columnCount(); ++c) {
            m_table->setColumnWidth(c, m_table->columnWidth(c) + 10);
        }
    };
    connect(&m_model, &QAbstractItemModel::modelReset, m_table, fitColumns);
    connect(&m_model, &QAbstractItemModel::rowsInserted, m_table, fitColumns);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SessionsView::showSelected);
    connect(&m_model, &SessionsModel::recordChanged, this, [this](const QString& cdrId) {
        if (cdrId == m_breakdown->cdrId()) {
            showSelected();
        }
    });
    connect(m_breakdown, &CdrBreakdownPanel::statusMessage, this, &SessionsView::setStatus);
    connect(m_breakdown, &CdrBreakdownPanel::rerated, this, [this] { requestPage(m_model.offset()); });
    updateSummary();
}

models::billing::SessionFilter SessionsView::filterFromControls() const {
    models::billing::SessionFilter filter;
    filter.siteId = m_site->text().trimmed();
    filter.chargerId = m_charger->text().trimmed();
    filter.customerGroup = m_customerGroup->text().trimmed();
    filter.idTag = m_idTag->text().trimmed();
    if (m_usePeriod->isChecked()) {
        // Local days: from the first one's midnight to the end of the last.
        filter.from = QDateTime(m_from->date(), QTime(0, 0));
        filter.to = QDateTime(m_to->date().addDays(1), QTime(0, 0));
    }
    filter.status = m_statusFilter->currentData().toString();
    filter.limit = m_model.filter().limit;
    return filter;
}

void SessionsView::setFilterControls(const models::billing::SessionFilter& filter) {
    m_site->setText(filter.siteId);
    m_charger->setText(filter.chargerId);
    m_customerGroup->setText(filter.customerGroup);
    m_idTag->setText(filter.idTag);
    m_usePeriod->setChecked(filter.from.isValid());
    if (filter.from.isValid()) {
        m_from->setDate(filter.from.date());
    }
    if (filter.to.isValid()) {
        m_to->setDate(filter.to.addMSecs(-1).date());
    }
    m_statusFilter->setCurrentIndex(qMax(0, m_statusFilter->findData(filter.status)));
}

void SessionsView::focusFilters() {
    m_site->setFocus(Qt::ShortcutFocusReason);
}

void SessionsView::refresh() {
    m_model.setFilter(filterFromControls());
    requestPage(0);
}

void SessionsView::requestPage(int offset) {
    models::billing::SessionFilter filter = m_model.filter();
    filter.offset = offset;
    models::CommandCall* call = m_client.send(QStringLiteral("GetSessions"), filter.toPayload());
    if (!call) {
        setStatus(tr("No agent is online to ask for sessions."));
        return;
    }
    m_pending = true;
    setStatus(tr("Loading sessions…"));
    connect(call, &models::CommandCall::finished, this, [this, filter](const models::CommandResult& result) {
        m_pending = false;
        if (result.outcome != contract::CommandOutcome::Completed) {
            setStatus(tr("Sessions not available: %1 %2").arg(result.errorCode, result.description));
            return;
        }
        const QString selected = m_breakdown->cdrId();
        m_model.setFilter(filter);
        m_model.setResponse(result.response);
        setStatus(QString());
        if (!selected.isEmpty()) {
            selectSession(selected);
        }
    });
}

void SessionsView::updateSummary() {
    const qint64 first = m_model.rowCount() == 0 ? 0 : m_model.offset() + 1;
    const qint64 last = m_model.offset() + m_model.rowCount();
    m_page->setText(tr("%1–%2 of %3").arg(first).arg(last).arg(m_model.matching()));
    m_previous->setEnabled(m_model.hasPreviousPage());
    m_next->setEnabled(m_model.hasNextPage());
    QString text;
    if (!m_model.hasResponse()) {
        text = tr("Press Search to list sessions.");
    } else {
        const QString finished = totalsText(m_model.totals(), false);
        text = tr("Finished, all pages: %1").arg(finished.isEmpty() ? tr("none") : finished);
        const QString live = totalsText(m_model.liveTotals(), true);
        if (!live.isEmpty()) {
            text += QLatin1Char('\n') + tr("Running now (so far): %1").arg(live);
        }
    }
    m_totals->setText(text);
}

bool SessionsView::selectSession(const QString& cdrId) {
    const int row = m_model.rowOfCdr(cdrId);
    if (row < 0) {
        return false;
    }
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_model.index(row, 0));
    showSelected();
    return true;
}

void SessionsView::showSelected() {
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || current.row() >= m_model.rowCount()) {
        m_breakdown->clear();
        return;
    }
    m_breakdown->showSession(m_model.rowAt(current.row()));
}

void SessionsView::setStatus(const QString& text) {
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void SessionsView::askExport() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export settlement CSV"), QStringLiteral("settlement.csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty()) {
        exportSettlement(path);
    }
}

void SessionsView::exportSettlement(const QString& csvPath) {
    models::billing::SessionFilter filter = m_model.filter();
    filter.status = QStringLiteral("finished");
    filter.limit = models::billing::kLargestSessionsPage;
    auto* pages = new models::billing::SessionPages(m_client, filter, this);
    m_export->setEnabled(false);
    setStatus(tr("Exporting…"));
    connect(
        pages, &models::billing::SessionPages::finished, this,
        [this, pages, csvPath](bool ok, const QString& error) {
            pages->deleteLater();
            const auto done = [this](bool success, const QString& message) {
                m_export->setEnabled(true);
                setStatus(message);
                emit exportFinished(success, message);
            };
            if (!ok) {
                done(false, tr("Export failed: %1").arg(error));
                return;
            }
            std::string csv = billing::settlementPreamble();
            for (const auto& record : pages->records()) {
                csv += billing::settlementRow(record) + "\r\n";
            }
            QSaveFile file(csvPath); // whole or not at all
            if (!file.open(QIODevice::WriteOnly) ||
                file.write(csv.data(), static_cast<qint64>(csv.size())) != static_cast<qint64>(csv.size()) ||
                !file.commit()) {
                done(false, tr("Could not write %1: %2").arg(csvPath, file.errorString()));
                return;
            }
            done(true, tr("%n session(s) exported to %1", nullptr, static_cast<int>(pages->records().size()))
                           .arg(csvPath));
        });
    pages->start();
}

void SessionsView::setIssuerSource(CdrBreakdownPanel::IssuerSource source) {
    m_issuer = source;
    m_breakdown->setIssuerSource(std::move(source));
}

QString SessionsView::statementGroupGuess() const {
    if (!m_customerGroup->text().trimmed().isEmpty()) {
        return m_customerGroup->text().trimmed();
    }
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() && current.row() < m_model.rowCount()
               ? m_model.rowAt(current.row()).customerGroup
               : QString();
}

QDate SessionsView::statementMonthGuess() const {
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid() && current.row() < m_model.rowCount()) {
        const auto& row = m_model.rowAt(current.row());
        if (row.stopMs) {
            const QDateTime stop = QDateTime::fromMSecsSinceEpoch(*row.stopMs, QTimeZone::UTC);
            const QTimeZone zone(row.record ? QByteArray::fromStdString(row.record->timeZone) : QByteArray());
            return (zone.isValid() ? stop.toTimeZone(zone) : stop.toLocalTime()).date();
        }
    }
    if (m_usePeriod->isChecked()) {
        return m_from->date();
    }
    return QDate::currentDate().addMonths(-1);
}

void SessionsView::askStatement() {
    QStringList groups;
    for (const auto& row : m_model.rows()) {
        groups.push_back(row.customerGroup);
    }
    groups.removeAll(QString());
    groups.removeDuplicates();
    groups.sort();
    StatementDialog dialog(statementGroupGuess(), statementMonthGuess(), groups, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save monthly statement PDF"), statementFileName(dialog.customerGroup(), dialog.month()),
        tr("PDF files (*.pdf)"));
    if (!path.isEmpty()) {
        exportStatement(dialog.customerGroup(), dialog.month(), path);
    }
}

void SessionsView::exportStatement(const QString& customerGroup, QDate month, const QString& pdfPath) {
    const auto finish = [this](bool ok, const QString& message) {
        m_statement->setEnabled(true);
        setStatus(message);
        emit statementFinished(ok, message);
    };
    if (m_statementRun) {
        return; // one at a time: the button is disabled meanwhile
    }
    if (customerGroup.trimmed().isEmpty()) {
        finish(false, tr("Name the customer group the statement is for."));
        return;
    }
    const auto issuer = m_issuer ? m_issuer(this) : std::nullopt;
    if (!issuer) {
        finish(false, tr("No operator.json: the statement needs the operator's names and tax id"));
        return;
    }
    m_statement->setEnabled(false);
    m_statementRun = new StatementExport(m_client, *issuer, customerGroup, month, pdfPath, this);
    connect(m_statementRun, &StatementExport::progress, this, &SessionsView::setStatus);
    connect(m_statementRun, &StatementExport::finished, this,
            [this, finish](bool ok, const QString& message) {
                m_statementRun->deleteLater();
                m_statementRun.clear();
                finish(ok, message);
            });
    m_statementRun->start();
}

} // namespace voltdesk::widgets
