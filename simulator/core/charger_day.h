// A charger's day: the days of its connectors, driven by one random stream seeded from the fleet seed.
#pragma once

#include "core/connector_day.h"
#include "core/fleet.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace voltdesk::sim {

/// A change on one connector (1-based, as OCPP numbers them).
struct ConnectorChange {
    int connectorId = 1;
    StatusChange change;
};

class ChargerDay {
public:
    ChargerDay(const SimCharger& charger, std::uint64_t seed);

    void start(EpochMs simNow);
    /// The earliest due change across connectors, or nullopt when none is due at `simNow`.
    std::optional<ConnectorChange> step(EpochMs simNow);
    EpochMs nextEventAt() const;

    int connectorCount() const { return static_cast<int>(m_connectors.size()); }
    /// connectorId 1..connectorCount().
    const ConnectorDay& connector(int connectorId) const {
        return m_connectors[static_cast<std::size_t>(connectorId - 1)];
    }

private:
    Rng m_rng;
    std::vector<ConnectorDay> m_connectors;
};

} // namespace voltdesk::sim
