// The fleet health table: one row per charger of ChargerModel, one column per figure an operator
// compares across chargers (status, last message, power, faults, availability, health score).
#pragma once

#include "contract/charger_status.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QTimer>
#include <QVariant>
#include <vector>

namespace voltdesk::models {

class ChargerHealthStore;
class ChargerModel;
class TelemetryModel;
struct HealthFigures;

/// Rows are ChargerModel's rows, in the same order (insertions and removals are forwarded as they
/// happen); cells read ChargerModel and ChargerHealthStore, nothing is copied.
///
/// Cheap under load: a changed charger only marks its row; the rows marked are announced together,
/// as one dataChanged() per run of adjacent rows, at most every kFlushIntervalMs. The first change
/// after a quiet spell is announced at once (on the next turn of the event loop), so a single status
/// change is not held back for the interval; only a stream of them is coalesced. Ages ("3 min ago")
/// are recomputed once a second against a clock the model holds (setNow()), so they do not need a
/// dataChanged per second per row: one signal covers the age column.
///
/// Staleness (StaleRole per cell): the whole row when ChargerModel says the row is stale (broker
/// lost, or its agent offline); the charger's own columns when its last message is older than
/// messageInterval(); the health columns when the health figures are older than healthInterval().
class FleetTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        ChargerColumn,
        SiteColumn,
        StatusColumn,
        ConnectorsColumn,
        LastMessageColumn,
        FirmwareColumn,
        PowerColumn,
        EnergyTodayColumn,
        Faults24hColumn,
        Availability24hColumn,
        Availability30dColumn,
        HealthScoreColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 100, ///< a number or a string; unknown values sort last ascending
        StaleRole,                     ///< bool: draw this cell greyed
        StatusRole,                    ///< int of contract::ChargerStatus (every column)
        ChargerIdRole,                 ///< QString (every column)
        SiteIdRole,                    ///< QString (every column)
    };

    static constexpr int kFlushIntervalMs = 50;
    /// A connector's newest Power reading counts as "now" for this long (chargers send meter values
    /// every 60 s by default).
    static constexpr qint64 kLivePowerMaxAgeMs = qint64{2} * 60 * 1000;
    static constexpr int kTickIntervalMs = 1000;

    FleetTableModel(ChargerModel& chargers, ChargerHealthStore& health, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    ChargerModel& chargers() const { return m_chargers; }
    /// The typed sort key of a cell (what SortRole returns), without a QModelIndex.
    QVariant sortKey(int row, int column) const;
    /// Whether a cell is greyed (what StaleRole returns).
    bool isStale(int row, int column) const;
    /// Rows with any greyed cell, as of the last tick.
    int staleRowCount() const { return m_staleRows; }

    /// Messages older than this grey the charger's own columns. Default: twice the agent's default
    /// heartbeat interval (5 min), so one late heartbeat does not.
    qint64 messageIntervalMs() const { return m_messageIntervalMs; }
    void setMessageIntervalMs(qint64 ms);
    /// Health figures older than this are greyed. Default: three of the agent's 60 s publications.
    qint64 healthIntervalMs() const { return m_healthIntervalMs; }
    void setHealthIntervalMs(qint64 ms);

    /// The clock ages are measured against; the model ticks it every kTickIntervalMs unless frozen.
    qint64 now() const { return m_nowMs; }
    /// Sets the clock and stops the ticking (tests and benchmarks want a fixed time).
    void setNow(qint64 msSinceEpoch);
    /// Takes the Power column from the chargers' telemetry, which arrives with every meter value, rather
    /// than from the health figures the agent publishes once a minute. The power of a charger is then
    /// the sum of the newest Power readings (at most kLivePowerMaxAgeMs old) of its connectors in a
    /// session; connectors without a session draw nothing. Without a fresh reading for a connector in
    /// a session, the health figure is shown. nullptr: health figures only. Must outlive this model.
    void setTelemetry(const TelemetryModel* telemetry);

    /// Announces the changed rows now instead of after kFlushIntervalMs.
    void flush();
    /// Rows waiting to be announced.
    int pendingRowCount() const { return static_cast<int>(m_dirtyList.size()); }

signals:
    /// staleRowCount() changed.
    void staleRowCountChanged(int rows);

private:
    void markDirty(int row);
    void onSourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight);
    void onHealthChanged(const QStringList& chargerIds);
    void onRowsRemoved(int first, int last);
    void tick();
    void advanceClock(qint64 nowMs);
    bool isRowStale(int row) const;
    bool isMessageOld(int row) const;
    bool isHealthOld(int row) const;
    /// The live power of a row in W (see setTelemetry()); nullopt when telemetry cannot tell.
    std::optional<double> livePowerW(int row) const;
    std::optional<double> powerW(int row, const HealthFigures* health) const;
    QVariant display(int row, int column) const;
    QVariant toolTip(int row, int column) const;

    ChargerModel& m_chargers;
    ChargerHealthStore& m_health;
    const TelemetryModel* m_telemetry = nullptr;
    QMetaObject::Connection m_telemetryConnection;
    std::vector<char> m_dirty; ///< per row: already in m_dirtyList
    std::vector<int> m_dirtyList;
    std::vector<char> m_wasStale; ///< per row, as of the last tick: any cell greyed
    QTimer m_flushTimer;
    QElapsedTimer m_sinceFlush; ///< since the last announcement, to keep them kFlushIntervalMs apart
    QTimer m_tickTimer;
    qint64 m_nowMs = 0;
    qint64 m_messageIntervalMs = qint64{10} * 60 * 1000;
    qint64 m_healthIntervalMs = qint64{3} * 60 * 1000;
    int m_staleRows = 0;
};

} // namespace voltdesk::models
