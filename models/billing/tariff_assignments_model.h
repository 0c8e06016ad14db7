// Where tariffs apply, as the tariff editor's Assignments tab lists them (GetTariffs' assignments and
// charger groups), and the AssignTariff requests that change them, checked before they are sent.
#pragma once

#include "models/command_client.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>

namespace voltdesk::models {
class ChargerModel;
}

namespace voltdesk::models::billing {

/// A tariff's scope, in the order a session's tariff is chosen (docs/BILLING.md): the first scope with
/// an assignment for the session wins.
enum class AssignmentScope { CustomerGroup, Charger, ChargerGroup, Site };

/// Every scope, in that order.
constexpr std::array<AssignmentScope, 4> kAssignmentScopes{
    AssignmentScope::CustomerGroup, AssignmentScope::Charger, AssignmentScope::ChargerGroup,
    AssignmentScope::Site};

/// "customerGroup", "charger", "chargerGroup", "site": the wire names of AssignTariff.
QString scopeWireName(AssignmentScope scope);
std::optional<AssignmentScope> scopeFromWireName(const QString& name);
/// The scope in words ("Customer group"), translated.
QString scopeText(AssignmentScope scope);

struct TariffAssignment {
    AssignmentScope scope = AssignmentScope::Site;
    QString key;
    QString tariffId;
    QDateTime assignedAt; ///< UTC; invalid when the answer had none
    QString assignedBy;
    bool operator==(const TariffAssignment&) const = default;
};

/// The sites and chargers the console knows (from its charger model), offered as keys.
struct KnownInventory {
    QStringList sites;
    QStringList chargers;
};
/// Sorted, without duplicates or empty ids.
KnownInventory inventoryOf(const ChargerModel& chargers);

/// An AssignTariff payload ready to send, or why it may not be sent.
struct AssignRequest {
    QJsonObject payload;
    QString problem; ///< empty when the payload may be sent
    bool ok() const { return problem.isEmpty(); }
};

/// The assignments table, sortable through SortRole. setTariffsResponse() takes a GetTariffs answer.
class TariffAssignmentsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { ScopeColumn, KeyColumn, TariffColumn, AssignedAtColumn, AssignedByColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< scope by precedence, time as ms, text folded
        ScopeRole,                   ///< the scope's wire name
    };

    explicit TariffAssignmentsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Takes a GetTariffs answer: assignments, charger groups and the stored tariffs' ids. Entries with an
    /// unknown scope or no key are skipped.
    void setTariffsResponse(const QJsonObject& response);
    bool hasResponse() const { return m_hasResponse; }

    const QList<TariffAssignment>& assignments() const { return m_assignments; }
    const TariffAssignment& assignmentAt(int row) const { return m_assignments.at(row); }
    int rowOf(AssignmentScope scope, const QString& key) const;
    /// Charger group -> its chargers, as the agent stores them (a group may have no assignment).
    const QMap<QString, QStringList>& chargerGroups() const { return m_chargerGroups; }
    /// The stored tariffs' ids, sorted; and each id's versions, ascending.
    QStringList tariffIds() const { return m_versions.keys(); }
    QList<int> versionsOf(const QString& tariffId) const { return m_versions.value(tariffId); }
    /// "sh-commercial (v1–3)", or the id alone when its versions are not known.
    QString tariffText(const QString& tariffId) const;

    /// The sites and chargers to offer as keys (besides those that already have assignments).
    void setInventory(const KnownInventory& inventory) { m_inventory = inventory; }
    /// Keys to offer for a scope: the known sites or chargers, existing charger groups and the keys
    /// already assigned in that scope; sorted, without duplicates.
    QStringList keySuggestions(AssignmentScope scope) const;

    /// AssignTariff for the scope and key (trimmed): the key must not be empty, the tariff must be one
    /// of the stored ones; a charger group needs at least one charger (its list replaces the stored one).
    AssignRequest assignRequest(AssignmentScope scope, const QString& key, const QString& tariffId,
                                const QStringList& members = {}) const;
    /// AssignTariff that removes the assignment (an empty tariffId); a group's members are kept.
    static QJsonObject removeRequest(AssignmentScope scope, const QString& key);
    /// What removing the row's assignment means, for the confirmation: who loses which tariff and what
    /// their sessions get instead.
    QString removalText(int row) const;
    /// What an AssignTariff confirmed, for the status line: "Site 'sh-pudong' now uses 'sh-commercial'."
    static QString assignedText(const QJsonObject& response);

signals:
    /// A GetTariffs answer was taken.
    void loaded();

private:
    QList<TariffAssignment> m_assignments;
    QMap<QString, QStringList> m_chargerGroups;
    QMap<QString, QList<int>> m_versions;
    KnownInventory m_inventory;
    bool m_hasResponse = false;
};

} // namespace voltdesk::models::billing
