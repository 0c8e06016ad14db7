#include "models/billing/sessions_model.h"

#include "contract/topics.h"
#include "models/billing/money_format.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMap>
#include <QTimeZone>

namespace voltdesk::models::billing {

namespace {

Q_LOGGING_CATEGORY(lcSessions, "voltdesk.billing.sessions")

QString fromStd(const std::string& text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

std::optional<qint64> timeOf(const QJsonValue& value) {
    if (!value.isString()) {
        return std::nullopt;
    }
    const auto ms = contract::parseIso8601(value.toString().toStdString());
    return ms ? std::optional<qint64>(*ms) : std::nullopt;
}

QString localText(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

void markLive(SessionRow& row, const contract::ChargeDetailRecord& cost) {
    row.record = cost;
    // The stop's own cost ("stop") is the CDR: the session is over even before the CDR topic says so.
    row.live = cost.reason != "stop";
    if (!row.live) {
        row.stopMs = cost.stop;
        row.meterStopWh = cost.meterStopWh;
    }
}

} // namespace

QJsonObject SessionFilter::toPayload() const {
    QJsonObject payload;
    const auto put = [&](const char* key, const QString& value) {
        if (!value.trimmed().isEmpty()) {
            payload.insert(QLatin1String(key), value.trimmed());
        }
    };
    put("siteId", siteId);
    put("chargerId", chargerId);
    put("customerGroup", customerGroup);
    put("idTag", idTag);
    if (from.isValid()) {
        payload.insert(QStringLiteral("from"), fromStd(contract::toIso8601(from.toMSecsSinceEpoch())));
    }
    if (to.isValid()) {
        payload.insert(QStringLiteral("to"), fromStd(contract::toIso8601(to.toMSecsSinceEpoch())));
    }
    payload.insert(QStringLiteral("status"), status.isEmpty() ? QStringLiteral("all") : status);
    payload.insert(QStringLiteral("offset"), offset);
    payload.insert(QStringLiteral("limit"), limit);
    return payload;
}

bool SessionFilter::admitsLive(const contract::ChargeDetailRecord& cost) const {
    const auto same = [](const QString& wanted, const std::string& value) {
        return wanted.trimmed().isEmpty() || wanted.trimmed() == fromStd(value);
    };
    if (status == QLatin1String("finished") || offset > 0) {
        return false;
    }
    if (to.isValid() && cost.start >= to.toMSecsSinceEpoch()) {
        return false;
    }
    return same(siteId, cost.siteId) && same(chargerId, cost.chargerId) &&
           same(customerGroup, cost.customerGroup) && same(idTag, cost.idTag);
}

qint64 SessionRow::energyMilliWh() const {
    if (record) {
        return record->billedMilliWh;
    }
    return meterStopWh ? (*meterStopWh - meterStartWh) * 1000 : 0;
}

std::optional<contract::ChargeDetailRecord> recordFromJson(const QJsonObject& object) {
    const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact);
    auto decoded = contract::decodeChargeDetailRecord(std::string_view(text.constData(), text.size()));
    if (!decoded) {
        qCWarning(lcSessions) << "CDR skipped:" << fromStd(decoded.error());
        return std::nullopt;
    }
    return std::move(decoded).value();
}

QString siteTimeText(qint64 ms, const std::string& timeZone) {
    const QTimeZone zone(QByteArray::fromStdString(timeZone));
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms);
    return (zone.isValid() ? at.toTimeZone(zone) : at.toLocalTime())
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QJsonObject recordToJson(const contract::ChargeDetailRecord& record) {
    const std::string text = contract::encode(record);
    return QJsonDocument::fromJson(QByteArray(text.data(), static_cast<qsizetype>(text.size()))).object();
}

SessionsModel::SessionsModel(QObject* parent) : QAbstractTableModel(parent) {}

int SessionsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SessionsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const SessionRow& r = rowAt(index.row());
    switch (role) {
    case LiveRole:
        return r.live;
    case CdrIdRole:
        return r.cdrId;
    case UnratedRole:
        return r.isUnrated();
    case Qt::TextAlignmentRole:
        if (index.column() == EnergyColumn || index.column() == TotalColumn) {
            return QVariant(static_cast<int>(Qt::AlignRight | Qt::AlignVCenter));
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TotalColumn && r.live) {
            return tr("Running: the cost so far, rated up to %1")
                .arg(r.record ? siteTimeText(r.record->stop, r.record->timeZone) : QString());
        }
        if (index.column() == StatusColumn && r.record && r.isUnrated()) {
            return fromStd(r.record->reason);
        }
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case StatusColumn:
        if (r.live) {
            return tr("Live");
        }
        if (r.isUnrated()) {
            return tr("Unrated");
        }
        if (r.record && r.record->version > 1) {
            return tr("Finished · v%1").arg(r.record->version);
        }
        return tr("Finished");
    case StartColumn:
        return r.record ? siteTimeText(r.startMs, r.record->timeZone) : localText(r.startMs);
    case SiteColumn:
        return r.record && !r.record->siteName.empty() ? fromStd(r.record->siteName) : r.siteId;
    case ChargerColumn:
        return QStringLiteral("%1 · %2").arg(r.chargerId).arg(r.connectorId);
    case IdTagColumn:
        return r.idTag;
    case CustomerGroupColumn:
        return r.customerGroup;
    case EnergyColumn:
        return formatKwh(r.energyMilliWh());
    case TotalColumn:
        if (!r.record) {
            return QStringLiteral("—");
        }
        if (r.isUnrated()) {
            return tr("not rated");
        }
        return formatMoney(r.record->total, r.record->minorDigits, fromStd(r.record->currency));
    default:
        return {};
    }
}

QVariant SessionsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case StartColumn:
        return tr("Started (site time)");
    case SiteColumn:
        return tr("Site");
    case ChargerColumn:
        return tr("Charger · connector");
    case IdTagColumn:
        return tr("Id tag");
    case CustomerGroupColumn:
        return tr("Customer group");
    case EnergyColumn:
        return tr("kWh");
    case TotalColumn:
        return tr("Total");
    default:
        return {};
    }
}

int SessionsModel::rowOfCdr(const QString& cdrId) const {
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].cdrId == cdrId) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

void SessionsModel::setResponse(const QJsonObject& response) {
    std::vector<SessionRow> rows;
    int skipped = 0;
    for (const auto& value : response.value(QStringLiteral("sessions")).toArray()) {
        const QJsonObject s = value.toObject();
        SessionRow row;
        row.cdrId = s.value(QStringLiteral("cdrId")).toString();
        row.chargerId = s.value(QStringLiteral("chargerId")).toString();
        row.connectorId = s.value(QStringLiteral("connectorId")).toInt();
        row.transactionId = s.value(QStringLiteral("transactionId")).toInt();
        row.siteId = s.value(QStringLiteral("siteId")).toString();
        row.idTag = s.value(QStringLiteral("idTag")).toString();
        row.customerGroup = s.value(QStringLiteral("customerGroup")).toString();
        const auto start = timeOf(s.value(QStringLiteral("start")));
        if (row.cdrId.isEmpty() || !start) {
            ++skipped;
            continue;
        }
        row.startMs = *start;
        row.stopMs = timeOf(s.value(QStringLiteral("stop")));
        row.live = s.value(QStringLiteral("status")).toString() == QLatin1String("live");
        row.meterStartWh = s.value(QStringLiteral("meterStartWh")).toInteger();
        if (s.contains(QStringLiteral("meterStopWh"))) {
            row.meterStopWh = s.value(QStringLiteral("meterStopWh")).toInteger();
        }
        if (s.contains(QStringLiteral("cdr"))) {
            row.record = recordFromJson(s.value(QStringLiteral("cdr")).toObject());
            if (!row.record) {
                ++skipped;
            }
        }
        if (row.live) {
            if (const auto cost = m_liveCosts.constFind(row.cdrId); cost != m_liveCosts.constEnd()) {
                markLive(row, *cost);
            }
        }
        rows.push_back(std::move(row));
    }
    QMap<QString, int> digits; // the answer's totals carry no digits; the records do
    for (const SessionRow& row : rows) {
        if (row.record && !row.record->currency.empty()) {
            digits.insert(fromStd(row.record->currency), row.record->minorDigits);
        }
    }
    QList<CurrencyTotal> totals;
    for (const auto& value : response.value(QStringLiteral("totals")).toArray()) {
        const QJsonObject t = value.toObject();
        CurrencyTotal total;
        total.currency = t.value(QStringLiteral("currency")).toString();
        total.minorDigits = digits.value(total.currency, 2);
        total.sessions = t.value(QStringLiteral("sessions")).toInteger();
        total.energyMilliWh = t.value(QStringLiteral("energyMilliWh")).toInteger();
        total.subtotal = t.value(QStringLiteral("subtotal")).toInteger();
        total.tax = t.value(QStringLiteral("tax")).toInteger();
        total.total = t.value(QStringLiteral("total")).toInteger();
        totals.push_back(total);
    }
    beginResetModel();
    m_rows = std::move(rows);
    m_totals = std::move(totals);
    m_matching = response.value(QStringLiteral("matching")).toInteger(static_cast<qint64>(m_rows.size()));
    m_offset = response.value(QStringLiteral("offset")).toInt(m_filter.offset);
    m_limit = response.value(QStringLiteral("limit")).toInt(m_filter.limit);
    m_filter.offset = m_offset;
    m_filter.limit = m_limit;
    m_skipped = skipped;
    m_hasResponse = true;
    endResetModel();
    emit summaryChanged();
}

void SessionsModel::applyMessages(const voltdesk::models::MqttMessages& messages) {
    for (const MqttMessage& message : messages) {
        const std::string topic = message.topic.toStdString();
        if (contract::parseSessionCostTopic(topic)) {
            applyLiveCost(message.topic, message.payload);
        } else if (contract::parseSiteCdrTopic(topic)) {
            applyCdr(message.payload);
        }
    }
}

void SessionsModel::applyLiveCost(const QString& topic, const QByteArray& payload) {
    if (payload.isEmpty()) {
        // Cleared once the CDR is stored: the row keeps its last (final) cost.
        const QString cdrId = m_liveTopicCdr.take(topic);
        m_liveCosts.remove(cdrId);
        const int row = rowOfCdr(cdrId);
        if (row >= 0 && m_rows[static_cast<std::size_t>(row)].live) {
            m_rows[static_cast<std::size_t>(row)].live = false;
            rowChanged(row);
        }
        return;
    }
    auto decoded = contract::decodeChargeDetailRecord(std::string_view(payload.constData(), payload.size()));
    if (!decoded) {
        qCWarning(lcSessions) << "live cost on" << topic << "skipped:" << fromStd(decoded.error());
        return;
    }
    const contract::ChargeDetailRecord& cost = decoded.value();
    const QString cdrId = fromStd(cost.cdrId);
    m_liveTopicCdr.insert(topic, cdrId);
    m_liveCosts.insert(cdrId, cost);
    int row = rowOfCdr(cdrId);
    if (row < 0) {
        if (!m_hasResponse || cost.reason == "stop" || !m_filter.admitsLive(cost)) {
            return;
        }
        SessionRow added;
        added.cdrId = cdrId;
        added.chargerId = fromStd(cost.chargerId);
        added.connectorId = cost.connectorId;
        added.transactionId = cost.transactionId;
        added.siteId = fromStd(cost.siteId);
        added.idTag = fromStd(cost.idTag);
        added.customerGroup = fromStd(cost.customerGroup);
        added.startMs = cost.start;
        added.meterStartWh = cost.meterStartWh;
        markLive(added, cost);
        beginInsertRows({}, 0, 0); // newest first
        m_rows.insert(m_rows.begin(), std::move(added));
        endInsertRows();
        ++m_matching;
        emit summaryChanged();
        emit recordChanged(cdrId);
        return;
    }
    SessionRow& r = m_rows[static_cast<std::size_t>(row)];
    if (r.record && !r.record->provisional) {
        return; // the stored CDR is already here; a late live cost must not replace it
    }
    markLive(r, cost);
    rowChanged(row);
}

void SessionsModel::applyCdr(const QByteArray& payload) {
    auto decoded = contract::decodeChargeDetailRecord(std::string_view(payload.constData(), payload.size()));
    if (!decoded) {
        qCWarning(lcSessions) << "CDR skipped:" << fromStd(decoded.error());
        return;
    }
    contract::ChargeDetailRecord record = std::move(decoded).value();
    const int row = rowOfCdr(fromStd(record.cdrId));
    if (row < 0) {
        return; // a finished session on another page or filter: the next request lists it
    }
    SessionRow& r = m_rows[static_cast<std::size_t>(row)];
    const bool wasStored = r.record && !r.record->provisional;
    if (wasStored && r.record->version >= record.version) {
        return;
    }
    // The agent's totals cover the finished sessions the list matches: one that just finished joins
    // them, a re-rated one counts with its new version, until the next answer brings the agent's sums.
    if (m_filter.status != QLatin1String("live")) {
        if (wasStored) {
            addToTotals(*r.record, -1, 0);
        }
        addToTotals(record, 1, wasStored ? 0 : 1);
    }
    r.live = false;
    r.stopMs = record.stop;
    r.meterStopWh = record.meterStopWh;
    r.record = std::move(record);
    rowChanged(row);
}

void SessionsModel::addToTotals(const contract::ChargeDetailRecord& record, int sign, int sessions) {
    const QString currency = fromStd(record.currency);
    auto it = std::find_if(m_totals.begin(), m_totals.end(),
                           [&](const CurrencyTotal& t) { return t.currency == currency; });
    if (it == m_totals.end()) {
        m_totals.push_back(CurrencyTotal{currency, record.minorDigits});
        it = m_totals.end() - 1;
    }
    it->sessions += sessions;
    it->energyMilliWh += sign * record.billedMilliWh;
    it->subtotal += sign * record.subtotal;
    it->tax += sign * record.tax;
    it->total += sign * record.total;
}

void SessionsModel::rowChanged(int row) {
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit summaryChanged();
    emit recordChanged(m_rows[static_cast<std::size_t>(row)].cdrId);
}

QList<CurrencyTotal> SessionsModel::liveTotals() const {
    QList<CurrencyTotal> totals;
    for (const SessionRow& r : m_rows) {
        if (!r.live || !r.record) {
            continue;
        }
        const QString currency = fromStd(r.record->currency);
        auto it = std::find_if(totals.begin(), totals.end(),
                               [&](const CurrencyTotal& t) { return t.currency == currency; });
        if (it == totals.end()) {
            totals.push_back(CurrencyTotal{currency, r.record->minorDigits});
            it = totals.end() - 1;
        }
        ++it->sessions;
        it->energyMilliWh += r.record->billedMilliWh;
        it->subtotal += r.record->subtotal;
        it->tax += r.record->tax;
        it->total += r.record->total;
    }
    return totals;
}

} // namespace voltdesk::models::billing
