#include "widgets/detail/status_timeline.h"

#include "widgets/status_palette.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace voltdesk::widgets {

namespace {

constexpr int kRowHeight = 22;
constexpr int kRowGap = 4;
constexpr int kAxisHeight = 18;
constexpr qint64 kTickMs = 3LL * 3600 * 1000;

} // namespace

StatusTimeline::StatusTimeline(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void StatusTimeline::setChanges(const QVector<models::StatusChange>& changes, qint64 endMs, qint64 spanMs) {
    m_changes = changes;
    m_toMs = endMs;
    m_fromMs = endMs - spanMs;
    m_bands = timelineBands(m_changes, m_fromMs, m_toMs);
    m_connectors.clear();
    for (const auto& c : m_changes) {
        if (!m_connectors.contains(c.connectorId)) {
            m_connectors.push_back(c.connectorId);
        }
    }
    std::sort(m_connectors.begin(), m_connectors.end());
    updateGeometry();
    update();
}

std::optional<TimelineBand> StatusTimeline::bandAt(int connectorId, qint64 atMs) const {
    for (const auto& b : m_bands) {
        if (b.connectorId == connectorId && b.fromMs <= atMs && atMs < b.toMs) {
            return b;
        }
    }
    return std::nullopt;
}

std::optional<TimelineBand> StatusTimeline::bandAtPoint(const QPoint& point) const {
    const QRect bars = barsRect();
    if (!bars.contains(point) || bars.width() <= 0) {
        return std::nullopt;
    }
    const int row = (point.y() - bars.top()) / (kRowHeight + kRowGap);
    if (row < 0 || row >= m_connectors.size()) {
        return std::nullopt;
    }
    const double f = double(point.x() - bars.left()) / bars.width();
    return bandAt(m_connectors[row], m_fromMs + qint64(f * double(m_toMs - m_fromMs)));
}

QSize StatusTimeline::sizeHint() const {
    const int rows = std::max<int>(1, static_cast<int>(m_connectors.size()));
    return {600, rows * (kRowHeight + kRowGap) + kAxisHeight + 4};
}

QSize StatusTimeline::minimumSizeHint() const {
    return {200, sizeHint().height()};
}

int StatusTimeline::labelWidth() const {
    int widest = 0;
    for (const int id : m_connectors) {
        widest = std::max(widest, fontMetrics().horizontalAdvance(rowLabel(id)));
    }
    return widest + 12;
}

QString StatusTimeline::rowLabel(int connectorId) const {
    return connectorId == 0 ? tr("Charger") : tr("Connector %1").arg(connectorId);
}

QRect StatusTimeline::barsRect() const {
    const int left = labelWidth();
    return QRect(left, 2, width() - left - 8, static_cast<int>(m_connectors.size()) * (kRowHeight + kRowGap));
}

int StatusTimeline::rowOf(int connectorId) const {
    return static_cast<int>(m_connectors.indexOf(connectorId));
}

double StatusTimeline::xOf(qint64 ms) const {
    const QRect bars = barsRect();
    return bars.left() +
           bars.width() * double(ms - m_fromMs) / double(std::max<qint64>(1, m_toMs - m_fromMs));
}

void StatusTimeline::paintEvent(QPaintEvent* /*event*/) {
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const QRect bars = barsRect();
    p.setPen(palette().color(QPalette::Text));
    if (m_connectors.isEmpty()) {
        p.drawText(rect(), Qt::AlignCenter, tr("No status history yet"));
        return;
    }
    for (int row = 0; row < m_connectors.size(); ++row) {
        const int id = m_connectors[row];
        const QRect label(0, bars.top() + row * (kRowHeight + kRowGap), bars.left() - 6, kRowHeight);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(label, Qt::AlignVCenter | Qt::AlignRight, rowLabel(id));
        QColor track = palette().color(QPalette::Text);
        track.setAlpha(25);
        p.fillRect(QRect(bars.left(), label.top(), bars.width(), kRowHeight), track);
    }
    for (const auto& b : m_bands) {
        const int row = rowOf(b.connectorId);
        const QRectF r(xOf(b.fromMs), bars.top() + row * (kRowHeight + kRowGap), xOf(b.toMs) - xOf(b.fromMs),
                       kRowHeight);
        p.fillRect(r, StatusPalette::color(b.status));
        if (r.width() >= kRowHeight + 4) {
            const qreal d = kRowHeight - 4;
            StatusPalette::paintMarker(p, QRectF(r.left() + 2, r.top() + 2, d, d), b.status, false);
        }
    }
    // Time axis: a tick every 3 hours, in local time.
    p.setPen(palette().color(QPalette::Text));
    const int axisY = bars.bottom() + 2;
    for (qint64 t = (m_fromMs / kTickMs + 1) * kTickMs; t <= m_toMs; t += kTickMs) {
        const int x = int(xOf(t));
        p.drawLine(x, axisY, x, axisY + 3);
        p.drawText(QRect(x - 30, axisY + 2, 60, kAxisHeight - 2), Qt::AlignHCenter | Qt::AlignTop,
                   QDateTime::fromMSecsSinceEpoch(t).toString(QStringLiteral("HH:mm")));
    }
}

bool StatusTimeline::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        if (const auto b = bandAtPoint(help->pos())) {
            const QString span = QStringLiteral("%1 – %2").arg(
                QDateTime::fromMSecsSinceEpoch(b->fromMs).toString(QStringLiteral("MMM d HH:mm")),
                QDateTime::fromMSecsSinceEpoch(b->toMs).toString(QStringLiteral("MMM d HH:mm")));
            QString text = b->statusName + QLatin1Char('\n') + span;
            if (!b->errorCode.isEmpty() && b->errorCode != QLatin1String("NoError")) {
                text += QLatin1Char('\n') + b->errorCode;
            }
            QToolTip::showText(help->globalPos(), text, this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace voltdesk::widgets
