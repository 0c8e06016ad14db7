// The commands a console sends, as the central system carries them out: most go to the charger as
// they are; some are completed from the agent's own data first (a local list from the id tags), and
// some change the agent's records once the charger accepted them (a new AuthorizationKey).
#pragma once

#include "domain/charger_commands.h"
#include "domain/id_tag_registry.h"

#include <functional>
#include <string>

namespace voltdesk::app {

/// Decorates the live connections' ChargerCommands. Thread-safe.
class CentralSystemCommands final : public domain::ChargerCommands {
public:
    /// Told when a charger accepted a new AuthorizationKey or SecurityProfile (configuration key and
    /// value), so the agent admits it with the new setting when it reconnects.
    using SecuritySettingAccepted =
        std::function<void(const std::string& chargerId, const std::string& key, const std::string& value)>;

    CentralSystemCommands(domain::ChargerCommands& chargers, const domain::IdTagRegistry& idTags,
                          SecuritySettingAccepted securitySettingAccepted = {});

    /// SendLocalList with updateType Full and no localAuthorizationList is filled with every id tag the
    /// agent knows, with the registry's version as listVersion: the way to bring a charger's local list
    /// in line with the central system. Everything else is sent as given.
    void send(const std::string& chargerId, const std::string& command, nlohmann::json payload,
              std::chrono::milliseconds timeout, std::function<void(domain::CommandResult)> done) override;

private:
    domain::ChargerCommands& m_chargers;
    const domain::IdTagRegistry& m_idTags;
    SecuritySettingAccepted m_securitySettingAccepted;
};

/// The full local list of registry at now, as an OCPP 1.6 SendLocalList payload.
nlohmann::json fullLocalList(const domain::IdTagRegistry& registry, contract::EpochMs now);

} // namespace voltdesk::app
