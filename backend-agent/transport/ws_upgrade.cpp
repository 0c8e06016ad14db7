#include "transport/ws_upgrade.h"

#include "contract/text_encoding.h"

#include <algorithm>
#include <cctype>

namespace voltdesk::transport {

namespace {

constexpr std::size_t kMaxChargerIdBytes = 255;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

} // namespace

std::optional<std::string> chargerIdFromTarget(std::string_view target, std::string_view prefix) {
    if (target.substr(0, prefix.size()) != prefix) {
        return std::nullopt;
    }
    std::string_view raw = target.substr(prefix.size());
    raw = raw.substr(0, raw.find('?'));
    if (raw.empty() || raw.find('/') != std::string_view::npos) {
        return std::nullopt;
    }
    std::string id;
    id.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == '%') {
            if (i + 2 >= raw.size()) {
                return std::nullopt;
            }
            const int hi = contract::hexDigitValue(raw[i + 1]);
            const int lo = contract::hexDigitValue(raw[i + 2]);
            if (hi < 0 || lo < 0) {
                return std::nullopt;
            }
            c = static_cast<char>(hi * 16 + lo);
            i += 2;
        }
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) {
            return std::nullopt;
        }
        id.push_back(c);
    }
    if (id.size() > kMaxChargerIdBytes || !contract::isValidUtf8(id)) {
        return std::nullopt;
    }
    return id;
}

SubprotocolChoice chooseSubprotocol(std::string_view offeredHeader,
                                    const std::vector<std::string>& supported) {
    SubprotocolChoice choice;
    if (supported.empty()) {
        return choice;
    }
    if (trim(offeredHeader).empty()) {
        choice.acceptable = true;
        choice.protocol = supported.front();
        return choice;
    }
    std::string_view rest = offeredHeader;
    while (true) {
        const std::size_t comma = rest.find(',');
        const std::string_view token = trim(rest.substr(0, comma));
        for (const auto& ours : supported) {
            if (!token.empty() && equalsIgnoreCase(token, ours)) {
                choice.acceptable = true;
                choice.echo = std::string(token);
                choice.protocol = ours;
                return choice;
            }
        }
        if (comma == std::string_view::npos) {
            return choice;
        }
        rest.remove_prefix(comma + 1);
    }
}

} // namespace voltdesk::transport
