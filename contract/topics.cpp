#include "contract/topics.h"

#include "contract/text_encoding.h"

#include <vector>

namespace voltdesk::contract {

namespace {

bool isPlain(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == '~' || c == ':' || c == '@' || c == '=';
}

std::vector<std::string_view> split(std::string_view s) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t slash = s.find('/', start);
        parts.push_back(s.substr(start, slash == std::string_view::npos ? slash : slash - start));
        if (slash == std::string_view::npos) {
            return parts;
        }
        start = slash + 1;
    }
}

/// voltdesk/v1/sites/{site}/chargers/{charger}/{leaf}, ids decoded.
std::optional<ChargerTopicIds> parseChargerTopic(std::string_view topic, std::string_view leaf) {
    if (!topic.starts_with(kTopicRoot) || topic.size() <= kTopicRoot.size() ||
        topic[kTopicRoot.size()] != '/') {
        return std::nullopt;
    }
    const auto parts = split(topic.substr(kTopicRoot.size() + 1));
    if (parts.size() != 5 || parts[0] != "sites" || parts[2] != "chargers" || parts[4] != leaf) {
        return std::nullopt;
    }
    auto site = decodeTopicSegment(parts[1]);
    auto charger = decodeTopicSegment(parts[3]);
    if (!site || !charger || site->empty() || charger->empty()) {
        return std::nullopt;
    }
    return ChargerTopicIds{std::move(*site), std::move(*charger)};
}

} // namespace

std::string encodeTopicSegment(std::string_view id) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(id.size());
    for (const char ch : id) {
        const auto c = static_cast<unsigned char>(ch);
        if (isPlain(c)) {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 0xF]);
        }
    }
    return out;
}

std::optional<std::string> decodeTopicSegment(std::string_view segment) {
    std::string out;
    out.reserve(segment.size());
    for (std::size_t i = 0; i < segment.size(); ++i) {
        if (segment[i] == '%') {
            if (i + 2 >= segment.size()) {
                return std::nullopt;
            }
            const int hi = hexDigitValue(segment[i + 1]);
            const int lo = hexDigitValue(segment[i + 2]);
            if (hi < 0 || lo < 0) {
                return std::nullopt;
            }
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else if (segment[i] == '+' || segment[i] == '#') {
            return std::nullopt;
        } else {
            out.push_back(segment[i]);
        }
    }
    return out;
}

std::string agentStatusTopic(std::string_view agentId) {
    return std::string(kTopicRoot) + "/agents/" + encodeTopicSegment(agentId) + "/status";
}

std::string siteInfoTopic(std::string_view siteId) {
    return std::string(kTopicRoot) + "/sites/" + encodeTopicSegment(siteId) + "/info";
}

std::string chargerStateTopic(std::string_view siteId, std::string_view chargerId) {
    return std::string(kTopicRoot) + "/sites/" + encodeTopicSegment(siteId) + "/chargers/" +
           encodeTopicSegment(chargerId) + "/state";
}

std::string chargerHealthTopic(std::string_view siteId, std::string_view chargerId) {
    return std::string(kTopicRoot) + "/sites/" + encodeTopicSegment(siteId) + "/chargers/" +
           encodeTopicSegment(chargerId) + "/health";
}

std::string chargerTelemetryTopic(std::string_view siteId, std::string_view chargerId) {
    return std::string(kTopicRoot) + "/sites/" + encodeTopicSegment(siteId) + "/chargers/" +
           encodeTopicSegment(chargerId) + "/telemetry";
}

std::string sessionCostTopic(std::string_view siteId, std::string_view chargerId, int connectorId) {
    return std::string(kTopicRoot) + "/sites/" + encodeTopicSegment(siteId) + "/chargers/" +
           encodeTopicSegment(chargerId) + "/connectors/" + std::to_string(connectorId) + "/session-cost";
}

std::string siteCdrTopic(std::string_view siteId) {
    return std::string(kTopicRoot) + "/sites/" + encodeTopicSegment(siteId) + "/cdrs";
}

std::optional<ConnectorTopicIds> parseSessionCostTopic(std::string_view topic) {
    if (!topic.starts_with(kTopicRoot) || topic.size() <= kTopicRoot.size() ||
        topic[kTopicRoot.size()] != '/') {
        return std::nullopt;
    }
    const auto parts = split(topic.substr(kTopicRoot.size() + 1));
    if (parts.size() != 7 || parts[0] != "sites" || parts[2] != "chargers" || parts[4] != "connectors" ||
        parts[6] != "session-cost") {
        return std::nullopt;
    }
    auto site = decodeTopicSegment(parts[1]);
    auto charger = decodeTopicSegment(parts[3]);
    if (!site || !charger || site->empty() || charger->empty() || parts[5].empty() || parts[5].size() > 5) {
        return std::nullopt;
    }
    int connector = 0;
    for (const char c : parts[5]) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        connector = connector * 10 + (c - '0');
    }
    return ConnectorTopicIds{std::move(*site), std::move(*charger), connector};
}

std::optional<std::string> parseSiteCdrTopic(std::string_view topic) {
    if (!topic.starts_with(kTopicRoot) || topic.size() <= kTopicRoot.size() ||
        topic[kTopicRoot.size()] != '/') {
        return std::nullopt;
    }
    const auto parts = split(topic.substr(kTopicRoot.size() + 1));
    if (parts.size() != 3 || parts[0] != "sites" || parts[2] != "cdrs") {
        return std::nullopt;
    }
    auto site = decodeTopicSegment(parts[1]);
    if (!site || site->empty()) {
        return std::nullopt;
    }
    return site;
}

std::optional<ChargerTopicIds> parseChargerTelemetryTopic(std::string_view topic) {
    return parseChargerTopic(topic, "telemetry");
}

std::optional<ChargerTopicIds> parseChargerHealthTopic(std::string_view topic) {
    return parseChargerTopic(topic, "health");
}

std::optional<ParsedTopic> parseTopic(std::string_view topic) {
    if (!topic.starts_with(kTopicRoot) || topic.size() <= kTopicRoot.size() ||
        topic[kTopicRoot.size()] != '/') {
        return std::nullopt;
    }
    const auto parts = split(topic.substr(kTopicRoot.size() + 1));
    if (parts.size() == 3 && parts[0] == "agents" && parts[2] == "status") {
        auto agent = decodeTopicSegment(parts[1]);
        if (!agent || agent->empty()) {
            return std::nullopt;
        }
        return ParsedTopic{TopicKind::AgentStatus, std::move(*agent), {}, {}};
    }
    if (parts.size() == 3 && parts[0] == "sites" && parts[2] == "info") {
        auto site = decodeTopicSegment(parts[1]);
        if (!site || site->empty()) {
            return std::nullopt;
        }
        return ParsedTopic{TopicKind::SiteInfo, {}, std::move(*site), {}};
    }
    if (parts.size() == 5 && parts[0] == "sites" && parts[2] == "chargers" && parts[4] == "state") {
        auto site = decodeTopicSegment(parts[1]);
        auto charger = decodeTopicSegment(parts[3]);
        if (!site || !charger || site->empty() || charger->empty()) {
            return std::nullopt;
        }
        return ParsedTopic{TopicKind::ChargerState, {}, std::move(*site), std::move(*charger)};
    }
    return std::nullopt;
}

} // namespace voltdesk::contract
