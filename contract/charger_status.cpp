#include "contract/charger_status.h"

#include <array>
#include <utility>

namespace voltdesk::contract {

namespace {

constexpr std::array<std::pair<ConnectorStatus, std::string_view>, 9> kConnectorNames{{
    {ConnectorStatus::Available, "Available"},
    {ConnectorStatus::Preparing, "Preparing"},
    {ConnectorStatus::Charging, "Charging"},
    {ConnectorStatus::SuspendedEVSE, "SuspendedEVSE"},
    {ConnectorStatus::SuspendedEV, "SuspendedEV"},
    {ConnectorStatus::Finishing, "Finishing"},
    {ConnectorStatus::Reserved, "Reserved"},
    {ConnectorStatus::Unavailable, "Unavailable"},
    {ConnectorStatus::Faulted, "Faulted"},
}};

constexpr std::array<std::pair<ChargerStatus, std::string_view>, kChargerStatusCount> kChargerNames{{
    {ChargerStatus::Available, "Available"},
    {ChargerStatus::Charging, "Charging"},
    {ChargerStatus::Occupied, "Occupied"},
    {ChargerStatus::Reserved, "Reserved"},
    {ChargerStatus::Unavailable, "Unavailable"},
    {ChargerStatus::Faulted, "Faulted"},
    {ChargerStatus::Offline, "Offline"},
    {ChargerStatus::Unknown, "Unknown"},
}};

} // namespace

std::string_view toString(ConnectorStatus status) {
    for (const auto& [value, name] : kConnectorNames) {
        if (value == status) {
            return name;
        }
    }
    return "Unknown";
}

std::optional<ConnectorStatus> connectorStatusFromString(std::string_view text) {
    for (const auto& [value, name] : kConnectorNames) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

std::string_view toString(ChargerStatus status) {
    for (const auto& [value, name] : kChargerNames) {
        if (value == status) {
            return name;
        }
    }
    return "Unknown";
}

std::optional<ChargerStatus> chargerStatusFromString(std::string_view text) {
    for (const auto& [value, name] : kChargerNames) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

ChargerStatus overallStatus(bool online, std::span<const ConnectorStatus> connectors) {
    if (!online) {
        return ChargerStatus::Offline;
    }
    if (connectors.empty()) {
        return ChargerStatus::Unknown;
    }
    bool charging = false, occupied = false, reserved = false, unavailable = false;
    for (const ConnectorStatus s : connectors) {
        switch (s) {
        case ConnectorStatus::Faulted:
            return ChargerStatus::Faulted;
        case ConnectorStatus::Charging:
            charging = true;
            break;
        case ConnectorStatus::Preparing:
        case ConnectorStatus::SuspendedEV:
        case ConnectorStatus::SuspendedEVSE:
        case ConnectorStatus::Finishing:
            occupied = true;
            break;
        case ConnectorStatus::Reserved:
            reserved = true;
            break;
        case ConnectorStatus::Unavailable:
            unavailable = true;
            break;
        case ConnectorStatus::Available:
            break;
        }
    }
    if (charging) {
        return ChargerStatus::Charging;
    }
    if (occupied) {
        return ChargerStatus::Occupied;
    }
    if (reserved) {
        return ChargerStatus::Reserved;
    }
    if (unavailable) {
        return ChargerStatus::Unavailable;
    }
    return ChargerStatus::Available;
}

} // namespace voltdesk::contract
