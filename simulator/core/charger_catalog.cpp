#include "core/charger_catalog.h"

#include <array>

namespace voltdesk::sim {

namespace {

using Fw = std::string_view;
constexpr std::array<Fw, 3> kFwAbbAc{"1.6.6", "1.7.2", "1.8.11"};
constexpr std::array<Fw, 2> kFwMennekes{"5.22.7", "5.33.1"};
constexpr std::array<Fw, 2> kFwCompleo{"2.4.0", "2.6.3"};
constexpr std::array<Fw, 2> kFwWallbox{"6.1.12", "6.4.3"};
constexpr std::array<Fw, 2> kFwKeba{"1.16.0", "1.17.2"};
constexpr std::array<Fw, 2> kFwAlfen{"6.3.0-4211", "6.5.1-4307"};
constexpr std::array<Fw, 3> kFwAbbDc{"1.8.22", "1.9.4", "2.1.3"};
constexpr std::array<Fw, 3> kFwAlpitronic{"1.4.2", "1.6.0", "1.7.5"};
constexpr std::array<Fw, 2> kFwKempower{"1.38.2", "1.41.0"};

// clang-format off
constexpr std::array kModels{
    //            vendor        model                        kW     dc    conn   serial  firmware
    ChargerModel{"ABB",         "Terra AC W22",              22,  false, 1, 1, "TACW22", kFwAbbAc},      // 0
    ChargerModel{"MENNEKES",    "AMTRON Professional",       22,  false, 1, 1, "AMP22",  kFwMennekes},   // 1
    ChargerModel{"Compleo",     "eBOX professional",         11,  false, 1, 1, "EBX11",  kFwCompleo},    // 2
    ChargerModel{"Compleo",     "DUO IMS",                   22,  false, 2, 2, "DUO22",  kFwCompleo},    // 3
    ChargerModel{"Wallbox",     "Commander 2",               22,  false, 1, 1, "CMX2",   kFwWallbox},    // 4
    ChargerModel{"KEBA",        "KeContact P30",             11,  false, 1, 1, "P30X",   kFwKeba},       // 5
    ChargerModel{"Alfen",       "Eve Double Pro-line",       22,  false, 2, 2, "ACE",    kFwAlfen},      // 6
    ChargerModel{"ABB",         "Terra 54",                  50,  true,  2, 3, "T54",    kFwAbbDc},      // 7
    ChargerModel{"Alpitronic",  "hypercharger HYC50",        50,  true,  1, 2, "HYC50",  kFwAlpitronic}, // 8
    ChargerModel{"Alpitronic",  "hypercharger HYC150",       150, true,  2, 3, "HYC150", kFwAlpitronic}, // 9
    ChargerModel{"Kempower",    "Satellite",                 150, true,  1, 2, "KS",     kFwKempower},   // 10
    ChargerModel{"ABB",         "Terra 184",                 180, true,  2, 3, "T184",   kFwAbbDc},      // 11
    ChargerModel{"Alpitronic",  "hypercharger HYC300",       300, true,  2, 4, "HYC300", kFwAlpitronic}, // 12
};

// Weights per model, in the order above.
constexpr std::array<double, 13> kCurbside      {3, 2, 3, 1, 1, 3, 1,  0, 0, 0, 0, 0, 0};
constexpr std::array<double, 13> kSupermarket   {2, 1, 0, 2, 0, 0, 2,  3, 3, 1, 0, 0, 0};
constexpr std::array<double, 13> kParkingGarage {2, 3, 2, 3, 1, 2, 3,  1, 0, 0, 0, 0, 0};
constexpr std::array<double, 13> kHotel         {2, 2, 1, 1, 3, 2, 1,  0, 1, 0, 0, 0, 0};
constexpr std::array<double, 13> kFastHub       {0, 0, 0, 0, 0, 0, 0,  1, 1, 3, 2, 2, 3};

constexpr std::array kKinds{
    SiteKindProfile{SiteKind::Curbside,      "Ladepunkt",        0.42, 1, 2,  kCurbside},
    SiteKindProfile{SiteKind::Supermarket,   "Supermarkt",       0.20, 2, 4,  kSupermarket},
    SiteKindProfile{SiteKind::ParkingGarage, "Parkhaus",         0.16, 4, 10, kParkingGarage},
    SiteKindProfile{SiteKind::Hotel,         "Hotel",            0.12, 2, 6,  kHotel},
    SiteKindProfile{SiteKind::FastHub,       "Schnellladepark",  0.10, 4, 8,  kFastHub},
};
// clang-format on

} // namespace

std::span<const ChargerModel> chargerModels() {
    return kModels;
}

std::span<const SiteKindProfile> siteKindProfiles() {
    return kKinds;
}

const SiteKindProfile& profileOf(SiteKind kind) {
    for (const auto& p : kKinds) {
        if (p.kind == kind) {
            return p;
        }
    }
    return kKinds.front();
}

} // namespace voltdesk::sim
