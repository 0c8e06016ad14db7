// OCPP 1.6 Remote Trigger profile messages (field tables in remote_trigger.cpp).
#pragma once

#include "protocol/ocpp16-wire/enum_text.h"
#include "protocol/ocpp16-wire/message.h"

#include <optional>
#include <string_view>

namespace voltdesk::ocpp16 {

enum class MessageTrigger {
    BootNotification,
    DiagnosticsStatusNotification,
    FirmwareStatusNotification,
    Heartbeat,
    MeterValues,
    StatusNotification,
};

/// Also the answer to the security whitepaper's ExtendedTriggerMessage (same three values).
enum class TriggerMessageStatus { Accepted, Rejected, NotImplemented };

template <> struct EnumText<MessageTrigger> {
    using enum MessageTrigger;
    static constexpr auto kNames = enumNames<MessageTrigger>({
        {BootNotification, "BootNotification"},
        {DiagnosticsStatusNotification, "DiagnosticsStatusNotification"},
        {FirmwareStatusNotification, "FirmwareStatusNotification"},
        {Heartbeat, "Heartbeat"},
        {MeterValues, "MeterValues"},
        {StatusNotification, "StatusNotification"},
    });
};

template <> struct EnumText<TriggerMessageStatus> {
    using enum TriggerMessageStatus;
    static constexpr auto kNames = enumNames<TriggerMessageStatus>(
        {{Accepted, "Accepted"}, {Rejected, "Rejected"}, {NotImplemented, "NotImplemented"}});
};

struct TriggerMessageRequest {
    static constexpr std::string_view kAction = "TriggerMessage";
    MessageTrigger requestedMessage = MessageTrigger::Heartbeat;
    std::optional<int> connectorId;
    bool operator==(const TriggerMessageRequest&) const = default;
};

struct TriggerMessageConfirmation {
    static constexpr std::string_view kAction = "TriggerMessage";
    TriggerMessageStatus status = TriggerMessageStatus::Accepted;
    bool operator==(const TriggerMessageConfirmation&) const = default;
};

template <>
struct Action<"TriggerMessage"> : ActionTypes<TriggerMessageRequest, TriggerMessageConfirmation> {};

} // namespace voltdesk::ocpp16
