// Whether a tariff can be rated, with messages precise enough for the console's tariff editor.
#pragma once

#include "domain/billing/tariff.h"

#include <span>
#include <string>
#include <vector>

namespace voltdesk::billing {

/// One problem: where (a JSON-like path such as "dayTypes[0].schedule[2]", empty for the whole tariff)
/// and a sentence for the operator ("Tuesday 10:00–11:00 is covered by both 'peak' and 'flat'.").
struct ValidationIssue {
    std::string path;
    std::string message;
};

/// Every problem of one tariff, in a stable order; empty when it can be rated.
std::vector<ValidationIssue> validateTariff(const Tariff& tariff);

/// The problems of each tariff (messages prefixed with the tariff's id and version) and of the set:
/// validity ranges that overlap and currencies that differ. Empty when the set can be rated together.
std::vector<ValidationIssue> validateTariffSet(std::span<const Tariff> tariffs);

} // namespace voltdesk::billing
