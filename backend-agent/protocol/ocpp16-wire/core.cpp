#include "protocol/ocpp16-wire/core.h"

#include "protocol/ocpp16-wire/payload_reader.h"

#include <climits>

namespace voltdesk::ocpp16 {

namespace {

using Json = nlohmann::json;

constexpr EnumNames<RegistrationStatus, 3> kRegistrationNames{{
    {RegistrationStatus::Accepted, "Accepted"},
    {RegistrationStatus::Pending, "Pending"},
    {RegistrationStatus::Rejected, "Rejected"},
}};

constexpr EnumNames<ChargePointStatus, 9> kStatusNames{{
    {ChargePointStatus::Available, "Available"},
    {ChargePointStatus::Preparing, "Preparing"},
    {ChargePointStatus::Charging, "Charging"},
    {ChargePointStatus::SuspendedEVSE, "SuspendedEVSE"},
    {ChargePointStatus::SuspendedEV, "SuspendedEV"},
    {ChargePointStatus::Finishing, "Finishing"},
    {ChargePointStatus::Reserved, "Reserved"},
    {ChargePointStatus::Unavailable, "Unavailable"},
    {ChargePointStatus::Faulted, "Faulted"},
}};

constexpr EnumNames<ChargePointErrorCode, 16> kErrorCodeNames{{
    {ChargePointErrorCode::ConnectorLockFailure, "ConnectorLockFailure"},
    {ChargePointErrorCode::EVCommunicationError, "EVCommunicationError"},
    {ChargePointErrorCode::GroundFailure, "GroundFailure"},
    {ChargePointErrorCode::HighTemperature, "HighTemperature"},
    {ChargePointErrorCode::InternalError, "InternalError"},
    {ChargePointErrorCode::LocalListConflict, "LocalListConflict"},
    {ChargePointErrorCode::NoError, "NoError"},
    {ChargePointErrorCode::OtherError, "OtherError"},
    {ChargePointErrorCode::OverCurrentFailure, "OverCurrentFailure"},
    {ChargePointErrorCode::PowerMeterFailure, "PowerMeterFailure"},
    {ChargePointErrorCode::PowerSwitchFailure, "PowerSwitchFailure"},
    {ChargePointErrorCode::ReaderFailure, "ReaderFailure"},
    {ChargePointErrorCode::ResetFailure, "ResetFailure"},
    {ChargePointErrorCode::UnderVoltage, "UnderVoltage"},
    {ChargePointErrorCode::OverVoltage, "OverVoltage"},
    {ChargePointErrorCode::WeakSignal, "WeakSignal"},
}};

void putOptional(Json& j, const char* key, const std::optional<std::string>& value) {
    if (value) {
        j[key] = *value;
    }
}

template <typename T> PayloadResult<T> finish(const PayloadReader& reader, T value) {
    if (!reader.ok()) {
        return PayloadResult<T>::fail(reader.error());
    }
    return PayloadResult<T>::ok(std::move(value));
}

} // namespace

std::string_view toString(RegistrationStatus value) {
    return enumName(kRegistrationNames, value);
}
std::string_view toString(ChargePointStatus value) {
    return enumName(kStatusNames, value);
}
std::string_view toString(ChargePointErrorCode value) {
    return enumName(kErrorCodeNames, value);
}

std::optional<RegistrationStatus> registrationStatusFromString(std::string_view text) {
    return enumFromName(kRegistrationNames, text);
}
std::optional<ChargePointStatus> chargePointStatusFromString(std::string_view text) {
    return enumFromName(kStatusNames, text);
}
std::optional<ChargePointErrorCode> chargePointErrorCodeFromString(std::string_view text) {
    return enumFromName(kErrorCodeNames, text);
}

Json encode(const BootNotificationRequest& m) {
    Json j{{"chargePointVendor", m.chargePointVendor}, {"chargePointModel", m.chargePointModel}};
    putOptional(j, "chargePointSerialNumber", m.chargePointSerialNumber);
    putOptional(j, "chargeBoxSerialNumber", m.chargeBoxSerialNumber);
    putOptional(j, "firmwareVersion", m.firmwareVersion);
    putOptional(j, "iccid", m.iccid);
    putOptional(j, "imsi", m.imsi);
    putOptional(j, "meterType", m.meterType);
    putOptional(j, "meterSerialNumber", m.meterSerialNumber);
    return j;
}

Json encode(const BootNotificationConfirmation& m) {
    return Json{{"status", toString(m.status)},
                {"currentTime", contract::toIso8601(m.currentTime)},
                {"interval", m.interval}};
}

Json encode(const HeartbeatRequest&) {
    return Json::object();
}

Json encode(const HeartbeatConfirmation& m) {
    return Json{{"currentTime", contract::toIso8601(m.currentTime)}};
}

Json encode(const StatusNotificationRequest& m) {
    Json j{
        {"connectorId", m.connectorId}, {"errorCode", toString(m.errorCode)}, {"status", toString(m.status)}};
    putOptional(j, "info", m.info);
    if (m.timestamp) {
        j["timestamp"] = contract::toIso8601(*m.timestamp);
    }
    putOptional(j, "vendorId", m.vendorId);
    putOptional(j, "vendorErrorCode", m.vendorErrorCode);
    return j;
}

Json encode(const StatusNotificationConfirmation&) {
    return Json::object();
}

template <> PayloadResult<BootNotificationRequest> decode<BootNotificationRequest>(const Json& payload) {
    PayloadReader r(payload);
    BootNotificationRequest m;
    m.chargePointVendor = r.requiredString("chargePointVendor", 20);
    m.chargePointModel = r.requiredString("chargePointModel", 20);
    m.chargePointSerialNumber = r.optionalString("chargePointSerialNumber", 25);
    m.chargeBoxSerialNumber = r.optionalString("chargeBoxSerialNumber", 25);
    m.firmwareVersion = r.optionalString("firmwareVersion", 50);
    m.iccid = r.optionalString("iccid", 20);
    m.imsi = r.optionalString("imsi", 20);
    m.meterType = r.optionalString("meterType", 25);
    m.meterSerialNumber = r.optionalString("meterSerialNumber", 25);
    return finish(r, std::move(m));
}

template <>
PayloadResult<BootNotificationConfirmation> decode<BootNotificationConfirmation>(const Json& payload) {
    PayloadReader r(payload);
    BootNotificationConfirmation m;
    m.status = r.enumeration("status", true, kRegistrationNames).value_or(RegistrationStatus::Rejected);
    m.currentTime = r.dateTime("currentTime", true).value_or(0);
    m.interval = static_cast<int>(r.integer("interval", true, INT_MIN, INT_MAX).value_or(0));
    return finish(r, m);
}

template <> PayloadResult<HeartbeatRequest> decode<HeartbeatRequest>(const Json& payload) {
    PayloadReader r(payload);
    return finish(r, HeartbeatRequest{});
}

template <> PayloadResult<HeartbeatConfirmation> decode<HeartbeatConfirmation>(const Json& payload) {
    PayloadReader r(payload);
    HeartbeatConfirmation m;
    m.currentTime = r.dateTime("currentTime", true).value_or(0);
    return finish(r, m);
}

template <> PayloadResult<StatusNotificationRequest> decode<StatusNotificationRequest>(const Json& payload) {
    PayloadReader r(payload);
    StatusNotificationRequest m;
    m.connectorId = static_cast<int>(r.integer("connectorId", true, 0, INT_MAX).value_or(0));
    m.errorCode =
        r.enumeration("errorCode", true, kErrorCodeNames).value_or(ChargePointErrorCode::OtherError);
    m.info = r.optionalString("info", 50);
    m.status = r.enumeration("status", true, kStatusNames).value_or(ChargePointStatus::Unavailable);
    m.timestamp = r.dateTime("timestamp", false);
    m.vendorId = r.optionalString("vendorId", 255);
    m.vendorErrorCode = r.optionalString("vendorErrorCode", 50);
    return finish(r, std::move(m));
}

template <>
PayloadResult<StatusNotificationConfirmation> decode<StatusNotificationConfirmation>(const Json& payload) {
    PayloadReader r(payload);
    return finish(r, StatusNotificationConfirmation{});
}

} // namespace voltdesk::ocpp16
