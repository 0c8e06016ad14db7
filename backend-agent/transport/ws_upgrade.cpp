#include "transport/ws_upgrade.h"

#include <algorithm>
#include <cctype>

namespace voltdesk::transport {

namespace {

constexpr std::size_t kMaxChargerIdBytes = 255;

int hexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

bool isValidUtf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        unsigned char lowest = 0x80;
        unsigned char highest = 0xBF;
        if (c < 0x80) {
            n = 1;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            lowest = c == 0xE0 ? 0xA0 : 0x80;
            highest = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            lowest = c == 0xF0 ? 0x90 : 0x80;
            highest = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        if (i + n > s.size()) {
            return false;
        }
        for (std::size_t k = 1; k < n; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if (b < (k == 1 ? lowest : 0x80) || b > (k == 1 ? highest : 0xBF)) {
                return false;
            }
        }
        i += n;
    }
    return true;
}

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
            const int hi = hexValue(raw[i + 1]);
            const int lo = hexValue(raw[i + 2]);
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
    if (id.size() > kMaxChargerIdBytes || !isValidUtf8(id)) {
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
