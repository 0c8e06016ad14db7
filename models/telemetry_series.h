// One measured quantity of one connector over time, in bounded memory.
#pragma once

#include <QtGlobal>
#include <cstdint>
#include <deque>
#include <optional>

namespace voltdesk::models {

/// A measurement at a time (UTC milliseconds since the epoch).
struct TelemetryPoint {
    qint64 atMs = 0;
    double value = 0;
};

/// Points in time order, bounded twice: at most capacity() points, and none older than retentionMs()
/// before the newest point. Beyond either bound the oldest points go (a ring buffer on a deque, so
/// history can also be merged in the middle).
///
/// Readers that keep a copy (the plots) follow changes cheaply: appendedCount() grows with every point
/// added at the tail, and revision() changes only when points were merged in before the tail, which
/// is when a copy must be reloaded instead of extended.
class TelemetrySeries {
public:
    TelemetrySeries(qsizetype capacity, qint64 retentionMs);

    /// Adds a point in time order; a point equal in time and value to one already held is dropped
    /// (the same sample arriving live and from history).
    void add(qint64 atMs, double value);

    qsizetype size() const { return static_cast<qsizetype>(m_points.size()); }
    bool isEmpty() const { return m_points.empty(); }
    const TelemetryPoint& at(qsizetype i) const { return m_points[static_cast<std::size_t>(i)]; }
    std::optional<TelemetryPoint> last() const;
    /// The last point at or before atMs, if any.
    std::optional<TelemetryPoint> valueAt(qint64 atMs) const;

    std::uint64_t appendedCount() const { return m_appended; }
    std::uint64_t revision() const { return m_revision; }
    qsizetype capacity() const { return m_capacity; }
    qint64 retentionMs() const { return m_retentionMs; }

    auto begin() const { return m_points.begin(); }
    auto end() const { return m_points.end(); }

private:
    void trim();

    std::deque<TelemetryPoint> m_points;
    qsizetype m_capacity;
    qint64 m_retentionMs;
    std::uint64_t m_appended = 0;
    std::uint64_t m_revision = 0;
};

} // namespace voltdesk::models
