#include "domain/health/health_score.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace voltdesk::domain {

namespace {

constexpr int kOfflinePenalty = 40;
constexpr int kFaultedPenalty = 30;
constexpr int kStalePenalty = 15;
constexpr int kMaxDayAvailabilityPenalty = 30;   // 1 point per percent unavailable in 24 h
constexpr int kMaxMonthAvailabilityPenalty = 20; // 2 points per percent unavailable in 30 d
constexpr int kFaultPenalty = 5;
constexpr int kMaxFaultsPenalty = 20;
constexpr int kErrorCodePenalty = 2;
constexpr int kMaxErrorCodesPenalty = 10;

struct Deduction {
    int points = 0;
    std::string reason;
};

std::string percent(double fraction) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f %%", fraction * 100.0);
    return text;
}

std::string connectorName(int id) {
    return id == 0 ? "charger" : "connector " + std::to_string(id);
}

std::string faultedReason(const std::vector<ConnectorFault>& faulted) {
    std::string text;
    for (const auto& f : faulted) {
        text += text.empty() ? "" : ", ";
        text += connectorName(f.connectorId) + " faulted";
        if (isError(f.errorCode)) {
            text += " (" + f.errorCode + ")";
        }
    }
    return text;
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) {
        text += text.empty() ? item : ", " + item;
    }
    return text;
}

int penalty(double unavailable, double pointsPerPercent, int max) {
    return std::min(max, static_cast<int>(std::lround(unavailable * 100.0 * pointsPerPercent)));
}

} // namespace

std::string describeDuration(contract::EpochMs ms) {
    const long long s = std::max<contract::EpochMs>(ms, 0) / 1000;
    if (s < 60) {
        return std::to_string(s) + " s";
    }
    const long long min = s / 60;
    if (min < 60) {
        return std::to_string(min) + " min";
    }
    const long long h = min / 60;
    if (h < 24) {
        return std::to_string(h) + " h" + (min % 60 ? " " + std::to_string(min % 60) + " min" : "");
    }
    return std::to_string(h / 24) + " d" + (h % 24 ? " " + std::to_string(h % 24) + " h" : "");
}

HealthAssessment assessHealth(const HealthInputs& in) {
    std::vector<Deduction> deductions;
    if (!in.condition.online) {
        deductions.push_back(
            {kOfflinePenalty, in.condition.offlineSince > 0
                                  ? "offline for " + describeDuration(in.now - in.condition.offlineSince)
                                  : "offline"});
    } else if (in.staleAfter > 0 && in.lastSeen > 0 && in.now - in.lastSeen > in.staleAfter) {
        deductions.push_back({kStalePenalty, "no message for " + describeDuration(in.now - in.lastSeen)});
    }
    if (!in.condition.faulted.empty()) {
        deductions.push_back({kFaultedPenalty, faultedReason(in.condition.faulted)});
    }
    if (const auto a = in.day.availability()) {
        const int points = penalty(1.0 - *a, 1.0, kMaxDayAvailabilityPenalty);
        if (points > 0) {
            std::string reason =
                "unavailable " + describeDuration(static_cast<contract::EpochMs>(in.day.downMs)) + " in 24 h";
            if (in.day.offlineMs > 0) {
                reason += " (offline " + describeDuration(in.day.offlineMs) + ")";
            }
            deductions.push_back({points, std::move(reason)});
        }
    }
    if (const auto a = in.month.availability()) {
        const int points = penalty(1.0 - *a, 2.0, kMaxMonthAvailabilityPenalty);
        if (points > 0) {
            deductions.push_back({points, "available " + percent(*a) + " over 30 days"});
        }
    }
    if (in.day.faults > 0) {
        deductions.push_back(
            {std::min(kMaxFaultsPenalty, kFaultPenalty * in.day.faults),
             std::to_string(in.day.faults) + (in.day.faults == 1 ? " fault" : " faults") + " in 24 h"});
    }
    if (!in.day.errorCodes.empty()) {
        const int points =
            std::min(kMaxErrorCodesPenalty, kErrorCodePenalty * static_cast<int>(in.day.errorCodes.size()));
        deductions.push_back({points, "errors reported in 24 h: " + joined(in.day.errorCodes)});
    }
    std::stable_sort(deductions.begin(), deductions.end(),
                     [](const Deduction& a, const Deduction& b) { return a.points > b.points; });
    HealthAssessment out;
    for (auto& d : deductions) {
        out.score -= d.points;
        out.reasons.push_back(std::move(d.reason));
    }
    out.score = std::clamp(out.score, 0, 100);
    return out;
}

} // namespace voltdesk::domain
