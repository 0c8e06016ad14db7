// Latitude/longitude lines and labels for the offline map, so that a map without tiles still shows
// where and how big things are.
#pragma once

#include "widgets/web_mercator.h"

#include <QRectF>

class QPainter;

namespace voltdesk::widgets {

/// Paints a subtle graticule at a "round" spacing for the current zoom.
class GraticulePainter {
public:
    /// area: the part of the painter's surface to cover; viewport: the part the operator sees now.
    /// Longitudes are labelled along the viewport's bottom edge, latitudes along its left edge, both
    /// clear of the corners where the map keeps its badge (top left) and scale bar (bottom left).
    /// dark: lines and labels for a dark background.
    static void paint(QPainter& painter, const QRectF& area, const MercatorView& view, const QRectF& viewport,
                      bool dark = false);
};

} // namespace voltdesk::widgets
