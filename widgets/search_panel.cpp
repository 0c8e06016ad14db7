#include "widgets/search_panel.h"

#include "models/charger_model.h"

#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace voltdesk::widgets {

SearchPanel::SearchPanel(QAbstractItemModel& chargers, QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto* row = new QHBoxLayout;
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("searchEdit"));
    m_edit->setPlaceholderText(tr("Charger id, e.g. CP-0042"));
    m_edit->setClearButtonEnabled(true);
    auto* completer = new QCompleter(&chargers, m_edit);
    completer->setCompletionRole(models::ChargerModel::ChargerIdRole);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setMaxVisibleItems(12);
    m_edit->setCompleter(completer);
    auto* find = new QPushButton(tr("Find"), this);
    row->addWidget(m_edit, 1);
    row->addWidget(find);
    layout->addLayout(row);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("searchResult"));
    m_result->setWordWrap(true);
    m_result->setStyleSheet(QStringLiteral("color: #D55E00;"));
    m_result->hide(); // one line high while there is nothing to say
    layout->addWidget(m_result);

    connect(m_edit, &QLineEdit::returnPressed, this, &SearchPanel::submit);
    connect(find, &QPushButton::clicked, this, &SearchPanel::submit);
    connect(completer, qOverload<const QString&>(&QCompleter::activated), this, [this](const QString& id) {
        m_edit->setText(id);
        submit();
    });
}

void SearchPanel::focusSearch() {
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void SearchPanel::submit() {
    const QString id = m_edit->text().trimmed();
    if (!id.isEmpty())
        emit chargerRequested(id);
}

void SearchPanel::showResult(bool found, const QString& chargerId) {
    if (found) {
        m_result->clear();
        m_result->hide();
        return;
    }
    m_result->setText(tr("No charger with id \"%1\".").arg(chargerId));
    m_result->show();
}

} // namespace voltdesk::widgets
