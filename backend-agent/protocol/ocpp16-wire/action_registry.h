// Every OCPP 1.6 action by name (the six profiles and the Security Whitepaper's additions): its
// feature profile, who sends the CALL, and the schema checks of its request and confirmation.
#pragma once

#include "protocol/ocpp16-wire/payload_result.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string_view>

namespace voltdesk::ocpp16 {

enum class FeatureProfile {
    Core,
    FirmwareManagement,
    LocalAuthListManagement,
    Reservation,
    SmartCharging,
    RemoteTrigger,
    Security ///< OCPP 1.6 Security Whitepaper (edition 3)
};

/// Who sends the CALL of an action.
enum class Initiator { ChargePoint, CentralSystem, Either };

/// nullopt when the payload satisfies the schema, else the CALLERROR code and why.
using PayloadCheck = std::optional<PayloadError> (*)(const nlohmann::json& payload);

struct ActionSpec {
    std::string_view name;
    FeatureProfile profile = FeatureProfile::Core;
    Initiator initiator = Initiator::ChargePoint;
    PayloadCheck checkRequest = nullptr;
    PayloadCheck checkConfirmation = nullptr;
};

/// The action, or nullptr for a name OCPP 1.6 does not define (answer NotImplemented).
const ActionSpec* findAction(std::string_view name);
/// All 39 actions: 28 of OCPP 1.6, 11 of the Security Whitepaper.
std::span<const ActionSpec> allActions();

} // namespace voltdesk::ocpp16
