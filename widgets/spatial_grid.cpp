#include "widgets/spatial_grid.h"

#include <algorithm>
#include <cmath>

namespace voltdesk::widgets {

void SpatialGrid::reset(QSizeF area, double cellSize) {
    m_cell = std::max(1.0, cellSize);
    m_cols = std::max(1, static_cast<int>(std::ceil(area.width() / m_cell)));
    m_rows = std::max(1, static_cast<int>(std::ceil(area.height() / m_cell)));
    m_points.clear();
    m_items.clear();
}

int SpatialGrid::cellOf(QPointF point) const {
    const int cx = std::clamp(static_cast<int>(std::floor(point.x() / m_cell)), 0, m_cols - 1);
    const int cy = std::clamp(static_cast<int>(std::floor(point.y() / m_cell)), 0, m_rows - 1);
    return cy * m_cols + cx;
}

void SpatialGrid::add(QPointF point, int item) {
    m_points.push_back(point);
    m_items.push_back(item);
}

void SpatialGrid::finish() {
    const int cells = m_cols * m_rows;
    m_cellStart.assign(static_cast<size_t>(cells) + 1, 0);
    for (const QPointF& p : m_points)
        ++m_cellStart[static_cast<size_t>(cellOf(p)) + 1];
    for (int c = 0; c < cells; ++c)
        m_cellStart[static_cast<size_t>(c) + 1] += m_cellStart[static_cast<size_t>(c)];
    m_order.resize(m_points.size());
    std::vector<int> fill(m_cellStart.begin(), m_cellStart.end() - 1);
    for (size_t i = 0; i < m_points.size(); ++i)
        m_order[static_cast<size_t>(fill[static_cast<size_t>(cellOf(m_points[i]))]++)] = static_cast<int>(i);
}

int SpatialGrid::nearest(QPointF point, double radius) const {
    if (m_order.size() != m_points.size() || m_points.empty())
        return -1;
    const int x0 = std::max(0, static_cast<int>(std::floor((point.x() - radius) / m_cell)));
    const int x1 = std::min(m_cols - 1, static_cast<int>(std::floor((point.x() + radius) / m_cell)));
    const int y0 = std::max(0, static_cast<int>(std::floor((point.y() - radius) / m_cell)));
    const int y1 = std::min(m_rows - 1, static_cast<int>(std::floor((point.y() + radius) / m_cell)));
    double best = radius * radius;
    int bestIndex = -1;
    for (int cy = y0; cy <= y1; ++cy) {
        for (int cx = x0; cx <= x1; ++cx) {
            const size_t cell = static_cast<size_t>(cy * m_cols + cx);
            for (int k = m_cellStart[cell]; k < m_cellStart[cell + 1]; ++k) {
                const int i = m_order[static_cast<size_t>(k)];
                const QPointF d = m_points[static_cast<size_t>(i)] - point;
                const double dist = d.x() * d.x() + d.y() * d.y();
                if (dist < best || (dist == best && i > bestIndex)) {
                    best = dist;
                    bestIndex = i;
                }
            }
        }
    }
    return bestIndex < 0 ? -1 : m_items[static_cast<size_t>(bestIndex)];
}

} // namespace voltdesk::widgets
