// The health score 0..100 of one charger and the reasons that lowered it; docs/HEALTH.md lists the
// inputs and weights.
#pragma once

#include "contract/iso8601.h"
#include "domain/health/status_timeline.h"

#include <string>
#include <vector>

namespace voltdesk::domain {

struct HealthInputs {
    contract::EpochMs now = 0;
    TimelineSummary day;   ///< the last 24 h
    TimelineSummary month; ///< the last 30 days
    ChargerCondition condition;
    contract::EpochMs lastSeen = 0;   ///< last message from the charger; 0: never
    contract::EpochMs staleAfter = 0; ///< an online charger silent this long is stale; 0: never
};

struct HealthAssessment {
    int score = 100;
    std::vector<std::string> reasons; ///< the largest deduction first
};

/// 100 minus the penalties of docs/HEALTH.md, never below 0.
HealthAssessment assessHealth(const HealthInputs& inputs);

/// "45 s", "12 min", "3 h 5 min", "2 d 4 h".
std::string describeDuration(contract::EpochMs ms);

} // namespace voltdesk::domain
