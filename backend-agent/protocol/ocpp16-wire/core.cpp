// Field tables of the Core profile, as the OCPP 1.6 JSON schemas list them.
#include "protocol/ocpp16-wire/core.h"

#include "protocol/ocpp16-wire/common_schemas.h"

namespace voltdesk::ocpp16 {

namespace schema {

template <> struct Schema<AuthorizeRequest> {
    using M = AuthorizeRequest;
    static constexpr auto kFields = std::tuple{field("idTag", &M::idTag, CiString{20})};
};

template <> struct Schema<AuthorizeConfirmation> {
    using M = AuthorizeConfirmation;
    static constexpr auto kFields = std::tuple{field("idTagInfo", &M::idTagInfo)};
};

template <> struct Schema<BootNotificationRequest> {
    using M = BootNotificationRequest;
    static constexpr auto kFields = std::tuple{
        field("chargePointVendor", &M::chargePointVendor, CiString{20}),
        field("chargePointModel", &M::chargePointModel, CiString{20}),
        field("chargePointSerialNumber", &M::chargePointSerialNumber, CiString{25}),
        field("chargeBoxSerialNumber", &M::chargeBoxSerialNumber, CiString{25}),
        field("firmwareVersion", &M::firmwareVersion, CiString{50}),
        field("iccid", &M::iccid, CiString{20}),
        field("imsi", &M::imsi, CiString{20}),
        field("meterType", &M::meterType, CiString{25}),
        field("meterSerialNumber", &M::meterSerialNumber, CiString{25}),
    };
};

template <> struct Schema<BootNotificationConfirmation> {
    using M = BootNotificationConfirmation;
    static constexpr auto kFields = std::tuple{
        field("status", &M::status),
        field("currentTime", &M::currentTime, kDateTime),
        field("interval", &M::interval),
    };
};

template <> struct Schema<ChangeAvailabilityRequest> {
    using M = ChangeAvailabilityRequest;
    static constexpr auto kFields = std::tuple{
        field("connectorId", &M::connectorId, kConnectorId),
        field("type", &M::type),
    };
};

template <> struct Schema<ChangeAvailabilityConfirmation> {
    static constexpr auto kFields = std::tuple{field("status", &ChangeAvailabilityConfirmation::status)};
};

template <> struct Schema<ChangeConfigurationRequest> {
    using M = ChangeConfigurationRequest;
    static constexpr auto kFields = std::tuple{
        field("key", &M::key, CiString{50}),
        field("value", &M::value, CiString{500}),
    };
};

template <> struct Schema<ChangeConfigurationConfirmation> {
    static constexpr auto kFields = std::tuple{field("status", &ChangeConfigurationConfirmation::status)};
};

template <> struct Schema<ClearCacheRequest> : EmptySchema<ClearCacheRequest> {};

template <> struct Schema<ClearCacheConfirmation> {
    static constexpr auto kFields = std::tuple{field("status", &ClearCacheConfirmation::status)};
};

template <> struct Schema<DataTransferRequest> {
    using M = DataTransferRequest;
    static constexpr auto kFields = std::tuple{
        field("vendorId", &M::vendorId, CiString{255}),
        field("messageId", &M::messageId, CiString{50}),
        field("data", &M::data, CiString{}),
    };
};

template <> struct Schema<DataTransferConfirmation> {
    using M = DataTransferConfirmation;
    static constexpr auto kFields = std::tuple{
        field("status", &M::status),
        field("data", &M::data, CiString{}),
    };
};

template <> struct Schema<GetConfigurationRequest> {
    static constexpr auto kFields = std::tuple{field("key", &GetConfigurationRequest::key, StringArray{50})};
};

template <> struct Schema<KeyValue> {
    using M = KeyValue;
    static constexpr auto kFields = std::tuple{
        field("key", &M::key, CiString{50}),
        field("readonly", &M::readonly),
        field("value", &M::value, CiString{500}),
    };
};

template <> struct Schema<GetConfigurationConfirmation> {
    using M = GetConfigurationConfirmation;
    static constexpr auto kFields = std::tuple{
        field("configurationKey", &M::configurationKey),
        field("unknownKey", &M::unknownKey, StringArray{50}),
    };
};

template <> struct Schema<HeartbeatRequest> : EmptySchema<HeartbeatRequest> {};

template <> struct Schema<HeartbeatConfirmation> {
    static constexpr auto kFields =
        std::tuple{field("currentTime", &HeartbeatConfirmation::currentTime, kDateTime)};
};

template <> struct Schema<MeterValuesRequest> {
    using M = MeterValuesRequest;
    static constexpr auto kFields = std::tuple{
        field("connectorId", &M::connectorId, kConnectorId),
        field("transactionId", &M::transactionId),
        field("meterValue", &M::meterValue),
    };
};

template <> struct Schema<MeterValuesConfirmation> : EmptySchema<MeterValuesConfirmation> {};

template <> struct Schema<RemoteStartTransactionRequest> {
    using M = RemoteStartTransactionRequest;
    static constexpr auto kFields = std::tuple{
        field("connectorId", &M::connectorId, kConnectorId),
        field("idTag", &M::idTag, CiString{20}),
        field("chargingProfile", &M::chargingProfile),
    };
};

template <> struct Schema<RemoteStartTransactionConfirmation> {
    static constexpr auto kFields = std::tuple{field("status", &RemoteStartTransactionConfirmation::status)};
};

template <> struct Schema<RemoteStopTransactionRequest> {
    static constexpr auto kFields =
        std::tuple{field("transactionId", &RemoteStopTransactionRequest::transactionId)};
};

template <> struct Schema<RemoteStopTransactionConfirmation> {
    static constexpr auto kFields = std::tuple{field("status", &RemoteStopTransactionConfirmation::status)};
};

template <> struct Schema<ResetRequest> {
    static constexpr auto kFields = std::tuple{field("type", &ResetRequest::type)};
};

template <> struct Schema<ResetConfirmation> {
    static constexpr auto kFields = std::tuple{field("status", &ResetConfirmation::status)};
};

template <> struct Schema<StartTransactionRequest> {
    using M = StartTransactionRequest;
    static constexpr auto kFields = std::tuple{
        field("connectorId", &M::connectorId, kConnectorId), field("idTag", &M::idTag, CiString{20}),
        field("meterStart", &M::meterStart, kInt64),         field("reservationId", &M::reservationId),
        field("timestamp", &M::timestamp, kDateTime),
    };
};

template <> struct Schema<StartTransactionConfirmation> {
    using M = StartTransactionConfirmation;
    static constexpr auto kFields = std::tuple{
        field("idTagInfo", &M::idTagInfo),
        field("transactionId", &M::transactionId),
    };
};

template <> struct Schema<StatusNotificationRequest> {
    using M = StatusNotificationRequest;
    static constexpr auto kFields = std::tuple{
        field("connectorId", &M::connectorId, kConnectorId),
        field("errorCode", &M::errorCode),
        field("info", &M::info, CiString{50}),
        field("status", &M::status),
        field("timestamp", &M::timestamp, kDateTime),
        field("vendorId", &M::vendorId, CiString{255}),
        field("vendorErrorCode", &M::vendorErrorCode, CiString{50}),
    };
};

template <> struct Schema<StatusNotificationConfirmation> : EmptySchema<StatusNotificationConfirmation> {};

template <> struct Schema<StopTransactionRequest> {
    using M = StopTransactionRequest;
    static constexpr auto kFields = std::tuple{
        field("idTag", &M::idTag, CiString{20}),
        field("meterStop", &M::meterStop, kInt64),
        field("timestamp", &M::timestamp, kDateTime),
        field("transactionId", &M::transactionId),
        field("reason", &M::reason),
        field("transactionData", &M::transactionData),
    };
};

template <> struct Schema<StopTransactionConfirmation> {
    static constexpr auto kFields = std::tuple{field("idTagInfo", &StopTransactionConfirmation::idTagInfo)};
};

template <> struct Schema<UnlockConnectorRequest> {
    static constexpr auto kFields =
        std::tuple{field("connectorId", &UnlockConnectorRequest::connectorId, kConnectorId)};
};

template <> struct Schema<UnlockConnectorConfirmation> {
    static constexpr auto kFields = std::tuple{field("status", &UnlockConnectorConfirmation::status)};
};

} // namespace schema

template struct MessageCodec<AuthorizeRequest>;
template struct MessageCodec<AuthorizeConfirmation>;
template struct MessageCodec<BootNotificationRequest>;
template struct MessageCodec<BootNotificationConfirmation>;
template struct MessageCodec<ChangeAvailabilityRequest>;
template struct MessageCodec<ChangeAvailabilityConfirmation>;
template struct MessageCodec<ChangeConfigurationRequest>;
template struct MessageCodec<ChangeConfigurationConfirmation>;
template struct MessageCodec<ClearCacheRequest>;
template struct MessageCodec<ClearCacheConfirmation>;
template struct MessageCodec<DataTransferRequest>;
template struct MessageCodec<DataTransferConfirmation>;
template struct MessageCodec<GetConfigurationRequest>;
template struct MessageCodec<GetConfigurationConfirmation>;
template struct MessageCodec<HeartbeatRequest>;
template struct MessageCodec<HeartbeatConfirmation>;
template struct MessageCodec<MeterValuesRequest>;
template struct MessageCodec<MeterValuesConfirmation>;
template struct MessageCodec<RemoteStartTransactionRequest>;
template struct MessageCodec<RemoteStartTransactionConfirmation>;
template struct MessageCodec<RemoteStopTransactionRequest>;
template struct MessageCodec<RemoteStopTransactionConfirmation>;
template struct MessageCodec<ResetRequest>;
template struct MessageCodec<ResetConfirmation>;
template struct MessageCodec<StartTransactionRequest>;
template struct MessageCodec<StartTransactionConfirmation>;
template struct MessageCodec<StatusNotificationRequest>;
template struct MessageCodec<StatusNotificationConfirmation>;
template struct MessageCodec<StopTransactionRequest>;
template struct MessageCodec<StopTransactionConfirmation>;
template struct MessageCodec<UnlockConnectorRequest>;
template struct MessageCodec<UnlockConnectorConfirmation>;

} // namespace voltdesk::ocpp16
