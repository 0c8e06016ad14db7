#include "protocol/ocpp16/charger_reports_block.h"

#include "protocol/ocpp16-wire/messages.h"

#include <array>

namespace voltdesk::ocpp16 {

namespace {

using Kind = domain::MaintenanceStatusReported::Kind;

constexpr std::array<std::string_view, 6> kHandled{
    FirmwareStatusNotificationRequest::kAction,       DiagnosticsStatusNotificationRequest::kAction,
    SignedFirmwareStatusNotificationRequest::kAction, LogStatusNotificationRequest::kAction,
    SecurityEventNotificationRequest::kAction,        DataTransferRequest::kAction,
};

/// Decodes the request and, if it is valid, lets f act on it and answer.
template <typename Request, typename F> CallReply withRequest(const IncomingCall& incoming, F&& f) {
    auto request = decode<Request>(incoming.call.payload);
    if (!request) {
        return request.error();
    }
    return f(request.value());
}

} // namespace

bool isCriticalSecurityEvent(std::string_view type) {
    // The whitepaper's list of security events, the ones it marks critical (pushed to the operator).
    constexpr std::array<std::string_view, 7> kCritical{
        "FirmwareUpdated",       "SettingSystemTime", "StartupOfTheDevice",       "ResetOrReboot",
        "SecurityLogWasCleared", "MemoryExhaustion",  "TamperDetectionActivated",
    };
    for (const auto critical : kCritical) {
        if (critical == type) {
            return true;
        }
    }
    return false;
}

ChargerReportsBlock::ChargerReportsBlock(domain::ChargePointServices& services,
                                         domain::SecurityEventSink* securityEvents)
    : m_services(services), m_securityEvents(securityEvents) {}

bool ChargerReportsBlock::handles(std::string_view action) const {
    for (const auto handled : kHandled) {
        if (handled == action) {
            return true;
        }
    }
    return false;
}

CallReply ChargerReportsBlock::handle(const IncomingCall& incoming) {
    const std::string& action = incoming.call.action;
    const std::string& chargerId = incoming.session.chargerId;
    auto maintenance = [&](Kind kind, std::string_view status, std::optional<int> requestId) {
        m_services.report(domain::MaintenanceStatusReported{chargerId, kind, std::string(status), requestId,
                                                            incoming.receivedAt});
    };
    if (action == FirmwareStatusNotificationRequest::kAction) {
        return withRequest<FirmwareStatusNotificationRequest>(incoming, [&](const auto& r) -> CallReply {
            maintenance(Kind::Firmware, toString(r.status), std::nullopt);
            return encode(FirmwareStatusNotificationConfirmation{});
        });
    }
    if (action == DiagnosticsStatusNotificationRequest::kAction) {
        return withRequest<DiagnosticsStatusNotificationRequest>(incoming, [&](const auto& r) -> CallReply {
            maintenance(Kind::Diagnostics, toString(r.status), std::nullopt);
            return encode(DiagnosticsStatusNotificationConfirmation{});
        });
    }
    if (action == SignedFirmwareStatusNotificationRequest::kAction) {
        return withRequest<SignedFirmwareStatusNotificationRequest>(
            incoming, [&](const auto& r) -> CallReply {
                maintenance(Kind::SignedFirmware, toString(r.status), r.requestId);
                return encode(SignedFirmwareStatusNotificationConfirmation{});
            });
    }
    if (action == LogStatusNotificationRequest::kAction) {
        return withRequest<LogStatusNotificationRequest>(incoming, [&](const auto& r) -> CallReply {
            maintenance(Kind::Log, toString(r.status), r.requestId);
            return encode(LogStatusNotificationConfirmation{});
        });
    }
    if (action == SecurityEventNotificationRequest::kAction) {
        return withRequest<SecurityEventNotificationRequest>(incoming, [&](const auto& r) -> CallReply {
            if (m_securityEvents != nullptr) {
                domain::SecurityEvent event;
                event.chargerId = chargerId;
                event.type = r.type;
                event.detail = r.techInfo.value_or(std::string());
                event.source = domain::SecurityEventSource::Charger;
                event.severity = isCriticalSecurityEvent(r.type) ? domain::SecuritySeverity::Critical
                                                                 : domain::SecuritySeverity::Info;
                event.chargerTime = r.timestamp;
                event.receivedAt = incoming.receivedAt;
                m_securityEvents->report(event);
            }
            return encode(SecurityEventNotificationConfirmation{});
        });
    }
    if (action == DataTransferRequest::kAction) {
        return withRequest<DataTransferRequest>(incoming, [&](const auto&) -> CallReply {
            DataTransferConfirmation conf;
            conf.status = DataTransferStatus::UnknownVendorId;
            return encode(conf);
        });
    }
    return PayloadError{ErrorCode::NotSupported, "action " + action + " is not handled by the reports block"};
}

} // namespace voltdesk::ocpp16
