// How a CALL the central system sent to a charger ended.
#pragma once

#include "protocol/ocpp16-wire/error_code.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace voltdesk::ocpp16 {

struct CallOutcome {
    enum class Kind {
        Result,          ///< a CALLRESULT whose payload satisfies the action's schema
        Error,           ///< a CALLERROR: errorCode and description say what the charger reported
        InvalidResponse, ///< a CALLRESULT that breaks the schema: description says how
        Timeout,         ///< no answer in time
        Closed,          ///< the connection ended before an answer (also for calls still queued)
        Refused,         ///< never sent: the queue is full, or the action is not one we may send
    };
    Kind kind = Kind::Result;
    nlohmann::json payload = nlohmann::json::object(); ///< Result, InvalidResponse: what the charger sent
    ErrorCode errorCode = ErrorCode::GenericError;     ///< Error only
    std::string description;
    std::string messageId; ///< the CALL's id, when it was sent
};

std::string_view toString(CallOutcome::Kind kind);

using CallCallback = std::function<void(CallOutcome)>;

} // namespace voltdesk::ocpp16
