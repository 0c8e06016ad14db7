#include "core/connector_day.h"

#include "core/berlin_clock.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace voltdesk::sim {

namespace {

using S = ConnectorStatus;

constexpr EpochMs kSecond = 1000;
constexpr EpochMs kMinute = 60 * kSecond;
constexpr EpochMs kHour = 60 * kMinute;

// clang-format off
constexpr std::array<double, 24> kProfile{
    0.10, 0.05, 0.03, 0.03, 0.05, 0.15, 0.40, 0.80, 1.00, 0.80, 0.60, 0.60,
    0.70, 0.65, 0.60, 0.65, 0.80, 1.00, 1.00, 0.85, 0.60, 0.40, 0.25, 0.15};

constexpr std::array kFaults{
    FaultKind{"GroundFailure",        "E-GF-01", "Residual current detected"},
    FaultKind{"OverCurrentFailure",   "E-OC-02", "Vehicle drew more than the offered current"},
    FaultKind{"ConnectorLockFailure", "E-CL-07", "Connector lock did not engage"},
    FaultKind{"HighTemperature",      "E-HT-31", "Cable temperature above limit"},
    FaultKind{"EVCommunicationError", "E-CP-12", "Control pilot signal lost"},
    FaultKind{"PowerMeterFailure",    "E-PM-04", "Energy meter not responding"},
};
constexpr std::array<double, kFaults.size()> kFaultWeightsAc{3, 2, 4, 1, 3, 1};
constexpr std::array<double, kFaults.size()> kFaultWeightsDc{2, 2, 2, 4, 3, 1};
// clang-format on

constexpr double kPeakArrivalsPerHourAc = 0.35;
constexpr double kPeakArrivalsPerHourDc = 0.9;
constexpr double kMeanHoursBetweenFaultsAc = 96;
constexpr double kMeanHoursBetweenFaultsDc = 60;
constexpr double kMaintenanceShare = 0.003; ///< of arrivals that are a technician instead of a driver

EpochMs ms(double v) {
    return static_cast<EpochMs>(v);
}

} // namespace

double arrivalProfile(int hour) {
    return kProfile[static_cast<std::size_t>(((hour % 24) + 24) % 24)];
}

ConnectorDay::ConnectorDay(bool dc) : m_dc(dc) {}

EpochMs ConnectorDay::nextArrival(EpochMs from, Rng& rng) const {
    // The rate is constant within an hour, and exponential waits have no memory: draw within the
    // hour, and if the draw lands past its end, start again from the next hour at that hour's rate.
    const double peak = m_dc ? kPeakArrivalsPerHourDc : kPeakArrivalsPerHourAc;
    EpochMs t = from;
    for (int i = 0; i < 72; ++i) {
        const EpochMs hourEnd = (t / kHour + 1) * kHour;
        const double rate = peak * arrivalProfile(berlinHour(t));
        const EpochMs at = t + ms(rng.exponential(1.0 / rate) * kHour);
        if (at < hourEnd) {
            return at;
        }
        t = hourEnd;
    }
    return t;
}

EpochMs ConnectorDay::sessionLength(Rng& rng) const {
    if (m_dc) {
        return ms(rng.uniform(12, 45) * kMinute);
    }
    // AC sessions are long and spread out: most 1-3 h, some a whole afternoon.
    return std::clamp(ms(rng.exponential(2.0) * kHour), 20 * kMinute, 8 * kHour);
}

EpochMs ConnectorDay::faultGap(Rng& rng) const {
    return ms(rng.exponential(m_dc ? kMeanHoursBetweenFaultsDc : kMeanHoursBetweenFaultsAc) * kHour);
}

void ConnectorDay::start(EpochMs now, Rng& rng) {
    m_faultAt = now + faultGap(rng);
    const double busy = (m_dc ? 0.15 : 0.25) + 0.4 * arrivalProfile(berlinHour(now));
    const double u = rng.uniform();
    if (u < 0.015) {
        enter(S::Faulted, now, rng);
        m_nextAt = now + ms(rng.uniform(1, 40) * kMinute);
    } else if (u < 0.02) {
        enter(S::Unavailable, now, rng);
        m_nextAt = now + ms(rng.uniform(10, 120) * kMinute);
    } else if (u < 0.02 + busy) {
        m_staysAfterFull = rng.chance(m_dc ? 0.1 : 0.4);
        m_status = S::Charging;
        m_sessionEnd = now + ms(rng.uniform(0.05, 1.0) * static_cast<double>(sessionLength(rng)));
        m_nextAt = m_sessionEnd;
    } else {
        m_status = S::Available;
        m_nextAt = nextArrival(now, rng);
    }
}

EpochMs ConnectorDay::nextEventAt() const {
    const bool canFault = m_status != S::Faulted && m_status != S::Unavailable;
    return canFault ? std::min(m_nextAt, m_faultAt) : m_nextAt;
}

StatusChange ConnectorDay::current() const {
    StatusChange c;
    c.status = m_status;
    if (m_status == S::Faulted) {
        const auto& f = kFaults[m_fault];
        c.errorCode = f.errorCode;
        c.vendorErrorCode = f.vendorErrorCode;
        c.info = f.info;
    }
    return c;
}

StatusChange ConnectorDay::enter(ConnectorStatus status, EpochMs at, Rng& rng) {
    if (status == S::Faulted) {
        const auto& weights = m_dc ? kFaultWeightsDc : kFaultWeightsAc;
        m_fault = static_cast<std::uint8_t>(rng.weighted(weights));
    }
    m_status = status;
    StatusChange c = current();
    c.at = at;
    return c;
}

std::optional<StatusChange> ConnectorDay::step(EpochMs now, Rng& rng) {
    const EpochMs at = nextEventAt();
    if (at > now) {
        return std::nullopt;
    }
    if (m_status != S::Faulted && m_status != S::Unavailable && m_faultAt <= m_nextAt) {
        // Most faults clear within the hour; a few need a technician.
        const double minutes = rng.chance(0.85) ? rng.uniform(3, 45) : rng.uniform(60, 300);
        m_nextAt = at + ms(minutes * kMinute);
        m_faultAt = at + faultGap(rng);
        return enter(S::Faulted, at, rng);
    }
    switch (m_status) {
    case S::Available:
        if (rng.chance(kMaintenanceShare)) {
            m_nextAt = at + ms(rng.uniform(1, 4) * kHour);
            return enter(S::Unavailable, at, rng);
        }
        m_nextAt = at + ms(rng.uniform(20, 120) * kSecond);
        return enter(S::Preparing, at, rng);
    case S::Preparing:
        if (rng.chance(0.06)) { // authorisation failed or the driver gave up
            m_nextAt = nextArrival(at, rng);
            return enter(S::Available, at, rng);
        }
        m_staysAfterFull = rng.chance(m_dc ? 0.1 : 0.4);
        m_sessionEnd = at + sessionLength(rng);
        m_nextAt = std::min(m_sessionEnd, at + ms(rng.exponential(m_dc ? 1.0 : 3.0) * kHour));
        return enter(S::Charging, at, rng);
    case S::Charging:
        if (at < m_sessionEnd) { // a pause: the car (SuspendedEV) or load management (SuspendedEVSE)
            const EpochMs pause = ms(rng.uniform(2, 15) * kMinute);
            m_sessionEnd += pause;
            m_nextAt = at + pause;
            return enter(rng.chance(0.6) ? S::SuspendedEVSE : S::SuspendedEV, at, rng);
        }
        if (m_staysAfterFull) {
            m_nextAt = at + ms(rng.uniform(20, 180) * kMinute);
            return enter(S::SuspendedEV, at, rng);
        }
        m_nextAt = at + ms(rng.uniform(0.5, 10) * kMinute);
        return enter(S::Finishing, at, rng);
    case S::SuspendedEV:
    case S::SuspendedEVSE:
        if (at < m_sessionEnd) {
            m_nextAt = std::min(m_sessionEnd, at + ms(rng.exponential(m_dc ? 1.0 : 3.0) * kHour));
            return enter(S::Charging, at, rng);
        }
        m_nextAt = at + ms(rng.uniform(0.5, 10) * kMinute);
        return enter(S::Finishing, at, rng);
    case S::Finishing:
    case S::Faulted:
    case S::Unavailable:
    case S::Reserved:
        if (m_faultAt <= at) { // came due while the connector could not fault
            m_faultAt = at + faultGap(rng);
        }
        m_nextAt = nextArrival(at, rng);
        return enter(S::Available, at, rng);
    }
    return std::nullopt;
}

} // namespace voltdesk::sim
