// MQTT topic names between agent and consoles. Version 1 of the scheme; docs/MQTT.md is its prose.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace voltdesk::contract {

inline constexpr std::string_view kTopicRoot = "voltdesk/v1";

/// Retained. Agent presence; its last will sets state "offline".
std::string agentStatusTopic(std::string_view agentId);
/// Retained. Static facts of a site: name, location, address.
std::string siteInfoTopic(std::string_view siteId);
/// Retained. Live state of one charger (ChargerState); an empty retained payload removes the charger.
std::string chargerStateTopic(std::string_view siteId, std::string_view chargerId);
/// Not retained, QoS 0. Live meter readings of one charger (TelemetrySample), one message per
/// connector and instant.
std::string chargerTelemetryTopic(std::string_view siteId, std::string_view chargerId);
/// Retained, QoS 1. Health figures of one charger (ChargerHealth), recomputed every minute.
std::string chargerHealthTopic(std::string_view siteId, std::string_view chargerId);
/// Retained, QoS 1. The live cost of the session running on one connector (a provisional
/// ChargeDetailRecord); an empty retained payload when the session has ended.
std::string sessionCostTopic(std::string_view siteId, std::string_view chargerId, int connectorId);
/// Not retained, QoS 1. Every charge detail record of a site as the agent stores it (each version).
std::string siteCdrTopic(std::string_view siteId);

/// Subscriptions a console needs to see the whole network.
inline constexpr std::string_view kAllAgentStatus = "voltdesk/v1/agents/+/status";
inline constexpr std::string_view kAllSiteInfo = "voltdesk/v1/sites/+/info";
inline constexpr std::string_view kAllChargerStates = "voltdesk/v1/sites/+/chargers/+/state";
/// Every charger's telemetry; a detail view may subscribe to one charger's topic instead.
inline constexpr std::string_view kAllChargerTelemetry = "voltdesk/v1/sites/+/chargers/+/telemetry";
inline constexpr std::string_view kAllChargerHealth = "voltdesk/v1/sites/+/chargers/+/health";
inline constexpr std::string_view kAllSessionCosts =
    "voltdesk/v1/sites/+/chargers/+/connectors/+/session-cost";
inline constexpr std::string_view kAllCdrs = "voltdesk/v1/sites/+/cdrs";

/// Ids are percent-encoded in topics so that '/', '+', '#', '%' and control or non-ASCII bytes in a
/// charger's identity can never change the meaning of a topic.
std::string encodeTopicSegment(std::string_view id);
std::optional<std::string> decodeTopicSegment(std::string_view segment);

enum class TopicKind { AgentStatus, SiteInfo, ChargerState };

struct ParsedTopic {
    TopicKind kind;
    std::string agentId; ///< AgentStatus only
    std::string siteId;  ///< SiteInfo and ChargerState
    std::string chargerId;
};

/// Recognises the topics above (ids decoded); nullopt for anything else.
std::optional<ParsedTopic> parseTopic(std::string_view topic);

struct ChargerTopicIds {
    std::string siteId;
    std::string chargerId;
};

/// Recognises chargerTelemetryTopic() (ids decoded); nullopt for anything else. Separate from
/// parseTopic() because telemetry is a stream a model subscribes to on its own, not fleet state.
std::optional<ChargerTopicIds> parseChargerTelemetryTopic(std::string_view topic);
/// Recognises chargerHealthTopic() (ids decoded); nullopt for anything else. Not in parseTopic()
/// either: the health figures have a model of their own.
std::optional<ChargerTopicIds> parseChargerHealthTopic(std::string_view topic);

struct ConnectorTopicIds {
    std::string siteId;
    std::string chargerId;
    int connectorId = 0;
};

/// Recognises sessionCostTopic() (ids decoded); nullopt for anything else.
std::optional<ConnectorTopicIds> parseSessionCostTopic(std::string_view topic);
/// Recognises siteCdrTopic(): the site id, decoded; nullopt for anything else.
std::optional<std::string> parseSiteCdrTopic(std::string_view topic);

} // namespace voltdesk::contract
