#include "protocol/ocpp16-wire/payload_reader.h"

namespace voltdesk::ocpp16 {

namespace {

// CiString limits count characters; nlohmann has already checked the text is valid UTF-8.
std::size_t characterCount(const std::string& s) {
    std::size_t n = 0;
    for (const char c : s) {
        n += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1 : 0;
    }
    return n;
}

} // namespace

PayloadReader::PayloadReader(const nlohmann::json& payload) : m_payload(payload) {
    if (!m_payload.is_object()) {
        fail(ErrorCode::FormationViolation, "payload", "must be a JSON object");
    }
}

const nlohmann::json* PayloadReader::find(const char* key, bool required) {
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

std::string PayloadReader::requiredString(const char* key, std::size_t maxLength) {
    const auto* v = find(key, true);
    if (v == nullptr) {
        return {};
    }
    if (!v->is_string()) {
        fail(ErrorCode::TypeConstraintViolation, key, "must be a string");
        return {};
    }
    const auto& s = v->get_ref<const std::string&>();
    if (characterCount(s) > maxLength) {
        fail(ErrorCode::PropertyConstraintViolation, key,
             "is longer than " + std::to_string(maxLength) + " characters");
        return {};
    }
    return s;
}

std::optional<std::string> PayloadReader::optionalString(const char* key, std::size_t maxLength) {
    if (find(key, false) == nullptr) {
        return std::nullopt;
    }
    std::string s = requiredString(key, maxLength);
    return ok() ? std::optional(std::move(s)) : std::nullopt;
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

std::optional<contract::EpochMs> PayloadReader::dateTime(const char* key, bool required) {
    const auto text = required ? std::optional(requiredString(key, 64)) : optionalString(key, 64);
    if (!text || !ok()) {
        return std::nullopt;
    }
    const auto ms = contract::parseIso8601(*text);
    if (!ms) {
        fail(ErrorCode::PropertyConstraintViolation, key, "is not an ISO 8601 date-time");
    }
    return ms;
}

void PayloadReader::fail(ErrorCode code, std::string_view key, std::string_view what) {
    if (!m_error) {
        m_error = PayloadError{code, std::string(key) + " " + std::string(what)};
    }
}

} // namespace voltdesk::ocpp16
