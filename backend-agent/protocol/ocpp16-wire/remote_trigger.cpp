// Field tables of the Remote Trigger profile, as the OCPP 1.6 JSON schemas list them.
#include "protocol/ocpp16-wire/remote_trigger.h"

#include "protocol/ocpp16-wire/message_schema.h"

namespace voltdesk::ocpp16 {

namespace schema {

template <> struct Schema<TriggerMessageRequest> {
    using M = TriggerMessageRequest;
    static constexpr auto kFields = std::tuple{
        field("requestedMessage", &M::requestedMessage),
        field("connectorId", &M::connectorId, kConnectorId),
    };
};

template <> struct Schema<TriggerMessageConfirmation> {
    static constexpr auto kFields = std::tuple{field("status", &TriggerMessageConfirmation::status)};
};

} // namespace schema

template struct MessageCodec<TriggerMessageRequest>;
template struct MessageCodec<TriggerMessageConfirmation>;

} // namespace voltdesk::ocpp16
