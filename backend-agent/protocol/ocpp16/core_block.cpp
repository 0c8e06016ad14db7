#include "protocol/ocpp16/core_block.h"

namespace voltdesk::ocpp16 {

contract::ConnectorStatus toConnectorStatus(ChargePointStatus status) {
    using contract::ConnectorStatus;
    switch (status) {
    case ChargePointStatus::Available:
        return ConnectorStatus::Available;
    case ChargePointStatus::Preparing:
        return ConnectorStatus::Preparing;
    case ChargePointStatus::Charging:
        return ConnectorStatus::Charging;
    case ChargePointStatus::SuspendedEVSE:
        return ConnectorStatus::SuspendedEVSE;
    case ChargePointStatus::SuspendedEV:
        return ConnectorStatus::SuspendedEV;
    case ChargePointStatus::Finishing:
        return ConnectorStatus::Finishing;
    case ChargePointStatus::Reserved:
        return ConnectorStatus::Reserved;
    case ChargePointStatus::Unavailable:
        return ConnectorStatus::Unavailable;
    case ChargePointStatus::Faulted:
        return ConnectorStatus::Faulted;
    }
    return ConnectorStatus::Unavailable;
}

RegistrationStatus toWire(domain::RegistrationStatus status) {
    switch (status) {
    case domain::RegistrationStatus::Accepted:
        return RegistrationStatus::Accepted;
    case domain::RegistrationStatus::Pending:
        return RegistrationStatus::Pending;
    case domain::RegistrationStatus::Rejected:
        return RegistrationStatus::Rejected;
    }
    return RegistrationStatus::Rejected;
}

CoreBlock::CoreBlock(domain::ChargePointServices& services) : m_services(services) {}

bool CoreBlock::handles(std::string_view action) const {
    return action == BootNotificationRequest::kAction || action == HeartbeatRequest::kAction ||
           action == StatusNotificationRequest::kAction;
}

CallReply CoreBlock::handle(const IncomingCall& incoming) {
    const std::string& action = incoming.call.action;
    if (action == BootNotificationRequest::kAction) {
        return bootNotification(incoming);
    }
    if (action == HeartbeatRequest::kAction) {
        return heartbeat(incoming);
    }
    if (action == StatusNotificationRequest::kAction) {
        return statusNotification(incoming);
    }
    return PayloadError{ErrorCode::NotSupported, "action " + action + " is not handled by the core block"};
}

CallReply CoreBlock::bootNotification(const IncomingCall& incoming) {
    auto request = decode<BootNotificationRequest>(incoming.call.payload);
    if (!request) {
        return request.error();
    }
    const auto& r = request.value();
    domain::ChargerBooted event;
    event.chargerId = incoming.session.chargerId;
    event.vendor = r.chargePointVendor;
    event.model = r.chargePointModel;
    // chargePointSerialNumber names the charger; chargeBoxSerialNumber is deprecated in 1.6.
    event.serialNumber = r.chargePointSerialNumber.value_or(r.chargeBoxSerialNumber.value_or(std::string()));
    event.firmwareVersion = r.firmwareVersion.value_or(std::string());
    event.at = incoming.receivedAt;
    const domain::BootDecision decision = m_services.boot(event);
    incoming.session.registration = decision.status;
    BootNotificationConfirmation conf;
    conf.status = toWire(decision.status);
    conf.currentTime = incoming.receivedAt;
    conf.interval = static_cast<int>(decision.interval.count());
    return encode(conf);
}

CallReply CoreBlock::heartbeat(const IncomingCall& incoming) {
    auto request = decode<HeartbeatRequest>(incoming.call.payload);
    if (!request) {
        return request.error();
    }
    m_services.report(domain::HeartbeatReceived{incoming.session.chargerId, incoming.receivedAt});
    return encode(HeartbeatConfirmation{incoming.receivedAt});
}

CallReply CoreBlock::statusNotification(const IncomingCall& incoming) {
    auto request = decode<StatusNotificationRequest>(incoming.call.payload);
    if (!request) {
        return request.error();
    }
    const auto& r = request.value();
    domain::ConnectorStatusReported event;
    event.chargerId = incoming.session.chargerId;
    event.connectorId = r.connectorId;
    event.status = toConnectorStatus(r.status);
    event.errorCode = std::string(toString(r.errorCode));
    event.info = r.info.value_or(std::string());
    event.vendorErrorCode = r.vendorErrorCode.value_or(std::string());
    event.at = r.timestamp.value_or(incoming.receivedAt);
    event.receivedAt = incoming.receivedAt;
    m_services.report(event);
    return encode(StatusNotificationConfirmation{});
}

} // namespace voltdesk::ocpp16
