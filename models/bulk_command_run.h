// A command sent to many chargers in stages: a few first (the pilot), then the rest with a bounded
// number in flight, stopping once failures pass a threshold. Plain logic, no network: the caller
// sends what takeReady() hands out and reports each end with finish().
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace voltdesk::models {

class BulkCommandRun {
public:
    struct Options {
        int pilotCount = 3; ///< chargers in the first stage; all of them must end before the rest start
        int pilotFailuresAllowed = 0; ///< more failures than this in the pilot: stop
        int maxInFlight = 10;         ///< after the pilot
        int maxFailures = 3;          ///< more failures than this in all: stop (the ones in flight still end)
    };
    enum class ItemState { Waiting, Running, Succeeded, Failed, Skipped };
    enum class Stage { Pilot, Rest, Stopping, Done };

    struct Item {
        QString chargerId;
        ItemState state = ItemState::Waiting;
        QString detail; ///< the charger's answer or why it was skipped, for people
    };

    BulkCommandRun(const QStringList& chargerIds, Options options);
    BulkCommandRun(const QStringList& chargerIds) : BulkCommandRun(chargerIds, Options{}) {}

    /// The chargers to send to now (marked Running); empty while the stage must wait or when done.
    QStringList takeReady();
    /// How the command ended on a charger handed out by takeReady(); ignored for any other.
    void finish(const QString& chargerId, bool succeeded, const QString& detail = {});
    /// Sends nothing more; the ones running still end. Waiting ones become Skipped.
    void cancel(const QString& reason);

    Stage stage() const { return m_stage; }
    bool isDone() const { return m_stage == Stage::Done; }
    /// Why the run stopped early (failures or cancel); empty when it ran through.
    const QString& stopReason() const { return m_stopReason; }
    const QList<Item>& items() const { return m_items; }
    int indexOf(const QString& chargerId) const;
    int count(ItemState state) const;
    int inFlight() const { return count(ItemState::Running); }

private:
    void stop(const QString& reason);
    void advance();

    Options m_options;
    QList<Item> m_items;
    int m_next = 0; ///< first Waiting item in order
    int m_pilotEnd = 0;
    Stage m_stage = Stage::Pilot;
    QString m_stopReason;
};

} // namespace voltdesk::models
