// Timestamps on every wire we speak (OCPP, MQTT) are ISO 8601 strings; inside, they are UTC milliseconds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace voltdesk::contract {

/// Milliseconds since the Unix epoch, UTC.
using EpochMs = std::int64_t;

/// Formats as "2026-11-26T09:40:25.123Z".
std::string toIso8601(EpochMs ms);

/// Parses "YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm|±hhmm]" (the forms chargers send); nullopt if malformed.
/// A string without an offset is taken as UTC, as OCPP 1.6 chargers in the field mean it.
std::optional<EpochMs> parseIso8601(std::string_view text);

/// Current wall-clock time.
EpochMs nowMs();

} // namespace voltdesk::contract
