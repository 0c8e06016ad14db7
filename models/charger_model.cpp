#include "models/charger_model.h"

#include "contract/agent_presence.h"
#include "contract/site_info.h"
#include "contract/topics.h"
#include "models/status_names.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimeZone>
#include <QVariantMap>
#include <algorithm>

namespace voltdesk::models {

namespace {

Q_LOGGING_CATEGORY(lcModel, "voltdesk.model")

QDateTime utc(contract::EpochMs ms) {
    return ms == 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC);
}

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

/// Topics of the wire contract that other models read (telemetry, health, live session costs, the
/// sites' CDRs, a user's profile and command responses): BrokerLink delivers them to every model,
/// and here they are not mistakes.
bool isOtherModelsTopic(const QString& topic) {
    static const QString kRoot = QString::fromLatin1(contract::kTopicRoot) + QLatin1Char('/');
    if (!topic.startsWith(kRoot)) {
        return false;
    }
    if (topic.startsWith(kRoot + QStringLiteral("users/"))) {
        return true;
    }
    const QByteArray utf8 = topic.toUtf8();
    const std::string_view view(utf8.constData(), static_cast<std::size_t>(utf8.size()));
    return contract::parseChargerTelemetryTopic(view) || contract::parseChargerHealthTopic(view) ||
           contract::parseSessionCostTopic(view) || contract::parseSiteCdrTopic(view);
}

} // namespace

/// What one applyMessages() call accumulates before it tells the views.
struct ChargerModel::Batch {
    std::vector<Row> inserts;
    QHash<QString, std::size_t> insertAt; ///< charger id → index in inserts
    QSet<QString> changed;                ///< charger ids of existing rows that changed
    QSet<QString> changedSites;
    bool countsChanged = false;
    bool agentsChanged = false;
};

ChargerModel::ChargerModel(QObject* parent)
    : QAbstractListModel(parent), m_counts(contract::kChargerStatusCount, 0) {}

int ChargerModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QHash<int, QByteArray> ChargerModel::roleNames() const {
    return {
        {Qt::DisplayRole, "display"},   {ChargerIdRole, "chargerId"}, {SiteIdRole, "siteId"},
        {SiteNameRole, "siteName"},     {StatusRole, "status"},       {StatusTextRole, "statusText"},
        {LatitudeRole, "latitude"},     {LongitudeRole, "longitude"}, {HasLocationRole, "hasLocation"},
        {StaleRole, "stale"},           {OnlineRole, "online"},       {VendorRole, "vendor"},
        {ModelRole, "model"},           {FirmwareRole, "firmware"},   {SerialRole, "serial"},
        {MaxPowerKwRole, "maxPowerKw"}, {LastSeenRole, "lastSeen"},   {ConnectorsRole, "connectors"},
    };
}

QVariant ChargerModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const contract::ChargerState& s = row.state;
    switch (role) {
    case Qt::DisplayRole:
    case ChargerIdRole:
        return row.chargerId;
    case SiteIdRole:
        return row.siteId;
    case SiteNameRole:
        return m_sites.displayName(row.siteId);
    case StatusRole:
        return static_cast<int>(row.status);
    case StatusTextRole:
        return statusDisplayName(row.status);
    case LatitudeRole:
        return s.location ? s.location->lat : 0.0;
    case LongitudeRole:
        return s.location ? s.location->lon : 0.0;
    case HasLocationRole:
        return s.location.has_value();
    case StaleRole:
        return isRowStale(s);
    case OnlineRole:
        return s.online;
    case VendorRole:
        return qs(s.vendor);
    case ModelRole:
        return qs(s.model);
    case FirmwareRole:
        return qs(s.firmwareVersion);
    case SerialRole:
        return qs(s.serialNumber);
    case MaxPowerKwRole:
        return s.maxPowerKw;
    case LastSeenRole:
        return utc(s.lastSeen);
    case ConnectorsRole: {
        QVariantList list;
        list.reserve(static_cast<qsizetype>(s.connectors.size()));
        for (const auto& c : s.connectors) {
            list.push_back(QVariantMap{
                {QStringLiteral("id"), c.id},
                {QStringLiteral("status"), QString::fromLatin1(contract::toString(c.status))},
                {QStringLiteral("statusText"), connectorStatusDisplayName(c.status)},
                {QStringLiteral("errorCode"), qs(c.errorCode)},
                {QStringLiteral("info"), qs(c.info)},
                {QStringLiteral("since"), utc(c.since)},
            });
        }
        return list;
    }
    default:
        return {};
    }
}

int ChargerModel::rowOf(const QString& chargerId) const {
    return m_rowOf.value(chargerId, -1);
}

const contract::ChargerState& ChargerModel::stateAt(int row) const {
    return m_rows[static_cast<std::size_t>(row)].state;
}

contract::ChargerStatus ChargerModel::statusAt(int row) const {
    return m_rows[static_cast<std::size_t>(row)].status;
}

const QString& ChargerModel::chargerIdAt(int row) const {
    return m_rows[static_cast<std::size_t>(row)].chargerId;
}

void ChargerModel::applyMessage(const QString& topic, const QByteArray& payload) {
    applyMessages(MqttMessages{MqttMessage{topic, payload}});
}

void ChargerModel::applyMessages(const MqttMessages& messages) {
    Batch batch;
    for (const MqttMessage& m : messages) {
        applyOne(m, batch);
    }
    finishBatch(batch);
}

void ChargerModel::applyOne(const MqttMessage& message, Batch& batch) {
    const QByteArray topicUtf8 = message.topic.toUtf8();
    const auto topic = contract::parseTopic(std::string_view(topicUtf8.constData(), topicUtf8.size()));
    if (!topic) {
        if (isOtherModelsTopic(message.topic)) {
            return;
        }
        reject(message.topic, QStringLiteral("not a topic of the wire contract"));
        return;
    }
    if (message.payload.size() > kMaxPayloadBytes) {
        reject(message.topic, QStringLiteral("payload of %1 bytes is too large").arg(message.payload.size()));
        return;
    }
    const std::string_view payload(message.payload.constData(),
                                   static_cast<std::size_t>(message.payload.size()));
    switch (topic->kind) {
    case contract::TopicKind::ChargerState:
        applyChargerState(message.topic, qs(topic->siteId), qs(topic->chargerId), message.payload, batch);
        return;
    case contract::TopicKind::SiteInfo: {
        const QString siteId = qs(topic->siteId);
        if (payload.empty()) {
            if (m_sites.remove(siteId)) {
                batch.changedSites.insert(siteId);
            }
            return;
        }
        auto site = contract::decodeSiteInfo(payload);
        if (!site) {
            reject(message.topic, qs(site.error()));
            return;
        }
        if (site.value().siteId != topic->siteId) {
            reject(message.topic, QStringLiteral("payload is for site '%1'").arg(qs(site.value().siteId)));
            return;
        }
        if (m_sites.upsert(site.value())) {
            batch.changedSites.insert(siteId);
        }
        return;
    }
    case contract::TopicKind::AgentStatus: {
        const QString agentId = qs(topic->agentId);
        if (payload.empty()) {
            batch.agentsChanged |= m_agentOnline.remove(agentId) > 0;
            return;
        }
        auto presence = contract::decodeAgentPresence(payload);
        if (!presence) {
            reject(message.topic, qs(presence.error()));
            return;
        }
        if (presence.value().agentId != topic->agentId) {
            reject(message.topic,
                   QStringLiteral("payload is for agent '%1'").arg(qs(presence.value().agentId)));
            return;
        }
        m_agentOnline.insert(agentId, presence.value().online);
        batch.agentsChanged = true;
        return;
    }
    default: // kinds other models read (telemetry, health, ...), as the contract learns them
        return;
    }
}

void ChargerModel::applyChargerState(const QString& topic, const QString& siteId, const QString& chargerId,
                                     const QByteArray& payload, Batch& batch) {
    if (payload.isEmpty()) {
        removeCharger(siteId, chargerId, batch);
        return;
    }
    auto decoded = contract::decodeChargerState(std::string_view(payload.constData(), payload.size()));
    if (!decoded) {
        reject(topic, qs(decoded.error()));
        return;
    }
    contract::ChargerState state = std::move(decoded).value();
    if (qs(state.chargerId) != chargerId || qs(state.siteId) != siteId) {
        reject(topic, QStringLiteral("payload is for charger '%1' at site '%2'")
                          .arg(qs(state.chargerId), qs(state.siteId)));
        return;
    }
    const contract::ChargerStatus status = state.overall();

    const auto pending = batch.insertAt.constFind(chargerId);
    if (pending != batch.insertAt.constEnd()) {
        Row& row = batch.inserts[*pending];
        row.siteId = siteId;
        row.state = std::move(state);
        row.status = status;
        return;
    }
    const int r = rowOf(chargerId);
    if (r < 0) {
        batch.insertAt.insert(chargerId, batch.inserts.size());
        batch.inserts.push_back(Row{chargerId, siteId, std::move(state), status});
        return;
    }
    Row& row = m_rows[static_cast<std::size_t>(r)];
    if (row.state == state) {
        return; // retained states come again on every reconnect
    }
    if (row.status != status) {
        countStatus(row.status, -1);
        countStatus(status, +1);
        batch.countsChanged = true;
    }
    row.siteId = siteId; // a charger may move to another site; its old topic is then cleared
    row.state = std::move(state);
    row.status = status;
    batch.changed.insert(chargerId);
}

void ChargerModel::removeCharger(const QString& siteId, const QString& chargerId, Batch& batch) {
    const auto pending = batch.insertAt.constFind(chargerId);
    if (pending != batch.insertAt.constEnd()) {
        if (batch.inserts[*pending].siteId == siteId) {
            batch.inserts.erase(batch.inserts.begin() + static_cast<std::ptrdiff_t>(*pending));
            batch.insertAt.clear();
            for (std::size_t i = 0; i < batch.inserts.size(); ++i) {
                batch.insertAt.insert(batch.inserts[i].chargerId, i);
            }
        }
        return;
    }
    const int r = rowOf(chargerId);
    // The clearing of a charger's old topic after it moved must not remove it from its new site.
    if (r < 0 || m_rows[static_cast<std::size_t>(r)].siteId != siteId) {
        return;
    }
    beginRemoveRows({}, r, r);
    countStatus(m_rows[static_cast<std::size_t>(r)].status, -1);
    m_rows.erase(m_rows.begin() + r);
    m_rowOf.remove(chargerId);
    for (int i = r; i < static_cast<int>(m_rows.size()); ++i) {
        m_rowOf[m_rows[static_cast<std::size_t>(i)].chargerId] = i;
    }
    endRemoveRows();
    batch.changed.remove(chargerId);
    batch.countsChanged = true;
    emit countChanged();
}

void ChargerModel::flushInserts(Batch& batch) {
    if (batch.inserts.empty()) {
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    const int last = first + static_cast<int>(batch.inserts.size()) - 1;
    beginInsertRows({}, first, last);
    m_rows.reserve(m_rows.size() + batch.inserts.size());
    for (Row& row : batch.inserts) {
        m_rowOf.insert(row.chargerId, static_cast<int>(m_rows.size()));
        countStatus(row.status, +1);
        m_rows.push_back(std::move(row));
    }
    endInsertRows();
    batch.inserts.clear();
    batch.insertAt.clear();
    batch.countsChanged = true;
    emit countChanged();
}

void ChargerModel::finishBatch(Batch& batch) {
    const int oldRows = static_cast<int>(m_rows.size());
    flushInserts(batch);
    if (!batch.changedSites.isEmpty()) {
        for (int r = 0; r < oldRows; ++r) {
            if (batch.changedSites.contains(m_rows[static_cast<std::size_t>(r)].siteId)) {
                batch.changed.insert(m_rows[static_cast<std::size_t>(r)].chargerId);
            }
        }
    }
    for (const QString& id : std::as_const(batch.changed)) {
        const int r = rowOf(id);
        if (r >= 0) {
            const QModelIndex idx = index(r);
            emit dataChanged(idx, idx);
        }
    }
    if (batch.countsChanged) {
        emit countsChanged();
    }
    if (batch.agentsChanged) {
        updateStale();
    }
}

void ChargerModel::setBrokerConnected(bool connected) {
    if (m_brokerConnected == connected) {
        return;
    }
    m_brokerConnected = connected;
    updateStale();
}

bool ChargerModel::isRowStale(const contract::ChargerState& state) const {
    if (!m_brokerConnected) {
        return true;
    }
    // An agent whose presence has not arrived yet is given the benefit of the doubt; a state that
    // names no agent cannot be tied to any presence, so only the broker link judges it.
    return !state.agentId.empty() && m_offlineAgents.count(state.agentId) > 0;
}

void ChargerModel::updateStale() {
    m_offlineAgents.clear();
    for (auto it = m_agentOnline.cbegin(); it != m_agentOnline.cend(); ++it) {
        if (!it.value()) {
            m_offlineAgents.insert(it.key().toStdString());
        }
    }
    const bool stale = !m_brokerConnected || !m_offlineAgents.empty();
    // Rows may change even when the summary does not (a second agent going down), so always refresh.
    if (!m_rows.empty()) {
        emit dataChanged(index(0), index(static_cast<int>(m_rows.size()) - 1), {StaleRole});
    }
    if (stale == m_stale) {
        return;
    }
    m_stale = stale;
    emit staleChanged(stale);
}

void ChargerModel::countStatus(contract::ChargerStatus status, int delta) {
    const int i = static_cast<int>(status);
    if (i >= 0 && i < m_counts.size()) {
        m_counts[i] += delta;
    }
}

void ChargerModel::reject(const QString& topic, const QString& reason) {
    ++m_malformed;
    // A misbehaving publisher could send thousands; the first ones say enough.
    if (m_malformed <= 20 || m_malformed % 1000 == 0) {
        qCWarning(lcModel).noquote() << "ignoring message on" << topic << "-" << reason
                                     << QStringLiteral("(%1 rejected so far)").arg(m_malformed);
    }
    emit malformedMessage(topic, reason);
}

} // namespace voltdesk::models
