#include "models/billing/tariff_assignments_model.h"

#include "models/charger_model.h"

#include <QJsonArray>
#include <QLocale>
#include <algorithm>

namespace voltdesk::models::billing {

namespace {

QStringList sortedUnique(QStringList list) {
    list.removeAll(QString());
    list.sort(Qt::CaseInsensitive);
    list.removeDuplicates();
    return list;
}

QString quoted(const QString& text) {
    return QStringLiteral("'%1'").arg(text);
}

} // namespace

QString scopeWireName(AssignmentScope scope) {
    switch (scope) {
    case AssignmentScope::CustomerGroup:
        return QStringLiteral("customerGroup");
    case AssignmentScope::Charger:
        return QStringLiteral("charger");
    case AssignmentScope::ChargerGroup:
        return QStringLiteral("chargerGroup");
    case AssignmentScope::Site:
        break;
    }
    return QStringLiteral("site");
}

std::optional<AssignmentScope> scopeFromWireName(const QString& name) {
    for (const AssignmentScope scope : kAssignmentScopes) {
        if (scopeWireName(scope) == name) {
            return scope;
        }
    }
    return std::nullopt;
}

QString scopeText(AssignmentScope scope) {
    switch (scope) {
    case AssignmentScope::CustomerGroup:
        return TariffAssignmentsModel::tr("Customer group");
    case AssignmentScope::Charger:
        return TariffAssignmentsModel::tr("Charger");
    case AssignmentScope::ChargerGroup:
        return TariffAssignmentsModel::tr("Charger group");
    case AssignmentScope::Site:
        break;
    }
    return TariffAssignmentsModel::tr("Site");
}

KnownInventory inventoryOf(const ChargerModel& chargers) {
    KnownInventory inventory;
    for (int row = 0; row < chargers.rowCount(); ++row) {
        const QModelIndex index = chargers.index(row);
        inventory.sites.push_back(index.data(ChargerModel::SiteIdRole).toString());
        inventory.chargers.push_back(index.data(ChargerModel::ChargerIdRole).toString());
    }
    inventory.sites = sortedUnique(inventory.sites);
    inventory.chargers = sortedUnique(inventory.chargers);
    return inventory;
}

TariffAssignmentsModel::TariffAssignmentsModel(QObject* parent) : QAbstractTableModel(parent) {}

int TariffAssignmentsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_assignments.size());
}

int TariffAssignmentsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TariffAssignmentsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const TariffAssignment& a = m_assignments.at(index.row());
    if (role == ScopeRole) {
        return scopeWireName(a.scope);
    }
    if (role == SortRole) {
        switch (index.column()) {
        case ScopeColumn:
            return static_cast<int>(a.scope); // the order in which they are chosen
        case AssignedAtColumn:
            return a.assignedAt.isValid() ? a.assignedAt.toMSecsSinceEpoch() : qint64{0};
        default:
            return data(index, Qt::DisplayRole).toString().toCaseFolded();
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case KeyColumn:
            if (a.scope == AssignmentScope::ChargerGroup) {
                const QStringList members = m_chargerGroups.value(a.key);
                return members.isEmpty() ? tr("No chargers in this group")
                                         : tr("Chargers: %1").arg(members.join(QStringLiteral(", ")));
            }
            return {};
        case TariffColumn:
            return m_versions.contains(a.tariffId)
                       ? QVariant()
                       : tr("No stored tariff has this id: its sessions are recorded unrated");
        case AssignedAtColumn:
            return a.assignedAt.isValid() ? a.assignedAt.toUTC().toString(Qt::ISODateWithMs) : QVariant();
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case ScopeColumn:
        return scopeText(a.scope);
    case KeyColumn:
        if (a.scope == AssignmentScope::ChargerGroup) {
            const auto count = static_cast<int>(m_chargerGroups.value(a.key).size());
            return tr("%1 (%n charger(s))", nullptr, count).arg(a.key);
        }
        return a.key;
    case TariffColumn:
        return tariffText(a.tariffId);
    case AssignedAtColumn:
        // The console's own clock: an assignment belongs to no one site.
        return a.assignedAt.isValid()
                   ? a.assignedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                   : QString();
    case AssignedByColumn:
        return a.assignedBy;
    default:
        return {};
    }
}

QVariant TariffAssignmentsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case ScopeColumn:
        return tr("Applies to");
    case KeyColumn:
        return tr("Which");
    case TariffColumn:
        return tr("Tariff");
    case AssignedAtColumn:
        return tr("Assigned");
    case AssignedByColumn:
        return tr("By");
    default:
        return {};
    }
}

void TariffAssignmentsModel::setTariffsResponse(const QJsonObject& response) {
    QList<TariffAssignment> assignments;
    for (const auto& value : response.value(QStringLiteral("assignments")).toArray()) {
        const QJsonObject o = value.toObject();
        const auto scope = scopeFromWireName(o.value(QStringLiteral("scope")).toString());
        const QString key = o.value(QStringLiteral("key")).toString();
        if (!scope || key.isEmpty()) {
            continue;
        }
        TariffAssignment a;
        a.scope = *scope;
        a.key = key;
        a.tariffId = o.value(QStringLiteral("tariffId")).toString();
        a.assignedAt =
            QDateTime::fromString(o.value(QStringLiteral("assignedAt")).toString(), Qt::ISODateWithMs)
                .toUTC();
        a.assignedBy = o.value(QStringLiteral("assignedBy")).toString();
        assignments.push_back(a);
    }
    QMap<QString, QStringList> groups;
    const QJsonObject groupObject = response.value(QStringLiteral("chargerGroups")).toObject();
    for (auto it = groupObject.begin(); it != groupObject.end(); ++it) {
        QStringList members;
        for (const auto& member : it.value().toArray()) {
            members.push_back(member.toString());
        }
        groups.insert(it.key(), members);
    }
    QMap<QString, QList<int>> versions;
    for (const auto& value : response.value(QStringLiteral("tariffs")).toArray()) {
        const QJsonObject tariff = value.toObject().value(QStringLiteral("tariff")).toObject();
        const QString id = tariff.value(QStringLiteral("id")).toString();
        if (!id.isEmpty()) {
            versions[id].push_back(tariff.value(QStringLiteral("version")).toInt(1));
        }
    }
    for (auto& list : versions) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    beginResetModel();
    m_assignments = std::move(assignments);
    m_chargerGroups = std::move(groups);
    m_versions = std::move(versions);
    m_hasResponse = true;
    endResetModel();
    emit loaded();
}

int TariffAssignmentsModel::rowOf(AssignmentScope scope, const QString& key) const {
    for (int row = 0; row < m_assignments.size(); ++row) {
        if (m_assignments.at(row).scope == scope && m_assignments.at(row).key == key) {
            return row;
        }
    }
    return -1;
}

QString TariffAssignmentsModel::tariffText(const QString& tariffId) const {
    const QList<int> versions = m_versions.value(tariffId);
    if (versions.isEmpty()) {
        return tariffId;
    }
    if (versions.size() == 1) {
        return tr("%1 (v%2)").arg(tariffId).arg(versions.front());
    }
    return tr("%1 (v%2–%3)").arg(tariffId).arg(versions.front()).arg(versions.back());
}

QStringList TariffAssignmentsModel::keySuggestions(AssignmentScope scope) const {
    QStringList keys;
    if (scope == AssignmentScope::Site) {
        keys = m_inventory.sites;
    } else if (scope == AssignmentScope::Charger) {
        keys = m_inventory.chargers;
    } else if (scope == AssignmentScope::ChargerGroup) {
        keys = m_chargerGroups.keys();
    }
    for (const TariffAssignment& a : m_assignments) {
        if (a.scope == scope) {
            keys.push_back(a.key);
        }
    }
    return sortedUnique(keys);
}

AssignRequest TariffAssignmentsModel::assignRequest(AssignmentScope scope, const QString& key,
                                                    const QString& tariffId,
                                                    const QStringList& members) const {
    AssignRequest request;
    const QString k = key.trimmed();
    if (k.isEmpty()) {
        request.problem = tr("Name the %1 the tariff is for.").arg(scopeText(scope).toLower());
        return request;
    }
    if (tariffId.trimmed().isEmpty()) {
        request.problem = tr("Choose a tariff.");
        return request;
    }
    if (!m_versions.contains(tariffId.trimmed())) {
        request.problem = tr("There is no stored tariff '%1': save it first, then assign it.").arg(tariffId);
        return request;
    }
    request.payload = {{QStringLiteral("scope"), scopeWireName(scope)},
                       {QStringLiteral("key"), k},
                       {QStringLiteral("tariffId"), tariffId.trimmed()}};
    if (scope == AssignmentScope::ChargerGroup) {
        QStringList chargers;
        for (const QString& member : members) {
            chargers.push_back(member.trimmed());
        }
        chargers.removeAll(QString());
        chargers.removeDuplicates();
        if (chargers.isEmpty()) {
            request.problem = tr("A charger group needs at least one charger.");
            request.payload = {};
            return request;
        }
        request.payload.insert(QStringLiteral("chargers"), QJsonArray::fromStringList(chargers));
    }
    return request;
}

QJsonObject TariffAssignmentsModel::removeRequest(AssignmentScope scope, const QString& key) {
    return {{QStringLiteral("scope"), scopeWireName(scope)},
            {QStringLiteral("key"), key},
            {QStringLiteral("tariffId"), QString()}};
}

QString TariffAssignmentsModel::removalText(int row) const {
    if (row < 0 || row >= rowCount()) {
        return {};
    }
    const TariffAssignment& a = m_assignments.at(row);
    QString who;
    QString instead;
    switch (a.scope) {
    case AssignmentScope::CustomerGroup:
        who = tr("Customer group %1 loses its tariff %2.").arg(quoted(a.key), quoted(a.tariffId));
        instead = tr("Its sessions will be billed with their charger's, charger group's or site's tariff, or "
                     "recorded unrated where none has one.");
        break;
    case AssignmentScope::Charger:
        who = tr("Charger %1 loses its tariff %2.").arg(quoted(a.key), quoted(a.tariffId));
        instead = tr("Its sessions will be billed with its charger group's or site's tariff (a customer "
                     "group's tariff still comes first), or recorded unrated where none has one.");
        break;
    case AssignmentScope::ChargerGroup: {
        const QStringList members = m_chargerGroups.value(a.key);
        who = tr("Charger group %1 (%n charger(s): %2) loses its tariff %3.", nullptr,
                 static_cast<int>(members.size()))
                  .arg(quoted(a.key), members.join(QStringLiteral(", ")), quoted(a.tariffId));
        instead = tr("Their sessions will be billed with their own or their site's tariff (a customer "
                     "group's tariff still comes first), or recorded unrated where none has one. The "
                     "group keeps its chargers.");
        break;
    }
    case AssignmentScope::Site:
        who = tr("Site %1 loses its tariff %2.").arg(quoted(a.key), quoted(a.tariffId));
        instead = tr("Sessions there without a customer group, charger or charger group tariff will be "
                     "recorded unrated.");
        break;
    }
    return who + QLatin1Char('\n') + instead + QLatin1Char('\n') +
           tr("Records already stored keep their amounts until they are re-rated.");
}

QString TariffAssignmentsModel::assignedText(const QJsonObject& response) {
    const auto scope = scopeFromWireName(response.value(QStringLiteral("scope")).toString());
    const QString where = QStringLiteral("%1 '%2'").arg(scope ? scopeText(*scope) : tr("Scope"),
                                                        response.value(QStringLiteral("key")).toString());
    const QString tariffId = response.value(QStringLiteral("tariffId")).toString();
    return tariffId.isEmpty() ? tr("%1 no longer has a tariff of its own.").arg(where)
                              : tr("%1 now uses tariff '%2'.").arg(where, tariffId);
}

} // namespace voltdesk::models::billing
