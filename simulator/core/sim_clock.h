// Simulated time runs `speed` times faster than the wall clock from the moment the simulator starts,
// so a demo at 60x shows an hour of a charging network's day in a minute.
#pragma once

#include "contract/iso8601.h"

namespace voltdesk::sim {

class SimClock {
public:
    SimClock(contract::EpochMs realStart, contract::EpochMs simStart, double speed)
        : m_realStart(realStart), m_simStart(simStart), m_speed(speed) {}

    contract::EpochMs simAt(contract::EpochMs real) const {
        return m_simStart + static_cast<contract::EpochMs>(static_cast<double>(real - m_realStart) * m_speed);
    }
    /// The wall-clock instant at which simulated time reaches `sim` (rounded up).
    contract::EpochMs realAt(contract::EpochMs sim) const {
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
