#include "chargepoint/ws_url.h"

#include <algorithm>
#include <cctype>

namespace voltdesk::sim {

std::optional<WsUrl> parseWsUrl(std::string_view url) {
    WsUrl out;
    if (url.starts_with("wss://")) {
        out.tls = true;
        out.port = "443";
        url.remove_prefix(6);
    } else if (url.starts_with("ws://")) {
        url.remove_prefix(5);
    } else {
        return std::nullopt;
    }
    const auto slash = url.find('/');
    const std::string_view authority = url.substr(0, slash);
    if (slash != std::string_view::npos) {
        out.path = std::string(url.substr(slash));
    }
    if (!out.path.ends_with('/')) {
        out.path += '/';
    }
    std::string_view host = authority;
    if (authority.starts_with('[')) { // IPv6 literal
        const auto close = authority.find(']');
        if (close == std::string_view::npos) {
            return std::nullopt;
        }
        host = authority.substr(1, close - 1);
        const auto rest = authority.substr(close + 1);
        if (!rest.empty()) {
            if (!rest.starts_with(':')) {
                return std::nullopt;
            }
            out.port = std::string(rest.substr(1));
        }
    } else if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
        host = authority.substr(0, colon);
        out.port = std::string(authority.substr(colon + 1));
    }
    const bool numericPort = !out.port.empty() && out.port.size() <= 5 &&
                             std::all_of(out.port.begin(), out.port.end(),
                                         [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (host.empty() || !numericPort) {
        return std::nullopt;
    }
    out.host = std::string(host);
    return out;
}

} // namespace voltdesk::sim
