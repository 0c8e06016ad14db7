// The agent's health figures per charger (the retained .../health topic), for the fleet table.
#pragma once

#include "models/mqtt_message.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace voltdesk::models {

/// What the agent computed about one charger (contract::ChargerHealth in Qt types); every figure is
/// optional (absent: not known), so tests and future producers may leave any out.
struct HealthFigures {
    qint64 computedAtMs = 0; ///< when the agent computed them (ms since the epoch, UTC); 0: unknown
    std::optional<double> powerW;
    std::optional<double> energyTodayWh;
    std::optional<int> faults24h;
    std::optional<double> availability24h; ///< 0..1
    std::optional<double> availability30d; ///< 0..1
    std::optional<int> healthScore;        ///< 0..100
    QStringList healthReasons;

    bool operator==(const HealthFigures&) const = default;
};

/// Charger id → its latest HealthFigures. Lives on the Qt thread; fed by applyMessages() (health
/// topics; every other topic is ignored) or setHealth() in tests and benchmarks.
class ChargerHealthStore : public QObject {
    Q_OBJECT

public:
    explicit ChargerHealthStore(QObject* parent = nullptr);

    /// nullptr while nothing is known about the charger.
    const HealthFigures* find(const QString& chargerId) const;
    int size() const { return static_cast<int>(m_figures.size()); }

    void setHealth(const QString& chargerId, const HealthFigures& figures);
    void removeHealth(const QString& chargerId);
    /// Takes the health topics out of a batch of messages; one healthChanged() for the batch.
    void applyMessages(const MqttMessages& messages);
    /// Messages on a health topic that did not decode.
    int malformedCount() const { return m_malformed; }

signals:
    /// The figures of these chargers changed (or were removed).
    void healthChanged(const QStringList& chargerIds);

private:
    /// True if the figures differ from what is stored.
    bool store(const QString& chargerId, const HealthFigures& figures);

    QHash<QString, HealthFigures> m_figures;
    int m_malformed = 0;
};

} // namespace voltdesk::models
