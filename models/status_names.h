// The words the console shows for statuses, translated (translations/ holds zh_CN and en).
#pragma once

#include "contract/charger_status.h"

#include <QString>

namespace voltdesk::models {

/// "Available", "Charging", ... in the current UI language.
QString statusDisplayName(contract::ChargerStatus status);
/// A connector's OCPP-level status ("Preparing", "Suspended by EV", ...) in the current UI language.
QString connectorStatusDisplayName(contract::ConnectorStatus status);

} // namespace voltdesk::models
