#include "widgets/detail/timeline_bands.h"

#include <algorithm>
#include <map>

namespace voltdesk::widgets {

using contract::ChargerStatus;
using contract::ConnectorStatus;

ChargerStatus timelineStatus(const QString& status) {
    if (status == QLatin1String("Offline")) {
        return ChargerStatus::Offline;
    }
    if (status == QLatin1String("Online")) {
        return ChargerStatus::Available; // reachable again; its next StatusNotification says more
    }
    const auto s = contract::connectorStatusFromString(status.toStdString());
    if (!s) {
        return ChargerStatus::Unknown;
    }
    // The same one-connector rule the map uses, so a band and a marker never disagree.
    const ConnectorStatus one[] = {*s};
    return contract::overallStatus(true, one);
}

QVector<TimelineBand> timelineBands(const QVector<models::StatusChange>& changes, qint64 fromMs,
                                    qint64 toMs) {
    std::map<int, QVector<const models::StatusChange*>> byConnector;
    for (const auto& c : changes) {
        byConnector[c.connectorId].push_back(&c);
    }
    QVector<TimelineBand> bands;
    for (const auto& [connectorId, list] : byConnector) {
        for (qsizetype i = 0; i < list.size(); ++i) {
            const qint64 start = std::max(fromMs, list[i]->atMs);
            const qint64 end = std::min(toMs, i + 1 < list.size() ? list[i + 1]->atMs : toMs);
            if (end <= start) {
                continue;
            }
            bands.push_back({connectorId, start, end, timelineStatus(list[i]->status), list[i]->status,
                             list[i]->errorCode});
        }
    }
    return bands;
}

} // namespace voltdesk::widgets
