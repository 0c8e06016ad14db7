// The operator's register of sites and chargers: where each charger stands and what it can deliver.
// OCPP never tells a central system where a charger is, so the agent imports this file; the
// simulator writes one for the fleet it simulates.
#pragma once

#include "contract/charger_state.h"
#include "contract/decode_result.h"
#include "contract/site_info.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace voltdesk::contract {

struct InventoryCharger {
    std::string chargerId;
    std::string siteId;
    std::optional<GeoPoint> location; ///< defaults to the site's location when absent
    double maxPowerKw = 0;
    int connectorCount = 1;

    bool operator==(const InventoryCharger&) const = default;
};

struct Inventory {
    std::vector<SiteInfo> sites;
    std::vector<InventoryCharger> chargers;

    bool operator==(const Inventory&) const = default;
};

/// JSON:
/// {"v":1,"sites":[SiteInfo...],"chargers":[{"chargerId","siteId","location"?,"maxPowerKw","connectors"}]}
std::string encodeInventory(const Inventory& inventory);
/// Refuses duplicate ids and chargers of unknown sites, naming the offending entry.
DecodeResult<Inventory> decodeInventory(std::string_view json);

} // namespace voltdesk::contract
