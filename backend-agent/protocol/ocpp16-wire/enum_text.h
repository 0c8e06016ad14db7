// The wire spelling of every OCPP 1.6 enumeration, kept beside the enum it names so the two cannot
// drift apart; one toString/fromString pair serves them all.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace voltdesk::ocpp16 {

template <typename E, std::size_t N> using EnumNames = std::array<std::pair<E, std::string_view>, N>;

/// The first name listed for value, so an enum with two accepted spellings encodes with the first.
template <typename E, std::size_t N>
constexpr std::string_view enumName(const EnumNames<E, N>& names, E value) {
    for (const auto& [v, name] : names) {
        if (v == value) {
            return name;
        }
    }
    return {};
}

template <typename E, std::size_t N>
constexpr std::optional<E> enumFromName(const EnumNames<E, N>& names, std::string_view text) {
    for (const auto& [v, name] : names) {
        if (name == text) {
            return v;
        }
    }
    return std::nullopt;
}

/// Specialised beside each enumeration with `static constexpr auto kNames` (an EnumNames, case-sensitive
/// as the schemas are).
template <typename E> struct EnumText;

template <typename E>
concept WireEnum = std::is_enum_v<E> && requires { EnumText<E>::kNames; };

/// Builds an EnumText table without counting its entries.
template <typename E, std::size_t N>
constexpr EnumNames<E, N> enumNames(std::pair<E, std::string_view> (&&names)[N]) { // NOLINT(*-avoid-c-arrays)
    return std::to_array(std::move(names));
}

template <WireEnum E> constexpr std::string_view toString(E value) {
    return enumName(EnumText<E>::kNames, value);
}

/// nullopt for a spelling the schema does not list.
template <WireEnum E> constexpr std::optional<E> fromString(std::string_view text) {
    return enumFromName(EnumText<E>::kNames, text);
}

} // namespace voltdesk::ocpp16
