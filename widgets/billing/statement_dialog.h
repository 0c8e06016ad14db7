// Asks for what a monthly statement is of: the customer group and the month.
#pragma once

#include <QDate>
#include <QDialog>
#include <QStringList>

class QDateEdit;
class QDialogButtonBox;
class QLineEdit;

namespace voltdesk::widgets {

class StatementDialog : public QDialog {
    Q_OBJECT

public:
    /// `groups` are offered as completions (e.g. the groups in the sessions list).
    StatementDialog(const QString& customerGroup, QDate month, const QStringList& groups,
                    QWidget* parent = nullptr);

    QString customerGroup() const;
    /// The first day of the chosen month.
    QDate month() const;

    QLineEdit* groupEdit() const { return m_group; }
    QDateEdit* monthEdit() const { return m_month; }
    QDialogButtonBox* buttons() const { return m_buttons; }

private:
    QLineEdit* m_group = nullptr;
    QDateEdit* m_month = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace voltdesk::widgets
