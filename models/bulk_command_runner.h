// Runs a BulkCommandRun through the CommandClient and shows it as a table: one row per charger
// with its state and answer, for the bulk progress dialog.
#pragma once

#include "models/bulk_command_run.h"
#include "models/command_client.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>

namespace voltdesk::models {

class BulkCommandRunner : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { ChargerColumn, StateColumn, AnswerColumn, ColumnCount };

    /// targets: charger id → agent id (ChargerState::agentId). Nothing is sent before start().
    BulkCommandRunner(CommandClient& client, QString command, QJsonObject payload,
                      const QList<QPair<QString, QString>>& targets, BulkCommandRun::Options options,
                      QObject* parent = nullptr);

    void start();
    void cancel();
    const BulkCommandRun& run() const { return m_run; }
    QString command() const { return m_command; }
    /// One line for the dialog: stage, counts, and why it stopped.
    QString summary() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void progressChanged();
    void finished();

private:
    void pump();
    void onFinished(const CommandResult& result);
    static QString stateText(BulkCommandRun::ItemState state);

    CommandClient& m_client;
    QString m_command;
    QJsonObject m_payload;
    QHash<QString, QString> m_agents;
    BulkCommandRun m_run;
    bool m_started = false;
    bool m_reportedDone = false;
};

} // namespace voltdesk::models
