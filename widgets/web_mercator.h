// Web-Mercator maths for the map overlays: coordinates as fractions of the world square, and the
// affine map from that square to item pixels that stays valid while the map neither rotates nor tilts.
#pragma once

#include <QPointF>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace voltdesk::widgets {

/// x, y in [0, 1]: x grows east from 180°W, y grows south from the northern edge (85.05°N).
inline QPointF mercatorFromLatLon(double lat, double lon) {
    const double clamped = std::clamp(lat, -85.05112878, 85.05112878);
    const double rad = clamped * std::numbers::pi / 180.0;
    return {(lon + 180.0) / 360.0,
            0.5 - std::log(std::tan(std::numbers::pi / 4 + rad / 2)) / (2 * std::numbers::pi)};
}

inline double latFromMercatorY(double y) {
    return std::atan(std::sinh(std::numbers::pi * (1 - 2 * y))) * 180.0 / std::numbers::pi;
}

inline double lonFromMercatorX(double x) {
    return x * 360.0 - 180.0;
}

/// pixel = mercator * scale + origin.
struct MercatorView {
    double scale = 0; ///< pixels per world width; 0 = not known yet
    QPointF origin;

    bool isValid() const { return scale > 0; }
    QPointF toPixel(QPointF m) const { return m * scale + origin; }
    QPointF toMercator(QPointF px) const { return (px - origin) / scale; }
    bool operator==(const MercatorView&) const = default;
};

} // namespace voltdesk::widgets
