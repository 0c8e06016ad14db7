#include "core/berlin_streets.h"

#include <array>

namespace voltdesk::sim {

namespace {

// clang-format off
constexpr std::array kStreets{
    StreetSegment{"Kurfürstendamm", "Charlottenburg", "10719", {52.5034, 13.3330}, {52.5006, 13.3130}, 11, 69},
    StreetSegment{"Kurfürstendamm", "Halensee", "10711", {52.4996, 13.3040}, {52.4975, 13.2925}, 100, 160},
    StreetSegment{"Unter den Linden", "Mitte", "10117", {52.5164, 13.3800}, {52.5172, 13.3960}, 1, 77},
    StreetSegment{"Friedrichstraße", "Mitte", "10117", {52.5085, 13.3901}, {52.5255, 13.3878}, 50, 150},
    StreetSegment{"Friedrichstraße", "Kreuzberg", "10969", {52.5005, 13.3914}, {52.5070, 13.3905}, 1, 49},
    StreetSegment{"Leipziger Straße", "Mitte", "10117", {52.5095, 13.3820}, {52.5110, 13.4040}, 1, 130},
    StreetSegment{"Invalidenstraße", "Mitte", "10115", {52.5275, 13.3750}, {52.5320, 13.3960}, 1, 160},
    StreetSegment{"Torstraße", "Mitte", "10119", {52.5281, 13.3900}, {52.5296, 13.4095}, 60, 200},
    StreetSegment{"Brunnenstraße", "Mitte", "10119", {52.5305, 13.4010}, {52.5360, 13.3975}, 1, 60},
    StreetSegment{"Karl-Marx-Allee", "Friedrichshain", "10243", {52.5192, 13.4270}, {52.5160, 13.4520}, 60, 140},
    StreetSegment{"Frankfurter Allee", "Friedrichshain", "10247", {52.5153, 13.4570}, {52.5138, 13.4760}, 1, 120},
    StreetSegment{"Frankfurter Allee", "Lichtenberg", "10365", {52.5132, 13.4790}, {52.5118, 13.4950}, 150, 260},
    StreetSegment{"Warschauer Straße", "Friedrichshain", "10243", {52.5055, 13.4485}, {52.5145, 13.4530}, 1, 90},
    StreetSegment{"Landsberger Allee", "Friedrichshain", "10249", {52.5235, 13.4310}, {52.5285, 13.4560}, 1, 180},
    StreetSegment{"Greifswalder Straße", "Prenzlauer Berg", "10405", {52.5290, 13.4250}, {52.5400, 13.4385}, 1, 220},
    StreetSegment{"Prenzlauer Allee", "Prenzlauer Berg", "10405", {52.5305, 13.4150}, {52.5440, 13.4270}, 1, 240},
    StreetSegment{"Schönhauser Allee", "Prenzlauer Berg", "10437", {52.5335, 13.4118}, {52.5490, 13.4138}, 10, 180},
    StreetSegment{"Müllerstraße", "Wedding", "13353", {52.5425, 13.3665}, {52.5495, 13.3530}, 1, 60},
    StreetSegment{"Müllerstraße", "Wedding", "13349", {52.5505, 13.3515}, {52.5600, 13.3340}, 100, 190},
    StreetSegment{"Turmstraße", "Moabit", "10559", {52.5262, 13.3290}, {52.5258, 13.3520}, 1, 90},
    StreetSegment{"Kantstraße", "Charlottenburg", "10623", {52.5057, 13.3290}, {52.5055, 13.3180}, 1, 60},
    StreetSegment{"Kantstraße", "Charlottenburg", "10627", {52.5058, 13.3140}, {52.5063, 13.3000}, 80, 160},
    StreetSegment{"Bismarckstraße", "Charlottenburg", "10627", {52.5122, 13.3200}, {52.5110, 13.3000}, 1, 110},
    StreetSegment{"Wilmersdorfer Straße", "Charlottenburg", "10627", {52.5105, 13.3050}, {52.5020, 13.3075}, 1, 130},
    StreetSegment{"Potsdamer Straße", "Schöneberg", "10783", {52.5030, 13.3660}, {52.4915, 13.3607}, 70, 190},
    StreetSegment{"Hauptstraße", "Schöneberg", "10827", {52.4895, 13.3590}, {52.4790, 13.3440}, 1, 160},
    StreetSegment{"Yorckstraße", "Kreuzberg", "10965", {52.4925, 13.3720}, {52.4930, 13.3850}, 1, 90},
    StreetSegment{"Bergmannstraße", "Kreuzberg", "10961", {52.4895, 13.3890}, {52.4890, 13.4010}, 1, 120},
    StreetSegment{"Oranienstraße", "Kreuzberg", "10999", {52.5030, 13.4120}, {52.5000, 13.4255}, 1, 200},
    StreetSegment{"Kottbusser Damm", "Kreuzberg", "10967", {52.4985, 13.4180}, {52.4880, 13.4240}, 1, 100},
    StreetSegment{"Tempelhofer Damm", "Tempelhof", "12101", {52.4835, 13.3858}, {52.4670, 13.3850}, 1, 150},
    StreetSegment{"Hermannstraße", "Neukölln", "12049", {52.4855, 13.4240}, {52.4690, 13.4310}, 1, 260},
    StreetSegment{"Sonnenallee", "Neukölln", "12045", {52.4862, 13.4265}, {52.4800, 13.4400}, 1, 120},
    StreetSegment{"Sonnenallee", "Neukölln", "12059", {52.4795, 13.4410}, {52.4735, 13.4545}, 121, 220},
    StreetSegment{"Schloßstraße", "Steglitz", "12163", {52.4640, 13.3285}, {52.4565, 13.3210}, 1, 130},
    StreetSegment{"Bölschestraße", "Friedrichshagen", "12587", {52.4550, 13.6250}, {52.4480, 13.6260}, 1, 130},
};
// clang-format on

} // namespace

std::span<const StreetSegment> berlinStreets() {
    return kStreets;
}

} // namespace voltdesk::sim
