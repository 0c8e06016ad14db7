// The rating engine: prices a session's meter readings under a site's tariffs (docs/BILLING.md).
#pragma once

#include "domain/billing/rating_error.h"
#include "domain/billing/session_rating.h"
#include "domain/billing/tariff.h"

#include <chrono>
#include <string_view>
#include <variant>
#include <vector>

namespace voltdesk::billing {

/// Longer sessions are refused: a timestamp years off would otherwise make the engine walk every day.
constexpr int kMaxSessionDays = 31;

/// A site's tariffs and time zone, checked once; rates any number of sessions. rate() is const and
/// touches no shared state, so one engine may serve several threads.
class RatingEngine {
public:
    /// InvalidTariff with the first validation message (validateTariffSet) or UnknownTimeZone.
    static std::variant<RatingEngine, RatingError> create(std::vector<Tariff> tariffs,
                                                          std::string_view timeZone);

    /// The rating of a finished session (with stop) or the live cost of a running one (without).
    std::variant<SessionRating, RatingError> rate(const SessionInput& session,
                                                  const RatingOptions& options = {}) const;

    const std::chrono::time_zone& timeZone() const { return *m_zone; }
    const std::vector<Tariff>& tariffs() const { return m_tariffs; }

private:
    RatingEngine(std::vector<Tariff> tariffs, const std::chrono::time_zone* zone);

    std::vector<Tariff> m_tariffs; ///< in validity order, day schedules sorted by time
    const std::chrono::time_zone* m_zone;
};

/// create() and rate() in one call, for one-off ratings (a tariff editor's preview).
std::variant<SessionRating, RatingError> rateSession(std::vector<Tariff> tariffs, std::string_view timeZone,
                                                     const SessionInput& session,
                                                     const RatingOptions& options = {});

} // namespace voltdesk::billing
