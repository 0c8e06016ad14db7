// What chargers tell the central system, in the agent's own terms. Every protocol adapter (OCPP 1.6J
// now, OCPP 2.0.1 and YKC later) translates its wire messages into these, so the same event means the
// same thing whatever protocol carried it.
#pragma once

#include "contract/charger_status.h"
#include "contract/iso8601.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace voltdesk::domain {

using contract::ConnectorStatus;
using contract::EpochMs;

/// A WebSocket (or other link) to the charger is up; it has not necessarily booted.
struct ChargerConnected {
    std::string chargerId;
    std::string protocol; ///< e.g. "ocpp1.6"
    std::string remoteAddress;
    EpochMs at = 0;
};

struct ChargerDisconnected {
    std::string chargerId;
    std::string reason;
    EpochMs at = 0;
};

struct ChargerBooted {
    std::string chargerId;
    std::string vendor;
    std::string model;
    std::string serialNumber;
    std::string firmwareVersion;
    EpochMs at = 0;
};

struct HeartbeatReceived {
    std::string chargerId;
    EpochMs at = 0;
};

struct ConnectorStatusReported {
    std::string chargerId;
    int connectorId = 0; ///< 0: the charger as a whole
    ConnectorStatus status = ConnectorStatus::Available;
    std::string errorCode; ///< "NoError" when there is none
    std::string info;
    std::string vendorErrorCode;
    EpochMs at = 0;         ///< the charger's own timestamp, or receipt time when it sent none
    EpochMs receivedAt = 0; ///< when the agent received it
};

/// Progress of a firmware update, a diagnostics or log upload, as the charger reports it.
struct MaintenanceStatusReported {
    enum class Kind { Firmware, SignedFirmware, Diagnostics, Log };
    std::string chargerId;
    Kind kind = Kind::Firmware;
    std::string status;           ///< the protocol's word: "Downloading", "Installed", "UploadFailed", ...
    std::optional<int> requestId; ///< the security extension's request id, when sent
    EpochMs at = 0;
};

/// A transaction runs on a connector from now on: its start was stored (or, after a restart, it is
/// stored as open).
struct SessionStarted {
    std::string chargerId;
    int connectorId = 0;
    int transactionId = 0;
    std::string idTag;
    EpochMs startedAt = 0; ///< the charger's clock
    std::int64_t meterStartWh = 0;
};

/// The transaction ended: its stop was stored.
struct SessionEnded {
    std::string chargerId;
    int transactionId = 0;
};

using ChargePointEvent =
    std::variant<ChargerConnected, ChargerDisconnected, ChargerBooted, HeartbeatReceived,
                 ConnectorStatusReported, MaintenanceStatusReported, SessionStarted, SessionEnded>;

/// The charger id any event is about.
const std::string& chargerIdOf(const ChargePointEvent& event);

} // namespace voltdesk::domain
