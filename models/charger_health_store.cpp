#include "models/charger_health_store.h"

#include "contract/charger_health.h"
#include "contract/topics.h"

#include <QLoggingCategory>

namespace voltdesk::models {

namespace {

Q_LOGGING_CATEGORY(lcHealth, "voltdesk.health")

HealthFigures figuresOf(const contract::ChargerHealth& h) {
    HealthFigures f;
    f.computedAtMs = h.computedAt;
    f.powerW = h.powerW;
    f.energyTodayWh = h.energyTodayWh;
    f.faults24h = h.faults24h;
    f.availability24h = h.availability24h;
    f.availability30d = h.availability30d;
    f.healthScore = h.healthScore;
    for (const std::string& reason : h.healthReasons) {
        f.healthReasons.push_back(QString::fromStdString(reason));
    }
    return f;
}

/// The charger id of a health topic, nullopt for any other topic.
std::optional<QString> healthTopicCharger(const QString& topic) {
    const QByteArray utf8 = topic.toUtf8();
    const auto ids = contract::parseChargerHealthTopic(std::string_view(utf8.constData(), utf8.size()));
    if (!ids) {
        return std::nullopt;
    }
    return QString::fromStdString(ids->chargerId);
}

} // namespace

ChargerHealthStore::ChargerHealthStore(QObject* parent) : QObject(parent) {}

const HealthFigures* ChargerHealthStore::find(const QString& chargerId) const {
    const auto it = m_figures.constFind(chargerId);
    return it == m_figures.constEnd() ? nullptr : &*it;
}

bool ChargerHealthStore::store(const QString& chargerId, const HealthFigures& figures) {
    auto it = m_figures.find(chargerId);
    if (it != m_figures.end() && *it == figures) {
        return false;
    }
    m_figures.insert(chargerId, figures);
    return true;
}

void ChargerHealthStore::setHealth(const QString& chargerId, const HealthFigures& figures) {
    if (store(chargerId, figures)) {
        emit healthChanged({chargerId});
    }
}

void ChargerHealthStore::removeHealth(const QString& chargerId) {
    if (m_figures.remove(chargerId) > 0) {
        emit healthChanged({chargerId});
    }
}

void ChargerHealthStore::applyMessages(const MqttMessages& messages) {
    QStringList changed;
    for (const MqttMessage& m : messages) {
        const std::optional<QString> topicCharger = healthTopicCharger(m.topic);
        if (!topicCharger) {
            continue;
        }
        if (m.payload.isEmpty()) {
            if (m_figures.remove(*topicCharger) > 0) {
                changed.push_back(*topicCharger);
            }
            continue;
        }
        const auto decoded = contract::decodeChargerHealth(
            std::string_view(m.payload.constData(), static_cast<std::size_t>(m.payload.size())));
        if (!decoded || QString::fromStdString(decoded.value().chargerId) != *topicCharger) {
            if (++m_malformed <= 20) {
                qCWarning(lcHealth).noquote() << "ignoring health message on" << m.topic << "-"
                                              << (decoded ? QStringLiteral("another charger's figures")
                                                          : QString::fromStdString(decoded.error()));
            }
            continue;
        }
        if (store(*topicCharger, figuresOf(decoded.value()))) {
            changed.push_back(*topicCharger);
        }
    }
    if (!changed.isEmpty()) {
        emit healthChanged(changed);
    }
}

} // namespace voltdesk::models
