// How one reported event changes a charger's live state: the single rule the central system applies.
#pragma once

#include "contract/charger_state.h"
#include "domain/charge_point_events.h"

namespace voltdesk::domain {

/// Connector ids above this are not recorded, so a faulty charger cannot grow its state without bound.
inline constexpr int kMaxConnectorId = 64;

/// Applies what the event says about the charger (online flag, identity, connectors, lastSeen) to
/// state. Registration, site and location are the central system's to set, not the charger's.
/// - lastSeen: receipt time of anything the charger sent (a disconnect is not a message, so not it).
/// - connectors appear when first reported and stay sorted by id; `since` moves only when the status
///   changes, so a repeated report does not reset how long a connector has been in its status.
/// - a disconnect keeps the last connector statuses; the charger shows Offline through `online`.
/// - a session is set on its connector by SessionStarted (replacing one the charger never stopped) and
///   cleared by SessionEnded wherever that transaction is; a disconnect keeps it (chargers charge on).
void applyEvent(contract::ChargerState& state, const ChargePointEvent& event);

} // namespace voltdesk::domain
