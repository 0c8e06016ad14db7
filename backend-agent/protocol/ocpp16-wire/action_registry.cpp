#include "protocol/ocpp16-wire/action_registry.h"

#include "protocol/ocpp16-wire/core.h"

#include <array>

namespace voltdesk::ocpp16 {

namespace {

template <typename T> std::optional<PayloadError> check(const nlohmann::json& payload) {
    auto result = decode<T>(payload);
    if (result) {
        return std::nullopt;
    }
    return result.error();
}

using enum FeatureProfile;
using enum Initiator;

const std::array<ActionSpec, 28> kActions{{
    {"Authorize", Core, ChargePoint},
    {"BootNotification", Core, ChargePoint, check<BootNotificationRequest>,
     check<BootNotificationConfirmation>},
    {"ChangeAvailability", Core, CentralSystem},
    {"ChangeConfiguration", Core, CentralSystem},
    {"ClearCache", Core, CentralSystem},
    {"DataTransfer", Core, Either},
    {"GetConfiguration", Core, CentralSystem},
    {"Heartbeat", Core, ChargePoint, check<HeartbeatRequest>, check<HeartbeatConfirmation>},
    {"MeterValues", Core, ChargePoint},
    {"RemoteStartTransaction", Core, CentralSystem},
    {"RemoteStopTransaction", Core, CentralSystem},
    {"Reset", Core, CentralSystem},
    {"StartTransaction", Core, ChargePoint},
    {"StatusNotification", Core, ChargePoint, check<StatusNotificationRequest>,
     check<StatusNotificationConfirmation>},
    {"StopTransaction", Core, ChargePoint},
    {"UnlockConnector", Core, CentralSystem},
    {"GetDiagnostics", FirmwareManagement, CentralSystem},
    {"DiagnosticsStatusNotification", FirmwareManagement, ChargePoint},
    {"FirmwareStatusNotification", FirmwareManagement, ChargePoint},
    {"UpdateFirmware", FirmwareManagement, CentralSystem},
    {"GetLocalListVersion", LocalAuthListManagement, CentralSystem},
    {"SendLocalList", LocalAuthListManagement, CentralSystem},
    {"CancelReservation", Reservation, CentralSystem},
    {"ReserveNow", Reservation, CentralSystem},
    {"ClearChargingProfile", SmartCharging, CentralSystem},
    {"GetCompositeSchedule", SmartCharging, CentralSystem},
    {"SetChargingProfile", SmartCharging, CentralSystem},
    {"TriggerMessage", RemoteTrigger, CentralSystem},
}};

} // namespace

const ActionSpec* findAction(std::string_view name) {
    for (const auto& spec : kActions) {
        if (spec.name == name) {
            return &spec;
        }
    }
    return nullptr;
}

std::span<const ActionSpec> allActions() {
    return kActions;
}

} // namespace voltdesk::ocpp16
