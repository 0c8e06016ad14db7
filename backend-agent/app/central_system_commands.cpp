#include "app/central_system_commands.h"

#include "protocol/ocpp16-wire/local_auth_list.h"
#include "protocol/ocpp16/transaction_block.h"

#include <algorithm>
#include <climits>
#include <optional>
#include <utility>

namespace voltdesk::app {

nlohmann::json fullLocalList(const domain::IdTagRegistry& registry, contract::EpochMs now, int listVersion) {
    ocpp16::SendLocalListRequest request;
    request.updateType = ocpp16::UpdateType::Full;
    // Without a version from the console: the time of sending in seconds, which grows across agent
    // restarts, so GetLocalListVersion tells which chargers hold an older list.
    request.listVersion = listVersion > 0
                              ? listVersion
                              : static_cast<int>(std::clamp<contract::EpochMs>(now / 1000, 1, INT_MAX));
    std::vector<ocpp16::AuthorizationData> entries;
    for (const auto& tag : registry.all()) {
        if (tag.idTag.size() > 20) {
            continue; // not an OCPP 1.6 IdToken; such a tag can never be presented at a 1.6 charger
        }
        entries.push_back(
            ocpp16::AuthorizationData{tag.idTag, ocpp16::toWire(registry.authorize(tag.idTag, now))});
    }
    request.localAuthorizationList = std::move(entries);
    return ocpp16::encode(request);
}

namespace {

domain::CommandResult refused(std::string why) {
    return domain::CommandResult{
        contract::CommandOutcome::Refused, nlohmann::json::object(), {}, std::move(why)};
}

domain::CommandResult accepted() {
    return domain::CommandResult{contract::CommandOutcome::Completed, {{"status", "Accepted"}}, {}, {}};
}

/// OCPP 1.6 IdToken: 1 to 20 characters (CiString20).
std::optional<std::string> idTagProblem(const std::string& idTag) {
    if (idTag.empty() || idTag.size() > 20) {
        return "idTag must be 1 to 20 characters (an OCPP 1.6 IdToken)";
    }
    return std::nullopt;
}

} // namespace

CentralSystemCommands::CentralSystemCommands(domain::ChargerCommands& chargers, domain::IdTagRegistry& idTags,
                                             SecuritySettingAccepted securitySettingAccepted,
                                             IdTagPersistence persistence)
    : m_chargers(chargers), m_idTags(idTags), m_securitySettingAccepted(std::move(securitySettingAccepted)),
      m_persistence(std::move(persistence)) {}

domain::CommandResult CentralSystemCommands::setIdTag(const nlohmann::json& payload) {
    domain::IdTag tag;
    tag.idTag = contract::textField(payload, "idTag");
    if (auto problem = idTagProblem(tag.idTag)) {
        return refused(*problem);
    }
    if (const auto parent = contract::textField(payload, "parentIdTag"); !parent.empty()) {
        if (auto problem = idTagProblem(parent)) {
            return refused("parentIdTag: " + *problem);
        }
        if (parent == tag.idTag) {
            return refused("an id tag cannot be its own group");
        }
        tag.parentIdTag = parent;
    }
    if (payload.contains("expiryDate")) {
        const auto expiry = contract::parseIso8601(contract::textField(payload, "expiryDate"));
        if (!expiry) {
            return refused("expiryDate must be an ISO 8601 time");
        }
        tag.expiryDate = expiry;
    }
    if (const auto blocked = payload.find("blocked"); blocked != payload.end()) {
        if (!blocked->is_boolean()) {
            return refused("blocked must be true or false");
        }
        tag.blocked = blocked->get<bool>();
    }
    if (m_persistence.save) {
        m_persistence.save(tag); // durable first, then in effect
    }
    m_idTags.upsert(tag);
    return accepted();
}

domain::CommandResult CentralSystemCommands::deleteIdTag(const nlohmann::json& payload) {
    const std::string idTag = contract::textField(payload, "idTag");
    if (auto problem = idTagProblem(idTag)) {
        return refused(*problem);
    }
    const bool stored = m_persistence.remove ? m_persistence.remove(idTag) : false;
    const bool known = m_idTags.remove(idTag);
    if (!stored && !known) {
        return domain::CommandResult{contract::CommandOutcome::Completed,
                                     {{"status", "Rejected"}, {"reason", "no such id tag"}},
                                     {},
                                     {}};
    }
    return accepted();
}

void CentralSystemCommands::send(const std::string& chargerId, const std::string& command,
                                 nlohmann::json payload, std::chrono::milliseconds timeout,
                                 std::function<void(domain::CommandResult)> done) {
    if (command == "SetIdTag" || command == "DeleteIdTag") {
        domain::CommandResult result;
        try {
            result = command == "SetIdTag" ? setIdTag(payload) : deleteIdTag(payload);
        } catch (const std::exception& e) {
            result = refused(std::string("the id tag could not be stored: ") + e.what());
        }
        done(std::move(result));
        return;
    }
    if (chargerId.empty()) {
        done(refused("the command names no charger"));
        return;
    }
    if (command == "SendLocalList" && payload.is_object() &&
        contract::textField(payload, "updateType") == "Full" && !payload.contains("localAuthorizationList")) {
        int listVersion = 0;
        if (const auto v = payload.find("listVersion"); v != payload.end() && v->is_number_integer()) {
            listVersion = v->get<int>();
        }
        payload = fullLocalList(m_idTags, contract::nowMs(), listVersion);
    }
    const std::string configKey = payload.is_object() ? contract::textField(payload, "key") : std::string();
    if (command == "ChangeConfiguration" &&
        (configKey == "AuthorizationKey" || configKey == "SecurityProfile") && m_securitySettingAccepted) {
        const std::string value = contract::textField(payload, "value");
        done = [this, chargerId, configKey, value, done = std::move(done)](domain::CommandResult result) {
            if (result.outcome == contract::CommandOutcome::Completed &&
                contract::textField(result.response, "status") == "Accepted") {
                m_securitySettingAccepted(chargerId, configKey, value);
            }
            done(std::move(result));
        };
    }
    m_chargers.send(chargerId, command, std::move(payload), timeout, std::move(done));
}

} // namespace voltdesk::app
