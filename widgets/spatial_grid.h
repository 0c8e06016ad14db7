// A uniform grid over screen points for hit testing thousands of markers in constant time.
#pragma once

#include <QPointF>
#include <QSizeF>
#include <vector>

namespace voltdesk::widgets {

/// Points bucketed into square cells; built once per repaint, queried per click. Items are kept in
/// compressed rows (one array of starts, one of items), so a rebuild allocates nothing in steady state.
class SpatialGrid {
public:
    /// Starts a build over [0, area) with cells of cellSize pixels.
    void reset(QSizeF area, double cellSize);
    /// Adds a point; call between reset() and finish(). Points outside the area are clamped in.
    void add(QPointF point, int item);
    void finish();
    /// The item whose point is nearest to point within radius, or -1. On a tie the item added last
    /// wins (it was drawn on top).
    int nearest(QPointF point, double radius) const;
    int size() const { return static_cast<int>(m_points.size()); }

private:
    int cellOf(QPointF point) const;

    double m_cell = 32;
    int m_cols = 0;
    int m_rows = 0;
    std::vector<QPointF> m_points; ///< in insertion order
    std::vector<int> m_items;      ///< in insertion order
    std::vector<int> m_cellStart;  ///< cells + 1 offsets into m_order
    std::vector<int> m_order;      ///< indices into m_points, grouped by cell
};

} // namespace voltdesk::widgets
