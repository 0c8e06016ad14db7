#include "models/charger_history_model.h"

#include "contract/iso8601.h"
#include "models/ocpp_error_text.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>
#include <algorithm>

namespace voltdesk::models {

namespace {

std::optional<qint64> timeOf(const QJsonObject& o) {
    return contract::parseIso8601(o.value(QLatin1String("at")).toString().toStdString());
}

QString text(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toString();
}

bool isFault(const StatusChange& c) {
    return c.status == QLatin1String("Faulted") ||
           (!c.errorCode.isEmpty() && c.errorCode != QLatin1String("NoError"));
}

} // namespace

ChargerHistoryModel::ChargerHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

int ChargerHistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int ChargerHistoryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChargerHistoryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Event& e = m_events.at(index.row());
    if (role == AtRole) {
        return e.atMs;
    }
    if (role == KindRole) {
        return static_cast<int>(e.kind);
    }
    if (role == Qt::ToolTipRole && index.column() == ExplanationColumn) {
        return e.explanation;
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(e.atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case ConnectorColumn:
        return e.connectorId < 0 ? QVariant() : QVariant(e.connectorId);
    case EventColumn:
        return e.event;
    case CodeColumn:
        return e.code;
    case ExplanationColumn:
        return e.explanation;
    default:
        return {};
    }
}

QVariant ChargerHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ConnectorColumn:
        return tr("Connector");
    case EventColumn:
        return tr("Event");
    case CodeColumn:
        return tr("Code");
    case ExplanationColumn:
        return tr("What it means");
    default:
        return {};
    }
}

void ChargerHistoryModel::setHistory(const QJsonObject& response) {
    beginResetModel();
    m_changes.clear();
    m_events.clear();
    for (const auto& v : response.value(QLatin1String("statusChanges")).toArray()) {
        const QJsonObject o = v.toObject();
        const auto at = timeOf(o);
        if (!at) {
            continue;
        }
        StatusChange c{o.value(QLatin1String("connectorId")).toInt(),
                       text(o, "status"),
                       text(o, "errorCode"),
                       text(o, "info"),
                       text(o, "vendorErrorCode"),
                       *at};
        if (c.connectorId == 0 &&
            (c.status == QLatin1String("Offline") || c.status == QLatin1String("Online"))) {
            m_events.push_back(
                {c.atMs,
                 -1,
                 Kind::Connection,
                 c.status == QLatin1String("Offline") ? tr("Connection lost") : tr("Connected"),
                 {},
                 {}});
        } else if (isFault(c)) {
            QString explanation = ocppErrorText(c.errorCode);
            if (!c.info.isEmpty()) {
                explanation += (explanation.isEmpty() ? QString() : QStringLiteral(" ")) +
                               tr("Charger says: %1").arg(c.info);
            }
            const QString code = c.vendorErrorCode.isEmpty()
                                     ? c.errorCode
                                     : QStringLiteral("%1 (%2)").arg(c.errorCode, c.vendorErrorCode);
            m_events.push_back({c.atMs, c.connectorId, Kind::Fault, c.status, code, explanation});
        }
        m_changes.push_back(std::move(c));
    }
    std::stable_sort(m_changes.begin(), m_changes.end(),
                     [](const StatusChange& a, const StatusChange& b) { return a.atMs < b.atMs; });
    for (const auto& v : response.value(QLatin1String("securityEvents")).toArray()) {
        const QJsonObject o = v.toObject();
        if (const auto at = timeOf(o)) {
            m_events.push_back(
                {*at, -1, Kind::Security, tr("Security event"), text(o, "type"), text(o, "techInfo")});
        }
    }
    for (const auto& v : response.value(QLatin1String("maintenance")).toArray()) {
        const QJsonObject o = v.toObject();
        if (const auto at = timeOf(o)) {
            m_events.push_back({*at,
                                -1,
                                Kind::Maintenance,
                                tr("Maintenance: %1").arg(text(o, "kind")),
                                text(o, "status"),
                                {}});
        }
    }
    std::stable_sort(m_events.begin(), m_events.end(),
                     [](const Event& a, const Event& b) { return a.atMs > b.atMs; });
    m_hasHistory = true;
    endResetModel();
    emit historyChanged();
}

} // namespace voltdesk::models
