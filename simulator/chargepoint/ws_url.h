// The central system's address as chargers are configured with it: ws[s]://host:port/path/ (the charger
// id is appended to the path).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace voltdesk::sim {

struct WsUrl {
    bool tls = false; ///< wss://
    std::string host;
    std::string port = "80";
    std::string path = "/"; ///< always ends with '/'

    /// The path a charger opens: path + chargerId.
    std::string targetFor(std::string_view chargerId) const { return path + std::string(chargerId); }
};

/// Parses "ws://HOST[:PORT][/PATH]" or "wss://..." (port 443 by default); nullopt for anything else.
std::optional<WsUrl> parseWsUrl(std::string_view url);

} // namespace voltdesk::sim
