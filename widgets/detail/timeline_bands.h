// Status changes turned into bands of time per connector: the geometry-free half of StatusTimeline.
#pragma once

#include "contract/charger_status.h"
#include "models/charger_history_model.h"

#include <QString>
#include <QVector>

namespace voltdesk::widgets {

/// One connector in one status from fromMs to toMs.
struct TimelineBand {
    int connectorId = 0;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    contract::ChargerStatus status = contract::ChargerStatus::Unknown; ///< the colour to draw
    QString statusName;                                                ///< as the charger said it
    QString errorCode;
};

/// The map colour for an OCPP connector status, or connector 0's "Offline"/"Online".
contract::ChargerStatus timelineStatus(const QString& status);

/// Bands clipped to [fromMs, toMs], per connector ascending then by time. changes must be oldest
/// first; a connector's status before its first change is unknown and has no band.
QVector<TimelineBand> timelineBands(const QVector<models::StatusChange>& changes, qint64 fromMs, qint64 toMs);

} // namespace voltdesk::widgets
