// One connector as the charger sees it: the cable, the car, authorization, its transaction, its meter,
// a reservation, availability and faults; the OCPP status follows from these.
#pragma once

#include "contract/charger_status.h"
#include "contract/iso8601.h"
#include "core/connector_day.h"

#include <optional>
#include <string>

namespace voltdesk::sim {

using contract::ConnectorStatus;
using contract::EpochMs;

struct Reservation {
    int reservationId = 0;
    std::string idTag;
    std::optional<std::string> parentIdTag;
    EpochMs expiry = 0;
};

struct ConnectorState {
    int id = 0;
    // The cable and the car.
    bool plugged = false;
    bool evSuspended = false; ///< the car takes no energy (full, or paused)
    // Authorization waiting for a plug-in, or for the answer to Authorize.
    std::optional<std::string> authorizedIdTag;
    EpochMs authorizedAt = 0;
    std::optional<std::string> authorizingIdTag; ///< Authorize sent, no answer yet
    bool remoteStart = false;                    ///< the authorization came from RemoteStartTransaction
    // The transaction (its record is in the ledger).
    std::optional<int> txLocalId;
    std::optional<EpochMs> txStartedAt;
    bool finished = false; ///< a transaction ended while the cable is still in (Finishing)
    // Meter.
    double energyWh = 0; ///< the register, for the connector's whole life
    double powerW = 0;
    double socPercent = 0;
    EpochMs meterAt = 0;      ///< energy integrated up to here
    EpochMs nextSampleAt = 0; ///< next periodic MeterValues while in a transaction
    // Reservation, availability, faults.
    std::optional<Reservation> reservation;
    bool inoperative = false;
    std::optional<bool> scheduledInoperative; ///< ChangeAvailability waiting for the transaction to end
    std::optional<std::string> faultCode;     ///< ChargePointErrorCode while faulted
    std::string faultInfo;
    std::string vendorErrorCode;
    // The autonomous day's status (ignored in scripted mode).
    std::optional<StatusChange> dayStatus;
    // What was last reported.
    std::optional<ConnectorStatus> reported;
    std::string reportedErrorCode = "NoError";

    bool inTransaction() const { return txLocalId.has_value(); }
    /// The status OCPP 1.6 gives this state (scripted mode); `limitW` is what charging profiles allow.
    ConnectorStatus derivedStatus(std::optional<double> limitW) const;
};

} // namespace voltdesk::sim
