#include "app/session_rater.h"

#include "domain/billing/rating_engine.h"

#include <variant>

namespace voltdesk::app {

contract::ChargeDetailRecord rateWithTariffs(const std::vector<billing::Tariff>& tariffs,
                                             const billing::SessionFacts& facts, int version,
                                             const std::string& reason, contract::EpochMs now) {
    auto engine = billing::RatingEngine::create(tariffs, facts.timeZone);
    if (const auto* error = std::get_if<billing::RatingError>(&engine)) {
        return billing::unratedCdr(facts, version, error->message, now);
    }
    const auto& e = std::get<billing::RatingEngine>(engine);
    const auto rated = e.rate(billing::sessionInputOf(facts), billing::ratingOptionsFor(facts));
    if (const auto* error = std::get_if<billing::RatingError>(&rated)) {
        return billing::unratedCdr(facts, version, error->message, now);
    }
    auto record = billing::cdrOf(facts, std::get<billing::SessionRating>(rated), version, reason, now);
    for (const auto& tariff : e.tariffs()) {
        if (tariff.validAt(facts.start)) {
            record.taxRate = billing::taxRateText(tariff.taxRate);
        }
    }
    return record;
}

contract::ChargeDetailRecord rateStoredSession(store::BillingStore& store, const billing::SessionFacts& facts,
                                               int version, const std::string& reason,
                                               const std::string& agentId, contract::EpochMs now) {
    const auto choice = store.tariffsFor(facts);
    contract::ChargeDetailRecord record;
    if (!choice.assignment) {
        record = billing::unratedCdr(
            facts, version,
            "no tariff for site '" + facts.siteId + "', charger '" + facts.chargerId + "'" +
                (facts.customerGroup.empty() ? std::string()
                                             : " or customer group '" + facts.customerGroup + "'"),
            now);
    } else if (choice.tariffs.empty()) {
        record = billing::unratedCdr(facts, version,
                                     "tariff '" + choice.assignment->tariffId + "' (assigned to " +
                                         std::string(billing::toString(choice.assignment->scope)) + " '" +
                                         choice.assignment->key + "') has no stored version",
                                     now);
    } else {
        record = rateWithTariffs(choice.tariffs, facts, version, reason, now);
    }
    record.agentId = agentId;
    return record;
}

} // namespace voltdesk::app
