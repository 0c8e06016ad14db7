#include "protocol/ocpp16-wire/payload_reader.h"

#include <algorithm>
#include <cmath>

namespace voltdesk::ocpp16 {

namespace {

using Json = nlohmann::json;

// CiString limits count characters; nlohmann has already checked the text is valid UTF-8.
std::size_t characterCount(const std::string& s) {
    std::size_t n = 0;
    for (const char c : s) {
        n += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1 : 0;
    }
    return n;
}

bool isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// RFC 3986 absolute URI, checked as far as JSON schema validators check "format": "uri": a scheme,
// a colon, and no whitespace or control characters anywhere.
bool isUri(std::string_view s) {
    const auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || !isAlpha(s[0])) {
        return false;
    }
    for (std::size_t i = 1; i < colon; ++i) {
        const char c = s[i];
        if (!isAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.') {
            return false;
        }
    }
    for (const char c : s) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
            return false;
        }
    }
    return true;
}

const char* typeWord(Json::value_t type) {
    switch (type) {
    case Json::value_t::object:
        return "must be an object";
    case Json::value_t::array:
        return "must be an array";
    case Json::value_t::boolean:
        return "must be a boolean";
    default:
        return "must be a string";
    }
}

bool hasType(const Json& value, Json::value_t type) {
    switch (type) {
    case Json::value_t::object:
        return value.is_object();
    case Json::value_t::array:
        return value.is_array();
    case Json::value_t::boolean:
        return value.is_boolean();
    default:
        return value.is_string();
    }
}

} // namespace

PayloadReader::PayloadReader(const Json& payload) : m_payload(payload), m_root(this) {
    if (!m_payload.is_object()) {
        m_error = PayloadError{ErrorCode::FormationViolation, "payload must be a JSON object"};
    }
}

PayloadReader::PayloadReader(const Json& object, std::string path, PayloadReader& root)
    : m_payload(object), m_path(std::move(path)), m_root(&root) {}

std::string PayloadReader::pathOf(std::string_view key) const {
    if (m_path.empty()) {
        return std::string(key);
    }
    std::string path = m_path;
    path += '.';
    path += key;
    return path;
}

const Json* PayloadReader::find(const char* key, bool required) {
    if (!ok()) {
        return nullptr;
    }
    const auto it = m_payload.find(key);
    if (it == m_payload.end() || (!required && it->is_null())) {
        if (required) {
            fail(ErrorCode::OccurenceConstraintViolation, key, "is required");
        }
        return nullptr;
    }
    return &*it;
}

const Json* PayloadReader::typed(const char* key, bool required, Json::value_t type) {
    const auto* v = find(key, required);
    if (v != nullptr && !hasType(*v, type)) {
        fail(ErrorCode::TypeConstraintViolation, key, typeWord(type));
        return nullptr;
    }
    return v;
}

const Json* PayloadReader::arrayOf(const char* key, bool required, std::size_t minItems) {
    const auto* v = typed(key, required, Json::value_t::array);
    if (v != nullptr && v->size() < minItems) {
        fail(ErrorCode::OccurenceConstraintViolation, key,
             "must hold at least " + std::to_string(minItems) + " item(s)");
        return nullptr;
    }
    return v;
}

std::optional<std::string> PayloadReader::checkString(const Json& value, std::string_view key,
                                                      std::size_t maxLength) {
    if (!value.is_string()) {
        fail(ErrorCode::TypeConstraintViolation, key, "must be a string");
        return std::nullopt;
    }
    const auto& s = value.get_ref<const std::string&>();
    if (maxLength != kUnbounded && characterCount(s) > maxLength) {
        fail(ErrorCode::PropertyConstraintViolation, key,
             "is longer than " + std::to_string(maxLength) + " characters");
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> PayloadReader::string(const char* key, bool required, std::size_t maxLength) {
    const auto* v = find(key, required);
    if (v == nullptr) {
        return std::nullopt;
    }
    return checkString(*v, key, maxLength);
}

std::string PayloadReader::requiredString(const char* key, std::size_t maxLength) {
    return string(key, true, maxLength).value_or(std::string());
}

std::optional<std::string> PayloadReader::optionalString(const char* key, std::size_t maxLength) {
    return string(key, false, maxLength);
}

std::optional<std::string> PayloadReader::uri(const char* key, bool required) {
    auto text = string(key, required, kUnbounded);
    if (text && !isUri(*text)) {
        fail(ErrorCode::PropertyConstraintViolation, key, "is not an absolute URI");
        return std::nullopt;
    }
    return text;
}

std::optional<long long> PayloadReader::integer(const char* key, bool required, long long min,
                                                long long max) {
    const auto* v = find(key, required);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (!v->is_number_integer()) {
        fail(ErrorCode::TypeConstraintViolation, key, "must be an integer");
        return std::nullopt;
    }
    // A huge unsigned does not fit long long; it is out of range either way.
    if (v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(max)) {
        fail(ErrorCode::PropertyConstraintViolation, key, "is out of range");
        return std::nullopt;
    }
    const auto value = v->get<long long>();
    if (value < min || value > max) {
        fail(ErrorCode::PropertyConstraintViolation, key,
             "must be between " + std::to_string(min) + " and " + std::to_string(max));
        return std::nullopt;
    }
    return value;
}

std::optional<double> PayloadReader::decimal(const char* key, bool required, double multipleOf) {
    const auto* v = find(key, required);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (!v->is_number()) {
        fail(ErrorCode::TypeConstraintViolation, key, "must be a number");
        return std::nullopt;
    }
    const auto value = v->get<double>();
    if (multipleOf > 0) {
        // Decimal fractions are inexact in binary: 0.3 / 0.1 is 2.9999999999999996, which a literal
        // check would refuse. A relative tolerance keeps the schema's intent (one decimal place).
        const double steps = value / multipleOf;
        if (std::abs(steps - std::round(steps)) > 1e-9 * std::max(1.0, std::abs(steps))) {
            fail(ErrorCode::PropertyConstraintViolation, key,
                 "must be a multiple of " + nlohmann::json(multipleOf).dump());
            return std::nullopt;
        }
    }
    return value;
}

std::optional<bool> PayloadReader::boolean(const char* key, bool required) {
    const auto* v = typed(key, required, Json::value_t::boolean);
    return v == nullptr ? std::nullopt : std::optional(v->get<bool>());
}

std::optional<contract::EpochMs> PayloadReader::dateTime(const char* key, bool required) {
    const auto text = string(key, required, 64);
    if (!text || !ok()) {
        return std::nullopt;
    }
    const auto ms = contract::parseIso8601(*text);
    if (!ms) {
        fail(ErrorCode::PropertyConstraintViolation, key, "is not an ISO 8601 date-time");
    }
    return ms;
}

std::optional<std::vector<std::string>> PayloadReader::stringArray(const char* key, bool required,
                                                                   std::size_t maxLength) {
    const auto* array = arrayOf(key, required, 0);
    if (array == nullptr) {
        return std::nullopt;
    }
    std::vector<std::string> items;
    items.reserve(array->size());
    for (std::size_t i = 0; i < array->size(); ++i) {
        auto item = checkString((*array)[i], std::string(key) + "[" + std::to_string(i) + "]", maxLength);
        if (!item) {
            return std::nullopt;
        }
        items.push_back(std::move(*item));
    }
    return items;
}

void PayloadReader::fail(ErrorCode code, std::string_view key, std::string_view what) {
    if (!m_root->m_error) {
        std::string path = pathOf(key);
        std::string description = path + " " + std::string(what);
        m_root->m_error = PayloadError{code, std::move(description), std::move(path)};
    }
}

} // namespace voltdesk::ocpp16
