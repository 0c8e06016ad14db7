// Rebuilding the fleet's last known state after a restart from what the store kept, by replaying it
// through the domain's own rules rather than writing into the domain's state from outside.
#pragma once

#include "contract/charger_state.h"
#include "domain/central_system.h"

#include <vector>

namespace voltdesk::app {

/// The events that bring a fresh charger record to stored's identity, protocol and connector
/// statuses, ending offline. Empty for a charger never heard from (the inventory covers it).
std::vector<domain::ChargePointEvent> restoreEvents(const contract::ChargerState& stored);

/// Replays every stored charger into fleet. Call after loadInventory() and before addListener(), so
/// nothing is written back or published twice. Chargers the policy no longer admits are skipped by
/// the domain itself. Returns how many chargers were restored.
std::size_t restoreFleet(domain::CentralSystem& fleet, const std::vector<contract::ChargerState>& stored);

} // namespace voltdesk::app
