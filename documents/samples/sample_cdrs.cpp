// voltdesk-sample-cdrs OUT.jsonl: the CDRs behind docs/samples, rated by the real engine from tariffs
// in their JSON form, so no amount in the samples is written by hand (scripts/make-sample-documents).
#include "contract/charge_detail_record.h"
#include "domain/billing/charge_record.h"
#include "domain/billing/rating_engine.h"
#include "domain/billing/tariff_json.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <variant>
#include <vector>

namespace {

using namespace voltdesk;
using billing::EpochMs;
using namespace std::chrono;

constexpr EpochMs kMinute = 60'000;
constexpr EpochMs kHour = 60 * kMinute;

// The example tariff of docs/BILLING.md: four periods, fees, idle fee, 6 % tax.
constexpr const char* kShanghaiTariff = R"({
  "id": "sh-commercial", "version": 2, "currency": "CNY", "minorDigits": 2,
  "validFrom": "2025-07-01T00:00:00+08:00",
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
      {"from": "23:00", "to": "24:00", "period": "valley"}]}],
  "week": {"monday": "workday", "tuesday": "workday", "wednesday": "workday", "thursday": "workday",
           "friday": "workday", "saturday": "weekend", "sunday": "weekend"},
  "timePricePerMinute": "0.0100", "sessionFee": "1.00",
  "idleFee": {"perMinute": "0.5000", "graceMinutes": 15, "cap": "30.00"},
  "minimumPrice": "2.00", "maximumPrice": "500.00", "taxPercent": "6.0000"
})";

// A day and a night price, 19 % VAT: enough to show a session across the end of summer time.
constexpr const char* kBerlinTariff = R"({
  "id": "de-ac-public", "version": 1, "currency": "EUR", "minorDigits": 2,
  "validFrom": "2025-01-01T00:00:00+01:00",
  "periods": [
    {"name": "day",   "energyPrice": "0.3900", "serviceFee": "0.0500"},
    {"name": "night", "energyPrice": "0.2900", "serviceFee": "0.0500"}],
  "dayTypes": [{"name": "all", "schedule": [
      {"from": "00:00", "to": "06:00", "period": "night"}, {"from": "06:00", "to": "22:00", "period": "day"},
      {"from": "22:00", "to": "24:00", "period": "night"}]}],
  "week": {"monday": "all", "tuesday": "all", "wednesday": "all", "thursday": "all",
           "friday": "all", "saturday": "all", "sunday": "all"},
  "sessionFee": "0.50", "taxPercent": "19.0000"
})";

struct Site {
    const char* id;
    const char* name;
    const char* zone;
    const char* tariffJson;
};

const Site kPudong{"sh-pudong", "Pudong Hub 浦东枢纽站", "Asia/Shanghai", kShanghaiTariff};
const Site kHongqiao{"sh-hongqiao", "Hongqiao Depot 虹桥车场", "Asia/Shanghai", kShanghaiTariff};
const Site kBerlin{"de-berlin-mitte", "Berlin Mitte", "Europe/Berlin", kBerlinTariff};

/// A session to rate: where, who, when (UTC) and a charging power profile.
struct Session {
    const Site* site = nullptr;
    std::string chargerId;
    int connectorId = 1;
    int transactionId = 0;
    std::string idTag;
    std::string customerGroup;
    EpochMs start = 0;
    EpochMs stop = 0;
    EpochMs chargingFinished = 0; ///< 0: charging until the stop
    std::int64_t powerW = 0;
    std::int64_t meterStartWh = 0;
    double chargerKw = 120;
};

EpochMs utc(int y, unsigned mo, unsigned d, int h, int mi, int offsetHours) {
    const auto days = sys_days(year{y} / month{mo} / day{d});
    return duration_cast<milliseconds>(days.time_since_epoch()).count() + (h - offsetHours) * kHour +
           mi * kMinute;
}

/// The energy of a minute at powerW, in mWh (W x 60 s = 60/3600 Wh).
constexpr std::int64_t milliWhPerMinute(std::int64_t powerW) {
    return powerW * 60 * 1000 / 3600;
}

/// A reading a minute: constant power, tapering to a third over the last fifth (constant current,
/// then constant voltage), none after charging finished.
std::vector<billing::MeterReading> readingsOf(const Session& s) {
    const EpochMs end = s.chargingFinished ? s.chargingFinished : s.stop;
    const EpochMs taperFrom = s.start + (end - s.start) * 4 / 5;
    std::vector<billing::MeterReading> readings;
    std::int64_t milliWh = s.meterStartWh * 1000;
    for (EpochMs t = s.start; t <= s.stop; t += kMinute) {
        readings.push_back({t, milliWh});
        if (t < end) {
            const std::int64_t power =
                t < taperFrom ? s.powerW : s.powerW / 3 + (s.powerW * 2 / 3) * (end - t) / (end - taperFrom);
            milliWh += milliWhPerMinute(power);
        }
    }
    if (readings.back().at != s.stop) {
        readings.push_back({s.stop, milliWh});
    }
    return readings;
}

/// The session as the agent's store would know it.
billing::SessionFacts factsOf(const Session& s, const std::vector<billing::MeterReading>& readings,
                              double chargerKw) {
    billing::SessionFacts facts;
    facts.transactionId = s.transactionId;
    facts.chargerId = s.chargerId;
    facts.connectorId = s.connectorId;
    facts.idTag = s.idTag;
    facts.customerGroup = s.customerGroup;
    facts.siteId = s.site->id;
    facts.siteName = s.site->name;
    facts.timeZone = s.site->zone;
    facts.maxPowerKw = chargerKw;
    facts.start = s.start;
    facts.stop = s.stop;
    facts.meterStartWh = s.meterStartWh;
    facts.meterStopWh = readings.back().milliWh / 1000;
    facts.readings = readings;
    return facts;
}

class Writer {
public:
    explicit Writer(std::ostream& out) : m_out(out) {}

    /// Rates the session with these readings as the agent does (its facts, options and record);
    /// false, with the engine's message, if it refuses.
    bool rate(const Session& s, const std::vector<billing::MeterReading>& readings, int version = 1,
              std::string reason = "stop", EpochMs ratedAt = 0, double chargerKw = 0) {
        auto parsed = billing::tariffFromJson(s.site->tariffJson);
        if (!parsed.tariff) {
            std::cerr << "tariff: " << parsed.error << '\n';
            return false;
        }
        const auto tariff = *parsed.tariff;
        auto engine = billing::RatingEngine::create({tariff}, s.site->zone);
        if (const auto* error = std::get_if<billing::RatingError>(&engine)) {
            std::cerr << "engine: " << error->message << '\n';
            return false;
        }
        const auto facts = factsOf(s, readings, chargerKw > 0 ? chargerKw : s.chargerKw);
        auto input = billing::sessionInputOf(facts);
        if (s.chargingFinished) {
            input.chargingFinished = s.chargingFinished;
        }
        const auto rated =
            std::get<billing::RatingEngine>(engine).rate(input, billing::ratingOptionsFor(facts));
        if (const auto* error = std::get_if<billing::RatingError>(&rated)) {
            std::cerr << s.chargerId << '/' << s.transactionId << ": " << error->message << '\n';
            return false;
        }
        auto record = billing::cdrOf(facts, std::get<billing::SessionRating>(rated), version,
                                     std::move(reason), ratedAt ? ratedAt : s.stop + 5'000);
        record.agentId = "sample-agent";
        record.taxRate = billing::taxRateText(tariff.taxRate);
        if (s.chargingFinished) {
            record.chargingFinished = s.chargingFinished;
        }
        m_out << contract::encode(record) << '\n';
        return true;
    }

    bool rate(const Session& s) { return rate(s, readingsOf(s)); }

private:
    std::ostream& m_out;
};

/// A deterministic pseudo-random sequence (the samples must not change from run to run).
class Lcg {
public:
    std::uint32_t next(std::uint32_t bound) {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(m_state >> 33) % bound;
    }

private:
    std::uint64_t m_state = 20261103;
};

} // namespace

int main(int argc, char* argv[]) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: voltdesk-sample-cdrs OUT.jsonl\n");
        return 2;
    }
    std::ofstream file(argv[1]);
    if (!file) {
        std::fprintf(stderr, "%s: cannot be written\n", argv[1]);
        return 1;
    }
    Writer out(file);
    bool ok = true;
    constexpr int kShanghai = 8;

    // A bus on a Tuesday from 07:30 to 19:45: valley, flat, peak, flat, peak, sharp, peak; charging
    // finishes at 19:15, so 15 minutes of grace and 15 of idle fee follow.
    Session bus{&kPudong,
                "SH-PUDONG-01",
                1,
                1001,
                "04A2B3C4D5E6F7",
                "fleet-sh-01",
                utc(2026, 11, 3, 7, 30, kShanghai),
                utc(2026, 11, 3, 19, 45, kShanghai),
                utc(2026, 11, 3, 19, 15, kShanghai),
                38'000,
                1'204'330,
                60};
    ok &= out.rate(bus);

    // Berlin, 25 October 2026: 03:00 CEST falls back to 02:00 CET during the night charge.
    Session berlin{&kBerlin,
                   "DE-BER-07",
                   2,
                   5531,
                   "DE*VDK*C0042*7",
                   "fleet-berlin",
                   utc(2026, 10, 24, 23, 40, 2),
                   utc(2026, 10, 25, 7, 10, 1),
                   0,
                   7'400,
                   88'210,
                   11};
    ok &= out.rate(berlin);

    // The charger's rating was entered as 60 kW; it is a 150 kW unit. Its readings stop for 16 minutes
    // while it charges at 110 kW, so the step over the gap implies more than 1.2 x 60 kW and version 1
    // leaves it unbilled. The operator corrects the rating and re-rates: version 2 bills the energy.
    Session fast{&kHongqiao,
                 "SH-HONGQIAO-03",
                 1,
                 2207,
                 "04C9D8E7F6A5B4",
                 "fleet-sh-01",
                 utc(2026, 11, 12, 13, 5, kShanghai),
                 utc(2026, 11, 12, 13, 55, kShanghai),
                 0,
                 0,
                 530'118,
                 60};
    std::vector<billing::MeterReading> fastReadings;
    std::int64_t fastMilliWh = fast.meterStartWh * 1000;
    for (EpochMs t = fast.start; t <= fast.stop; t += kMinute) {
        const EpochMs minute = (t - fast.start) / kMinute;
        const bool inGap = minute > 20 && minute < 36;
        if (!inGap) {
            fastReadings.push_back({t, fastMilliWh});
        }
        fastMilliWh += milliWhPerMinute(minute < 20 ? 55'000 : minute < 36 ? 110'000 : 45'000);
    }
    ok &= out.rate(fast, fastReadings);
    ok &= out.rate(fast, fastReadings, 2,
                   "Charger rating corrected from 60 kW to 150 kW; the 16-minute gap was real charging "
                   "(ticket OPS-1182).",
                   utc(2026, 11, 14, 10, 20, kShanghai), 150);

    // The meter was swapped mid-session: the register drops to 0.250 kWh and counts on from there.
    Session swapped{&kPudong,
                    "SH-PUDONG-02",
                    2,
                    1044,
                    "04D1E2F3A4B5C6",
                    "fleet-sh-01",
                    utc(2026, 11, 18, 22, 10, kShanghai),
                    utc(2026, 11, 19, 0, 40, kShanghai),
                    0,
                    0,
                    77'402,
                    60};
    std::vector<billing::MeterReading> swappedReadings;
    std::int64_t meterRegister = swapped.meterStartWh * 1000;
    for (EpochMs t = swapped.start; t <= swapped.stop; t += kMinute) {
        if (t == swapped.start + 70 * kMinute) {
            meterRegister = 250'000;
        }
        swappedReadings.push_back({t, meterRegister});
        meterRegister += milliWhPerMinute(30'000);
    }
    ok &= out.rate(swapped, swappedReadings);

    // The rest of the month for the fleet (and a few sessions of another group and of the months
    // around it, which its statement leaves out).
    Lcg random;
    const Site* sites[] = {&kPudong, &kHongqiao};
    const char* tags[] = {"04A2B3C4D5E6F7", "04C9D8E7F6A5B4", "04D1E2F3A4B5C6", "04E5F6A7B8C9D0",
                          "04F0E1D2C3B4A5"};
    int transaction = 3000;
    for (int i = 0; i < 96; ++i) {
        const bool otherGroup = i % 12 == 5;
        const unsigned dayOfMonth = 1 + static_cast<unsigned>(i) * 30 / 96;
        const Site* site = sites[random.next(2)];
        Session s;
        s.site = site;
        s.chargerId = std::string(site == &kPudong ? "SH-PUDONG-0" : "SH-HONGQIAO-0") +
                      std::to_string(1 + random.next(4));
        s.connectorId = 1 + static_cast<int>(random.next(2));
        s.transactionId = ++transaction;
        s.idTag = otherGroup ? "04TAXI" + std::to_string(1000 + random.next(9000)) : tags[random.next(5)];
        s.customerGroup = otherGroup ? "taxi-sh" : "fleet-sh-01";
        s.start = utc(2026, 11, dayOfMonth, static_cast<int>(random.next(22)),
                      static_cast<int>(random.next(60)), kShanghai);
        s.stop = s.start + (25 + random.next(150)) * kMinute;
        s.powerW = 20'000 + random.next(80) * 1'000;
        s.meterStartWh = 100'000 + random.next(900'000);
        ok &= out.rate(s);
    }
    Session lateOctober{&kHongqiao,
                        "SH-HONGQIAO-02",
                        1,
                        2990,
                        "04E5F6A7B8C9D0",
                        "fleet-sh-01",
                        utc(2026, 10, 31, 23, 20, kShanghai),
                        utc(2026, 11, 1, 0, 50, kShanghai),
                        0,
                        45'000,
                        401'220,
                        60};
    ok &= out.rate(lateOctober); // stops on 1 November: on November's statement
    Session lateNovember{&kPudong,
                         "SH-PUDONG-04",
                         2,
                         4090,
                         "04F0E1D2C3B4A5",
                         "fleet-sh-01",
                         utc(2026, 11, 30, 23, 30, kShanghai),
                         utc(2026, 12, 1, 0, 45, kShanghai),
                         0,
                         45'000,
                         611'020,
                         60};
    ok &= out.rate(lateNovember); // stops on 1 December: not on November's statement
    return ok ? 0 : 1;
}
