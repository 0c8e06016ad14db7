#include "widgets/status_palette.h"

#include <QPainter>
#include <QPainterPath>
#include <array>
#include <cmath>

namespace voltdesk::widgets {

using contract::ChargerStatus;

namespace {

constexpr std::array<ChargerStatus, contract::kChargerStatusCount> kLegendOrder = {
    ChargerStatus::Available,   ChargerStatus::Charging, ChargerStatus::Occupied, ChargerStatus::Reserved,
    ChargerStatus::Unavailable, ChargerStatus::Faulted,  ChargerStatus::Offline,  ChargerStatus::Unknown,
};

constexpr std::array<ChargerStatus, contract::kChargerStatusCount> kSeverityOrder = {
    ChargerStatus::Faulted,  ChargerStatus::Offline,  ChargerStatus::Unavailable, ChargerStatus::Unknown,
    ChargerStatus::Reserved, ChargerStatus::Occupied, ChargerStatus::Charging,    ChargerStatus::Available,
};

// A status present in a cluster never gets less of the ring than this, however few chargers have it.
constexpr qreal kMinSliceDegrees = 30;

QColor paled(const QColor& c) {
    const QColor pale(0xF2, 0xF2, 0xF2);
    return QColor((c.red() * 2 + pale.red() * 3) / 5, (c.green() * 2 + pale.green() * 3) / 5,
                  (c.blue() * 2 + pale.blue() * 3) / 5);
}

enum class Shape { Circle, Square, Diamond, Triangle };

// Below this a glyph is a smudge; the shape and colour carry the status alone.
constexpr qreal kMinGlyphDiameter = 11;

Shape shapeOf(ChargerStatus status) {
    switch (status) {
    case ChargerStatus::Occupied:
        return Shape::Square;
    case ChargerStatus::Reserved:
        return Shape::Diamond;
    case ChargerStatus::Faulted:
        return Shape::Triangle;
    default:
        return Shape::Circle;
    }
}

QPainterPath outlinePath(Shape shape, const QRectF& r) {
    QPainterPath path;
    const QPointF c = r.center();
    const qreal h = r.width() / 2;
    switch (shape) {
    case Shape::Circle:
        path.addEllipse(c, h, h);
        break;
    case Shape::Square: {
        const qreal s = h * 0.86;
        path.addRoundedRect(QRectF(c.x() - s, c.y() - s, 2 * s, 2 * s), h * 0.25, h * 0.25);
        break;
    }
    case Shape::Diamond:
        path.moveTo(c.x(), c.y() - h);
        path.lineTo(c.x() + h, c.y());
        path.lineTo(c.x(), c.y() + h);
        path.lineTo(c.x() - h, c.y());
        path.closeSubpath();
        break;
    case Shape::Triangle:
        path.moveTo(c.x(), c.y() - h);
        path.lineTo(c.x() + h, c.y() + h * 0.8);
        path.lineTo(c.x() - h, c.y() + h * 0.8);
        path.closeSubpath();
        break;
    }
    return path;
}

// The glyph inside the shape: drawn as paths, not text, so it needs no font and reads the same in
// every language.
void paintGlyph(QPainter& p, ChargerStatus status, const QRectF& r, const QColor& ink) {
    const QPointF c = r.center();
    const qreal h = r.width() / 2;
    QPen pen(ink, std::max(1.2, h * 0.28), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (status) {
    case ChargerStatus::Charging: { // lightning bolt
        QPainterPath bolt;
        bolt.moveTo(c.x() + h * 0.15, c.y() - h * 0.72);
        bolt.lineTo(c.x() - h * 0.38, c.y() + h * 0.10);
        bolt.lineTo(c.x() + h * 0.02, c.y() + h * 0.10);
        bolt.lineTo(c.x() - h * 0.15, c.y() + h * 0.72);
        bolt.lineTo(c.x() + h * 0.38, c.y() - h * 0.10);
        bolt.lineTo(c.x() - h * 0.02, c.y() - h * 0.10);
        bolt.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawPath(bolt);
        break;
    }
    case ChargerStatus::Occupied: // a plug: one dot in the middle
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawEllipse(c, h * 0.28, h * 0.28);
        break;
    case ChargerStatus::Unavailable: // "no entry" bar
        p.setPen(pen);
        p.drawLine(QPointF(c.x() - h * 0.5, c.y()), QPointF(c.x() + h * 0.5, c.y()));
        break;
    case ChargerStatus::Faulted: { // exclamation mark
        p.setPen(pen);
        p.drawLine(QPointF(c.x(), c.y() - h * 0.35), QPointF(c.x(), c.y() + h * 0.18));
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawEllipse(QPointF(c.x(), c.y() + h * 0.5), h * 0.13, h * 0.13);
        break;
    }
    case ChargerStatus::Offline: { // a cross
        const qreal a = h * 0.38;
        p.setPen(pen);
        p.drawLine(QPointF(c.x() - a, c.y() - a), QPointF(c.x() + a, c.y() + a));
        p.drawLine(QPointF(c.x() - a, c.y() + a), QPointF(c.x() + a, c.y() - a));
        break;
    }
    case ChargerStatus::Unknown: { // question mark, as an arc and a dot
        QPen q = pen;
        q.setWidthF(std::max(1.1, h * 0.22));
        p.setPen(q);
        p.setBrush(Qt::NoBrush);
        QPainterPath hook;
        const QRectF arc(c.x() - h * 0.3, c.y() - h * 0.62, h * 0.6, h * 0.55);
        hook.arcMoveTo(arc, 160);
        hook.arcTo(arc, 160, -250);
        hook.lineTo(c.x(), c.y() + h * 0.18);
        p.drawPath(hook);
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawEllipse(QPointF(c.x(), c.y() + h * 0.52), h * 0.12, h * 0.12);
        break;
    }
    case ChargerStatus::Available:
    case ChargerStatus::Reserved:
        break; // the plain circle and the diamond need no glyph
    }
}

} // namespace

QColor StatusPalette::color(ChargerStatus status) {
    switch (status) {
    case ChargerStatus::Available:
        return QColor(0x00, 0x9E, 0x73);
    case ChargerStatus::Charging:
        return QColor(0x00, 0x72, 0xB2);
    case ChargerStatus::Occupied:
        return QColor(0xE6, 0x9F, 0x00);
    case ChargerStatus::Reserved:
        return QColor(0xCC, 0x79, 0xA7);
    case ChargerStatus::Unavailable:
        return QColor(0x99, 0x99, 0x99);
    case ChargerStatus::Faulted:
        return QColor(0xD5, 0x5E, 0x00);
    case ChargerStatus::Offline:
        return QColor(0x00, 0x00, 0x00);
    case ChargerStatus::Unknown:
        break;
    }
    return QColor(0xDD, 0xDD, 0xDD);
}

void StatusPalette::paintMarker(QPainter& painter, const QRectF& box, ChargerStatus status, bool stale) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const qreal h = box.width() / 2;
    // Room for the outline so that it is not clipped by the box.
    const qreal inset = std::max(1.0, h * 0.12);
    const QRectF r = box.adjusted(inset, inset, -inset, -inset);
    const QColor fill = color(status);
    const QPainterPath path = outlinePath(shapeOf(status), r);
    const bool dark = status == ChargerStatus::Offline;

    if (stale) {
        painter.setBrush(QColor(0xF2, 0xF2, 0xF2, 235));
        const QColor ring = status == ChargerStatus::Unknown ? QColor(0x88, 0x88, 0x88) : fill;
        painter.setPen(QPen(ring, std::max(1.5, h * 0.22), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(path);
        if (box.width() >= kMinGlyphDiameter)
            paintGlyph(painter, status, r.adjusted(h * 0.12, h * 0.12, -h * 0.12, -h * 0.12),
                       ring.darker(115));
    } else {
        painter.setBrush(fill);
        // A light map and a black marker need a white ring; everything else a thin dark edge.
        painter.setPen(dark ? QPen(Qt::white, std::max(1.2, h * 0.16))
                            : QPen(QColor(0x20, 0x20, 0x20, 200), std::max(1.0, h * 0.09)));
        painter.drawPath(path);
        const QColor ink = status == ChargerStatus::Unknown ? QColor(0x40, 0x40, 0x40) : QColor(Qt::white);
        if (box.width() >= kMinGlyphDiameter)
            paintGlyph(painter, status, r, ink);
    }
    painter.restore();
}

void StatusPalette::paintSelection(QPainter& painter, const QRectF& box) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    const QPointF c = box.center();
    const qreal r = box.width() / 2;
    painter.setPen(QPen(Qt::white, 5));
    painter.drawEllipse(c, r + 4, r + 4);
    painter.setPen(QPen(QColor(0x10, 0x10, 0x10), 2.5));
    painter.drawEllipse(c, r + 4, r + 4);
    painter.restore();
}

QImage StatusPalette::markerSprite(ChargerStatus status, bool stale, int diameter, qreal devicePixelRatio) {
    const int px = static_cast<int>(std::ceil(diameter * devicePixelRatio));
    QImage image(px, px, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    image.setDevicePixelRatio(devicePixelRatio);
    QPainter painter(&image);
    paintMarker(painter, QRectF(0, 0, diameter, diameter), status, stale);
    return image;
}

std::span<const ChargerStatus> StatusPalette::legendOrder() {
    return kLegendOrder;
}

std::span<const ChargerStatus> StatusPalette::severityOrder() {
    return kSeverityOrder;
}

ChargerStatus StatusPalette::worstStatus(const StatusCounts& counts) {
    for (ChargerStatus status : kSeverityOrder)
        if (counts[static_cast<size_t>(status)] > 0)
            return status;
    return ChargerStatus::Unknown;
}

bool StatusPalette::isProblem(ChargerStatus status) {
    return status == ChargerStatus::Faulted || status == ChargerStatus::Offline ||
           status == ChargerStatus::Unavailable;
}

int StatusPalette::clusterDiameter(int total) {
    if (total < 10)
        return 26;
    if (total < 100)
        return 30;
    if (total < 1000)
        return 34;
    return 40;
}

int StatusPalette::clusterSpriteSize(int total) {
    return clusterDiameter(total) + 10;
}

void StatusPalette::paintCluster(QPainter& painter, const QRectF& box, const StatusCounts& counts,
                                 bool stale) {
    int total = 0;
    int present = 0;
    for (int n : counts) {
        total += n;
        present += n > 0 ? 1 : 0;
    }
    if (total <= 0)
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const qreal d = clusterDiameter(total);
    const QPointF c = box.center();
    const QRectF outer(c.x() - d / 2, c.y() - d / 2, d, d);
    const qreal ring = d >= 30 ? 7 : 6;

    // Slices: each present status gets its share, but at least kMinSliceDegrees; the rest is scaled.
    const qreal reserved = kMinSliceDegrees * present;
    const qreal free = std::max(0.0, 360.0 - reserved);
    int startSixteenths = 90 * 16; // 12 o'clock, going clockwise (negative spans)
    painter.setPen(Qt::NoPen);
    int drawn = 0;
    for (ChargerStatus status : kSeverityOrder) {
        const int n = counts[static_cast<size_t>(status)];
        if (n <= 0)
            continue;
        ++drawn;
        const qreal degrees =
            total == present ? 360.0 / present : kMinSliceDegrees + free * (n - 1) / (total - present);
        // The last slice closes the ring exactly, whatever the rounding did.
        const int span = drawn == present ? (90 - 360) * 16 - startSixteenths
                                          : -static_cast<int>(std::lround(degrees * 16));
        painter.setBrush(stale ? paled(color(status)) : color(status));
        painter.drawPie(outer, startSixteenths, span);
        startSixteenths += span;
    }
    // Edge, then the middle with the count.
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(stale ? QColor(0x90, 0x90, 0x90) : QColor(0x20, 0x20, 0x20, 200), 1.0));
    painter.drawEllipse(outer.adjusted(0.5, 0.5, -0.5, -0.5));
    const QRectF inner = outer.adjusted(ring, ring, -ring, -ring);
    painter.setBrush(stale ? QColor(0xF2, 0xF2, 0xF2) : QColor(Qt::white));
    painter.setPen(QPen(QColor(0x20, 0x20, 0x20, stale ? 90 : 160), 0.8));
    painter.drawEllipse(inner);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(total >= 1000 ? 9 : total >= 100 ? 10 : 12);
    painter.setFont(font);
    painter.setPen(stale ? QColor(0x60, 0x60, 0x60) : QColor(0x10, 0x10, 0x10));
    painter.drawText(inner.adjusted(-2, 0, 2, 0), Qt::AlignCenter, QString::number(total));

    // The worst status, if it needs attention, as its own marker sitting on the ring at 2 o'clock.
    const ChargerStatus worst = worstStatus(counts);
    if (isProblem(worst)) {
        const qreal b = 15;
        const QPointF at = c + QPointF(d / 2 * 0.72, -d / 2 * 0.72);
        paintMarker(painter, QRectF(at.x() - b / 2, at.y() - b / 2, b, b), worst, stale);
    }
    painter.restore();
}

QImage StatusPalette::clusterSprite(const StatusCounts& counts, bool stale, qreal devicePixelRatio) {
    int total = 0;
    for (int n : counts)
        total += n;
    const int size = clusterSpriteSize(total);
    const int px = static_cast<int>(std::ceil(size * devicePixelRatio));
    QImage image(px, px, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    image.setDevicePixelRatio(devicePixelRatio);
    QPainter painter(&image);
    paintCluster(painter, QRectF(0, 0, size, size), counts, stale);
    return image;
}

} // namespace voltdesk::widgets
