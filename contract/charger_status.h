// The status vocabulary shared by the agent's domain, the wire contract and the console. Protocol
// adapters map their own statuses onto these (OCPP 1.6 ChargePointStatus maps one to one).
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace voltdesk::contract {

enum class ConnectorStatus {
    Available,
    Preparing,
    Charging,
    SuspendedEVSE,
    SuspendedEV,
    Finishing,
    Reserved,
    Unavailable,
    Faulted,
};

/// What a charger as a whole shows on the map: one colour per value.
enum class ChargerStatus {
    Available,   ///< every connector free
    Charging,    ///< at least one connector delivering energy
    Occupied,    ///< a car is plugged in but not drawing (preparing, suspended, finishing)
    Reserved,    ///< held for a driver
    Unavailable, ///< taken out of service by the operator
    Faulted,     ///< at least one connector reports a fault
    Offline,     ///< no connection to the central system
    Unknown,     ///< connected but has not reported a status yet
};

inline constexpr int kChargerStatusCount = 8;

std::string_view toString(ConnectorStatus status);
std::optional<ConnectorStatus> connectorStatusFromString(std::string_view text);

std::string_view toString(ChargerStatus status);
std::optional<ChargerStatus> chargerStatusFromString(std::string_view text);

/// The one rule that turns connector statuses into the charger's status, so the agent and every
/// console agree: offline, then faulted, charging, occupied, reserved, unavailable, available.
/// Connector 0 (the charge point itself, in OCPP) counts like any other connector.
ChargerStatus overallStatus(bool online, std::span<const ConnectorStatus> connectors);

} // namespace voltdesk::contract
