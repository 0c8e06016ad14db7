// The one place that says how a charger status looks: colour (Okabe–Ito, colour-blind safe) and a
// shape per status as a second cue. The map's marker sprites and the legend both paint through here.
#pragma once

#include "contract/charger_status.h"

#include <QColor>
#include <QImage>
#include <QRectF>
#include <array>
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
    static void paintMarker(QPainter& painter, const QRectF& box, contract::ChargerStatus status, bool stale);
    /// The ring around the selected marker, drawn around box.
    static void paintSelection(QPainter& painter, const QRectF& box);
    /// A ready-to-blit marker image of diameter logical pixels at devicePixelRatio.
    static QImage markerSprite(contract::ChargerStatus status, bool stale, int diameter,
                               qreal devicePixelRatio);
    /// Every status, in the order legends list them.
    static std::span<const contract::ChargerStatus> legendOrder();

    /// Chargers per status, indexed by int(contract::ChargerStatus).
    using StatusCounts = std::array<int, contract::kChargerStatusCount>;
    /// Every status, worst first (Faulted, Offline, Unavailable, Unknown, then the working ones).
    static std::span<const contract::ChargerStatus> severityOrder();
    /// The worst status with a non-zero count (Unknown if all are zero).
    static contract::ChargerStatus worstStatus(const StatusCounts& counts);
    /// Statuses that need an operator's eye; a cluster holding one shows it as a badge.
    static bool isProblem(contract::ChargerStatus status);
    /// Diameter of the ring of a cluster of `total` chargers; grows with the digits of the count.
    static int clusterDiameter(int total);
    /// Side of the square image clusterSprite() returns: the ring plus room for the worst-status badge.
    static int clusterSpriteSize(int total);
    /// Paints a cluster centred in box (square, clusterSpriteSize()): a ring split by status in
    /// proportion to counts (worst status first from 12 o'clock, every present status at least a
    /// visible slice), the count in the middle and, when the worst status is a problem, its marker as
    /// a badge on the ring. Stale clusters are pale, like stale markers.
    static void paintCluster(QPainter& painter, const QRectF& box, const StatusCounts& counts, bool stale);
    /// A ready-to-blit cluster image (see paintCluster()).
    static QImage clusterSprite(const StatusCounts& counts, bool stale, qreal devicePixelRatio);
};

} // namespace voltdesk::widgets
