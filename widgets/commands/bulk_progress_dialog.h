// A bulk command's progress: the stage and counts, a bar, and one row per charger with its answer.
#pragma once

#include "models/bulk_command_runner.h"

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace voltdesk::widgets {

class BulkProgressDialog : public QDialog {
    Q_OBJECT

public:
    /// Takes ownership of runner (re-parented) and starts it.
    BulkProgressDialog(const QString& commandName, models::BulkCommandRunner* runner,
                       QWidget* parent = nullptr);

    models::BulkCommandRunner* runner() const { return m_runner; }
    QString summaryText() const;

private:
    void refresh();

    models::BulkCommandRunner* m_runner;
    QLabel* m_summary = nullptr;
    QProgressBar* m_progress = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace voltdesk::widgets
