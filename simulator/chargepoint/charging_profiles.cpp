#include "chargepoint/charging_profiles.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace voltdesk::sim {

namespace {

using ocpp16::ChargingProfileKind;
using ocpp16::ChargingProfilePurpose;
constexpr EpochMs kDayMs = 86'400'000;
constexpr EpochMs kNever = std::numeric_limits<EpochMs>::max();

/// When the schedule's period 0 begins for an evaluation at `t`; nullopt if it cannot apply.
std::optional<EpochMs> scheduleStart(const ChargingProfiles::Installed& p, EpochMs t,
                                     std::optional<EpochMs> txStart) {
    const auto& prof = p.profile;
    const EpochMs base = prof.chargingSchedule.startSchedule.value_or(p.installedAt);
    switch (prof.chargingProfileKind) {
    case ChargingProfileKind::Absolute:
        return base;
    case ChargingProfileKind::Relative:
        return txStart.value_or(t);
    case ChargingProfileKind::Recurring: {
        const EpochMs period = prof.recurrencyKind == ocpp16::RecurrencyKind::Weekly ? 7 * kDayMs : kDayMs;
        if (t < base) {
            return base - ((base - t + period - 1) / period) * period;
        }
        return base + ((t - base) / period) * period;
    }
    }
    return std::nullopt;
}

bool validAt(const ChargingProfiles::Installed& p, EpochMs t) {
    return (!p.profile.validFrom || *p.profile.validFrom <= t) &&
           (!p.profile.validTo || t < *p.profile.validTo);
}

/// The limit of one profile at t in its own unit, with the period's number of phases.
std::optional<ocpp16::ChargingSchedulePeriod> periodAt(const ChargingProfiles::Installed& p, EpochMs t,
                                                       std::optional<EpochMs> txStart) {
    if (!validAt(p, t)) {
        return std::nullopt;
    }
    const auto start = scheduleStart(p, t, txStart);
    if (!start || t < *start) {
        return std::nullopt;
    }
    const EpochMs elapsed = t - *start;
    const auto& s = p.profile.chargingSchedule;
    if (s.duration && elapsed >= EpochMs{*s.duration} * 1000) {
        return std::nullopt;
    }
    std::optional<ocpp16::ChargingSchedulePeriod> found;
    for (const auto& period : s.chargingSchedulePeriod) {
        if (EpochMs{period.startPeriod} * 1000 <= elapsed) {
            found = period;
        }
    }
    return found;
}

double inWatts(const ChargingProfiles::Installed& p, const ocpp16::ChargingSchedulePeriod& period,
               const Electrical& e) {
    return p.profile.chargingSchedule.chargingRateUnit == ocpp16::ChargingRateUnit::W
               ? period.limit
               : e.toWatts(period.limit, period.numberPhases);
}

} // namespace

void ChargingProfiles::install(int connectorId, ocpp16::ChargingProfile profile, EpochMs now) {
    std::erase_if(m_profiles, [&](const Installed& p) {
        return p.profile.chargingProfileId == profile.chargingProfileId ||
               (p.connectorId == connectorId && p.profile.stackLevel == profile.stackLevel &&
                p.profile.chargingProfilePurpose == profile.chargingProfilePurpose);
    });
    m_profiles.push_back({connectorId, std::move(profile), now});
}

bool ChargingProfiles::clear(std::optional<int> id, std::optional<int> connectorId,
                             std::optional<ChargingProfilePurpose> purpose, std::optional<int> stackLevel) {
    const auto before = m_profiles.size();
    std::erase_if(m_profiles, [&](const Installed& p) {
        if (id) {
            return p.profile.chargingProfileId == *id;
        }
        return (!connectorId || p.connectorId == *connectorId) &&
               (!purpose || p.profile.chargingProfilePurpose == *purpose) &&
               (!stackLevel || p.profile.stackLevel == *stackLevel);
    });
    return m_profiles.size() != before;
}

void ChargingProfiles::endTransaction(int connectorId) {
    std::erase_if(m_profiles, [&](const Installed& p) {
        return p.connectorId == connectorId &&
               p.profile.chargingProfilePurpose == ChargingProfilePurpose::TxProfile;
    });
}

std::optional<double> ChargingProfiles::purposeLimit(int connectorId, ChargingProfilePurpose purpose,
                                                     EpochMs t, std::optional<EpochMs> txStart,
                                                     const Electrical& e) const {
    // The highest stack level that is active wins; a connector's own profile before connector 0's.
    std::optional<double> best;
    int bestLevel = -1;
    bool bestOwn = false;
    for (const auto& p : m_profiles) {
        if (p.profile.chargingProfilePurpose != purpose) {
            continue;
        }
        const bool own = p.connectorId == connectorId;
        if (!own && p.connectorId != 0) {
            continue;
        }
        const auto period = periodAt(p, t, txStart);
        if (!period) {
            continue;
        }
        if ((own && !bestOwn) || (own == bestOwn && p.profile.stackLevel > bestLevel)) {
            best = inWatts(p, *period, e);
            bestLevel = p.profile.stackLevel;
            bestOwn = own;
        }
    }
    return best;
}

std::optional<double> ChargingProfiles::limitAt(int connectorId, EpochMs t, std::optional<EpochMs> txStart,
                                                const Electrical& e) const {
    std::optional<double> tx;
    if (txStart) {
        tx = purposeLimit(connectorId, ChargingProfilePurpose::TxProfile, t, txStart, e);
        if (!tx) {
            tx = purposeLimit(connectorId, ChargingProfilePurpose::TxDefaultProfile, t, txStart, e);
        }
    } else {
        tx = purposeLimit(connectorId, ChargingProfilePurpose::TxDefaultProfile, t, txStart, e);
    }
    const auto max = purposeLimit(0, ChargingProfilePurpose::ChargePointMaxProfile, t, txStart, e);
    if (tx && max) {
        return std::min(*tx, *max);
    }
    return tx ? tx : max;
}

EpochMs ChargingProfiles::nextChangeAfter(int connectorId, EpochMs t, std::optional<EpochMs> txStart) const {
    EpochMs next = kNever;
    const auto consider = [&](EpochMs at) {
        if (at > t) {
            next = std::min(next, at);
        }
    };
    for (const auto& p : m_profiles) {
        if (p.connectorId != connectorId && p.connectorId != 0) {
            continue;
        }
        if (p.profile.validFrom) {
            consider(*p.profile.validFrom);
        }
        if (p.profile.validTo) {
            consider(*p.profile.validTo);
        }
        const auto start = scheduleStart(p, t, txStart);
        if (!start) {
            continue;
        }
        const auto& s = p.profile.chargingSchedule;
        // This occurrence and, for recurring profiles, the next one.
        for (int k = 0; k < 2; ++k) {
            EpochMs base = *start;
            if (k == 1) {
                if (p.profile.chargingProfileKind != ChargingProfileKind::Recurring) {
                    break;
                }
                base += p.profile.recurrencyKind == ocpp16::RecurrencyKind::Weekly ? 7 * kDayMs : kDayMs;
            }
            for (const auto& period : s.chargingSchedulePeriod) {
                consider(base + EpochMs{period.startPeriod} * 1000);
            }
            if (s.duration) {
                consider(base + EpochMs{*s.duration} * 1000);
            }
        }
    }
    return next;
}

ocpp16::ChargingSchedule ChargingProfiles::composite(int connectorId, EpochMs start, int durationSeconds,
                                                     ocpp16::ChargingRateUnit unit,
                                                     std::optional<EpochMs> txStart, const Electrical& e,
                                                     double hardwareW) const {
    ocpp16::ChargingSchedule schedule;
    schedule.duration = durationSeconds;
    schedule.startSchedule = start;
    schedule.chargingRateUnit = unit;
    const EpochMs end = start + EpochMs{durationSeconds} * 1000;
    for (EpochMs t = start; t < end;) {
        const double watts = limitAt(connectorId, t, txStart, e).value_or(hardwareW);
        double limit = unit == ocpp16::ChargingRateUnit::W ? watts : e.toAmps(watts);
        limit = std::round(limit * 10) / 10;
        if (schedule.chargingSchedulePeriod.empty() ||
            schedule.chargingSchedulePeriod.back().limit != limit) {
            schedule.chargingSchedulePeriod.push_back(
                {static_cast<int>((t - start) / 1000), limit, std::nullopt});
        }
        t = nextChangeAfter(connectorId, t, txStart);
    }
    return schedule;
}

} // namespace voltdesk::sim
