// OCPP 1.6 Core profile, charge-point-initiated part handled so far: BootNotification, Heartbeat,
// StatusNotification. Authorize, MeterValues and the transactions get blocks of their own.
#pragma once

#include "domain/charge_point_services.h"
#include "protocol/ocpp16-wire/core.h"
#include "protocol/ocpp16/functional_block.h"

namespace voltdesk::ocpp16 {

/// ChargePointStatus and ConnectorStatus map one to one.
contract::ConnectorStatus toConnectorStatus(ChargePointStatus status);
RegistrationStatus toWire(domain::RegistrationStatus status);

class CoreBlock final : public FunctionalBlock {
public:
    explicit CoreBlock(domain::ChargePointServices& services);

    bool handles(std::string_view action) const override;
    /// BootNotification: services.boot() decides, the session remembers the decision, and the charger
    /// gets {status, currentTime, interval}. Heartbeat: reported, answered with currentTime.
    /// StatusNotification: reported as ConnectorStatusReported with the charger's timestamp (receipt
    /// time when it sent none). Invalid payloads get the code the schema check gives.
    CallReply handle(const IncomingCall& incoming) override;

private:
    CallReply bootNotification(const IncomingCall& incoming);
    CallReply heartbeat(const IncomingCall& incoming);
    CallReply statusNotification(const IncomingCall& incoming);

    domain::ChargePointServices& m_services;
};

} // namespace voltdesk::ocpp16
