#include "protocol/ocpp16-wire/action_registry.h"

#include "protocol/ocpp16-wire/messages.h"

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

/// The action's entry with the checks of its request and confirmation types.
template <ActionName Name> constexpr ActionSpec spec(FeatureProfile profile, Initiator initiator) {
    using Types = Action<Name>;
    static_assert(Types::kName == Name.view());
    return {Types::kName, profile, initiator, check<typename Types::Request>,
            check<typename Types::Confirmation>};
}

using enum FeatureProfile;
using enum Initiator;

const std::array<ActionSpec, 39> kActions{{
    spec<"Authorize">(Core, ChargePoint),
    spec<"BootNotification">(Core, ChargePoint),
    spec<"ChangeAvailability">(Core, CentralSystem),
    spec<"ChangeConfiguration">(Core, CentralSystem),
    spec<"ClearCache">(Core, CentralSystem),
    spec<"DataTransfer">(Core, Either),
    spec<"GetConfiguration">(Core, CentralSystem),
    spec<"Heartbeat">(Core, ChargePoint),
    spec<"MeterValues">(Core, ChargePoint),
    spec<"RemoteStartTransaction">(Core, CentralSystem),
    spec<"RemoteStopTransaction">(Core, CentralSystem),
    spec<"Reset">(Core, CentralSystem),
    spec<"StartTransaction">(Core, ChargePoint),
    spec<"StatusNotification">(Core, ChargePoint),
    spec<"StopTransaction">(Core, ChargePoint),
    spec<"UnlockConnector">(Core, CentralSystem),
    spec<"GetDiagnostics">(FirmwareManagement, CentralSystem),
    spec<"DiagnosticsStatusNotification">(FirmwareManagement, ChargePoint),
    spec<"FirmwareStatusNotification">(FirmwareManagement, ChargePoint),
    spec<"UpdateFirmware">(FirmwareManagement, CentralSystem),
    spec<"GetLocalListVersion">(LocalAuthListManagement, CentralSystem),
    spec<"SendLocalList">(LocalAuthListManagement, CentralSystem),
    spec<"CancelReservation">(Reservation, CentralSystem),
    spec<"ReserveNow">(Reservation, CentralSystem),
    spec<"ClearChargingProfile">(SmartCharging, CentralSystem),
    spec<"GetCompositeSchedule">(SmartCharging, CentralSystem),
    spec<"SetChargingProfile">(SmartCharging, CentralSystem),
    spec<"TriggerMessage">(RemoteTrigger, CentralSystem),
    spec<"SecurityEventNotification">(Security, ChargePoint),
    spec<"SignCertificate">(Security, ChargePoint),
    spec<"CertificateSigned">(Security, CentralSystem),
    spec<"InstallCertificate">(Security, CentralSystem),
    spec<"DeleteCertificate">(Security, CentralSystem),
    spec<"GetInstalledCertificateIds">(Security, CentralSystem),
    spec<"GetLog">(Security, CentralSystem),
    spec<"LogStatusNotification">(Security, ChargePoint),
    spec<"SignedUpdateFirmware">(Security, CentralSystem),
    spec<"SignedFirmwareStatusNotification">(Security, ChargePoint),
    spec<"ExtendedTriggerMessage">(Security, CentralSystem),
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
