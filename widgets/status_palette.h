// The one place that says how a charger status looks: colour (Okabe–Ito, colour-blind safe) and a
// shape per status as a second cue. The map's marker sprites and the legend both paint through here.
#pragma once

#include "contract/charger_status.h"

#include <QColor>
#include <QImage>
#include <QRectF>

#include <span>

class QPainter;

namespace voltdesk::widgets {

/// Colours and marker shapes per contract::ChargerStatus.
class StatusPalette {
public:
    /// Fill colour of a live marker.
    static QColor color(contract::ChargerStatus status);
    /// Paints one marker into box (square). A stale marker is hollow: the status colour and shape
    /// stay readable on the outline, the fill is pale grey, so nobody mistakes it for live state.
    static void paintMarker(QPainter& painter, const QRectF& box, contract::ChargerStatus status,
                            bool stale);
    /// The ring around the selected marker, drawn around box.
    static void paintSelection(QPainter& painter, const QRectF& box);
    /// A ready-to-blit marker image of diameter logical pixels at devicePixelRatio.
    static QImage markerSprite(contract::ChargerStatus status, bool stale, int diameter,
                               qreal devicePixelRatio);
    /// Every status, in the order legends list them.
    static std::span<const contract::ChargerStatus> legendOrder();
};

} // namespace voltdesk::widgets
