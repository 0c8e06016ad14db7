#include "core/berlin_streets.h"
#include "core/fleet.h"
#include "core/rng.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <stdexcept>

namespace voltdesk::sim {

namespace {

constexpr std::uint64_t kSaltSiteSize = 1;
constexpr std::uint64_t kSaltSite = 2;
constexpr std::uint64_t kSaltCharger = 3;

constexpr double kMetresPerDegLat = 111'320.0;

contract::GeoPoint offsetMetres(contract::GeoPoint p, double north, double east) {
    const double metresPerDegLon = kMetresPerDegLat * std::cos(p.lat * std::numbers::pi / 180.0);
    return {p.lat + north / kMetresPerDegLat, p.lon + east / metresPerDegLon};
}

std::string zeroPadded(int value, int width) {
    std::array<char, 24> buf{};
    std::snprintf(buf.data(), buf.size(), "%0*d", width, value);
    return buf.data();
}

SiteKind siteKindOf(std::uint64_t seed, std::uint64_t site) {
    auto rng = Rng::derive(seed, site, kSaltSiteSize);
    const auto kinds = siteKindProfiles();
    std::array<double, 8> weights{};
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        weights[i] = kinds[i].weight;
    }
    return kinds[rng.weighted(std::span(weights.data(), kinds.size()))].kind;
}

int siteSize(std::uint64_t seed, std::uint64_t site) {
    auto rng = Rng::derive(seed, site, kSaltSiteSize);
    rng.next(); // the first draw chose the kind
    const auto& p = profileOf(siteKindOf(seed, site));
    return rng.between(p.minChargers, p.maxChargers);
}

SimSite makeSite(const FleetOptions& o, std::uint64_t site) {
    auto rng = Rng::derive(o.seed, site, kSaltSite);
    const auto streets = berlinStreets();
    std::vector<double> lengths;
    lengths.reserve(streets.size());
    for (const auto& s : streets) {
        lengths.push_back(std::hypot(s.to.lat - s.from.lat, (s.to.lon - s.from.lon) * 0.61));
    }
    const auto& street = streets[rng.weighted(lengths)];
    const double t = rng.uniform();
    int house =
        street.firstNumber + static_cast<int>(std::lround(t * (street.lastNumber - street.firstNumber)));
    contract::GeoPoint onStreet{street.from.lat + t * (street.to.lat - street.from.lat),
                                street.from.lon + t * (street.to.lon - street.from.lon)};
    // Sites stand beside the road, not on it: step 12-25 m to one side, across the street's direction.
    const double dn = (street.to.lat - street.from.lat) * kMetresPerDegLat;
    const double de = (street.to.lon - street.from.lon) * kMetresPerDegLat * 0.61;
    const double len = std::max(1.0, std::hypot(dn, de));
    const double side = (house % 2 == 0 ? 1.0 : -1.0) * rng.uniform(12, 25);

    const auto kind = siteKindOf(o.seed, site);
    SimSite s;
    s.kind = kind;
    s.info.siteId = o.idPrefix + "S" + zeroPadded(static_cast<int>(site) + 1, 4);
    const std::string streetAndNumber = std::string(street.street) + " " + std::to_string(house);
    s.info.name = std::string(profileOf(kind).namePrefix) + " " + streetAndNumber;
    s.info.address = streetAndNumber + ", " + std::string(street.postcode) + " Berlin";
    s.info.timeZone = std::string(kBerlinTimeZone);
    s.info.location = offsetMetres(onStreet, -de / len * side, dn / len * side);
    return s;
}

SimCharger makeCharger(const FleetOptions& o, int number, const SimSite& site) {
    auto rng = Rng::derive(o.seed, static_cast<std::uint64_t>(number), kSaltCharger);
    const auto models = chargerModels();
    const auto& m = models[rng.weighted(profileOf(site.kind).modelWeights)];
    SimCharger c;
    c.number = number;
    c.chargerId = o.idPrefix + zeroPadded(number, 5);
    const double distance = rng.uniform(2, 20);
    const double bearing = rng.uniform(0, 2 * std::numbers::pi);
    c.location = offsetMetres(site.info.location, distance * std::cos(bearing), distance * std::sin(bearing));
    c.connectorCount = rng.between(m.minConnectors, m.maxConnectors);
    c.maxPowerKw = m.maxPowerKw;
    c.dc = m.dc;
    c.vendor = m.vendor;
    c.model = m.model;
    c.firmwareVersion = m.firmwareVersions[rng.next() % m.firmwareVersions.size()];
    c.serialNumber = std::string(m.serialPrefix) + "-" + std::to_string(rng.between(19, 25)) +
                     zeroPadded(rng.between(1, 52), 2) + "-" + zeroPadded(rng.between(0, 999'999), 6);
    return c;
}

} // namespace

Fleet generateFleet(const FleetOptions& o) {
    if (o.count < 0 || o.firstIndex < 1) {
        throw std::invalid_argument("the fleet needs count >= 0 and first index >= 1");
    }
    Fleet fleet;
    fleet.chargers.reserve(static_cast<std::size_t>(o.count));
    // Sites take consecutive charger numbers starting at 1; walk them to the first site in range.
    std::uint64_t site = 0;
    int siteStart = 1;
    while (siteStart + siteSize(o.seed, site) <= o.firstIndex) {
        siteStart += siteSize(o.seed, site);
        ++site;
    }
    const int end = o.firstIndex + o.count;
    for (int number = o.firstIndex; number < end;) {
        fleet.sites.push_back(makeSite(o, site));
        const int siteEnd = siteStart + siteSize(o.seed, site);
        for (; number < siteEnd && number < end; ++number) {
            auto charger = makeCharger(o, number, fleet.sites.back());
            charger.siteIndex = fleet.sites.size() - 1;
            fleet.chargers.push_back(std::move(charger));
        }
        siteStart = siteEnd;
        ++site;
    }
    return fleet;
}

contract::Inventory toInventory(const Fleet& fleet) {
    contract::Inventory inv;
    inv.sites.reserve(fleet.sites.size());
    for (const auto& s : fleet.sites) {
        inv.sites.push_back(s.info);
    }
    inv.chargers.reserve(fleet.chargers.size());
    for (const auto& c : fleet.chargers) {
        inv.chargers.push_back(
            {c.chargerId, fleet.sites[c.siteIndex].info.siteId, c.location, c.maxPowerKw, c.connectorCount});
    }
    return inv;
}

} // namespace voltdesk::sim
