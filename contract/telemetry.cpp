#include "contract/telemetry.h"

#include "contract/json_fields.h"

#include <cmath>

namespace voltdesk::contract {

namespace {

struct MeasuredField {
    const char* key;
    std::optional<double> TelemetrySample::* member;
};

constexpr MeasuredField kMeasured[] = {
    {"powerW", &TelemetrySample::powerW},         {"currentA", &TelemetrySample::currentA},
    {"voltageV", &TelemetrySample::voltageV},     {"temperatureC", &TelemetrySample::temperatureC},
    {"socPercent", &TelemetrySample::socPercent}, {"energyWh", &TelemetrySample::energyWh},
};

} // namespace

std::string encode(const TelemetrySample& sample) {
    nlohmann::json j{{"v", kTelemetrySchemaVersion},
                     {"chargerId", sample.chargerId},
                     {"connectorId", sample.connectorId},
                     {"at", toIso8601(sample.at)}};
    if (sample.transactionId) {
        j["transactionId"] = *sample.transactionId;
    }
    for (const auto& field : kMeasured) {
        const auto& value = sample.*field.member;
        if (value && std::isfinite(*value)) {
            j[field.key] = *value;
        }
    }
    return j.dump();
}

DecodeResult<TelemetrySample> decodeTelemetrySample(std::string_view payload) {
    const auto j = nlohmann::json::parse(payload, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return DecodeResult<TelemetrySample>::fail("telemetry is not a JSON object");
    }
    JsonFields f(j);
    const int version = f.integer("v", true);
    if (f.ok() && version != kTelemetrySchemaVersion) {
        return DecodeResult<TelemetrySample>::fail("unsupported telemetry version " +
                                                   std::to_string(version));
    }
    TelemetrySample s;
    s.chargerId = f.string("chargerId", true);
    s.connectorId = f.integer("connectorId", true);
    s.at = f.timestamp("at", true);
    if (j.contains("transactionId") && !j["transactionId"].is_null()) {
        s.transactionId = f.integer("transactionId");
    }
    for (const auto& field : kMeasured) {
        if (j.contains(field.key) && !j[field.key].is_null()) {
            s.*field.member = f.number(field.key);
        }
    }
    if (!f.ok()) {
        return DecodeResult<TelemetrySample>::fail(f.error());
    }
    if (s.chargerId.empty()) {
        return DecodeResult<TelemetrySample>::fail("chargerId is empty");
    }
    if (s.connectorId < 0) {
        return DecodeResult<TelemetrySample>::fail("connectorId must not be negative");
    }
    return DecodeResult<TelemetrySample>::ok(std::move(s));
}

} // namespace voltdesk::contract
