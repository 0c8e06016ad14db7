// Live state of one charger as the agent publishes it (retained) and every console reads it.
#pragma once

#include "contract/charger_status.h"
#include "contract/decode_result.h"
#include "contract/iso8601.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace voltdesk::contract {

/// The transaction running on a connector, while it runs.
struct ConnectorSession {
    int transactionId = 0;
    std::string idTag;
    EpochMs startedAt = 0; ///< the charger's clock, as in its StartTransaction
    std::int64_t meterStartWh = 0;

    bool operator==(const ConnectorSession&) const = default;
};

struct ConnectorState {
    int id = 0; ///< 0 is the charger itself (OCPP), 1..n the outlets
    ConnectorStatus status = ConnectorStatus::Available;
    std::string errorCode; ///< "NoError" or the protocol's code, e.g. "GroundFailure"
    std::string info;      ///< free text from the charger, may be empty
    std::string vendorErrorCode;
    EpochMs since = 0; ///< when this status began, by the charger's clock when it gave one
    std::optional<ConnectorSession> session = std::nullopt; ///< set from start to stop of a transaction

    bool operator==(const ConnectorState&) const = default;
};

struct GeoPoint {
    double lat = 0;
    double lon = 0;
    bool operator==(const GeoPoint&) const = default;
};

struct ChargerState {
    std::string chargerId;
    std::string siteId;
    std::optional<GeoPoint> location; ///< absent for a charger the operator has not placed yet
    std::string vendor;
    std::string model;
    std::string serialNumber;
    std::string firmwareVersion;
    double maxPowerKw = 0;
    std::string protocol; ///< "ocpp1.6", later "ocpp2.0.1", "ykc"
    std::string agentId; ///< the agent that holds the charger's connection; its presence says if this is live
    bool online = false;
    std::string registration; ///< "Accepted", "Pending", "Rejected"
    EpochMs lastSeen = 0;     ///< last message from the charger
    EpochMs updatedAt = 0;    ///< when the agent produced this state
    std::vector<ConnectorState> connectors;

    /// The map colour; derived, not stored, so it can never disagree with the connectors.
    ChargerStatus overall() const;

    bool operator==(const ChargerState&) const = default;
};

inline constexpr int kChargerStateSchemaVersion = 1;

std::string encodeChargerState(const ChargerState& state);
DecodeResult<ChargerState> decodeChargerState(std::string_view payload);

} // namespace voltdesk::contract
