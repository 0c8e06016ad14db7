// A small random generator whose sequence is the same on every compiler and standard library, so a
// seed always produces the same fleet and the same day (std:: distributions do not promise that).
#pragma once

#include <cmath>
#include <cstdint>
#include <span>

namespace voltdesk::sim {

/// SplitMix64: 8 bytes of state, fast, good enough for simulation (not for cryptography).
class Rng {
public:
    explicit Rng(std::uint64_t seed = 0) : m_state(seed) {}

    /// An independent stream for (seed, key, salt): the generator of charger 42 does not depend on
    /// how many chargers were generated before it.
    static Rng derive(std::uint64_t seed, std::uint64_t key, std::uint64_t salt = 0) {
        Rng r(seed ^ (key * 0x9E3779B97F4A7C15ull) ^ (salt * 0xC2B2AE3D27D4EB4Full));
        r.next();
        return r;
    }

    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    /// Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    /// Uniform integer in [lo, hi], both included.
    int between(int lo, int hi) {
        const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
        return lo + static_cast<int>(next() % span);
    }
    bool chance(double p) { return uniform() < p; }
    /// Exponentially distributed with the given mean.
    double exponential(double mean) { return -mean * std::log1p(-uniform()); }
    /// Index drawn with the given (not necessarily normalised) weights.
    std::size_t weighted(std::span<const double> weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = uniform() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (x < weights[i]) {
                return i;
            }
            x -= weights[i];
        }
        return weights.size() - 1;
    }

private:
    std::uint64_t m_state;
};

} // namespace voltdesk::sim
