// The last 24 hours of a charger's connector statuses as coloured bands, one row per connector.
#pragma once

#include "widgets/detail/timeline_bands.h"

#include <QWidget>
#include <optional>

namespace voltdesk::widgets {

/// Colours come from StatusPalette; where a band is wide enough its status marker (shape and glyph)
/// is drawn on it too, so colour is never the only cue. Hovering a band shows its status, error code
/// and times. Connector 0 is the charger itself and its connection ("Offline"/"Online").
class StatusTimeline : public QWidget {
    Q_OBJECT

public:
    static constexpr qint64 kDefaultSpanMs = 24LL * 3600 * 1000;

    explicit StatusTimeline(QWidget* parent = nullptr);

    /// changes oldest first; the window is [endMs - spanMs, endMs].
    void setChanges(const QVector<models::StatusChange>& changes, qint64 endMs,
                    qint64 spanMs = kDefaultSpanMs);
    const QVector<TimelineBand>& bands() const { return m_bands; }
    /// The band of a connector at a time, if any.
    std::optional<TimelineBand> bandAt(int connectorId, qint64 atMs) const;
    /// The band under a point of the widget (what the tooltip shows).
    std::optional<TimelineBand> bandAtPoint(const QPoint& point) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    QRect barsRect() const;
    int labelWidth() const;
    QString rowLabel(int connectorId) const;
    int rowOf(int connectorId) const;
    double xOf(qint64 ms) const;

    QVector<models::StatusChange> m_changes;
    QVector<TimelineBand> m_bands;
    QVector<int> m_connectors;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
};

} // namespace voltdesk::widgets
