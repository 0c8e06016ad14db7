// The values under the mouse in a LivePlot: a tracer on the nearest series and a label listing all.
#pragma once

#include <QString>

class QCustomPlot;
class QCPItemTracer;
class QCPItemText;
class QPalette;

namespace voltdesk::widgets {

/// Lives on its own buffered layer, so moving the mouse repaints only the overlay, never the data.
class PlotCursor {
public:
    explicit PlotCursor(QCustomPlot& plot);

    /// Moves the tracer to the point of the series nearest (key, value) in pixels, writes the value
    /// of every series at key into the label and repaints the overlay. Returns the label text.
    QString showAt(double key, double value);
    void hide();
    QString text() const;
    void applyPalette(const QPalette& palette);

private:
    QCustomPlot& m_plot;
    QCPItemTracer* m_tracer;
    QCPItemText* m_label;
};

} // namespace voltdesk::widgets
