#include "widgets/commands/bulk_progress_dialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace voltdesk::widgets {

BulkProgressDialog::BulkProgressDialog(const QString& commandName, models::BulkCommandRunner* runner,
                                       QWidget* parent)
    : QDialog(parent), m_runner(runner) {
    setObjectName(QStringLiteral("bulkProgressDialog"));
    m_runner->setParent(this);
    setWindowTitle(
        tr("%1 — %n chargers", nullptr, static_cast<int>(runner->run().items().size())).arg(commandName));
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, static_cast<int>(runner->run().items().size()));
    layout->addWidget(m_progress);
    m_table = new QTableView(this);
    m_table->setModel(runner);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSortingEnabled(false);
    layout->addWidget(m_table);
    auto* buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(tr("Stop sending"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    connect(m_cancel, &QPushButton::clicked, runner, &models::BulkCommandRunner::cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(runner, &models::BulkCommandRunner::progressChanged, this, &BulkProgressDialog::refresh);
    resize(640, 420);
    runner->start();
    refresh();
}

QString BulkProgressDialog::summaryText() const {
    return m_summary->text();
}

void BulkProgressDialog::refresh() {
    using S = models::BulkCommandRun::ItemState;
    const auto& run = m_runner->run();
    m_summary->setText(m_runner->summary());
    m_progress->setValue(run.count(S::Succeeded) + run.count(S::Failed) + run.count(S::Skipped));
    m_cancel->setEnabled(!run.isDone() && run.stage() != models::BulkCommandRun::Stage::Stopping);
    m_table->resizeColumnToContents(models::BulkCommandRunner::ChargerColumn);
    m_table->resizeColumnToContents(models::BulkCommandRunner::StateColumn);
}

} // namespace voltdesk::widgets
