#include "widgets/billing/tariff_assignments_view.h"

#include "models/billing/billing_client.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace voltdesk::widgets {

namespace {

using models::billing::AssignmentScope;
using models::billing::TariffAssignmentsModel;

bool askToRemove(QWidget* parent, const QString& text) {
    QMessageBox box(QMessageBox::Warning, TariffAssignmentsView::tr("Remove tariff assignment"), text,
                    QMessageBox::NoButton, parent);
    QPushButton* remove = box.addButton(TariffAssignmentsView::tr("Remove"), QMessageBox::DestructiveRole);
    box.setDefaultButton(box.addButton(QMessageBox::Cancel));
    box.exec();
    return box.clickedButton() == remove;
}

void setComboItems(QComboBox* box, const QStringList& items) {
    const QString text = box->currentText();
    box->clear();
    box->addItems(items);
    box->setCurrentText(text); // an editable box keeps what was typed
}

} // namespace

TariffAssignmentsView::TariffAssignmentsView(models::billing::BillingClient& client,
                                             models::billing::TariffAssignmentsModel& model, QWidget* parent)
    : QWidget(parent), m_client(client), m_model(model), m_confirm(askToRemove) {
    auto* layout = new QHBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter);

    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* rule =
        new QLabel(tr("A session is billed with the tariff of its customer group, else of its charger, "
                      "else of its charger group, else of its site."),
                   left);
    rule->setWordWrap(true);
    leftLayout->addWidget(rule);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(&m_model);
    m_sorted->setSortRole(TariffAssignmentsModel::SortRole);
    m_table = new QTableView(left);
    m_table->setObjectName(QStringLiteral("tariffAssignments"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TariffAssignmentsModel::ScopeColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    leftLayout->addWidget(m_table, 1);
    auto* below = new QHBoxLayout;
    m_reload = new QPushButton(tr("Reload"), left);
    below->addWidget(m_reload);
    below->addStretch(1);
    leftLayout->addLayout(below);
    m_status = new QLabel(left);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    leftLayout->addWidget(m_status);

    m_form = new QGroupBox(tr("Assign a tariff"), splitter);
    auto* formLayout = new QVBoxLayout(m_form);
    m_readOnly = new QLabel(m_form);
    m_readOnly->setWordWrap(true);
    m_readOnly->setStyleSheet(QStringLiteral("color: palette(mid);"));
    formLayout->addWidget(m_readOnly);
    auto* fields = new QFormLayout;
    m_scope = new QComboBox(m_form);
    for (const AssignmentScope scope : models::billing::kAssignmentScopes) {
        m_scope->addItem(models::billing::scopeText(scope), static_cast<int>(scope));
    }
    m_scope->setCurrentIndex(m_scope->findData(static_cast<int>(AssignmentScope::Site)));
    m_key = new QComboBox(m_form);
    m_key->setEditable(true);
    m_key->setInsertPolicy(QComboBox::NoInsert);
    m_key->setObjectName(QStringLiteral("assignmentKey"));
    m_tariff = new QComboBox(m_form);
    m_tariff->setObjectName(QStringLiteral("assignmentTariff"));
    fields->addRow(tr("Applies to"), m_scope);
    fields->addRow(tr("Which"), m_key);
    fields->addRow(tr("Tariff"), m_tariff);
    formLayout->addLayout(fields);

    m_membersBox = new QGroupBox(tr("Chargers in the group (the list replaces the stored one)"), m_form);
    auto* membersLayout = new QVBoxLayout(m_membersBox);
    m_members = new QListWidget(m_membersBox);
    m_members->setObjectName(QStringLiteral("groupMembers"));
    m_members->setToolTip(tr("Double-click a charger to edit its id"));
    membersLayout->addWidget(m_members, 1);
    auto* addRow = new QHBoxLayout;
    m_memberToAdd = new QComboBox(m_membersBox);
    m_memberToAdd->setEditable(true);
    m_memberToAdd->setInsertPolicy(QComboBox::NoInsert);
    m_memberToAdd->setCurrentText(QString());
    m_memberToAdd->lineEdit()->setPlaceholderText(tr("charger id"));
    auto* addMember = new QPushButton(tr("Add charger"), m_membersBox);
    auto* removeMember = new QPushButton(tr("Remove charger"), m_membersBox);
    addRow->addWidget(m_memberToAdd, 1);
    addRow->addWidget(addMember);
    addRow->addWidget(removeMember);
    membersLayout->addLayout(addRow);
    formLayout->addWidget(m_membersBox, 1);
    formLayout->addStretch(0);

    auto* buttons = new QHBoxLayout;
    m_remove = new QPushButton(tr("Remove assignment…"), m_form);
    m_assign = new QPushButton(tr("Assign"), m_form);
    m_assign->setDefault(true);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_assign);
    formLayout->addLayout(buttons);

    splitter->addWidget(left);
    splitter->addWidget(m_form);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({900, 520});

    connect(m_reload, &QPushButton::clicked, this, &TariffAssignmentsView::reloadRequested);
    connect(m_assign, &QPushButton::clicked, this, &TariffAssignmentsView::assign);
    connect(m_remove, &QPushButton::clicked, this, &TariffAssignmentsView::removeSelected);
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] {
        updateKeySuggestions();
        m_membersBox->setVisible(formScope() == AssignmentScope::ChargerGroup);
        fillMembersOfGroup(formKey());
    });
    connect(m_key, &QComboBox::currentTextChanged, this, &TariffAssignmentsView::fillMembersOfGroup);
    const auto addTyped = [this] {
        const QString id = m_memberToAdd->currentText().trimmed();
        if (!id.isEmpty() && m_members->findItems(id, Qt::MatchExactly).isEmpty()) {
            setFormMembers(formMembers() << id);
        }
        m_memberToAdd->setCurrentText(QString());
    };
    connect(addMember, &QPushButton::clicked, this, addTyped);
    connect(m_memberToAdd->lineEdit(), &QLineEdit::returnPressed, this, addTyped);
    connect(removeMember, &QPushButton::clicked, this, [this] { delete m_members->currentItem(); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TariffAssignmentsView::showSelected);
    connect(&m_model, &TariffAssignmentsModel::loaded, this, [this] {
        updateTariffs();
        updateKeySuggestions();
        fillMembersOfGroup(formKey());
        m_table->resizeColumnsToContents();
        for (int c = 0; c + 1 < TariffAssignmentsModel::ColumnCount; ++c) {
            m_table->setColumnWidth(c, m_table->columnWidth(c) + 16); // CJK fallback fonts measure short
        }
        updateButtons();
    });
    connect(&client, &models::billing::BillingClient::roleChanged, this, &TariffAssignmentsView::updateRole);
    m_membersBox->setVisible(false);
    updateTariffs();
    updateKeySuggestions();
    updateRole();
}

void TariffAssignmentsView::setInventorySource(InventorySource source) {
    m_inventory = std::move(source);
    updateKeySuggestions();
}

AssignmentScope TariffAssignmentsView::formScope() const {
    return static_cast<AssignmentScope>(m_scope->currentData().toInt());
}

QString TariffAssignmentsView::formKey() const {
    return m_key->currentText().trimmed();
}

QString TariffAssignmentsView::formTariff() const {
    return m_tariff->currentData().toString();
}

QStringList TariffAssignmentsView::formMembers() const {
    QStringList members;
    for (int i = 0; i < m_members->count(); ++i) {
        const QString id = m_members->item(i)->text().trimmed();
        if (!id.isEmpty()) {
            members.push_back(id);
        }
    }
    return members;
}

void TariffAssignmentsView::setFormMembers(const QStringList& chargers) {
    m_members->clear();
    for (const QString& id : chargers) {
        auto* item = new QListWidgetItem(id, m_members);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
}

void TariffAssignmentsView::setForm(AssignmentScope scope, const QString& key, const QString& tariffId) {
    m_scope->setCurrentIndex(m_scope->findData(static_cast<int>(scope)));
    m_key->setCurrentText(key);
    m_tariff->setCurrentIndex(m_tariff->findData(tariffId));
    fillMembersOfGroup(key);
}

void TariffAssignmentsView::fillMembersOfGroup(const QString& group) {
    if (formScope() != AssignmentScope::ChargerGroup) {
        return;
    }
    const auto it = m_model.chargerGroups().constFind(group.trimmed());
    if (it != m_model.chargerGroups().cend()) {
        setFormMembers(*it); // an existing group: its chargers as stored, to edit
    }
}

void TariffAssignmentsView::updateKeySuggestions() {
    if (m_inventory) {
        m_model.setInventory(m_inventory());
    }
    setComboItems(m_key, m_model.keySuggestions(formScope()));
    setComboItems(m_memberToAdd, m_model.keySuggestions(AssignmentScope::Charger));
    m_key->lineEdit()->setPlaceholderText(formScope() == AssignmentScope::Site      ? tr("site id")
                                          : formScope() == AssignmentScope::Charger ? tr("charger id")
                                          : formScope() == AssignmentScope::ChargerGroup
                                              ? tr("group name")
                                              : tr("customer group"));
}

void TariffAssignmentsView::updateTariffs() {
    const QString current = formTariff();
    m_tariff->clear();
    for (const QString& id : m_model.tariffIds()) {
        m_tariff->addItem(m_model.tariffText(id), id);
    }
    m_tariff->setCurrentIndex(qMax(0, m_tariff->findData(current)));
    m_tariff->setPlaceholderText(m_model.hasResponse() ? tr("no tariff is stored yet")
                                                       : tr("not loaded yet"));
}

void TariffAssignmentsView::showSelected() {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (!rows.isEmpty()) {
        const auto& a = m_model.assignmentAt(m_sorted->mapToSource(rows.front()).row());
        setForm(a.scope, a.key, a.tariffId);
    }
    updateButtons();
}

bool TariffAssignmentsView::selectAssignment(AssignmentScope scope, const QString& key) {
    const int row = m_model.rowOf(scope, key);
    if (row < 0) {
        return false;
    }
    const QModelIndex index = m_sorted->mapFromSource(m_model.index(row, 0));
    m_table->selectRow(index.row());
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    return true;
}

void TariffAssignmentsView::updateRole() {
    const auto why = m_client.refusal(QStringLiteral("AssignTariff"));
    for (QWidget* w : std::initializer_list<QWidget*>{m_scope, m_key, m_tariff, m_membersBox}) {
        w->setEnabled(!why);
        w->setToolTip(why ? *why : QString());
    }
    m_members->setToolTip(why ? *why : tr("Double-click a charger to edit its id"));
    m_readOnly->setText(why ? tr("Read only: %1").arg(*why) : QString());
    m_readOnly->setVisible(why.has_value());
    updateButtons();
}

void TariffAssignmentsView::updateButtons() {
    const auto why = m_client.refusal(QStringLiteral("AssignTariff"));
    const bool selected = !m_table->selectionModel()->selectedRows().isEmpty();
    m_assign->setEnabled(!why && !m_pending);
    m_assign->setToolTip(why ? *why
                             : tr("Store the assignment; an existing one for the same place or group is "
                                  "replaced"));
    m_remove->setEnabled(!why && !m_pending && selected);
    m_remove->setToolTip(why ? *why
                             : (selected ? tr("Remove the selected assignment (you are asked first)")
                                         : tr("Select an assignment in the list to remove it")));
}

void TariffAssignmentsView::setStatus(const QString& text, bool problem) {
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #D55E00; font-weight: bold;") : QString());
}

void TariffAssignmentsView::assign() {
    if (const auto why = m_client.refusal(QStringLiteral("AssignTariff"))) {
        setStatus(*why, true);
        return;
    }
    const auto request = m_model.assignRequest(formScope(), formKey(), formTariff(), formMembers());
    if (!request.ok()) {
        setStatus(request.problem, true);
        return;
    }
    send(request.payload);
}

void TariffAssignmentsView::removeSelected() {
    if (const auto why = m_client.refusal(QStringLiteral("AssignTariff"))) {
        setStatus(*why, true);
        return;
    }
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        setStatus(tr("Select the assignment to remove."), true);
        return;
    }
    const int row = m_sorted->mapToSource(rows.front()).row();
    const auto assignment = m_model.assignmentAt(row);
    if (!m_confirm(this, m_model.removalText(row))) {
        setStatus(tr("Nothing was removed."));
        return;
    }
    send(TariffAssignmentsModel::removeRequest(assignment.scope, assignment.key));
}

void TariffAssignmentsView::send(const QJsonObject& payload) {
    models::CommandCall* call = m_client.send(QStringLiteral("AssignTariff"), payload);
    if (!call) {
        setStatus(tr("No agent is online to store the assignment."), true);
        return;
    }
    m_pending = true;
    updateButtons();
    setStatus(tr("Storing…"));
    connect(call, &models::CommandCall::finished, this, [this](const models::CommandResult& result) {
        m_pending = false;
        updateButtons();
        if (result.outcome != contract::CommandOutcome::Completed) {
            setStatus(models::billing::commandFailureText(result), true);
            return;
        }
        setStatus(TariffAssignmentsModel::assignedText(result.response));
        emit reloadRequested();
    });
}

} // namespace voltdesk::widgets
