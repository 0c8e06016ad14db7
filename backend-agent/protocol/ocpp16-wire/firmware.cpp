// Field tables of the Firmware Management profile, as the OCPP 1.6 JSON schemas list them.
#include "protocol/ocpp16-wire/firmware.h"

#include "protocol/ocpp16-wire/message_schema.h"

namespace voltdesk::ocpp16 {

namespace schema {

template <> struct Schema<GetDiagnosticsRequest> {
    using M = GetDiagnosticsRequest;
    static constexpr auto kFields = std::tuple{
        field("location", &M::location, kUri),      field("retries", &M::retries),
        field("retryInterval", &M::retryInterval),  field("startTime", &M::startTime, kDateTime),
        field("stopTime", &M::stopTime, kDateTime),
    };
};

template <> struct Schema<GetDiagnosticsConfirmation> {
    static constexpr auto kFields =
        std::tuple{field("fileName", &GetDiagnosticsConfirmation::fileName, CiString{255})};
};

template <> struct Schema<DiagnosticsStatusNotificationRequest> {
    static constexpr auto kFields =
        std::tuple{field("status", &DiagnosticsStatusNotificationRequest::status)};
};

template <>
struct Schema<DiagnosticsStatusNotificationConfirmation>
    : EmptySchema<DiagnosticsStatusNotificationConfirmation> {};

template <> struct Schema<FirmwareStatusNotificationRequest> {
    static constexpr auto kFields = std::tuple{field("status", &FirmwareStatusNotificationRequest::status)};
};

template <>
struct Schema<FirmwareStatusNotificationConfirmation> : EmptySchema<FirmwareStatusNotificationConfirmation> {
};

template <> struct Schema<UpdateFirmwareRequest> {
    using M = UpdateFirmwareRequest;
    static constexpr auto kFields = std::tuple{
        field("location", &M::location, kUri),
        field("retries", &M::retries),
        field("retrieveDate", &M::retrieveDate, kDateTime),
        field("retryInterval", &M::retryInterval),
    };
};

template <> struct Schema<UpdateFirmwareConfirmation> : EmptySchema<UpdateFirmwareConfirmation> {};

} // namespace schema

template struct MessageCodec<GetDiagnosticsRequest>;
template struct MessageCodec<GetDiagnosticsConfirmation>;
template struct MessageCodec<DiagnosticsStatusNotificationRequest>;
template struct MessageCodec<DiagnosticsStatusNotificationConfirmation>;
template struct MessageCodec<FirmwareStatusNotificationRequest>;
template struct MessageCodec<FirmwareStatusNotificationConfirmation>;
template struct MessageCodec<UpdateFirmwareRequest>;
template struct MessageCodec<UpdateFirmwareConfirmation>;

} // namespace voltdesk::ocpp16
