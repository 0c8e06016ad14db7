// Live and historical measurements per charger and connector, for the detail view's plots.
#pragma once

#include "models/mqtt_message.h"
#include "models/telemetry_series.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <array>
#include <memory>
#include <optional>

namespace voltdesk::models {

/// The quantities a charger measures (OCPP MeterValues measurands the agent forwards).
enum class Quantity { Power, Current, Voltage, Temperature, Soc, Energy };
inline constexpr int kQuantityCount = 6;

/// "Power", "Current", ... in the UI language, and the unit the values are in ("W", "A", "V", "°C",
/// "%", "Wh").
QString quantityName(Quantity quantity);
QString quantityUnit(Quantity quantity);

/// One sampled value set of one connector; a quantity the charger did not measure is absent.
struct TelemetryReading {
    int connectorId = 0;
    qint64 atMs = 0; ///< UTC ms since the epoch
    std::optional<int> transactionId;
    std::array<std::optional<double>, kQuantityCount> values;

    std::optional<double> value(Quantity q) const { return values[static_cast<std::size_t>(q)]; }
    void setValue(Quantity q, double v) { values[static_cast<std::size_t>(q)] = v; }
};

/// Time series of every quantity per charger and connector. Lives on the Qt thread; feed it from
/// BrokerLink::messagesReceived (telemetry topics; other topics are ignored) and from the agent's
/// GetChargerHistory answers. Widgets read series() and latest() when samplesAdded() says so.
///
/// Memory: the console receives every charger's telemetry, so series are kept only for watched
/// chargers (watch()/unwatch(), counted: each open detail view watches its charger); for the others
/// only the newest reading per connector is kept (for tables). Each series holds at most
/// seriesCapacity() points (16 bytes each; default 20,000, so at most 320 KB per series, 6 series per
/// connector) and nothing older than retentionMs() before its newest point (default 24 h).
/// setWatchAll(true) keeps series for every charger (tests, tools with few chargers).
class TelemetryModel : public QObject {
    Q_OBJECT

public:
    static constexpr qsizetype kDefaultCapacity = 20'000;
    static constexpr qint64 kDefaultRetentionMs = 24LL * 3600 * 1000;

    explicit TelemetryModel(QObject* parent = nullptr, qsizetype seriesCapacity = kDefaultCapacity,
                            qint64 retentionMs = kDefaultRetentionMs);
    ~TelemetryModel() override;

    /// Takes the telemetry messages of a batch (other topics are ignored, bad payloads counted and
    /// reported); emits samplesAdded once per charger.
    void applyMessages(const MqttMessages& messages);
    /// Adds one live reading; emits samplesAdded.
    void addSample(const QString& chargerId, const TelemetryReading& reading);
    /// Merges the "samples" of a GetChargerHistory response (interface 3) into the series; returns how
    /// many samples were taken. Emits samplesAdded if any.
    int addHistory(const QString& chargerId, const QJsonObject& historyResponse);
    /// Frees everything held for a charger.
    void forget(const QString& chargerId);

    /// Starts keeping series for a charger; calls are counted.
    void watch(const QString& chargerId);
    /// Undoes one watch(); after the last one the charger's series are freed (its latest values stay).
    void unwatch(const QString& chargerId);
    bool isWatched(const QString& chargerId) const;
    void setWatchAll(bool all) { m_watchAll = all; }

    /// Connector ids with data, ascending.
    QList<int> connectors(const QString& chargerId) const;
    /// Null when the charger or connector has no value of that quantity.
    const TelemetrySeries* series(const QString& chargerId, int connectorId, Quantity quantity) const;
    /// The newest live reading of a connector (history does not count: it is not "now").
    std::optional<TelemetryReading> latest(const QString& chargerId, int connectorId) const;

    qsizetype seriesCapacity() const { return m_capacity; }
    qint64 retentionMs() const { return m_retentionMs; }
    int malformedCount() const { return m_malformed; }

signals:
    /// New points for a charger; one signal per applyMessages()/addSample()/addHistory() call.
    void samplesAdded(const QString& chargerId);
    /// A telemetry message was rejected; reason is in English for the log.
    void malformedMessage(const QString& topic, const QString& reason);

private:
    struct Connector;
    struct Charger;

    /// Returns true if the reading held at least one value.
    bool store(const QString& chargerId, const TelemetryReading& reading, bool live);
    Connector& connector(const QString& chargerId, int connectorId);
    bool applyOne(const MqttMessage& message, QSet<QString>& touched);

    QHash<QString, std::shared_ptr<Charger>> m_chargers;
    QHash<QString, int> m_watchCount;
    bool m_watchAll = false;
    qsizetype m_capacity;
    qint64 m_retentionMs;
    int m_malformed = 0;
};

} // namespace voltdesk::models
