// Latency histogram of the OCPP load generator: log-linear buckets, so a run of millions of CALLs
// needs a few kilobytes and no sorting.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace voltdesk::bench {

/// Latencies in microseconds in log-linear buckets (64 per power of two: 1.6 % resolution), so millions
/// of samples cost 30 KB instead of a vector of every sample.
class Histogram {
public:
    void add(std::uint64_t us) {
        ++m_counts[indexOf(us)];
        ++m_total;
        m_max = std::max(m_max, us);
    }
    void merge(const Histogram& other) {
        for (std::size_t i = 0; i < kBuckets; ++i) {
            m_counts[i] += other.m_counts[i];
        }
        m_total += other.m_total;
        m_max = std::max(m_max, other.m_max);
    }
    void clear() { *this = Histogram(); }
    std::uint64_t count() const { return m_total; }
    /// The upper bound of the bucket holding quantile q, in milliseconds.
    double percentileMs(double q) const {
        if (m_total == 0) {
            return 0;
        }
        const auto rank = static_cast<std::uint64_t>(q * static_cast<double>(m_total - 1)) + 1;
        std::uint64_t seen = 0;
        for (std::size_t i = 0; i < kBuckets; ++i) {
            seen += m_counts[i];
            if (seen >= rank) {
                return static_cast<double>(std::min(upperOf(i), m_max)) / 1000.0;
            }
        }
        return maxMs();
    }
    double maxMs() const { return static_cast<double>(m_max) / 1000.0; }

private:
    static constexpr std::size_t kLinear = 128;
    static constexpr std::size_t kSub = 64;
    static constexpr std::size_t kBuckets = kLinear + 57 * kSub;

    static std::size_t indexOf(std::uint64_t us) {
        if (us < kLinear) {
            return us;
        }
        const auto shift = static_cast<std::size_t>(std::bit_width(us)) - 7; // keep 7 significant bits
        return kLinear + (shift - 1) * kSub + ((us >> shift) - kSub);
    }
    static std::uint64_t upperOf(std::size_t index) {
        if (index < kLinear) {
            return index;
        }
        const std::size_t shift = (index - kLinear) / kSub + 1;
        const std::uint64_t sub = (index - kLinear) % kSub + kSub;
        return ((sub + 1) << shift) - 1;
    }

    std::vector<std::uint64_t> m_counts = std::vector<std::uint64_t>(kBuckets);
    std::uint64_t m_total = 0;
    std::uint64_t m_max = 0;
};

} // namespace voltdesk::bench
