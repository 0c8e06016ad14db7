// A QCustomPlot's graphs written as one CSV table, for operators who take the numbers elsewhere.
#pragma once

#include <QString>

class QCustomPlot;

namespace voltdesk::widgets {

/// Columns: "time" (ISO 8601 UTC with ms, from keys in epoch seconds) and one per graph, named after
/// it; one row per distinct key, a cell empty where a graph has no point at that key. RFC 4180 quoting.
bool writePlotCsv(const QCustomPlot& plot, const QString& path);

} // namespace voltdesk::widgets
