// Reads typed fields from a JSON object and remembers the first problem, so a decoder reads
// straight through and checks once at the end. Internal to the contract library.
#pragma once

#include "contract/iso8601.h"

#include <nlohmann/json.hpp>
#include <string>

namespace voltdesk::contract {

class JsonFields {
public:
    explicit JsonFields(const nlohmann::json& object, std::string prefix = {})
        : m_object(object), m_prefix(std::move(prefix)) {
        if (!m_object.is_object()) {
            fail("", "must be an object");
        }
    }

    std::string string(const char* key, bool required = false) {
        const auto* v = find(key, required);
        if (v == nullptr) {
            return {};
        }
        if (!v->is_string()) {
            fail(key, "must be a string");
            return {};
        }
        return v->get<std::string>();
    }

    double number(const char* key, bool required = false) {
        const auto* v = find(key, required);
        if (v == nullptr) {
            return 0;
        }
        if (!v->is_number()) {
            fail(key, "must be a number");
            return 0;
        }
        return v->get<double>();
    }

    int integer(const char* key, bool required = false) {
        const auto* v = find(key, required);
        if (v == nullptr) {
            return 0;
        }
        if (!v->is_number_integer()) {
            fail(key, "must be an integer");
            return 0;
        }
        return v->get<int>();
    }

    bool boolean(const char* key, bool required = false) {
        const auto* v = find(key, required);
        if (v == nullptr) {
            return false;
        }
        if (!v->is_boolean()) {
            fail(key, "must be true or false");
            return false;
        }
        return v->get<bool>();
    }

    EpochMs timestamp(const char* key, bool required = false) {
        const std::string text = string(key, required);
        if (text.empty()) {
            return 0;
        }
        const auto ms = parseIso8601(text);
        if (!ms) {
            fail(key, "is not an ISO 8601 time");
            return 0;
        }
        return *ms;
    }

    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }

private:
    const nlohmann::json* find(const char* key, bool required) {
        if (!m_object.is_object()) {
            return nullptr;
        }
        const auto it = m_object.find(key);
        if (it == m_object.end() || it->is_null()) {
            if (required) {
                fail(key, "is missing");
            }
            return nullptr;
        }
        return &*it;
    }

    void fail(const char* key, const char* what) {
        if (m_error.empty()) {
            m_error = m_prefix + key + " " + what;
        }
    }

    const nlohmann::json& m_object;
    std::string m_prefix;
    std::string m_error;
};

} // namespace voltdesk::contract
