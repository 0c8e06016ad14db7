// Reads the fields of one OCPP 1.6 payload against its JSON schema and keeps the first violation with
// its CALLERROR code, so a decoder reads straight through and checks once at the end.
#pragma once

#include "contract/iso8601.h"
#include "protocol/ocpp16-wire/payload_result.h"

#include <array>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace voltdesk::ocpp16 {

template <typename E, std::size_t N> using EnumNames = std::array<std::pair<E, std::string_view>, N>;

template <typename E, std::size_t N> std::string_view enumName(const EnumNames<E, N>& names, E value) {
    for (const auto& [v, name] : names) {
        if (v == value) {
            return name;
        }
    }
    return {};
}

template <typename E, std::size_t N>
std::optional<E> enumFromName(const EnumNames<E, N>& names, std::string_view text) {
    for (const auto& [v, name] : names) {
        if (name == text) {
            return v;
        }
    }
    return std::nullopt;
}

/// Codes, as the OCPP-J 1.6 table defines them: a missing required field is an
/// OccurenceConstraintViolation; a field of the wrong JSON type (a float for an integer included:
/// the 1.6 schemas are draft-04) a TypeConstraintViolation; a string over its CiString length, a value
/// outside its enumeration or range, or a dateTime that does not parse a PropertyConstraintViolation.
/// Fields the schema does not name are ignored, as chargers in the field send extras; an optional field
/// sent as null counts as absent, for the same reason.
class PayloadReader {
public:
    explicit PayloadReader(const nlohmann::json& payload);

    std::string requiredString(const char* key, std::size_t maxLength);
    std::optional<std::string> optionalString(const char* key, std::size_t maxLength);
    /// An integer in [min, max].
    std::optional<long long> integer(const char* key, bool required, long long min, long long max);
    std::optional<contract::EpochMs> dateTime(const char* key, bool required);

    template <typename E, std::size_t N>
    std::optional<E> enumeration(const char* key, bool required, const EnumNames<E, N>& names) {
        const auto text = required ? std::optional(requiredString(key, 256)) : optionalString(key, 256);
        if (!text || !ok()) {
            return std::nullopt;
        }
        const auto value = enumFromName(names, *text);
        if (!value) {
            fail(ErrorCode::PropertyConstraintViolation, key,
                 "'" + *text + "' is not one of the allowed values");
        }
        return value;
    }

    void fail(ErrorCode code, std::string_view key, std::string_view what);
    bool ok() const { return !m_error.has_value(); }
    /// The first violation; only meaningful when !ok().
    PayloadError error() const { return m_error.value_or(PayloadError{}); }

private:
    const nlohmann::json* find(const char* key, bool required);

    const nlohmann::json& m_payload;
    std::optional<PayloadError> m_error;
};

} // namespace voltdesk::ocpp16
