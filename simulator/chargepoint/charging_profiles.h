// The charging profiles a charger holds (ChargePointMaxProfile, TxDefaultProfile, TxProfile) and what
// they allow: the limit in watts at an instant, and the composite schedule over a time span.
#pragma once

#include "protocol/ocpp16-wire/common_types.h"

#include <optional>
#include <vector>

namespace voltdesk::sim {

using contract::EpochMs;

/// How a limit in amperes becomes watts on this charger.
struct Electrical {
    double voltage = 230;
    int phases = 3;
    double toWatts(double amps, std::optional<int> numberPhases) const {
        return amps * voltage * numberPhases.value_or(phases);
    }
    double toAmps(double watts) const { return watts / (voltage * phases); }
};

class ChargingProfiles {
public:
    struct Installed {
        int connectorId = 0;
        ocpp16::ChargingProfile profile;
        EpochMs installedAt = 0; ///< start of an Absolute or Recurring schedule without startSchedule
    };

    /// Replaces a profile with the same id, or with the same purpose, stack level and connector.
    void install(int connectorId, ocpp16::ChargingProfile profile, EpochMs now);
    /// ClearChargingProfile: every profile matching all given criteria; true when any was removed.
    bool clear(std::optional<int> id, std::optional<int> connectorId,
               std::optional<ocpp16::ChargingProfilePurpose> purpose, std::optional<int> stackLevel);
    /// The TxProfiles of a connector end with its transaction.
    void endTransaction(int connectorId);
    const std::vector<Installed>& installed() const { return m_profiles; }

    /// The limit on `connectorId` at `t` in watts (nullopt: no profile limits it). `txStart` is the
    /// start of the connector's transaction (Relative schedules; TxProfiles apply only during one).
    std::optional<double> limitAt(int connectorId, EpochMs t, std::optional<EpochMs> txStart,
                                  const Electrical& electrical) const;
    /// The next instant after `t` at which limitAt() may change (INT64_MAX: never).
    EpochMs nextChangeAfter(int connectorId, EpochMs t, std::optional<EpochMs> txStart) const;

    /// GetCompositeSchedule: periods from `start` over `durationSeconds`, in `unit`; `hardwareW` where
    /// no profile limits.
    ocpp16::ChargingSchedule composite(int connectorId, EpochMs start, int durationSeconds,
                                       ocpp16::ChargingRateUnit unit, std::optional<EpochMs> txStart,
                                       const Electrical& electrical, double hardwareW) const;

private:
    std::optional<double> purposeLimit(int connectorId, ocpp16::ChargingProfilePurpose purpose, EpochMs t,
                                       std::optional<EpochMs> txStart, const Electrical& electrical) const;

    std::vector<Installed> m_profiles;
};

} // namespace voltdesk::sim
