#include "protocol/ocpp16-wire/error_code.h"

#include <array>
#include <utility>

namespace voltdesk::ocpp16 {

namespace {

constexpr std::array<std::pair<ErrorCode, std::string_view>, 10> kNames{{
    {ErrorCode::NotImplemented, "NotImplemented"},
    {ErrorCode::NotSupported, "NotSupported"},
    {ErrorCode::InternalError, "InternalError"},
    {ErrorCode::ProtocolError, "ProtocolError"},
    {ErrorCode::SecurityError, "SecurityError"},
    {ErrorCode::FormationViolation, "FormationViolation"},
    {ErrorCode::PropertyConstraintViolation, "PropertyConstraintViolation"},
    {ErrorCode::OccurenceConstraintViolation, "OccurenceConstraintViolation"},
    {ErrorCode::TypeConstraintViolation, "TypeConstraintViolation"},
    {ErrorCode::GenericError, "GenericError"},
}};

} // namespace

std::string_view toString(ErrorCode code) {
    for (const auto& [value, name] : kNames) {
        if (value == code) {
            return name;
        }
    }
    return "GenericError";
}

std::optional<ErrorCode> errorCodeFromString(std::string_view text) {
    for (const auto& [value, name] : kNames) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

} // namespace voltdesk::ocpp16
