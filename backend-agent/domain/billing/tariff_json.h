// The JSON form of a tariff, which the console edits and the agent stores (docs/BILLING.md shows one).
// Prices and amounts are decimal strings in the major unit so that no amount passes through a double.
#pragma once

#include "domain/billing/tariff.h"

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace voltdesk::billing {

/// A tariff, or why the text is not one ("periods[1].energyPrice: ..."). Never throws. A parsed tariff
/// still needs validateTariff(): this checks the form, not whether the schedule covers the day.
struct TariffParseResult {
    std::optional<Tariff> tariff;
    std::string error;
};

TariffParseResult tariffFromJson(std::string_view text);
TariffParseResult tariffFromJsonValue(const nlohmann::json& json);

nlohmann::json tariffToJsonValue(const Tariff& tariff);
/// Indented with two spaces, keys in a fixed order, so stored tariffs diff well.
std::string tariffToJson(const Tariff& tariff);

} // namespace voltdesk::billing
