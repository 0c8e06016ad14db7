// The charger models the simulated fleet is built from, and the kinds of site they stand at.
#pragma once

#include <span>
#include <string_view>

namespace voltdesk::sim {

struct ChargerModel {
    std::string_view vendor;
    std::string_view model;
    double maxPowerKw = 0;
    bool dc = false;
    int minConnectors = 1;
    int maxConnectors = 1;
    std::string_view serialPrefix;
    std::span<const std::string_view> firmwareVersions;
};

/// Where a site is decides how many chargers it has and of which kind.
enum class SiteKind { Curbside, Supermarket, ParkingGarage, Hotel, FastHub };

struct SiteKindProfile {
    SiteKind kind;
    std::string_view namePrefix; ///< "Parkhaus" in "Parkhaus Kantstraße 51"
    double weight = 0;           ///< share of sites of this kind
    int minChargers = 1;
    int maxChargers = 1;
    std::span<const double> modelWeights; ///< one weight per entry of chargerModels()
};

std::span<const ChargerModel> chargerModels();
std::span<const SiteKindProfile> siteKindProfiles();
const SiteKindProfile& profileOf(SiteKind kind);

} // namespace voltdesk::sim
