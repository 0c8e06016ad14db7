// The charger's OCPP 1.6 configuration keys (Core, Local Auth List, Reservation, Smart Charging and
// security whitepaper keys): values, readonly flags, and the checks ChangeConfiguration applies.
#pragma once

#include "chargepoint/charge_point_behaviour.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace voltdesk::sim {

enum class ConfigChange : std::uint8_t { Accepted, Rejected, RebootRequired, NotSupported };

class ConfigurationStore {
public:
    struct Entry {
        std::string value;
        bool readonly = false;
        bool writeOnly = false; ///< AuthorizationKey: never read back
    };

    ConfigurationStore(const ChargePointBehaviour& behaviour, int connectorCount, bool dc);

    /// The entry, or nullopt for a key the charger does not know.
    const Entry* find(std::string_view key) const;
    const std::map<std::string, Entry, std::less<>>& entries() const { return m_entries; }

    /// ChangeConfiguration: NotSupported for an unknown key, Rejected for a readonly key or a value
    /// that does not fit the key (bad number, unknown measurand, list too long, lower security profile).
    ConfigChange change(std::string_view key, std::string_view value);
    /// Sets a value without checks (the charger itself, or a test).
    void set(std::string_view key, std::string value);

    bool boolean(std::string_view key) const;
    int integer(std::string_view key, int fallback = 0) const;
    std::string text(std::string_view key) const;
    std::vector<std::string> list(std::string_view key) const;

private:
    void add(std::string key, std::string value, bool readonly = false);
    bool valid(std::string_view key, std::string_view value) const;

    std::map<std::string, Entry, std::less<>> m_entries;
};

} // namespace voltdesk::sim
