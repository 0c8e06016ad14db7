// Simulated time runs `speed` times faster than the wall clock from the moment the simulator starts,
// so a demo at 60x shows an hour of a charging network's day in a minute; speed 0 freezes the day.
#pragma once

#include "contract/iso8601.h"

#include <limits>

namespace voltdesk::sim {

class SimClock {
public:
    SimClock(contract::EpochMs realStart, contract::EpochMs simStart, double speed)
        : m_realStart(realStart), m_simStart(simStart), m_speed(speed) {}

    contract::EpochMs simAt(contract::EpochMs real) const {
        return m_simStart + static_cast<contract::EpochMs>(static_cast<double>(real - m_realStart) * m_speed);
    }
    /// The wall-clock instant at which simulated time reaches `sim` (rounded up). A frozen clock
    /// (speed 0) never gets there: the day stays as it started, which tests rely on.
    contract::EpochMs realAt(contract::EpochMs sim) const {
        if (m_speed <= 0) {
            return sim <= m_simStart ? m_realStart : std::numeric_limits<contract::EpochMs>::max() / 2;
        }
        return m_realStart + static_cast<contract::EpochMs>(static_cast<double>(sim - m_simStart) / m_speed) +
               1;
    }
    double speed() const { return m_speed; }

private:
    contract::EpochMs m_realStart;
    contract::EpochMs m_simStart;
    double m_speed;
};

} // namespace voltdesk::sim
