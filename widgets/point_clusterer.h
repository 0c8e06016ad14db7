// Groups screen points that would overlap into clusters: plain geometry, no Qt Quick, so the map's
// clustering rule is tested directly (tests/gui/tst_point_clusterer.cpp).
#pragma once

#include <QPointF>
#include <span>
#include <vector>

namespace voltdesk::widgets {

/// Greedy distance clustering over a hash grid: points are visited in input order; each point not yet
/// taken starts a cluster and takes every free point within `radius` of it. Linear in the number of
/// points for any sensible density (10,000 points cluster in about a millisecond).
///
/// The result depends only on the points and the radius, never on where the screen is, so give it
/// world pixels (Web-Mercator × scale): clusters then stay the same while the map pans.
class PointClusterer {
public:
    /// Replaces the previous result. radius must be > 0.
    void cluster(std::span<const QPointF> points, double radius);

    int clusterCount() const { return static_cast<int>(m_centers.size()); }
    /// Indices into the points given to cluster(), the seed first, then in input order.
    std::span<const int> members(int cluster) const;
    int size(int cluster) const {
        return m_start[static_cast<size_t>(cluster) + 1] - m_start[static_cast<size_t>(cluster)];
    }
    /// Mean of the members' points.
    QPointF center(int cluster) const { return m_centers[static_cast<size_t>(cluster)]; }
    /// The cluster of a point.
    int clusterOf(int point) const { return m_clusterOf[static_cast<size_t>(point)]; }

private:
    std::vector<int> m_clusterOf;
    std::vector<int> m_start; ///< clusterCount() + 1 offsets into m_members
    std::vector<int> m_members;
    std::vector<QPointF> m_centers;
    // Scratch kept between calls so that steady-state reclustering allocates nothing.
    std::vector<std::pair<long long, int>> m_cells; ///< (cell key, point), sorted by key
};

} // namespace voltdesk::widgets
