// Every charger of the network as one list model, fed by the MQTT messages of the wire contract.
#pragma once

#include "contract/charger_state.h"
#include "contract/charger_status.h"
#include "models/mqtt_message.h"
#include "models/site_directory.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>
#include <QVector>
#include <set>
#include <string>
#include <vector>

namespace voltdesk::models {

/// One row per charger, in arrival order. Lives on the Qt thread; feed it from
/// BrokerLink::messagesReceived (already on the Qt thread) or directly in tests.
///
/// Updates emit dataChanged for each changed row, new chargers are inserted in one batch per
/// applyMessages() call, and a retained empty payload removes a charger. A payload that does not
/// decode is counted, logged and ignored; it never affects other rows.
///
/// Staleness: a charger's state is old news when the broker link is down, or when the agent that
/// published it (ChargerState::agentId) says it is offline; StaleRole says so per row, so views draw
/// it hollow rather than in its last colour. With several agents, one agent going down greys only its
/// own chargers. isStale() is the summary for the status bar: broker down, or any known agent offline.
class ChargerModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool stale READ isStale NOTIFY staleChanged)

public:
    enum Role {
        ChargerIdRole = Qt::UserRole + 1,
        SiteIdRole,
        SiteNameRole,
        StatusRole,     ///< int of contract::ChargerStatus
        StatusTextRole, ///< translated status name
        LatitudeRole,   ///< double; 0 when HasLocationRole is false
        LongitudeRole,
        HasLocationRole,
        StaleRole,
        OnlineRole,
        VendorRole,
        ModelRole,
        FirmwareRole,
        SerialRole,
        MaxPowerKwRole,
        LastSeenRole,   ///< QDateTime (UTC); invalid if never seen
        ConnectorsRole, ///< QVariantList of QVariantMap {id, status, statusText, errorCode, info, since}
    };
    Q_ENUM(Role)

    /// Payloads larger than this are rejected as malformed (a charger state is well under 4 KiB).
    static constexpr qsizetype kMaxPayloadBytes = qsizetype{256} * 1024;

    explicit ChargerModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Applies one message of the wire contract (topic as received, payload raw).
    void applyMessage(const QString& topic, const QByteArray& payload);
    /// Applies messages in order; new rows are inserted together, each changed row signalled once.
    void applyMessages(const MqttMessages& messages);

    /// -1 if the charger is unknown.
    int rowOf(const QString& chargerId) const;
    /// row must be in [0, rowCount()).
    const contract::ChargerState& stateAt(int row) const;
    contract::ChargerStatus statusAt(int row) const;
    /// The charger id of a row as a QString (no conversion).
    const QString& chargerIdAt(int row) const;

    bool isStale() const { return m_stale; }
    bool isBrokerConnected() const { return m_brokerConnected; }
    /// Number of chargers per contract::ChargerStatus, indexed by its int value; size kChargerStatusCount.
    QVector<int> statusCounts() const { return m_counts; }
    /// Messages rejected so far (unknown topic, undecodable or inconsistent payload).
    int malformedCount() const { return m_malformed; }
    const SiteDirectory& sites() const { return m_sites; }

public slots:
    /// Wire to BrokerLink::connectionChanged. The model starts disconnected (stale).
    void setBrokerConnected(bool connected);

signals:
    void countChanged();
    void countsChanged();
    void staleChanged(bool stale);
    /// A message was rejected; reason is in English for the log.
    void malformedMessage(const QString& topic, const QString& reason);

private:
    struct Row {
        QString chargerId;
        QString siteId;
        contract::ChargerState state;
        contract::ChargerStatus status = contract::ChargerStatus::Unknown;
    };
    struct Batch;

    void applyOne(const MqttMessage& message, Batch& batch);
    void applyChargerState(const QString& topic, const QString& siteId, const QString& chargerId,
                           const QByteArray& payload, Batch& batch);
    void removeCharger(const QString& siteId, const QString& chargerId, Batch& batch);
    void flushInserts(Batch& batch);
    void finishBatch(Batch& batch);
    void reject(const QString& topic, const QString& reason);
    void updateStale();
    bool isRowStale(const contract::ChargerState& state) const;
    void countStatus(contract::ChargerStatus status, int delta);

    std::vector<Row> m_rows;
    QHash<QString, int> m_rowOf;
    SiteDirectory m_sites;
    QHash<QString, bool> m_agentOnline; ///< agent id → its last presence
    /// The offline ones, keyed as ChargerState::agentId, so StaleRole (read per row on every map
    /// repaint) is a lookup without a string conversion, and free while every agent is up.
    std::set<std::string, std::less<>> m_offlineAgents;
    QVector<int> m_counts;
    bool m_brokerConnected = false;
    bool m_stale = true;
    int m_malformed = 0;
};

} // namespace voltdesk::models
