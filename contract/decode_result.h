// Decoding a payload from the wire either yields a value or says, in words, what was wrong with it.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace voltdesk::contract {

template <typename T> class DecodeResult {
public:
    static DecodeResult ok(T value) { return DecodeResult(std::move(value), {}); }
    static DecodeResult fail(std::string error) { return DecodeResult(std::nullopt, std::move(error)); }

    explicit operator bool() const { return m_value.has_value(); }
    // Callers check operator bool first; value() on a failure throws std::bad_optional_access.
    const T& value() const& { return m_value.value(); }   // NOLINT(bugprone-unchecked-optional-access)
    T&& value() && { return std::move(m_value).value(); } // NOLINT(bugprone-unchecked-optional-access)
    const std::string& error() const { return m_error; }

private:
    DecodeResult(std::optional<T> value, std::string error)
        : m_value(std::move(value)), m_error(std::move(error)) {}
    std::optional<T> m_value;
    std::string m_error;
};

} // namespace voltdesk::contract
