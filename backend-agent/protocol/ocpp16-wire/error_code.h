// The CALLERROR codes of OCPP-J 1.6 (section 4.2.3), spelled as the specification spells them.
#pragma once

#include <optional>
#include <string_view>

namespace voltdesk::ocpp16 {

enum class ErrorCode {
    NotImplemented,               ///< the action is not known by the receiver
    NotSupported,                 ///< the action is recognised but not supported by the receiver
    InternalError,                ///< the receiver failed while handling the action
    ProtocolError,                ///< the payload or frame is incomplete
    SecurityError,                ///< a security issue stopped the receiver from handling the action
    FormationViolation,           ///< syntactically incorrect, or not the structure of the PDU
    PropertyConstraintViolation,  ///< a field holds an invalid value
    OccurenceConstraintViolation, ///< a field is missing or repeated (sic: the specification's spelling)
    TypeConstraintViolation,      ///< a field has the wrong data type
    GenericError,                 ///< none of the above
};

std::string_view toString(ErrorCode code);
/// nullopt for a code OCPP 1.6 does not define.
std::optional<ErrorCode> errorCodeFromString(std::string_view text);

} // namespace voltdesk::ocpp16
