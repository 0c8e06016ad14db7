#include "models/telemetry_model.h"

#include "contract/iso8601.h"
#include "contract/telemetry.h"
#include "contract/topics.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLoggingCategory>
#include <map>

namespace voltdesk::models {

namespace {

Q_LOGGING_CATEGORY(lcTelemetry, "voltdesk.telemetry")

// The JSON field of each quantity, in the telemetry payload and in history samples alike.
constexpr std::array<const char*, kQuantityCount> kFieldNames = {
    "powerW", "currentA", "voltageV", "temperatureC", "socPercent", "energyWh",
};

} // namespace

QString quantityName(Quantity quantity) {
    switch (quantity) {
    case Quantity::Power:
        return QCoreApplication::translate("Quantity", "Power");
    case Quantity::Current:
        return QCoreApplication::translate("Quantity", "Current");
    case Quantity::Voltage:
        return QCoreApplication::translate("Quantity", "Voltage");
    case Quantity::Temperature:
        return QCoreApplication::translate("Quantity", "Temperature");
    case Quantity::Soc:
        return QCoreApplication::translate("Quantity", "State of charge");
    case Quantity::Energy:
        break;
    }
    return QCoreApplication::translate("Quantity", "Energy");
}

QString quantityUnit(Quantity quantity) {
    switch (quantity) {
    case Quantity::Power:
        return QStringLiteral("W");
    case Quantity::Current:
        return QStringLiteral("A");
    case Quantity::Voltage:
        return QStringLiteral("V");
    case Quantity::Temperature:
        return QStringLiteral("°C");
    case Quantity::Soc:
        return QStringLiteral("%");
    case Quantity::Energy:
        break;
    }
    return QStringLiteral("Wh");
}

struct TelemetryModel::Connector {
    std::array<std::unique_ptr<TelemetrySeries>, kQuantityCount> series;
    std::optional<TelemetryReading> latest;
};

struct TelemetryModel::Charger {
    std::map<int, Connector> connectors;
};

TelemetryModel::TelemetryModel(QObject* parent, qsizetype seriesCapacity, qint64 retentionMs)
    : QObject(parent), m_capacity(seriesCapacity), m_retentionMs(retentionMs) {}

TelemetryModel::~TelemetryModel() = default;

void TelemetryModel::applyMessages(const MqttMessages& messages) {
    QSet<QString> touched;
    for (const MqttMessage& m : messages) {
        applyOne(m, touched);
    }
    for (const QString& chargerId : std::as_const(touched)) {
        emit samplesAdded(chargerId);
    }
}

void TelemetryModel::addSample(const QString& chargerId, const TelemetryReading& reading) {
    if (store(chargerId, reading, true)) {
        emit samplesAdded(chargerId);
    }
}

int TelemetryModel::addHistory(const QString& chargerId, const QJsonObject& historyResponse) {
    int taken = 0;
    const QJsonArray samples = historyResponse.value(QLatin1String("samples")).toArray();
    for (const auto& v : samples) {
        const QJsonObject o = v.toObject();
        const auto at = contract::parseIso8601(o.value(QLatin1String("at")).toString().toStdString());
        if (!at) {
            continue;
        }
        TelemetryReading r;
        r.connectorId = o.value(QLatin1String("connectorId")).toInt();
        r.atMs = *at;
        for (int q = 0; q < kQuantityCount; ++q) {
            const QJsonValue field = o.value(QLatin1String(kFieldNames[static_cast<std::size_t>(q)]));
            if (field.isDouble()) {
                r.setValue(static_cast<Quantity>(q), field.toDouble());
            }
        }
        if (store(chargerId, r, false)) {
            ++taken;
        }
    }
    if (taken > 0) {
        emit samplesAdded(chargerId);
    }
    return taken;
}

void TelemetryModel::forget(const QString& chargerId) {
    m_chargers.remove(chargerId);
}

void TelemetryModel::watch(const QString& chargerId) {
    ++m_watchCount[chargerId];
}

void TelemetryModel::unwatch(const QString& chargerId) {
    auto it = m_watchCount.find(chargerId);
    if (it == m_watchCount.end() || --*it > 0) {
        return;
    }
    m_watchCount.erase(it);
    const auto charger = m_chargers.constFind(chargerId);
    if (charger != m_chargers.constEnd() && !m_watchAll) {
        for (auto& entry : (*charger)->connectors) {
            for (auto& series : entry.second.series) {
                series.reset();
            }
        }
    }
}

bool TelemetryModel::isWatched(const QString& chargerId) const {
    return m_watchAll || m_watchCount.contains(chargerId);
}

QList<int> TelemetryModel::connectors(const QString& chargerId) const {
    QList<int> ids;
    const auto it = m_chargers.constFind(chargerId);
    if (it != m_chargers.constEnd()) {
        for (const auto& entry : (*it)->connectors) {
            ids.push_back(entry.first);
        }
    }
    return ids;
}

const TelemetrySeries* TelemetryModel::series(const QString& chargerId, int connectorId,
                                              Quantity quantity) const {
    const auto it = m_chargers.constFind(chargerId);
    if (it == m_chargers.constEnd()) {
        return nullptr;
    }
    const auto c = (*it)->connectors.find(connectorId);
    if (c == (*it)->connectors.end()) {
        return nullptr;
    }
    return c->second.series[static_cast<std::size_t>(quantity)].get();
}

std::optional<TelemetryReading> TelemetryModel::latest(const QString& chargerId, int connectorId) const {
    const auto it = m_chargers.constFind(chargerId);
    if (it == m_chargers.constEnd()) {
        return std::nullopt;
    }
    const auto c = (*it)->connectors.find(connectorId);
    return c == (*it)->connectors.end() ? std::nullopt : c->second.latest;
}

bool TelemetryModel::store(const QString& chargerId, const TelemetryReading& reading, bool live) {
    bool any = false;
    for (const auto& v : reading.values) {
        any = any || v.has_value();
    }
    if (!any || chargerId.isEmpty()) {
        return false;
    }
    const bool keepSeries = isWatched(chargerId);
    if (!keepSeries && !live) {
        return false; // history is only wanted by a view that watches
    }
    Connector& c = connector(chargerId, reading.connectorId);
    for (std::size_t q = 0; keepSeries && q < reading.values.size(); ++q) {
        const std::optional<double>& value = reading.values[q];
        if (!value) {
            continue;
        }
        auto& s = c.series[q];
        if (!s) {
            s = std::make_unique<TelemetrySeries>(m_capacity, m_retentionMs);
        }
        s->add(reading.atMs, *value);
    }
    if (live && (!c.latest || reading.atMs >= c.latest->atMs)) {
        c.latest = reading;
    }
    return true;
}

TelemetryModel::Connector& TelemetryModel::connector(const QString& chargerId, int connectorId) {
    auto& charger = m_chargers[chargerId];
    if (!charger) {
        charger = std::make_shared<Charger>();
    }
    return charger->connectors[connectorId];
}

bool TelemetryModel::applyOne(const MqttMessage& message, QSet<QString>& touched) {
    const QByteArray topic = message.topic.toUtf8();
    const auto ids = contract::parseChargerTelemetryTopic(std::string_view(topic.constData(), topic.size()));
    if (!ids) {
        return false; // fleet state and the rest: other models' business
    }
    const auto decoded = contract::decodeTelemetrySample(
        std::string_view(message.payload.constData(), message.payload.size()));
    if (!decoded || decoded.value().chargerId != ids->chargerId) {
        ++m_malformed;
        const QString reason = decoded ? QStringLiteral("charger id differs from the topic's")
                                       : QString::fromStdString(decoded.error());
        qCWarning(lcTelemetry) << "telemetry rejected:" << message.topic << reason;
        emit malformedMessage(message.topic, reason);
        return false;
    }
    const contract::TelemetrySample& s = decoded.value();
    TelemetryReading r;
    r.connectorId = s.connectorId;
    r.atMs = s.at;
    r.transactionId = s.transactionId;
    const std::array<std::optional<double>, kQuantityCount> values = {
        s.powerW, s.currentA, s.voltageV, s.temperatureC, s.socPercent, s.energyWh};
    r.values = values;
    const QString chargerId = QString::fromStdString(s.chargerId);
    if (!store(chargerId, r, true)) {
        return false;
    }
    touched.insert(chargerId);
    return true;
}

} // namespace voltdesk::models
