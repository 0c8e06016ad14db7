// The decisions taken on an HTTP upgrade request before any charger code runs: which charger the
// path names, which subprotocol to speak, which credentials it carries. Pure functions, tested without
// sockets.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace voltdesk::transport {

/// The charger id from a request target "PREFIX{id}[?query]", percent-decoded. nullopt when the path
/// does not start with prefix, the id is empty, longer than 255 bytes, contains '/' before decoding,
/// a malformed %-escape, or, after decoding, a control character or
/// bytes that are not UTF-8 (ids end up in SQL text, MQTT topics and logs).
std::optional<std::string> chargerIdFromTarget(std::string_view target, std::string_view prefix);

struct SubprotocolChoice {
    bool acceptable = false;
    /// The token to echo in Sec-WebSocket-Protocol: the client's own spelling; empty when the client
    /// offered none (then no header is sent back, and the connection speaks supported.front()).
    std::string echo;
    /// What the connection speaks, e.g. "ocpp1.6".
    std::string protocol;
};

/// Picks the first token of the client's Sec-WebSocket-Protocol header (comma-separated, compared
/// case-insensitively) that we support. An absent or empty header is accepted as supported.front(),
/// because many chargers in the field omit it; a header that offers only unsupported protocols is not.
SubprotocolChoice chooseSubprotocol(std::string_view offeredHeader,
                                    const std::vector<std::string>& supported);

/// HTTP Basic credentials (RFC 7617); in OCPP the username is the charge point id and the password its
/// AuthorizationKey. Both are raw bytes as the client sent them.
struct BasicCredentials {
    std::string username;
    std::string password;
};

/// The credentials of an `Authorization: Basic <base64>` header value. nullopt for another scheme, a
/// token that is not base64 (standard alphabet, padding optional), or one without ':' after decoding.
std::optional<BasicCredentials> parseBasicAuthorization(std::string_view headerValue);

} // namespace voltdesk::transport
