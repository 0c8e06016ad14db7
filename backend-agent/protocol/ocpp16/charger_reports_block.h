// What chargers report outside sessions: firmware and diagnostics progress (Firmware Management and
// its signed successor), log uploads, security events, and vendor DataTransfer messages.
#pragma once

#include "domain/charge_point_services.h"
#include "domain/security_event.h"
#include "protocol/ocpp16/functional_block.h"

namespace voltdesk::ocpp16 {

class ChargerReportsBlock final : public FunctionalBlock {
public:
    /// securityEvents may be null (events are then only acknowledged).
    ChargerReportsBlock(domain::ChargePointServices& services, domain::SecurityEventSink* securityEvents);

    bool handles(std::string_view action) const override;
    /// Status notifications become MaintenanceStatusReported events; SecurityEventNotification goes to
    /// the security event sink (critical when the whitepaper lists the type as critical); DataTransfer
    /// is answered UnknownVendorId, as no vendor extension is installed.
    CallReply handle(const IncomingCall& incoming) override;

private:
    domain::ChargePointServices& m_services;
    domain::SecurityEventSink* m_securityEvents;
};

/// Whether the OCPP 1.6 Security Whitepaper marks a charger's security event type as critical.
bool isCriticalSecurityEvent(std::string_view type);

} // namespace voltdesk::ocpp16
