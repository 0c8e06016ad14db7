// Decides at start whether the configured tile server answers, so the map uses the osm plugin only
// when tiles will really come, and the offline background otherwise.
#pragma once

#include <QString>

namespace voltdesk::app {

/// The URL of the zoom-0 tile of a server given as a prefix ("http://host/tiles/") or a template
/// ending in "{z}/{x}/{y}.png".
QString zeroTileUrl(const QString& tileServer);

/// Fetches the zoom-0 tile; true when it answers 200 within `timeoutMs`. Runs a local event loop.
bool tileServerAnswers(const QString& tileServer, int timeoutMs);

} // namespace voltdesk::app
