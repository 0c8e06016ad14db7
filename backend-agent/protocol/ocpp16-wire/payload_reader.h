// Reads the fields of one OCPP 1.6 payload against its JSON schema and keeps the first violation with
// its CALLERROR code and the path of the field, so a decoder reads straight through and checks once.
#pragma once

#include "contract/iso8601.h"
#include "protocol/ocpp16-wire/enum_text.h"
#include "protocol/ocpp16-wire/payload_result.h"

#include <cstddef>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace voltdesk::ocpp16 {

/// Codes, as the OCPP-J 1.6 table defines them:
/// - the payload is not a JSON object: FormationViolation;
/// - a required field is missing, or an array has fewer items than its minItems:
///   OccurenceConstraintViolation;
/// - a field of the wrong JSON type (a float for an integer included: the 1.6 schemas are draft-04; a
///   required field sent as null too): TypeConstraintViolation;
/// - a string over its CiString length, a value outside its enumeration or range, a number that is not
///   a multiple of its multipleOf, a dateTime or URI that does not parse: PropertyConstraintViolation.
/// Fields the schema does not name are ignored, as chargers in the field send extras; an optional field
/// sent as null counts as absent, for the same reason. Violations name their field by path:
/// "meterValue[0].sampledValue[2].unit".
class PayloadReader {
public:
    /// maxLength of a string the schema does not bound (DataTransfer data, SampledValue value).
    static constexpr std::size_t kUnbounded = std::numeric_limits<std::size_t>::max();

    explicit PayloadReader(const nlohmann::json& payload);
    PayloadReader(const PayloadReader&) = delete;
    PayloadReader& operator=(const PayloadReader&) = delete;
    PayloadReader(PayloadReader&&) = delete;
    PayloadReader& operator=(PayloadReader&&) = delete;
    ~PayloadReader() = default;

    std::string requiredString(const char* key, std::size_t maxLength);
    std::optional<std::string> optionalString(const char* key, std::size_t maxLength);
    /// A string of at most maxLength characters (not bytes).
    std::optional<std::string> string(const char* key, bool required, std::size_t maxLength);
    /// A string in the schema's "uri" format: an absolute URI (scheme ":" ...) without spaces.
    std::optional<std::string> uri(const char* key, bool required);
    /// An integer in [min, max].
    std::optional<long long> integer(const char* key, bool required, long long min, long long max);
    /// A JSON number, integer or not; multipleOf 0 means any.
    std::optional<double> decimal(const char* key, bool required, double multipleOf = 0);
    std::optional<bool> boolean(const char* key, bool required);
    std::optional<contract::EpochMs> dateTime(const char* key, bool required);
    /// An array of strings of at most maxLength characters each.
    std::optional<std::vector<std::string>> stringArray(const char* key, bool required,
                                                        std::size_t maxLength);

    template <typename E, std::size_t N>
    std::optional<E> enumeration(const char* key, bool required, const EnumNames<E, N>& names) {
        const auto text = string(key, required, kUnbounded);
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

    template <WireEnum E> std::optional<E> enumeration(const char* key, bool required) {
        return enumeration(key, required, EnumText<E>::kNames);
    }

    /// A nested object: read(PayloadReader&) reads its fields from a reader whose violations carry the
    /// path "key.field" and stop this reader too.
    template <typename Read>
    auto object(const char* key, bool required, Read read)
        -> std::optional<std::invoke_result_t<Read, PayloadReader&>> {
        const auto* value = typed(key, required, nlohmann::json::value_t::object);
        if (value == nullptr) {
            return std::nullopt;
        }
        PayloadReader child(*value, pathOf(key), *m_root);
        auto result = read(child);
        return ok() ? std::optional(std::move(result)) : std::nullopt;
    }

    /// An array of objects, each read like object(); paths are "key[i].field".
    template <typename Read>
    auto objectArray(const char* key, bool required, std::size_t minItems, Read read)
        -> std::optional<std::vector<std::invoke_result_t<Read, PayloadReader&>>> {
        const auto* array = arrayOf(key, required, minItems);
        if (array == nullptr) {
            return std::nullopt;
        }
        std::vector<std::invoke_result_t<Read, PayloadReader&>> items;
        items.reserve(array->size());
        for (std::size_t i = 0; i < array->size(); ++i) {
            const auto& element = (*array)[i];
            const std::string elementKey = std::string(key) + "[" + std::to_string(i) + "]";
            if (!element.is_object()) {
                fail(ErrorCode::TypeConstraintViolation, elementKey, "must be an object");
                return std::nullopt;
            }
            PayloadReader child(element, pathOf(elementKey), *m_root);
            items.push_back(read(child));
            if (!ok()) {
                return std::nullopt;
            }
        }
        return items;
    }

    /// Records a violation of the field key (relative to this reader) unless one is already recorded.
    void fail(ErrorCode code, std::string_view key, std::string_view what);
    bool ok() const { return !m_root->m_error.has_value(); }
    /// The first violation; only meaningful when !ok().
    PayloadError error() const { return m_root->m_error.value_or(PayloadError{}); }

private:
    PayloadReader(const nlohmann::json& object, std::string path, PayloadReader& root);

    std::string pathOf(std::string_view key) const;
    const nlohmann::json* find(const char* key, bool required);
    /// The field if present and of the given JSON type (a TypeConstraintViolation otherwise).
    const nlohmann::json* typed(const char* key, bool required, nlohmann::json::value_t type);
    const nlohmann::json* arrayOf(const char* key, bool required, std::size_t minItems);
    std::optional<std::string> checkString(const nlohmann::json& value, std::string_view key,
                                           std::size_t maxLength);

    const nlohmann::json& m_payload;
    std::string m_path;    ///< of this object inside the payload; empty at the top
    PayloadReader* m_root; ///< keeps the one violation for the whole payload
    std::optional<PayloadError> m_error;
};

} // namespace voltdesk::ocpp16
