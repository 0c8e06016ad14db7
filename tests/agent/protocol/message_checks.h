// Round-trip and violation checks shared by the OCPP 1.6 message tests.
#pragma once

#include "message_examples.h"

#include <QtTest>
#include <nlohmann/json.hpp>
#include <string>

namespace examples {

using Json = nlohmann::json;

template <typename T> void verifyRoundTrip(const T& m) {
    const Json j = encode(m);
    const auto back = decode<T>(j);
    QVERIFY2(back, (std::string(T::kAction) + ": " + back.error().description).c_str());
    QVERIFY2(back.value() == m, std::string(T::kAction).c_str());
    QCOMPARE(encode(back.value()), j);
}

// Round trips of the filled example (every optional set) and of the default message (none set).
template <ActionName Name> void verifyAction() {
    using Types = Action<Name>;
    verifyRoundTrip(examples::example<typename Types::Request>());
    verifyRoundTrip(examples::minimal<typename Types::Request>());
    verifyRoundTrip(examples::example<typename Types::Confirmation>());
    verifyRoundTrip(examples::minimal<typename Types::Confirmation>());
}

// The violation decoding payload as T reports: "Code at path".
template <typename T> QString violation(const Json& payload) {
    const auto result = decode<T>(payload);
    if (result) {
        return "no violation";
    }
    return QString::fromStdString(std::string(toString(result.error().code)) + " at " + result.error().path);
}

} // namespace examples
