// The one interface a protocol adapter needs from the rest of the agent. Adapters hold a reference
// to it and never reach the store, the bus or the fleet directly.
#pragma once

#include "domain/charge_point_events.h"

#include <chrono>

namespace voltdesk::domain {

enum class RegistrationStatus { Accepted, Pending, Rejected };

struct BootDecision {
    RegistrationStatus status = RegistrationStatus::Accepted;
    std::chrono::seconds interval{300}; ///< heartbeat interval, or retry interval when not accepted
};

/// Thread-safe: called from any transport thread, for many chargers at once.
class ChargePointServices {
public:
    virtual ~ChargePointServices() = default;

    /// Decides how to answer a boot and records it (the decision and the event are one step).
    virtual BootDecision boot(const ChargerBooted& event) = 0;
    /// Records anything else a charger reported.
    virtual void report(const ChargePointEvent& event) = 0;
    /// Heartbeat interval to give a charger that has not booted in this connection.
    virtual std::chrono::seconds heartbeatInterval() const = 0;
};

} // namespace voltdesk::domain
