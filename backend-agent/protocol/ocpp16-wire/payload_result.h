// Decoding a message payload yields the typed message or the CALLERROR code and words that say why not.
#pragma once

#include "protocol/ocpp16-wire/error_code.h"

#include <optional>
#include <string>
#include <utility>

namespace voltdesk::ocpp16 {

struct PayloadError {
    PayloadError() = default;
    PayloadError(ErrorCode errorCode, std::string what, std::string fieldPath = {})
        : code(errorCode), description(std::move(what)), path(std::move(fieldPath)) {}

    ErrorCode code = ErrorCode::FormationViolation;
    std::string description;
    /// The offending field, e.g. "meterValue[0].sampledValue[2].unit"; empty for the payload as a whole.
    std::string path;
};

template <typename T> class PayloadResult {
public:
    static PayloadResult ok(T value) { return PayloadResult(std::move(value), {}); }
    static PayloadResult fail(PayloadError error) { return PayloadResult(std::nullopt, std::move(error)); }

    explicit operator bool() const { return m_value.has_value(); }
    // Callers check operator bool first; value() on a failure throws std::bad_optional_access.
    const T& value() const& { return m_value.value(); }   // NOLINT(bugprone-unchecked-optional-access)
    T&& value() && { return std::move(m_value).value(); } // NOLINT(bugprone-unchecked-optional-access)
    const PayloadError& error() const { return m_error; }

private:
    PayloadResult(std::optional<T> value, PayloadError error)
        : m_value(std::move(value)), m_error(std::move(error)) {}
    std::optional<T> m_value;
    PayloadError m_error;
};

} // namespace voltdesk::ocpp16
