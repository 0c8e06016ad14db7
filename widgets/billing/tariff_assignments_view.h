// The tariff editor's Assignments tab: which tariff applies to which site, charger group, charger and
// customer group (sortable), and for supervisors the form that assigns one or removes it (AssignTariff).
#pragma once

#include "models/billing/tariff_assignments_model.h"

#include <QWidget>
#include <functional>

class QComboBox;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace voltdesk::models::billing {
class BillingClient;
}

namespace voltdesk::widgets {

class TariffAssignmentsView : public QWidget {
    Q_OBJECT

public:
    /// Asks the user to confirm a removal described by the text; true to go ahead.
    using Confirmer = std::function<bool(QWidget* parent, const QString& text)>;
    /// The sites and chargers the console knows, offered as keys.
    using InventorySource = std::function<models::billing::KnownInventory()>;

    TariffAssignmentsView(models::billing::BillingClient& client,
                          models::billing::TariffAssignmentsModel& model, QWidget* parent = nullptr);

    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }
    void setInventorySource(InventorySource source);

    /// Fills the form (what selecting a row does).
    void setForm(models::billing::AssignmentScope scope, const QString& key, const QString& tariffId);
    models::billing::AssignmentScope formScope() const;
    QString formKey() const;
    QString formTariff() const;
    /// A charger group's chargers as listed in the form.
    QStringList formMembers() const;
    void setFormMembers(const QStringList& chargers);

    /// Sends AssignTariff with the form (supervisors); the answer or the refusal goes to the status line.
    void assign();
    /// Removes the selected row's assignment after the confirmation.
    void removeSelected();
    /// Selects the row of the assignment (in the sorted view); false if there is none.
    bool selectAssignment(models::billing::AssignmentScope scope, const QString& key);
    void setStatus(const QString& text, bool problem = false);

    QTableView* table() const { return m_table; }
    QSortFilterProxyModel* sortedModel() const { return m_sorted; }
    QComboBox* scopeBox() const { return m_scope; }
    QComboBox* keyBox() const { return m_key; }
    QComboBox* tariffBox() const { return m_tariff; }
    QListWidget* memberList() const { return m_members; }
    QGroupBox* membersBox() const { return m_membersBox; }
    QGroupBox* formBox() const { return m_form; }
    QPushButton* assignButton() const { return m_assign; }
    QPushButton* removeButton() const { return m_remove; }
    QPushButton* reloadButton() const { return m_reload; }
    QLabel* statusLabel() const { return m_status; }

signals:
    /// The list should be asked for again (Reload, or after a change was stored).
    void reloadRequested();

private:
    void updateRole();
    void updateButtons();
    void updateKeySuggestions();
    void updateTariffs();
    void showSelected();
    void fillMembersOfGroup(const QString& group);
    void send(const QJsonObject& payload);

    models::billing::BillingClient& m_client;
    models::billing::TariffAssignmentsModel& m_model;
    Confirmer m_confirm;
    InventorySource m_inventory;
    QSortFilterProxyModel* m_sorted = nullptr;
    QTableView* m_table = nullptr;
    QGroupBox* m_form = nullptr;
    QComboBox* m_scope = nullptr;
    QComboBox* m_key = nullptr;
    QComboBox* m_tariff = nullptr;
    QGroupBox* m_membersBox = nullptr;
    QListWidget* m_members = nullptr;
    QComboBox* m_memberToAdd = nullptr;
    QPushButton* m_assign = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_reload = nullptr;
    QLabel* m_readOnly = nullptr;
    QLabel* m_status = nullptr;
    bool m_pending = false;
};

} // namespace voltdesk::widgets
