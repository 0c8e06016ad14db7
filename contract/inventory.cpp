#include "contract/inventory.h"

#include "contract/json_fields.h"

#include <set>

namespace voltdesk::contract {

std::string encodeInventory(const Inventory& inventory) {
    nlohmann::json sites = nlohmann::json::array();
    for (const auto& s : inventory.sites) {
        sites.push_back(nlohmann::json::parse(encodeSiteInfo(s)));
    }
    nlohmann::json chargers = nlohmann::json::array();
    for (const auto& c : inventory.chargers) {
        nlohmann::json j{{"chargerId", c.chargerId},
                         {"siteId", c.siteId},
                         {"maxPowerKw", c.maxPowerKw},
                         {"connectors", c.connectorCount}};
        if (c.location) {
            j["location"] = {{"lat", c.location->lat}, {"lon", c.location->lon}};
        }
        chargers.push_back(std::move(j));
    }
    return nlohmann::json{{"v", 1}, {"sites", std::move(sites)}, {"chargers", std::move(chargers)}}.dump(1);
}

DecodeResult<Inventory> decodeInventory(std::string_view json) {
    using Result = DecodeResult<Inventory>;
    const auto j = nlohmann::json::parse(json, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return Result::fail("inventory is not a JSON object");
    }
    const auto sites = j.find("sites");
    const auto chargers = j.find("chargers");
    if (sites == j.end() || !sites->is_array() || chargers == j.end() || !chargers->is_array()) {
        return Result::fail("inventory needs the arrays \"sites\" and \"chargers\"");
    }
    Inventory inv;
    std::set<std::string> siteIds;
    for (std::size_t i = 0; i < sites->size(); ++i) {
        auto site = decodeSiteInfo((*sites)[i].dump());
        if (!site) {
            return Result::fail("sites[" + std::to_string(i) + "]: " + site.error());
        }
        if (!siteIds.insert(site.value().siteId).second) {
            return Result::fail("site '" + site.value().siteId + "' is listed twice");
        }
        inv.sites.push_back(std::move(site).value());
    }
    std::set<std::string> chargerIds;
    for (std::size_t i = 0; i < chargers->size(); ++i) {
        const auto& cj = (*chargers)[i];
        const std::string where = "chargers[" + std::to_string(i) + "]: ";
        JsonFields f(cj);
        InventoryCharger c;
        c.chargerId = f.string("chargerId", true);
        c.siteId = f.string("siteId", true);
        c.maxPowerKw = f.number("maxPowerKw");
        c.connectorCount = cj.contains("connectors") ? f.integer("connectors") : 1;
        if (!f.ok()) {
            return Result::fail(where + f.error());
        }
        if (c.chargerId.empty()) {
            return Result::fail(where + "chargerId is empty");
        }
        if (c.connectorCount < 1 || c.connectorCount > 32) {
            return Result::fail(where + "connectors must be between 1 and 32");
        }
        if (c.maxPowerKw < 0) {
            return Result::fail(where + "maxPowerKw must not be negative");
        }
        if (siteIds.count(c.siteId) == 0) {
            return Result::fail(where + "unknown site '" + c.siteId + "'");
        }
        if (cj.contains("location")) {
            JsonFields loc(cj["location"], "location.");
            GeoPoint p{loc.number("lat", true), loc.number("lon", true)};
            if (!loc.ok()) {
                return Result::fail(where + loc.error());
            }
            c.location = p;
        }
        if (!chargerIds.insert(c.chargerId).second) {
            return Result::fail("charger '" + c.chargerId + "' is listed twice");
        }
        inv.chargers.push_back(std::move(c));
    }
    return Result::ok(std::move(inv));
}

} // namespace voltdesk::contract
