// Short letters for connector statuses, so a table cell can show every connector of a charger.
#pragma once

#include "contract/charger_state.h"

#include <QString>
#include <vector>

namespace voltdesk::models {

/// One or two letters, translated: "A" Available, "C" Charging, "F" Faulted, ...
QString connectorStatusLetter(contract::ConnectorStatus status);
/// The outlets (connector 1..n; connector 0 only when it is faulted or unavailable, since then the
/// whole charger is) as "1 C · 2 A".
QString connectorSummary(const std::vector<contract::ConnectorState>& connectors);
/// One line per connector with its full status name and error code, for a tooltip.
QString connectorDetails(const std::vector<contract::ConnectorState>& connectors);

} // namespace voltdesk::models
