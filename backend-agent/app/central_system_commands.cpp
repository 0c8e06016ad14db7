#include "app/central_system_commands.h"

#include "protocol/ocpp16-wire/local_auth_list.h"
#include "protocol/ocpp16/transaction_block.h"

#include <algorithm>
#include <climits>
#include <utility>

namespace voltdesk::app {

nlohmann::json fullLocalList(const domain::IdTagRegistry& registry, contract::EpochMs now) {
    ocpp16::SendLocalListRequest request;
    request.updateType = ocpp16::UpdateType::Full;
    request.listVersion = static_cast<int>(std::clamp<std::uint64_t>(registry.version(), 1, INT_MAX));
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

CentralSystemCommands::CentralSystemCommands(domain::ChargerCommands& chargers,
                                             const domain::IdTagRegistry& idTags,
                                             SecuritySettingAccepted securitySettingAccepted)
    : m_chargers(chargers), m_idTags(idTags), m_securitySettingAccepted(std::move(securitySettingAccepted)) {}

void CentralSystemCommands::send(const std::string& chargerId, const std::string& command,
                                 nlohmann::json payload, std::chrono::milliseconds timeout,
                                 std::function<void(domain::CommandResult)> done) {
    if (command == "SendLocalList" && payload.is_object() &&
        contract::textField(payload, "updateType") == "Full" && !payload.contains("localAuthorizationList")) {
        payload = fullLocalList(m_idTags, contract::nowMs());
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
