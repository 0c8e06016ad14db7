// A session's energy as a function of time, from its meter readings: sorted, de-duplicated, with the
// steps that cannot be trusted flagged and left unbilled (docs/BILLING.md, "Meter anomalies").
#pragma once

#include "domain/billing/tariff.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace voltdesk::billing {

/// A cumulative register reading (Energy.Active.Import.Register) in milliwatt-hours, the engine's
/// energy resolution, so that OCPP's decimal kWh and Wh values convert exactly.
struct MeterReading {
    EpochMs at = 0;
    std::int64_t milliWh = 0;
};

enum class AnomalyKind {
    BackwardsStep,       ///< the register went down: nothing is billed for the step
    ImplausibleJump,     ///< implied power above the plausible maximum: the step is not billed
    ConflictingReadings, ///< two different values at the same instant: the difference is not billed
    OutsideSession,      ///< a reading before the start or after the end: ignored
};

struct MeterAnomaly {
    AnomalyKind kind = AnomalyKind::BackwardsStep;
    EpochMs from = 0;
    EpochMs to = 0;
    std::int64_t fromMilliWh = 0;
    std::int64_t toMilliWh = 0;
    std::int64_t unbilledMilliWh = 0; ///< energy the register shows but the rating leaves out (>= 0)
    std::string message;
};

struct MeterProfileOptions {
    /// Above this implied power a step between two readings is a jump, not charging. The caller
    /// should set it from the charger's rating (e.g. 1.2 x its maximum power). One step of the
    /// register's resolution (1 Wh to 1 kWh, read from the values) is allowed on top, so readings a
    /// few milliseconds apart are not mistaken for a jump.
    std::int64_t maxPlausiblePowerW = 1'000'000;
};

/// The billed register B(t): 0 at the first reading, rising linearly between readings over every
/// trusted step, flat over flagged steps and outside the readings. Energy in [a, b) is B(b) - B(a),
/// so parts cut at any instants add up to the whole exactly.
class MeterProfile {
public:
    /// Readings outside [from, to] are ignored (and flagged); order and duplicates do not matter.
    MeterProfile(std::span<const MeterReading> readings, EpochMs from, EpochMs to,
                 const MeterProfileOptions& options);

    /// B(t) in mWh: interpolated between the readings around t, rounded half-up to 1 mWh.
    std::int64_t billedAt(EpochMs t) const;
    std::int64_t billedTotal() const { return m_knots.empty() ? 0 : m_knots.back().billed; }
    const std::vector<MeterAnomaly>& anomalies() const { return m_anomalies; }
    std::size_t readingCount() const { return m_knots.size(); }
    /// Whether any reading shows energy (so a rating without readings can say so).
    bool empty() const { return m_knots.empty(); }

private:
    struct Knot {
        EpochMs at = 0;
        std::int64_t billed = 0;
        bool flatAfter = false; ///< the step to the next knot is flagged and contributes nothing
    };

    void flag(AnomalyKind kind, const MeterReading& a, const MeterReading& b, std::int64_t unbilled,
              std::string message);

    std::vector<Knot> m_knots;
    std::vector<MeterAnomaly> m_anomalies;
};

/// "12.345 kWh" for 12'345'000 mWh: energy for people (messages, receipts).
std::string formatEnergy(std::int64_t milliWh);

} // namespace voltdesk::billing
