// A token bucket per connection: a charger that floods the central system is slowed down and
// reported, instead of starving the other chargers sharing an I/O thread.
#pragma once

#include "contract/iso8601.h"

#include <algorithm>

namespace voltdesk::ocpp16 {

class CallRateLimiter {
public:
    /// perSecond <= 0 disables the limit.
    CallRateLimiter(double perSecond, double burst) : m_rate(perSecond), m_burst(burst), m_tokens(burst) {}

    /// Takes one token; false when none is left.
    bool allow(contract::EpochMs now) {
        if (m_rate <= 0) {
            return true;
        }
        if (m_last != 0 && now > m_last) {
            m_tokens = std::min(m_burst, m_tokens + static_cast<double>(now - m_last) * m_rate / 1000.0);
        }
        m_last = now;
        if (m_tokens < 1.0) {
            return false;
        }
        m_tokens -= 1.0;
        return true;
    }

private:
    double m_rate;
    double m_burst;
    double m_tokens;
    contract::EpochMs m_last = 0;
};

} // namespace voltdesk::ocpp16
