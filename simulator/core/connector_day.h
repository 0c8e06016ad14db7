// One connector's day as a small state machine on simulated time: drivers arrive more often in the
// morning and evening peaks, charge (pausing now and then), leave; faults come and go, and now and
// then the connector is taken out for maintenance.
#pragma once

#include "contract/charger_status.h"
#include "contract/iso8601.h"
#include "core/rng.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace voltdesk::sim {

using contract::ConnectorStatus;
using contract::EpochMs;

/// A fault a connector can report, with the OCPP 1.6 ChargePointErrorCode it carries.
struct FaultKind {
    std::string_view errorCode;       ///< e.g. "GroundFailure"
    std::string_view vendorErrorCode; ///< e.g. "E-GF-01"
    std::string_view info;
};

/// What a connector reports when its status changes.
struct StatusChange {
    ConnectorStatus status = ConnectorStatus::Available;
    std::string_view errorCode = "NoError";
    std::string_view vendorErrorCode;
    std::string_view info;
    EpochMs at = 0; ///< simulated time of the change
};

/// Arrival intensity by local hour, 1.0 at the peaks.
double arrivalProfile(int hour);

class ConnectorDay {
public:
    /// `dc` connectors see more, shorter sessions and fail a little more often.
    explicit ConnectorDay(bool dc = false);

    /// Picks the state at `now` as if the day had been running (some connectors are busy already,
    /// a few faulted), and schedules the next event.
    void start(EpochMs now, Rng& rng);

    /// The next change if it is due at `now` (at most one per call: call again until nullopt).
    std::optional<StatusChange> step(EpochMs now, Rng& rng);

    ConnectorStatus status() const { return m_status; }
    /// The report for the current status (error code set while faulted).
    StatusChange current() const;
    /// When the next event is due (simulated time).
    EpochMs nextEventAt() const;

private:
    StatusChange enter(ConnectorStatus status, EpochMs at, Rng& rng);
    EpochMs nextArrival(EpochMs from, Rng& rng) const;
    EpochMs sessionLength(Rng& rng) const;
    EpochMs faultGap(Rng& rng) const;

    EpochMs m_nextAt = 0;     ///< the next event of the current state
    EpochMs m_faultAt = 0;    ///< the next fault, whatever the state
    EpochMs m_sessionEnd = 0; ///< when the car has taken its energy
    ConnectorStatus m_status = ConnectorStatus::Available;
    std::uint8_t m_fault = 0; ///< index into the fault table while Faulted
    bool m_dc = false;
    bool m_staysAfterFull = false; ///< the car stays plugged in (SuspendedEV) once full
};

} // namespace voltdesk::sim
