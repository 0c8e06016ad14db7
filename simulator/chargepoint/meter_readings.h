// The sampled values a charger reports for a connector (MeterValues, StopTransaction's
// transactionData), from its meter: energy register, power, current, voltage, temperature, SoC.
#pragma once

#include "chargepoint/connector_state.h"
#include "protocol/ocpp16-wire/common_types.h"

#include <string>
#include <vector>

namespace voltdesk::sim {

struct MeterElectrics {
    double voltage = 230; ///< per phase on AC, the battery voltage on DC
    int phases = 3;       ///< 1 on DC
    bool dc = false;
};

/// One MeterValue at `at` with the listed measurands (names as MeterValuesSampledData lists them;
/// SoC only on DC, unknown names skipped).
ocpp16::MeterValue meterValue(const ConnectorState& c, const MeterElectrics& e, EpochMs at,
                              const std::vector<std::string>& measurands, ocpp16::ReadingContext context);

} // namespace voltdesk::sim
