#include "domain/health/charger_health_calculator.h"

#include "domain/health/health_score.h"

namespace voltdesk::domain {

contract::ChargerHealth computeChargerHealth(const ChargerHealthData& data, contract::EpochMs now,
                                             const HealthWindows& windows) {
    HealthInputs inputs;
    inputs.now = now;
    inputs.day = summarizeTimeline(data.records, now - windows.day.count(), now);
    inputs.month = summarizeTimeline(data.records, now - windows.month.count(), now);
    inputs.condition = conditionOf(data.records);
    if (data.online && *data.online != inputs.condition.online) {
        inputs.condition.online = *data.online;
        inputs.condition.offlineSince = 0; // not in the records: unknown
    }
    inputs.lastSeen = data.lastSeen;
    inputs.staleAfter = windows.staleAfter.count();
    auto assessment = assessHealth(inputs);

    contract::ChargerHealth out;
    out.chargerId = data.chargerId;
    out.computedAt = now;
    out.powerW = inputs.condition.online ? data.powerW : std::nullopt;
    for (const auto& t : data.transactions) {
        out.energyTodayWh += energyInWindowWh(t, data.dayStart, now);
    }
    out.faults24h = inputs.day.faults;
    out.availability24h = inputs.day.availability();
    out.availability30d = inputs.month.availability();
    out.healthScore = assessment.score;
    out.healthReasons = std::move(assessment.reasons);
    return out;
}

} // namespace voltdesk::domain
