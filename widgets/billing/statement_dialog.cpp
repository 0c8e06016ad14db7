#include "widgets/billing/statement_dialog.h"

#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace voltdesk::widgets {

StatementDialog::StatementDialog(const QString& customerGroup, QDate month, const QStringList& groups,
                                 QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Monthly statement"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(tr("Every session of the customer group that stopped in the month (in its site's "
                               "local time), the version in force of each record, with totals and tax per "
                               "currency, in English and Chinese."),
                            this);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto* form = new QFormLayout;
    m_group = new QLineEdit(customerGroup, this);
    m_group->setObjectName(QStringLiteral("statementGroup"));
    m_group->setPlaceholderText(tr("e.g. FLEET-A"));
    m_group->setCompleter(new QCompleter(groups, m_group));
    m_month = new QDateEdit(QDate(month.year(), month.month(), 1), this);
    m_month->setObjectName(QStringLiteral("statementMonth"));
    m_month->setDisplayFormat(QStringLiteral("yyyy-MM"));
    m_month->setCalendarPopup(true);
    form->addRow(tr("Customer group"), m_group);
    form->addRow(tr("Month"), m_month);
    layout->addLayout(form);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Save PDF…"));
    const auto update = [this] {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_group->text().trimmed().isEmpty());
    };
    connect(m_group, &QLineEdit::textChanged, this, update);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    update();
}

QString StatementDialog::customerGroup() const {
    return m_group->text().trimmed();
}

QDate StatementDialog::month() const {
    const QDate d = m_month->date();
    return {d.year(), d.month(), 1};
}

} // namespace voltdesk::widgets
