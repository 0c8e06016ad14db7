// A time plot of several series that keeps moving while data arrives: the detail view's power,
// current, voltage, temperature and SoC plots, and the replot benchmark.
#pragma once

#include <QColor>
#include <QPointF>
#include <QString>
#include <QVector>
#include <QWidget>
#include <optional>

class QCustomPlot;
class QMenu;
class QCPGraph;
class QTimer;
class QMouseEvent;
class QWheelEvent;

namespace voltdesk::widgets {

class PlotCursor;

/// Keys are UTC seconds since the epoch (QCustomPlot's date-time convention), values in the unit
/// of the value axis label. Data may arrive at any rate: it only marks the plot dirty, and a timer
/// replots at most every replotInterval(). While following, the x axis shows the last followWindow()
/// seconds up to the newest point; zooming or dragging (wheel and drag on the plot for both axes, on
/// an axis for that axis alone) stops following, a double click resumes it. The values under the
/// mouse show in a tracer and a label (cursorText()). Colours come from the widget's QPalette.
class LivePlot : public QWidget {
    Q_OBJECT

public:
    explicit LivePlot(QWidget* parent = nullptr);
    ~LivePlot() override;

    /// Adds a series and returns its index; an invalid colour takes the next one of the palette's
    /// colour-blind-safe list.
    int addSeries(const QString& name, const QColor& color = {});
    int seriesCount() const;
    QString seriesName(int series) const;
    void setValueLabel(const QString& label);

    /// Replaces a series' points; keys ascending.
    void setSeriesData(int series, const QVector<double>& keys, const QVector<double>& values);
    /// Appends points at or after the series' last key.
    void appendPoints(int series, const QVector<double>& keys, const QVector<double>& values);
    void appendPoint(int series, double key, double value);
    /// Drops the series' points before key (the model forgot them).
    void removeBefore(int series, double key);
    int pointCount(int series) const;
    std::optional<QPointF> lastPoint(int series) const;

    bool isFollowing() const { return m_following; }
    void setFollowing(bool following);
    double followWindow() const { return m_followWindowSec; }
    void setFollowWindow(double seconds);
    int replotInterval() const;
    void setReplotInterval(int ms);

    double xLower() const;
    double xUpper() const;
    /// Shows keys [lower, upper] and stops following (what a synchronised sibling plot calls).
    void setXRange(double lower, double upper);

    /// The values of every series at key as the cursor label shows them; also moves the tracer.
    QString showValuesAt(double key);
    /// The label's text, empty while the mouse is away.
    QString cursorText() const;

    /// Writes the plot as it is shown (width/height 0: the widget's size). False on failure.
    bool exportPng(const QString& path, int width = 0, int height = 0);
    /// Every point of every series: "time" (ISO 8601 UTC) and one column per series. False on failure.
    bool exportCsv(const QString& path) const;
    /// The right-click menu: follow live data, export as PNG, export as CSV (each asks for a file).
    /// The caller owns it.
    QMenu* createContextMenu(QWidget* parent);

    /// Replots soon if data or ranges changed since the last replot (the timer calls this).
    void replotIfDirty();
    /// Replots at once, whatever changed (benchmarks, exports).
    void replotNow();
    QCustomPlot* customPlot() const { return m_plot; }

signals:
    /// The user zoomed or dragged the x axis (not emitted while following).
    void xRangeChangedByUser(double lower, double upper);
    void followingChanged(bool following);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();
    void updateFollowRange();
    void updateAntialiasing();
    void onMouseMove(QMouseEvent* event);
    void onUserRangeInput();
    void exportWithDialog(bool png);
    QCPGraph* graph(int series) const;

    QCustomPlot* m_plot;
    PlotCursor* m_cursor;
    QTimer* m_timer;
    QVector<bool> m_autoColor;
    bool m_dirty = false;
    bool m_following = true;
    bool m_settingRange = false;
    double m_followWindowSec = 15 * 60;
};

} // namespace voltdesk::widgets
