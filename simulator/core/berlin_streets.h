// Real Berlin streets the simulated sites stand on: a straight segment along each street's course
// (coordinates read off the map, good to about 100 m), with house numbers and the postcode there.
#pragma once

#include "contract/charger_state.h"

#include <span>
#include <string_view>

namespace voltdesk::sim {

struct StreetSegment {
    std::string_view street;
    std::string_view district;
    std::string_view postcode;
    contract::GeoPoint from;
    contract::GeoPoint to;
    int firstNumber = 1;
    int lastNumber = 1;
};

/// Every segment sites may be placed on.
std::span<const StreetSegment> berlinStreets();

/// A box around Berlin's city limits, for checks.
struct GeoBounds {
    double minLat, maxLat, minLon, maxLon;
    bool contains(const contract::GeoPoint& p) const {
        return p.lat >= minLat && p.lat <= maxLat && p.lon >= minLon && p.lon <= maxLon;
    }
};
inline constexpr GeoBounds kBerlinBounds{52.33, 52.68, 13.08, 13.77};

inline constexpr std::string_view kBerlinTimeZone = "Europe/Berlin";

} // namespace voltdesk::sim
