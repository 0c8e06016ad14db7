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
    /// Makes an id tag change durable (the database); throws when it cannot, and nothing changes.
    struct IdTagPersistence {
        std::function<void(const domain::IdTag&)> save;
        std::function<bool(const std::string& idTag)> remove; ///< false: there was no such tag
    };

    CentralSystemCommands(domain::ChargerCommands& chargers, domain::IdTagRegistry& idTags,
                          SecuritySettingAccepted securitySettingAccepted = {},
                          IdTagPersistence persistence = {});

    /// SendLocalList with updateType Full and no localAuthorizationList is filled with every id tag the
    /// agent knows, with the console's listVersion (or, without one, the time in seconds): the way to
    /// bring a charger's local list in line with the central system.
    /// SetIdTag {idTag, parentIdTag?, expiryDate?, blocked?} and DeleteIdTag {idTag} are the agent's own
    /// (no charger involved): stored, then in effect for the next Authorize at once, answered
    /// {"status": "Accepted"} (or "Rejected" with the reason for a delete of an unknown tag); a payload
    /// that is not valid is Refused with the reason. Everything else is sent to the charger as given.
    void send(const std::string& chargerId, const std::string& command, nlohmann::json payload,
              std::chrono::milliseconds timeout, std::function<void(domain::CommandResult)> done) override;

private:
    domain::CommandResult setIdTag(const nlohmann::json& payload);
    domain::CommandResult deleteIdTag(const nlohmann::json& payload);

    domain::ChargerCommands& m_chargers;
    domain::IdTagRegistry& m_idTags;
    SecuritySettingAccepted m_securitySettingAccepted;
    IdTagPersistence m_persistence;
};

/// The full local list of registry at now, as an OCPP 1.6 SendLocalList payload; listVersion <= 0
/// picks the time in seconds.
nlohmann::json fullLocalList(const domain::IdTagRegistry& registry, contract::EpochMs now,
                             int listVersion = 0);

} // namespace voltdesk::app
