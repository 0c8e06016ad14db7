// bench-rating: sessions rated per second on one core: ~4 h sessions with a reading a minute under a
// four-period Chinese tariff (Asia/Shanghai), through one RatingEngine as the agent will use it.
// Usage: scripts/env-run build/billing-bench/bin/bench-rating [--seconds 5]   (a Release build)
#include "domain/billing/rating_engine.h"
#include "domain/billing/tariff_json.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string_view>
#include <variant>
#include <vector>

using namespace voltdesk::billing;

namespace {

// Shanghai-style commercial tariff with National Day as a holiday, a time price and an idle fee.
constexpr std::string_view kTariff = R"({
  "id": "sh-commercial", "version": 1, "currency": "CNY", "minorDigits": 2,
  "periods": [
    {"name": "sharp",  "energyPrice": "1.3500", "serviceFee": "0.8000"},
    {"name": "peak",   "energyPrice": "1.1000", "serviceFee": "0.8000"},
    {"name": "flat",   "energyPrice": "0.7000", "serviceFee": "0.6000"},
    {"name": "valley", "energyPrice": "0.3000", "serviceFee": "0.4000"}],
  "dayTypes": [
    {"name": "workday", "schedule": [
      {"from": "00:00", "to": "08:00", "period": "valley"}, {"from": "08:00", "to": "10:00", "period": "flat"},
      {"from": "10:00", "to": "12:00", "period": "peak"},   {"from": "12:00", "to": "14:00", "period": "flat"},
      {"from": "14:00", "to": "17:00", "period": "peak"},   {"from": "17:00", "to": "19:00", "period": "sharp"},
      {"from": "19:00", "to": "21:00", "period": "peak"},   {"from": "21:00", "to": "23:00", "period": "flat"},
      {"from": "23:00", "to": "24:00", "period": "valley"}]},
    {"name": "weekend", "schedule": [
      {"from": "00:00", "to": "08:00", "period": "valley"}, {"from": "08:00", "to": "23:00", "period": "flat"},
      {"from": "23:00", "to": "24:00", "period": "valley"}]},
    {"name": "holiday", "schedule": [{"from": "00:00", "to": "24:00", "period": "valley"}]}],
  "week": {"monday": "workday", "tuesday": "workday", "wednesday": "workday", "thursday": "workday",
           "friday": "workday", "saturday": "weekend", "sunday": "weekend"},
  "holidays": [{"date": "2025-10-01", "dayType": "holiday"}, {"date": "2025-10-02", "dayType": "holiday"}],
  "timePricePerMinute": "0.0100", "sessionFee": "1.00",
  "idleFee": {"perMinute": "0.5000", "graceMinutes": 15, "cap": "30.00"},
  "taxPercent": "6"
})";

constexpr int kSessions = 1000; // distinct sessions, rated round after round
constexpr std::int64_t kMinute = 60'000;

/// ~4 h at 7-60 kW with noise, a reading a minute, starting anywhere in a fortnight around National Day.
std::vector<SessionInput> makeSessions() {
    std::mt19937 random(42);
    const EpochMs base = 1'758'902'400'000; // 2025-09-27T00:00:00+08:00
    std::vector<SessionInput> sessions;
    for (int i = 0; i < kSessions; ++i) {
        SessionInput s;
        s.start = base + std::uniform_int_distribution<EpochMs>(0, 14 * 24 * 60)(random) * kMinute;
        const auto minutes = std::uniform_int_distribution<int>(200, 280)(random);
        const auto watts = std::uniform_int_distribution<std::int64_t>(7'000, 60'000)(random);
        std::int64_t milliWh = std::uniform_int_distribution<std::int64_t>(0, 1'000'000'000)(random);
        for (int m = 0; m <= minutes; ++m) {
            s.readings.push_back({s.start + m * kMinute, milliWh});
            milliWh +=
                watts * kMinute / 3600 + std::uniform_int_distribution<std::int64_t>(-2'000, 2'000)(random);
        }
        s.chargingFinished = s.readings.back().at;
        s.stop = *s.chargingFinished + std::uniform_int_distribution<int>(0, 40)(random) * kMinute;
        sessions.push_back(std::move(s));
    }
    return sessions;
}

} // namespace

int main(int argc, char** argv) {
    double seconds = 5;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--seconds") == 0) {
            seconds = std::atof(argv[i + 1]);
        }
    }
    const auto parsed = tariffFromJson(kTariff);
    if (!parsed.tariff) {
        std::fprintf(stderr, "bench-rating: tariff: %s\n", parsed.error.c_str());
        return 1;
    }
    using Clock = std::chrono::steady_clock;
    const auto createStart = Clock::now();
    auto engineOrError = RatingEngine::create({*parsed.tariff}, "Asia/Shanghai");
    const auto createUs = std::chrono::duration<double, std::micro>(Clock::now() - createStart).count();
    if (const auto* error = std::get_if<RatingError>(&engineOrError)) {
        std::fprintf(stderr, "bench-rating: %s\n", error->message.c_str());
        return 1;
    }
    const auto& engine = std::get<RatingEngine>(engineOrError);
    const auto sessions = makeSessions();

    // A sum of totals the compiler cannot drop, printed so that a change of results is visible too.
    std::int64_t checksum = 0;
    std::size_t lines = 0;
    long rated = 0;
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::duration<double>(seconds);
    while (Clock::now() < deadline) {
        for (const auto& s : sessions) {
            const auto result = engine.rate(s);
            const auto& rating = std::get<SessionRating>(result);
            checksum += rating.total;
            lines += rating.lines.size();
        }
        rated += kSessions;
    }
    const auto elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf(
        "bench-rating: %.0f sessions/s on one core (%.1f us each; %ld sessions of ~4 h, a reading a minute, "
        "%.1f lines each; engine created in %.0f us; checksum %lld)\n",
        static_cast<double>(rated) / elapsed, elapsed * 1e6 / static_cast<double>(rated), rated,
        static_cast<double>(lines) / static_cast<double>(rated), createUs, static_cast<long long>(checksum));
    return 0;
}
