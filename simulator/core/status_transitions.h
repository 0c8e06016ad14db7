// Which connector status may follow which, as the OCPP 1.6 StatusNotification transition table has it.
#pragma once

#include "contract/charger_status.h"

namespace voltdesk::sim {

/// True when a connector may report `to` right after `from` (OCPP 1.6 section 4.9, table of states).
bool isValidTransition(contract::ConnectorStatus from, contract::ConnectorStatus to);

} // namespace voltdesk::sim
