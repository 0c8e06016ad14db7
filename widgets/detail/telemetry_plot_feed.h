// Keeps a LivePlot in step with one quantity of a charger in the TelemetryModel: a series per connector.
#pragma once

#include "models/telemetry_model.h"

#include <QHash>
#include <QObject>
#include <cstdint>

namespace voltdesk::widgets {

class LivePlot;

/// Copies only what is new: points appended since the last sync are appended, points the model
/// dropped are removed, and a series is reloaded only when history was merged into its middle.
class TelemetryPlotFeed : public QObject {
    Q_OBJECT

public:
    /// scale multiplies values (e.g. 0.001 to plot W as kW).
    TelemetryPlotFeed(const models::TelemetryModel& model, QString chargerId, models::Quantity quantity,
                      LivePlot& plot, double scale = 1.0, QObject* parent = nullptr);

    /// Brings the plot up to date (called on samplesAdded for this charger, and once at start).
    void sync();

private:
    struct Copy {
        int series = -1;
        std::uint64_t appended = 0;
        std::uint64_t revision = 0;
        qsizetype size = 0;
    };

    const models::TelemetryModel& m_model;
    QString m_chargerId;
    models::Quantity m_quantity;
    LivePlot& m_plot;
    double m_scale;
    QHash<int, Copy> m_copies; ///< by connector id
};

} // namespace voltdesk::widgets
