// Internal to the charge point: reading the payloads of actions whose typed messages the wire library
// does not have yet (Firmware, Local list, Reservation, Smart Charging, Remote Trigger, security
// whitepaper); a missing or mistyped field becomes the CALLERROR the schema would give.
#pragma once

#include "chargepoint/call_failure.h"
#include "contract/iso8601.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace voltdesk::sim::args {

inline const nlohmann::json* field(const nlohmann::json& p, const char* key, bool required) {
    if (!p.is_object()) {
        throw CallFailure{ocpp16::ErrorCode::FormationViolation, "the payload must be an object"};
    }
    const auto it = p.find(key);
    if (it == p.end() || it->is_null()) {
        if (required) {
            throw CallFailure{ocpp16::ErrorCode::OccurenceConstraintViolation,
                              std::string(key) + " is required"};
        }
        return nullptr;
    }
    return &*it;
}

inline std::optional<int> integer(const nlohmann::json& p, const char* key, bool required = true) {
    const auto* v = field(p, key, required);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (!v->is_number_integer()) {
        throw CallFailure{ocpp16::ErrorCode::TypeConstraintViolation,
                          std::string(key) + " must be an integer"};
    }
    return v->get<int>();
}

inline std::optional<std::string> text(const nlohmann::json& p, const char* key, bool required = true) {
    const auto* v = field(p, key, required);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (!v->is_string()) {
        throw CallFailure{ocpp16::ErrorCode::TypeConstraintViolation, std::string(key) + " must be a string"};
    }
    return v->get<std::string>();
}

inline std::optional<contract::EpochMs> dateTime(const nlohmann::json& p, const char* key,
                                                 bool required = true) {
    const auto t = text(p, key, required);
    if (!t) {
        return std::nullopt;
    }
    const auto parsed = contract::parseIso8601(*t);
    if (!parsed) {
        throw CallFailure{ocpp16::ErrorCode::PropertyConstraintViolation,
                          std::string(key) + " is not a dateTime"};
    }
    return parsed;
}

inline const nlohmann::json& object(const nlohmann::json& p, const char* key) {
    const auto* v = field(p, key, true);
    if (!v->is_object()) {
        throw CallFailure{ocpp16::ErrorCode::TypeConstraintViolation,
                          std::string(key) + " must be an object"};
    }
    return *v;
}

inline std::string iso(contract::EpochMs t) {
    return contract::toIso8601(t);
}

} // namespace voltdesk::sim::args
