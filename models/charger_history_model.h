// A charger's past as the agent answers GetChargerHistory: status changes for the timeline, and the
// faults, connection losses, security events and maintenance as one table, newest first.
#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QString>
#include <QVector>

namespace voltdesk::models {

/// One StatusNotification (or, on connector 0, "Offline"/"Online" for the connection).
struct StatusChange {
    int connectorId = 0;
    QString status; ///< OCPP ChargePointStatus, or "Offline"/"Online" on connector 0
    QString errorCode;
    QString info;
    QString vendorErrorCode;
    qint64 atMs = 0;
};

/// The event table of the detail view. setHistory() replaces everything (each answer covers the
/// whole window asked for).
class ChargerHistoryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { TimeColumn, ConnectorColumn, EventColumn, CodeColumn, ExplanationColumn, ColumnCount };
    enum class Kind { Fault, Connection, Security, Maintenance };
    enum Role {
        AtRole = Qt::UserRole + 1, ///< qint64 UTC ms
        KindRole,                  ///< int of Kind
    };

    explicit ChargerHistoryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Takes a GetChargerHistory response (interface 3); entries without a valid time are skipped.
    void setHistory(const QJsonObject& response);
    /// Every status change, oldest first (the timeline's input).
    const QVector<StatusChange>& statusChanges() const { return m_changes; }
    bool hasHistory() const { return m_hasHistory; }

signals:
    void historyChanged();

private:
    struct Event {
        qint64 atMs = 0;
        int connectorId = -1; ///< -1: the charger as a whole
        Kind kind = Kind::Fault;
        QString event;
        QString code;
        QString explanation;
    };

    QVector<StatusChange> m_changes;
    QVector<Event> m_events;
    bool m_hasHistory = false;
};

} // namespace voltdesk::models
