#include "models/bulk_command_runner.h"

#include "models/command_catalog.h"

namespace voltdesk::models {

namespace {

QStringList idsOf(const QList<QPair<QString, QString>>& targets) {
    QStringList ids;
    for (const auto& t : targets) {
        ids << t.first;
    }
    return ids;
}

} // namespace

BulkCommandRunner::BulkCommandRunner(CommandClient& client, QString command, QJsonObject payload,
                                     const QList<QPair<QString, QString>>& targets,
                                     BulkCommandRun::Options options, QObject* parent)
    : QAbstractTableModel(parent), m_client(client), m_command(std::move(command)),
      m_payload(std::move(payload)), m_run(idsOf(targets), options) {
    for (const auto& t : targets) {
        m_agents.insert(t.first, t.second);
    }
}

void BulkCommandRunner::start() {
    if (!m_started) {
        m_started = true;
        pump();
    }
}

void BulkCommandRunner::cancel() {
    m_run.cancel(tr("Cancelled by the operator"));
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    pump();
}

void BulkCommandRunner::pump() {
    for (const QString& id : m_run.takeReady()) {
        const int row = m_run.indexOf(id);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        CommandCall* call = m_client.send(m_agents.value(id), id, m_command, m_payload);
        connect(call, &CommandCall::finished, this, &BulkCommandRunner::onFinished);
    }
    emit progressChanged();
    if (m_run.isDone() && !m_reportedDone) {
        m_reportedDone = true;
        emit finished();
    }
}

void BulkCommandRunner::onFinished(const CommandResult& result) {
    m_run.finish(result.chargerId, CommandCatalog::succeeded(result), CommandCatalog::answerText(result));
    // Skipped rows may have changed too when the run stopped.
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    pump();
}

QString BulkCommandRunner::summary() const {
    using S = BulkCommandRun::ItemState;
    QString stage;
    switch (m_run.stage()) {
    case BulkCommandRun::Stage::Pilot:
        stage = tr("First chargers");
        break;
    case BulkCommandRun::Stage::Rest:
        stage = tr("The rest");
        break;
    case BulkCommandRun::Stage::Stopping:
        stage = tr("Stopping");
        break;
    case BulkCommandRun::Stage::Done:
        stage = tr("Done");
        break;
    }
    QString text = tr("%1: %2 succeeded, %3 failed, %4 running, %5 waiting, %6 skipped of %7")
                       .arg(stage)
                       .arg(m_run.count(S::Succeeded))
                       .arg(m_run.count(S::Failed))
                       .arg(m_run.count(S::Running))
                       .arg(m_run.count(S::Waiting))
                       .arg(m_run.count(S::Skipped))
                       .arg(m_run.items().size());
    if (!m_run.stopReason().isEmpty()) {
        text += QStringLiteral(". ") + m_run.stopReason();
    }
    return text;
}

QString BulkCommandRunner::stateText(BulkCommandRun::ItemState state) {
    switch (state) {
    case BulkCommandRun::ItemState::Waiting:
        return tr("Waiting");
    case BulkCommandRun::ItemState::Running:
        return tr("Sent…");
    case BulkCommandRun::ItemState::Succeeded:
        return tr("Succeeded");
    case BulkCommandRun::ItemState::Failed:
        return tr("Failed");
    case BulkCommandRun::ItemState::Skipped:
        return tr("Skipped");
    }
    return {};
}

int BulkCommandRunner::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_run.items().size());
}

int BulkCommandRunner::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BulkCommandRunner::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_run.items().size()) {
        return {};
    }
    const BulkCommandRun::Item& item = m_run.items().at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case ChargerColumn:
            return item.chargerId;
        case StateColumn:
            return stateText(item.state);
        case AnswerColumn:
            return item.detail;
        default:
            return {};
        }
    }
    if (role == Qt::UserRole) {
        return static_cast<int>(item.state);
    }
    return {};
}

QVariant BulkCommandRunner::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ChargerColumn:
        return tr("Charger");
    case StateColumn:
        return tr("State");
    case AnswerColumn:
        return tr("Answer");
    default:
        return {};
    }
}

} // namespace voltdesk::models
