#include "widgets/detail/telemetry_plot_feed.h"

#include "widgets/detail/live_plot.h"

namespace voltdesk::widgets {

TelemetryPlotFeed::TelemetryPlotFeed(const models::TelemetryModel& model, QString chargerId,
                                     models::Quantity quantity, LivePlot& plot, double scale, QObject* parent)
    : QObject(parent), m_model(model), m_chargerId(std::move(chargerId)), m_quantity(quantity), m_plot(plot),
      m_scale(scale) {
    connect(&model, &models::TelemetryModel::samplesAdded, this, [this](const QString& changed) {
        if (changed == m_chargerId) {
            sync();
        }
    });
    sync();
}

void TelemetryPlotFeed::sync() {
    for (const int connectorId : m_model.connectors(m_chargerId)) {
        const models::TelemetrySeries* s = m_model.series(m_chargerId, connectorId, m_quantity);
        if (s == nullptr || s->isEmpty()) {
            continue;
        }
        auto it = m_copies.find(connectorId);
        if (it == m_copies.end()) {
            const QString name = connectorId == 0 ? tr("Charger") : tr("Connector %1").arg(connectorId);
            it = m_copies.insert(connectorId, Copy{m_plot.addSeries(name), 0, 0, 0});
            it->revision = s->revision() + 1; // forces the first load
        }
        Copy& c = *it;
        const std::uint64_t fresh = s->appendedCount() - c.appended;
        QVector<double> keys;
        QVector<double> values;
        if (c.revision != s->revision() || fresh > static_cast<std::uint64_t>(s->size())) {
            keys.reserve(s->size());
            values.reserve(s->size());
            for (const auto& p : *s) {
                keys.push_back(double(p.atMs) / 1000.0);
                values.push_back(p.value * m_scale);
            }
            m_plot.setSeriesData(c.series, keys, values);
        } else if (fresh > 0) {
            for (qsizetype i = s->size() - static_cast<qsizetype>(fresh); i < s->size(); ++i) {
                keys.push_back(double(s->at(i).atMs) / 1000.0);
                values.push_back(s->at(i).value * m_scale);
            }
            m_plot.appendPoints(c.series, keys, values);
            m_plot.removeBefore(c.series, double(s->at(0).atMs) / 1000.0);
        }
        c.appended = s->appendedCount();
        c.revision = s->revision();
        c.size = s->size();
    }
}

} // namespace voltdesk::widgets
