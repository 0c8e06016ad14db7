// Rates a stored transaction under the tariffs assigned to it: the one way the live cost, the CDR at
// the stop, the start-up sweep and a re-rating are computed, so they agree.
#pragma once

#include "contract/charge_detail_record.h"
#include "store/billing_store.h"

#include <string>

namespace voltdesk::app {

/// The record of facts under the store's tariffs: rated, or unrated with the reason (no tariff assigned,
/// or the engine's refusal) so the session is never lost. A running session (no stop in facts) gives its
/// live cost, provisional, up to its latest reading. version is 1 for a live cost and a first record.
contract::ChargeDetailRecord rateStoredSession(store::BillingStore& store, const billing::SessionFacts& facts,
                                               int version, const std::string& reason,
                                               const std::string& agentId, contract::EpochMs now);

/// The record of facts under the given tariffs and time zone (facts.timeZone is ignored).
contract::ChargeDetailRecord rateWithTariffs(const std::vector<billing::Tariff>& tariffs,
                                             const billing::SessionFacts& facts, int version,
                                             const std::string& reason, contract::EpochMs now);

} // namespace voltdesk::app
