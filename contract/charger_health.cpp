#include "contract/charger_health.h"

#include "contract/json_fields.h"

namespace voltdesk::contract {

namespace {

std::optional<double> optionalNumber(const nlohmann::json& j, const char* key, JsonFields& f) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        return std::nullopt;
    }
    return f.number(key);
}

bool isFraction(const std::optional<double>& v) {
    return !v || (*v >= 0.0 && *v <= 1.0);
}

} // namespace

std::string encode(const ChargerHealth& h) {
    nlohmann::json j{{"v", kChargerHealthSchemaVersion},
                     {"chargerId", h.chargerId},
                     {"computedAt", toIso8601(h.computedAt)},
                     {"energyTodayWh", h.energyTodayWh},
                     {"faults24h", h.faults24h},
                     {"healthScore", h.healthScore},
                     {"healthReasons", h.healthReasons}};
    if (h.powerW) {
        j["powerW"] = *h.powerW;
    }
    if (h.availability24h) {
        j["availability24h"] = *h.availability24h;
    }
    if (h.availability30d) {
        j["availability30d"] = *h.availability30d;
    }
    return j.dump();
}

DecodeResult<ChargerHealth> decodeChargerHealth(std::string_view payload) {
    using Result = DecodeResult<ChargerHealth>;
    const auto j = nlohmann::json::parse(payload, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return Result::fail("charger health is not a JSON object");
    }
    JsonFields f(j);
    const int version = f.integer("v", true);
    if (f.ok() && version != kChargerHealthSchemaVersion) {
        return Result::fail("unsupported charger health version " + std::to_string(version));
    }
    ChargerHealth h;
    h.chargerId = f.string("chargerId", true);
    h.computedAt = f.timestamp("computedAt", true);
    h.powerW = optionalNumber(j, "powerW", f);
    h.energyTodayWh = f.number("energyTodayWh");
    h.faults24h = f.integer("faults24h");
    h.availability24h = optionalNumber(j, "availability24h", f);
    h.availability30d = optionalNumber(j, "availability30d", f);
    h.healthScore = f.integer("healthScore", true);
    if (!f.ok()) {
        return Result::fail(f.error());
    }
    if (h.chargerId.empty()) {
        return Result::fail("chargerId is empty");
    }
    if (h.healthScore < 0 || h.healthScore > 100) {
        return Result::fail("healthScore out of range 0..100");
    }
    if (!isFraction(h.availability24h) || !isFraction(h.availability30d)) {
        return Result::fail("availability out of range 0..1");
    }
    if (h.faults24h < 0 || h.energyTodayWh < 0) {
        return Result::fail("faults24h and energyTodayWh cannot be negative");
    }
    if (const auto reasons = j.find("healthReasons"); reasons != j.end() && !reasons->is_null()) {
        if (!reasons->is_array()) {
            return Result::fail("healthReasons must be an array");
        }
        for (const auto& r : *reasons) {
            if (!r.is_string()) {
                return Result::fail("healthReasons must hold strings");
            }
            h.healthReasons.push_back(r.get<std::string>());
        }
    }
    return Result::ok(std::move(h));
}

} // namespace voltdesk::contract
