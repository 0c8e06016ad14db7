// Messages of the wire contract, built the way the agent builds them, for the console's tests.
#pragma once

#include "contract/agent_presence.h"
#include "contract/charger_state.h"
#include "contract/site_info.h"
#include "contract/topics.h"
#include "models/mqtt_message.h"

#include <initializer_list>

namespace voltdesk::testing {

/// QCOMPARE cannot print contract enums (ADL finds contract::toString, which returns a string_view),
/// so tests compare statuses by name.
inline QString name(contract::ChargerStatus status) {
    return QString::fromLatin1(contract::toString(status));
}

inline contract::ChargerState chargerState(const std::string& siteId, const std::string& chargerId,
                                           std::initializer_list<contract::ConnectorStatus> connectors,
                                           bool online = true) {
    contract::ChargerState s;
    s.chargerId = chargerId;
    s.siteId = siteId;
    s.location = contract::GeoPoint{52.5 + static_cast<double>(chargerId.size()) / 1000, 13.4};
    s.vendor = "ABB";
    s.model = "Terra 54";
    s.serialNumber = "SN-" + chargerId;
    s.firmwareVersion = "1.6.0";
    s.maxPowerKw = 50;
    s.protocol = "ocpp1.6";
    s.online = online;
    s.registration = "Accepted";
    s.lastSeen = 1795686025123;
    s.updatedAt = 1795686025123;
    int id = 1;
    for (const auto c : connectors) {
        s.connectors.push_back(contract::ConnectorState{id++, c, "NoError", "", "", 1795686000000});
    }
    return s;
}

inline models::MqttMessage stateMessage(const contract::ChargerState& s) {
    return {QString::fromStdString(contract::chargerStateTopic(s.siteId, s.chargerId)),
            QByteArray::fromStdString(contract::encodeChargerState(s))};
}

inline models::MqttMessage stateMessage(const std::string& siteId, const std::string& chargerId,
                                        std::initializer_list<contract::ConnectorStatus> connectors,
                                        bool online = true) {
    return stateMessage(chargerState(siteId, chargerId, connectors, online));
}

inline models::MqttMessage removalMessage(const std::string& siteId, const std::string& chargerId) {
    return {QString::fromStdString(contract::chargerStateTopic(siteId, chargerId)), QByteArray()};
}

inline models::MqttMessage siteMessage(const std::string& siteId, const std::string& name) {
    contract::SiteInfo site{siteId, name, "Address 1", "Europe/Berlin", {52.5, 13.4}};
    return {QString::fromStdString(contract::siteInfoTopic(siteId)),
            QByteArray::fromStdString(contract::encodeSiteInfo(site))};
}

inline models::MqttMessage presenceMessage(const std::string& agentId, bool online) {
    contract::AgentPresence p{agentId, online, "0.1.0", 1795686025123};
    return {QString::fromStdString(contract::agentStatusTopic(agentId)),
            QByteArray::fromStdString(contract::encodeAgentPresence(p))};
}

} // namespace voltdesk::testing
