// The detail view's connector list: status and the running session with its live values.
#pragma once

#include "contract/charger_state.h"
#include "models/telemetry_model.h"

#include <QTableWidget>

namespace voltdesk::widgets {

/// One row per connector (connector 0 left out): status, id tag, start, duration, energy, power, SoC.
/// Energy is the meter now minus the session's meter start; power and SoC the newest live reading.
class ConnectorTable : public QTableWidget {
    Q_OBJECT

public:
    enum Column {
        ConnectorColumn,
        StatusColumn,
        IdTagColumn,
        StartedColumn,
        DurationColumn,
        EnergyColumn,
        PowerColumn,
        SocColumn,
        ColumnCount
    };

    explicit ConnectorTable(QWidget* parent = nullptr);

    /// Refills from the charger's state and telemetry; nowMs drives the durations.
    void refresh(const contract::ChargerState& state, const models::TelemetryModel& telemetry, qint64 nowMs);
    /// The text of a cell, for tests and accessibility.
    QString cellText(int row, Column column) const;
};

} // namespace voltdesk::widgets
