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

int base64Value(char c) {
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    if (c == '+') {
        return 62;
    }
    if (c == '/') {
        return 63;
    }
    return -1;
}

std::optional<std::string> decodeBase64(std::string_view text) {
    std::size_t end = text.size();
    while (end > 0 && text.size() - end < 2 && text[end - 1] == '=') {
        --end;
    }
    if (end != text.size() && text.size() % 4 != 0) {
        return std::nullopt;
    }
    const std::string_view digits = text.substr(0, end);
    if (digits.size() % 4 == 1) {
        return std::nullopt;
    }
    std::string out;
    out.reserve(digits.size() / 4 * 3 + 2);
    unsigned bits = 0;
    int count = 0;
    for (const char c : digits) {
        const int value = base64Value(c);
        if (value < 0) {
            return std::nullopt;
        }
        bits = (bits << 6U) | static_cast<unsigned>(value);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out.push_back(static_cast<char>((bits >> static_cast<unsigned>(count)) & 0xFFU));
        }
    }
    return out;
}

} // namespace

std::optional<BasicCredentials> parseBasicAuthorization(std::string_view headerValue) {
    const std::string_view value = trim(headerValue);
    const std::size_t space = value.find_first_of(" \t");
    if (space == std::string_view::npos || !equalsIgnoreCase(value.substr(0, space), "Basic")) {
        return std::nullopt;
    }
    const std::string_view token = trim(value.substr(space));
    if (token.empty() || token.find_first_of(" \t") != std::string_view::npos) {
        return std::nullopt;
    }
    const auto decoded = decodeBase64(token);
    if (!decoded) {
        return std::nullopt;
    }
    const std::size_t colon = decoded->find(':');
    if (colon == std::string::npos) {
        return std::nullopt;
    }
    return BasicCredentials{decoded->substr(0, colon), decoded->substr(colon + 1)};
}

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
