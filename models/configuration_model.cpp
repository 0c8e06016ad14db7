#include "models/configuration_model.h"

#include <QJsonArray>
#include <algorithm>

namespace voltdesk::models {

ConfigurationModel::ConfigurationModel(QObject* parent) : QAbstractTableModel(parent) {}

int ConfigurationModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int ConfigurationModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConfigurationModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        role != Qt::DisplayRole) {
        return {};
    }
    const Entry& e = m_entries.at(index.row());
    switch (index.column()) {
    case KeyColumn:
        return e.key;
    case ValueColumn:
        return e.value;
    case ReadOnlyColumn:
        return e.readOnly ? tr("read-only") : tr("writable");
    default:
        return {};
    }
}

QVariant ConfigurationModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case ReadOnlyColumn:
        return tr("Access");
    default:
        return {};
    }
}

void ConfigurationModel::setConfiguration(const QJsonObject& response) {
    beginResetModel();
    m_entries.clear();
    m_unknown.clear();
    for (const auto& v : response.value(QLatin1String("configurationKey")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString key = o.value(QLatin1String("key")).toString();
        if (!key.isEmpty()) {
            m_entries.push_back({key, o.value(QLatin1String("value")).toString(),
                                 o.value(QLatin1String("readonly")).toBool()});
        }
    }
    std::sort(m_entries.begin(), m_entries.end(),
              [](const Entry& a, const Entry& b) { return a.key.compare(b.key, Qt::CaseInsensitive) < 0; });
    for (const auto& v : response.value(QLatin1String("unknownKey")).toArray()) {
        m_unknown.push_back(v.toString());
    }
    endResetModel();
}

QString ConfigurationModel::value(const QString& key) const {
    for (const Entry& e : m_entries) {
        if (e.key == key) {
            return e.value.isNull() ? QStringLiteral("") : e.value;
        }
    }
    return {};
}

} // namespace voltdesk::models
