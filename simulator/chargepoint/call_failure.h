// Internal to the charge point: a CALL of the central system answered with a CALLERROR.
#pragma once

#include "protocol/ocpp16-wire/error_code.h"
#include "protocol/ocpp16-wire/payload_result.h"

#include <string>

namespace voltdesk::sim {

struct CallFailure {
    ocpp16::ErrorCode code = ocpp16::ErrorCode::GenericError;
    std::string description;
};

/// The typed message, or a CallFailure with the schema violation.
template <typename T> T decodeOrFail(ocpp16::PayloadResult<T> result) {
    if (!result) {
        const auto& e = result.error();
        throw CallFailure{e.code, e.path.empty() ? e.description : e.path + ": " + e.description};
    }
    return std::move(result).value();
}

} // namespace voltdesk::sim
