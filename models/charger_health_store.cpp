#include "models/charger_health_store.h"

#include "contract/iso8601.h"
#include "contract/topics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

namespace voltdesk::models {

namespace {

Q_LOGGING_CATEGORY(lcHealth, "voltdesk.health")

// Until contract/charger_health.h lands (AGENT-HEALTH), the payload of interface 4 is read here with
// Qt's JSON; when it does, decodeChargerHealth() replaces this function and nothing else changes.
std::optional<HealthFigures> decodeFigures(const QByteArray& payload, QString& chargerId) {
    const QJsonDocument doc = QJsonDocument::fromJson(payload);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("v")).toInt() != 1 || !o.value(QStringLiteral("chargerId")).isString())
        return std::nullopt;
    chargerId = o.value(QStringLiteral("chargerId")).toString();
    HealthFigures f;
    const QByteArray at = o.value(QStringLiteral("computedAt")).toString().toUtf8();
    if (auto ms = contract::parseIso8601(std::string_view(at.constData(), at.size())))
        f.computedAtMs = *ms;
    const auto number = [&o](const char* key) -> std::optional<double> {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
    };
    const auto integer = [&number](const char* key) -> std::optional<int> {
        const auto v = number(key);
        return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
    };
    f.powerW = number("powerW");
    f.energyTodayWh = number("energyTodayWh");
    f.faults24h = integer("faults24h");
    f.availability24h = number("availability24h");
    f.availability30d = number("availability30d");
    f.healthScore = integer("healthScore");
    for (const QJsonValue& reason : o.value(QStringLiteral("healthReasons")).toArray())
        f.healthReasons.push_back(reason.toString());
    return f;
}

/// The charger id of a .../sites/{site}/chargers/{charger}/health topic, nullopt for any other topic.
std::optional<QString> healthTopicCharger(const QString& topic) {
    static const QString kSuffix = QStringLiteral("/health");
    static const QString kPrefix = QString::fromLatin1(contract::kTopicRoot) + QStringLiteral("/sites/");
    if (!topic.endsWith(kSuffix) || !topic.startsWith(kPrefix))
        return std::nullopt;
    const QStringList parts = topic.mid(kPrefix.size()).split(QLatin1Char('/'));
    if (parts.size() != 4 || parts[1] != QLatin1String("chargers"))
        return std::nullopt;
    const QByteArray segment = parts[2].toUtf8();
    const auto id = contract::decodeTopicSegment(std::string_view(segment.constData(), segment.size()));
    if (!id)
        return std::nullopt;
    return QString::fromStdString(*id);
}

} // namespace

ChargerHealthStore::ChargerHealthStore(QObject* parent) : QObject(parent) {}

const HealthFigures* ChargerHealthStore::find(const QString& chargerId) const {
    const auto it = m_figures.constFind(chargerId);
    return it == m_figures.constEnd() ? nullptr : &*it;
}

bool ChargerHealthStore::store(const QString& chargerId, const HealthFigures& figures) {
    auto it = m_figures.find(chargerId);
    if (it != m_figures.end() && *it == figures)
        return false;
    m_figures.insert(chargerId, figures);
    return true;
}

void ChargerHealthStore::setHealth(const QString& chargerId, const HealthFigures& figures) {
    if (store(chargerId, figures))
        emit healthChanged({chargerId});
}

void ChargerHealthStore::removeHealth(const QString& chargerId) {
    if (m_figures.remove(chargerId) > 0)
        emit healthChanged({chargerId});
}

void ChargerHealthStore::applyMessages(const MqttMessages& messages) {
    QStringList changed;
    for (const MqttMessage& m : messages) {
        const std::optional<QString> topicCharger = healthTopicCharger(m.topic);
        if (!topicCharger)
            continue;
        if (m.payload.isEmpty()) {
            if (m_figures.remove(*topicCharger) > 0)
                changed.push_back(*topicCharger);
            continue;
        }
        QString payloadCharger;
        const std::optional<HealthFigures> figures = decodeFigures(m.payload, payloadCharger);
        if (!figures || payloadCharger != *topicCharger) {
            if (++m_malformed <= 20)
                qCWarning(lcHealth).noquote() << "ignoring health message on" << m.topic;
            continue;
        }
        if (store(*topicCharger, *figures))
            changed.push_back(*topicCharger);
    }
    if (!changed.isEmpty())
        emit healthChanged(changed);
}

} // namespace voltdesk::models
