#include "widgets/point_clusterer.h"

#include <algorithm>
#include <cmath>

namespace voltdesk::widgets {

namespace {

// Cells are indexed by two 31-bit coordinates packed into one key; world pixels at zoom 19 need 28 bits.
long long cellKey(long long cx, long long cy) {
    return (cy << 32) ^ (cx & 0xFFFFFFFFLL);
}

} // namespace

void PointClusterer::cluster(std::span<const QPointF> points, double radius) {
    const size_t n = points.size();
    const double cell = std::max(radius, 1e-9);
    const double radius2 = radius * radius;
    m_clusterOf.assign(n, -1);
    m_start.assign(1, 0);
    m_members.clear();
    m_centers.clear();
    m_cells.resize(n);
    for (size_t i = 0; i < n; ++i) {
        const auto cx = static_cast<long long>(std::floor(points[i].x() / cell));
        const auto cy = static_cast<long long>(std::floor(points[i].y() / cell));
        m_cells[i] = {cellKey(cx, cy), static_cast<int>(i)};
    }
    std::sort(m_cells.begin(), m_cells.end());

    for (size_t seed = 0; seed < n; ++seed) {
        if (m_clusterOf[seed] >= 0)
            continue;
        const int id = static_cast<int>(m_centers.size());
        const QPointF s = points[seed];
        const size_t first = m_members.size();
        m_clusterOf[seed] = id;
        m_members.push_back(static_cast<int>(seed));
        // Points within radius lie in this cell or one of its eight neighbours.
        const auto cx = static_cast<long long>(std::floor(s.x() / cell));
        const auto cy = static_cast<long long>(std::floor(s.y() / cell));
        for (long long dy = -1; dy <= 1; ++dy) {
            for (long long dx = -1; dx <= 1; ++dx) {
                const long long key = cellKey(cx + dx, cy + dy);
                auto it =
                    std::lower_bound(m_cells.begin(), m_cells.end(), std::pair<long long, int>(key, -1));
                for (; it != m_cells.end() && it->first == key; ++it) {
                    const auto j = static_cast<size_t>(it->second);
                    if (m_clusterOf[j] >= 0)
                        continue;
                    const QPointF d = points[j] - s;
                    if (d.x() * d.x() + d.y() * d.y() <= radius2) {
                        m_clusterOf[j] = id;
                        m_members.push_back(it->second);
                    }
                }
            }
        }
        std::sort(m_members.begin() + static_cast<std::ptrdiff_t>(first) + 1, m_members.end());
        QPointF sum;
        for (size_t k = first; k < m_members.size(); ++k)
            sum += points[static_cast<size_t>(m_members[k])];
        m_centers.push_back(sum / static_cast<double>(m_members.size() - first));
        m_start.push_back(static_cast<int>(m_members.size()));
    }
}

std::span<const int> PointClusterer::members(int cluster) const {
    const auto begin = static_cast<size_t>(m_start[static_cast<size_t>(cluster)]);
    const auto end = static_cast<size_t>(m_start[static_cast<size_t>(cluster) + 1]);
    return std::span<const int>(m_members).subspan(begin, end - begin);
}

} // namespace voltdesk::widgets
