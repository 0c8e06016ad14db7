// What the map starts with; the app fills it from the command line.
#pragma once

#include <QGeoCoordinate>
#include <QString>

namespace voltdesk::widgets {

/// How the map view starts. Everything is optional: an empty tile server means the offline
/// background (no network traffic at all), an invalid center means "fit all located chargers".
struct MapOptions {
    /// Prefix of an XYZ tile server, e.g. "http://127.0.0.1:8080/tiles/"; "{z}/{x}/{y}.png" is
    /// appended by the osm plugin. A full template ending in {z}/{x}/{y}.png is accepted too.
    QString tileServerUrl;
    /// Where to look first; invalid → fit the located chargers once they arrive.
    QGeoCoordinate center;
    /// Zoom level used with `center`; ignored while fitting.
    double zoomLevel = 12.0;
    /// Why the map is offline although a tile server was asked for (e.g. it did not answer); shown on
    /// the map so the operator knows the plain background is not the whole story.
    QString offlineReason;
};

} // namespace voltdesk::widgets
