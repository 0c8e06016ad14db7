// encode()/decode<T>() for every typed OCPP 1.6 message, and Action<"Name"> mapping an action to its
// request and confirmation types. The messages themselves live in one header per feature profile.
#pragma once

#include "protocol/ocpp16-wire/payload_result.h"

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

namespace voltdesk::ocpp16 {

/// A request or confirmation payload: a struct naming its action.
template <typename T>
concept Message = requires {
    { T::kAction } -> std::convertible_to<std::string_view>;
};

/// Implemented once, from the message's field table, in its profile's .cpp; every message of the
/// profile headers is instantiated there.
template <Message T> struct MessageCodec {
    static nlohmann::json encode(const T& message);
    static PayloadResult<T> decode(const nlohmann::json& payload);
};

/// The payload object of a message; absent optional fields are not sent. Both directions exist: the
/// simulator encodes requests and decodes confirmations, the agent the other way round.
template <Message T> nlohmann::json encode(const T& message) {
    return MessageCodec<T>::encode(message);
}

/// Checks a payload against the message's schema (codes and paths as PayloadReader documents) and
/// reads it.
template <Message T> PayloadResult<T> decode(const nlohmann::json& payload) {
    return MessageCodec<T>::decode(payload);
}

/// An action name as a template argument: Action<"Heartbeat">.
template <std::size_t N> struct ActionName {
    // NOLINTNEXTLINE(*-avoid-c-arrays): a string literal is what the template argument is written as
    constexpr ActionName(const char (&name)[N]) { std::copy_n(name, N, text.begin()); }
    constexpr std::string_view view() const { return {text.data(), N - 1}; }
    std::array<char, N> text{};
};

/// Specialised in each profile header: Action<"Authorize">::Request is AuthorizeRequest, ::Confirmation
/// AuthorizeConfirmation.
template <ActionName Name> struct Action;

template <Message Req, Message Conf> struct ActionTypes {
    static_assert(Req::kAction == Conf::kAction);
    using Request = Req;
    using Confirmation = Conf;
    static constexpr std::string_view kName = Req::kAction;
};

} // namespace voltdesk::ocpp16
