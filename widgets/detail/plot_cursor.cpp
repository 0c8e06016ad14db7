#include "widgets/detail/plot_cursor.h"

#include <QDateTime>
#include <QPalette>
#include <cmath>
#include <limits>
#include <qcustomplot.h>

namespace voltdesk::widgets {

namespace {

constexpr const char* kOverlayLayer = "cursor";

// The point of graph nearest to key, if the graph has any.
std::optional<QCPGraphData> nearestPoint(const QCPGraph& graph, double key) {
    const auto data = graph.data();
    if (data->isEmpty()) {
        return std::nullopt;
    }
    auto it = data->findBegin(key, false);
    // The point before is nearer when there is no point after, or when it is closer.
    const bool before = it == data->constEnd() ||
                        (it != data->constBegin() && std::abs((it - 1)->key - key) < std::abs(it->key - key));
    if (before) {
        --it;
    }
    return *it;
}

} // namespace

PlotCursor::PlotCursor(QCustomPlot& plot) : m_plot(plot) {
    m_plot.addLayer(QString::fromLatin1(kOverlayLayer), m_plot.layer(QStringLiteral("main")),
                    QCustomPlot::limAbove);
    QCPLayer* overlay = m_plot.layer(QString::fromLatin1(kOverlayLayer));
    overlay->setMode(QCPLayer::lmBuffered);

    m_tracer = new QCPItemTracer(&m_plot);
    m_tracer->setLayer(overlay);
    m_tracer->setStyle(QCPItemTracer::tsCircle);
    m_tracer->setSize(9);
    m_tracer->setInterpolating(false);
    m_tracer->setVisible(false);

    m_label = new QCPItemText(&m_plot);
    m_label->setLayer(overlay);
    m_label->setPositionAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_label->setTextAlignment(Qt::AlignLeft);
    m_label->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_label->position->setCoords(0.01, 0.02);
    m_label->setPadding(QMargins(6, 4, 6, 4));
    m_label->setVisible(false);
    m_label->setClipToAxisRect(true);
}

QString PlotCursor::showAt(double key, double value) {
    QCPGraph* nearest = nullptr;
    double nearestKey = key;
    double best = std::numeric_limits<double>::infinity();
    QStringList lines{QDateTime::fromMSecsSinceEpoch(std::llround(key * 1000))
                          .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))};
    for (int g = 0; g < m_plot.graphCount(); ++g) {
        QCPGraph* graph = m_plot.graph(g);
        const auto p = nearestPoint(*graph, key);
        if (!p || !graph->visible()) {
            continue;
        }
        lines << QStringLiteral("%1: %2").arg(graph->name(), QString::number(p->value, 'f', 1));
        const QPointF pixel = graph->coordsToPixels(p->key, p->value);
        const QPointF mouse = graph->coordsToPixels(key, value);
        const double d = QLineF(pixel, mouse).length();
        if (d < best) {
            best = d;
            nearest = graph;
            nearestKey = p->key;
        }
    }
    m_label->setText(lines.join(QLatin1Char('\n')));
    m_label->setVisible(nearest != nullptr);
    m_tracer->setGraph(nearest);
    m_tracer->setGraphKey(nearestKey);
    m_tracer->setVisible(nearest != nullptr);
    if (nearest != nullptr) {
        m_tracer->setPen(QPen(nearest->pen().color(), 2));
    }
    m_plot.layer(QString::fromLatin1(kOverlayLayer))->replot();
    return text();
}

void PlotCursor::hide() {
    if (m_label->visible() || m_tracer->visible()) {
        m_label->setVisible(false);
        m_tracer->setVisible(false);
        m_plot.layer(QString::fromLatin1(kOverlayLayer))->replot();
    }
}

QString PlotCursor::text() const {
    return m_label->visible() ? m_label->text() : QString();
}

void PlotCursor::applyPalette(const QPalette& palette) {
    QColor box = palette.color(QPalette::ToolTipBase);
    box.setAlpha(225);
    m_label->setBrush(box);
    m_label->setColor(palette.color(QPalette::ToolTipText));
    m_label->setPen(QPen(palette.color(QPalette::Mid)));
    m_tracer->setBrush(Qt::NoBrush);
}

} // namespace voltdesk::widgets
