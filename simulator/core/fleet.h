// The simulated fleet: sites on Berlin streets and the chargers standing at them.
#pragma once

#include "contract/inventory.h"
#include "core/charger_catalog.h"

#include <cstdint>
#include <string>
#include <vector>

namespace voltdesk::sim {

struct SimCharger {
    std::string chargerId;     ///< "VD-BER-00042"
    std::size_t siteIndex = 0; ///< into Fleet::sites
    int number = 0;            ///< the 42 in "VD-BER-00042"
    contract::GeoPoint location;
    int connectorCount = 1;
    double maxPowerKw = 0;
    bool dc = false;
    std::string vendor;
    std::string model;
    std::string serialNumber;
    std::string firmwareVersion;
};

struct SimSite {
    contract::SiteInfo info;
    SiteKind kind = SiteKind::Curbside;
};

struct Fleet {
    std::vector<SimSite> sites;
    std::vector<SimCharger> chargers;
};

struct FleetOptions {
    std::uint64_t seed = 1;
    int count = 200;
    int firstIndex = 1; ///< number of the first charger; processes sharing a fleet use disjoint ranges
    std::string idPrefix = "VD-BER-";
};

/// Charger n is the same for the same seed and prefix, whichever range it is generated in, so several
/// processes with [first, first+count) ranges simulate parts of one fleet. Throws std::invalid_argument
/// when count < 0 or firstIndex < 1.
Fleet generateFleet(const FleetOptions& options);

/// The contract inventory for the fleet: its sites (only those with a charger in range) and chargers.
contract::Inventory toInventory(const Fleet& fleet);

} // namespace voltdesk::sim
