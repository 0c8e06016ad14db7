#include "widgets/graticule_painter.h"

#include <QPainter>
#include <array>
#include <cmath>

namespace voltdesk::widgets {

namespace {

constexpr double kMinSpacingPx = 90;
constexpr std::array<double, 19> kSteps = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25,
                                           0.5,    1,     2,     5,     10,   15,   30,   45,  90};

QString degreesLabel(double value, double step, char positive, char negative) {
    const int decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : step >= 0.01 ? 2 : step >= 0.001 ? 3 : 4;
    return QStringLiteral("%1°%2")
        .arg(std::abs(value), 0, 'f', decimals)
        .arg(QChar(value < 0 ? negative : positive));
}

} // namespace

void GraticulePainter::paint(QPainter& painter, const QRectF& area, const MercatorView& view,
                             const QRectF& viewport, bool dark) {
    if (!view.isValid()) {
        return;
    }
    const double pxPerDegree = view.scale / 360.0;
    double step = kSteps.back();
    for (double s : kSteps) {
        if (s * pxPerDegree >= kMinSpacingPx) {
            step = s;
            break;
        }
    }
    const QPointF topLeft = view.toMercator(area.topLeft());
    const QPointF bottomRight = view.toMercator(area.bottomRight());
    const double lonMin = std::max(-180.0, lonFromMercatorX(topLeft.x()));
    const double lonMax = std::min(180.0, lonFromMercatorX(bottomRight.x()));
    const double latMax = std::min(85.0, latFromMercatorY(std::max(0.0, topLeft.y())));
    const double latMin = std::max(-85.0, latFromMercatorY(std::min(1.0, bottomRight.y())));

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QPen minor(dark ? QColor(0x36, 0x3F, 0x4A) : QColor(0xC9, 0xD2, 0xDC), 1);
    const QColor labelColor = dark ? QColor(0x8D, 0x99, 0xA6) : QColor(0x6B, 0x77, 0x85);
    QFont font = painter.font();
    font.setPixelSize(11);
    painter.setFont(font);

    for (double lon = std::ceil(lonMin / step) * step; lon <= lonMax; lon += step) {
        const double x = std::round(view.toPixel(mercatorFromLatLon(0, lon)).x()) + 0.5;
        painter.setPen(minor);
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        if (x > viewport.left() + 150 && x < viewport.right() - 60) {
            painter.setPen(labelColor);
            painter.drawText(QPointF(x + 4, viewport.bottom() - 6), degreesLabel(lon, step, 'E', 'W'));
        }
    }
    for (double lat = std::ceil(latMin / step) * step; lat <= latMax; lat += step) {
        const double y = std::round(view.toPixel(mercatorFromLatLon(lat, 0)).y()) + 0.5;
        painter.setPen(minor);
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        if (y > viewport.top() + 70 && y < viewport.bottom() - 60) {
            painter.setPen(labelColor);
            painter.drawText(QPointF(viewport.left() + 4, y - 4), degreesLabel(lat, step, 'N', 'S'));
        }
    }
    painter.restore();
}

} // namespace voltdesk::widgets
