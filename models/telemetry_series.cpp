#include "models/telemetry_series.h"

#include <algorithm>

namespace voltdesk::models {

TelemetrySeries::TelemetrySeries(qsizetype capacity, qint64 retentionMs)
    : m_capacity(std::max<qsizetype>(1, capacity)), m_retentionMs(retentionMs) {}

void TelemetrySeries::add(qint64 atMs, double value) {
    if (m_points.empty() || atMs > m_points.back().atMs) {
        m_points.push_back({atMs, value});
        ++m_appended;
        trim();
        return;
    }
    // Equal times keep arrival order: insert after the last point at atMs unless it is a duplicate.
    const auto byTime = [](const TelemetryPoint& p, qint64 t) { return p.atMs < t; };
    auto it = std::lower_bound(m_points.begin(), m_points.end(), atMs, byTime);
    for (; it != m_points.end() && it->atMs == atMs; ++it) {
        if (it->value == value) {
            return;
        }
    }
    // Older than anything the bounds would keep: taking it would only be dropped again.
    if (it == m_points.begin() &&
        (size() >= m_capacity || (m_retentionMs > 0 && atMs < m_points.back().atMs - m_retentionMs))) {
        return;
    }
    if (it == m_points.end()) {
        m_points.push_back({atMs, value});
        ++m_appended;
    } else {
        m_points.insert(it, {atMs, value});
        ++m_revision;
    }
    trim();
}

std::optional<TelemetryPoint> TelemetrySeries::last() const {
    if (m_points.empty()) {
        return std::nullopt;
    }
    return m_points.back();
}

std::optional<TelemetryPoint> TelemetrySeries::valueAt(qint64 atMs) const {
    const auto after = std::upper_bound(m_points.begin(), m_points.end(), atMs,
                                        [](qint64 t, const TelemetryPoint& p) { return t < p.atMs; });
    if (after == m_points.begin()) {
        return std::nullopt;
    }
    return *std::prev(after);
}

void TelemetrySeries::trim() {
    while (size() > m_capacity) {
        m_points.pop_front();
    }
    if (m_retentionMs > 0) {
        const qint64 oldest = m_points.back().atMs - m_retentionMs;
        while (!m_points.empty() && m_points.front().atMs < oldest) {
            m_points.pop_front();
        }
    }
}

} // namespace voltdesk::models
