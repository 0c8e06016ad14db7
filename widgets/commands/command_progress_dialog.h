// Shows one command on its way and then the charger's answer (or why there is none).
#pragma once

#include "models/command_client.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QProgressBar;

namespace voltdesk::widgets {

class CommandProgressDialog : public QDialog {
    Q_OBJECT

public:
    CommandProgressDialog(const QString& commandName, const QString& chargerId, QWidget* parent = nullptr);

    /// Shows the result; the dialog stays open until the operator closes it.
    void showResult(const models::CommandResult& result);
    bool hasResult() const { return m_done; }
    /// The answer line as shown, e.g. "Accepted" (for tests and screenshots).
    QString answerText() const;
    QString detailsText() const;

private:
    QLabel* m_state = nullptr;
    QLabel* m_answer = nullptr;
    QProgressBar* m_busy = nullptr;
    QPlainTextEdit* m_details = nullptr;
    QString m_chargerId;
    bool m_done = false;
};

} // namespace voltdesk::widgets
