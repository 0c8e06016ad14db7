// The rating engine case by case: each period boundary, midnight into a holiday, DST both ways, a
// tariff change, time, idle and session fees, minimum and maximum, rounding, tax, anomalies, refusals.
#include "billing_fixtures.h"
#include "domain/billing/rating_engine.h"

#include <QtTest>
#include <algorithm>
#include <numeric>
#include <random>

using namespace voltdesk::billing;
using namespace billing_fixtures;

namespace {

constexpr const char* kShanghai = "Asia/Shanghai";
constexpr const char* kBerlin = "Europe/Berlin";
constexpr std::int64_t k7kW = 7200;

std::variant<SessionRating, RatingError> rate(std::vector<Tariff> tariffs, const char* zone,
                                              const SessionInput& s, const RatingOptions& options = {}) {
    return rateSession(std::move(tariffs), zone, s, options);
}

/// The rating, or nullopt with the engine's reason printed.
std::optional<SessionRating> rated(std::vector<Tariff> tariffs, const char* zone, const SessionInput& s,
                                   const RatingOptions& options = {}) {
    auto result = rate(std::move(tariffs), zone, s, options);
    if (const auto* error = std::get_if<RatingError>(&result)) {
        qWarning("refused: %s", error->message.c_str());
        return std::nullopt;
    }
    return std::get<SessionRating>(std::move(result));
}

std::optional<SessionRating> rated(const Tariff& tariff, const char* zone, const SessionInput& s,
                                   const RatingOptions& options = {}) {
    return rated(std::vector<Tariff>{tariff}, zone, s, options);
}

std::optional<RatingErrorCode> refusal(std::vector<Tariff> tariffs, const char* zone, const SessionInput& s) {
    auto result = rate(std::move(tariffs), zone, s);
    const auto* error = std::get_if<RatingError>(&result);
    return error ? std::optional(error->code) : std::nullopt;
}

SessionInput session(EpochMs start, EpochMs stop, std::int64_t watts = k7kW) {
    return {start, stop, std::nullopt, constantPower(start, stop, watts)};
}

std::vector<LineItem> linesOf(const SessionRating& r, LineKind kind) {
    std::vector<LineItem> lines;
    std::ranges::copy_if(r.lines, std::back_inserter(lines),
                         [kind](const LineItem& l) { return l.kind == kind; });
    return lines;
}

bool addsUp(const SessionRating& r) {
    const auto sum = std::accumulate(r.lines.begin(), r.lines.end(), Money{0},
                                     [](Money s, const LineItem& l) { return s + l.amount; });
    return sum == r.subtotal && r.subtotal + r.tax == r.total;
}

} // namespace

class TestBillingRatingEngine : public QObject {
    Q_OBJECT

private slots:
    void aWorkdayThroughEveryPeriod() {
        // Tuesday 1 July 2025, 07:00 to 23:30 at 7.2 kW.
        const auto r = rated(chinaTariff(), kShanghai, session(cst(2025, 7, 1, 7), cst(2025, 7, 1, 23, 30)));
        QVERIFY(r);
        const auto energy = linesOf(*r, LineKind::Energy);
        const std::vector<std::pair<std::string, double>> expected{
            {"valley", 1}, {"flat", 2}, {"peak", 2}, {"flat", 2},    {"peak", 3},
            {"sharp", 2},  {"peak", 2}, {"flat", 2}, {"valley", 0.5}};
        QCOMPARE(energy.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(energy[i].period, expected[i].first);
            QCOMPARE(energy[i].milliWh, static_cast<std::int64_t>(expected[i].second * 7.2 * kKwh));
        }
        QCOMPARE(energy[1].localFrom, std::string("2025-07-01T08:00:00+08:00"));
        QCOMPARE(energy[1].localTo, std::string("2025-07-01T10:00:00+08:00"));
        QCOMPARE(energy.back().localTo, std::string("2025-07-01T23:30:00+08:00"));
        // Sharp: 14.4 kWh x 1.35 = 19.44; its service fee 14.4 x 0.80 = 11.52.
        QCOMPARE(energy[5].amount, money("19.44"));
        QCOMPARE(linesOf(*r, LineKind::ServiceFee)[5].amount, money("11.52"));
        QCOMPARE(r->billedMilliWh, static_cast<std::int64_t>(16.5 * 7.2 * kKwh));
        QVERIFY(addsUp(*r));
        QVERIFY(!r->provisional);
        QVERIFY(r->anomalies.empty());
    }

    void eachBoundarySplitsEnergyThere_data() {
        QTest::addColumn<int>("hour");
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::newRow("08:00") << 8 << "valley" << "flat";
        QTest::newRow("10:00") << 10 << "flat" << "peak";
        QTest::newRow("12:00") << 12 << "peak" << "flat";
        QTest::newRow("14:00") << 14 << "flat" << "peak";
        QTest::newRow("17:00") << 17 << "peak" << "sharp";
        QTest::newRow("19:00") << 19 << "sharp" << "peak";
        QTest::newRow("21:00") << 21 << "peak" << "flat";
        QTest::newRow("23:00") << 23 << "flat" << "valley";
    }

    void eachBoundarySplitsEnergyThere() {
        QFETCH(int, hour);
        QFETCH(QString, before);
        QFETCH(QString, after);
        // Only a start and a stop reading: the energy is interpolated at the boundary (1:2 split).
        const auto boundary = cst(2025, 7, 2, hour);
        const SessionInput s{
            boundary - 20 * kMinute,
            boundary + 40 * kMinute,
            std::nullopt,
            {{boundary - 20 * kMinute, 1000 * kKwh}, {boundary + 40 * kMinute, 1006 * kKwh}}};
        const auto r = rated(chinaTariff(), kShanghai, s);
        QVERIFY(r);
        const auto energy = linesOf(*r, LineKind::Energy);
        QCOMPARE(energy.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(energy[0].period), before);
        QCOMPARE(QString::fromStdString(energy[1].period), after);
        QCOMPARE(energy[0].milliWh, 2 * kKwh);
        QCOMPARE(energy[1].milliWh, 4 * kKwh);
        QCOMPARE(energy[0].to, boundary);
        QCOMPARE(energy[1].from, boundary);
    }

    void aSessionInsideOnePeriodIsOneLine() {
        const auto r =
            rated(chinaTariff(), kShanghai, session(cst(2025, 7, 2, 10, 5), cst(2025, 7, 2, 11, 55)));
        QVERIFY(r);
        QCOMPARE(linesOf(*r, LineKind::Energy).size(), std::size_t(1));
    }

    void acrossMidnightIntoAHoliday() {
        // Tuesday 30 Sep 23:00 to National Day 11:00: a workday would be flat 08-10 and peak 10-11; the
        // holiday is valley all day, and the valley before midnight joins it in one line.
        const auto r = rated(chinaTariff(), kShanghai, session(cst(2025, 9, 30, 23), cst(2025, 10, 1, 11)));
        QVERIFY(r);
        const auto energy = linesOf(*r, LineKind::Energy);
        QCOMPARE(energy.size(), std::size_t(1));
        QCOMPARE(energy[0].period, std::string("valley"));
        QCOMPARE(energy[0].milliWh, static_cast<std::int64_t>(12 * 7.2 * kKwh));
        QCOMPARE(energy[0].localFrom, std::string("2025-09-30T23:00:00+08:00"));
        QCOMPARE(energy[0].localTo, std::string("2025-10-01T11:00:00+08:00"));
    }

    void acrossMidnightIntoAWeekend() {
        // Friday 4 July 22:00 to Saturday 09:00: flat, valley (joined over midnight), weekend flat from
        // 08:00.
        const auto r = rated(chinaTariff(), kShanghai, session(cst(2025, 7, 4, 22), cst(2025, 7, 5, 9)));
        QVERIFY(r);
        const auto energy = linesOf(*r, LineKind::Energy);
        QCOMPARE(energy.size(), std::size_t(3));
        QCOMPARE(energy[1].period, std::string("valley"));
        QCOMPARE(energy[1].milliWh, static_cast<std::int64_t>(9 * 7.2 * kKwh));
        QCOMPARE(energy[2].period, std::string("flat"));
    }

    void springForwardSkipsTheWitchingHour() {
        // Berlin, 30 March 2025: 02:00 CET jumps to 03:00 CEST. 00:00 CET (23:00 UTC) to 04:00 CEST
        // (02:00 UTC) is three real hours: two at night, none "witching", one by day.
        const auto start = at(2025, 3, 29, 23, 0, 0);
        const auto r = rated(berlinTariff(), kBerlin, session(start, start + 3 * kHour));
        QVERIFY(r);
        const auto energy = linesOf(*r, LineKind::Energy);
        QCOMPARE(energy.size(), std::size_t(2));
        QCOMPARE(energy[0].period, std::string("night"));
        QCOMPARE(energy[0].milliWh, static_cast<std::int64_t>(2 * 7.2 * kKwh));
        QCOMPARE(energy[0].localFrom, std::string("2025-03-30T00:00:00+01:00"));
        QCOMPARE(energy[0].localTo, std::string("2025-03-30T03:00:00+02:00"));
        QCOMPARE(energy[1].period, std::string("day"));
        QCOMPARE(energy[1].milliWh, static_cast<std::int64_t>(7.2 * kKwh));
        QCOMPARE(energy[1].localTo, std::string("2025-03-30T04:00:00+02:00"));
    }

    void fallBackRepeatsTheWitchingHour() {
        // Berlin, 26 October 2025: 03:00 CEST falls back to 02:00 CET; 02:00-03:00 happens twice, and the
        // witching period lasts from the first 02:00 to the (only) 03:00: two real hours.
        const auto start = at(2025, 10, 25, 22, 0, 0); // 00:00 CEST
        const auto r = rated(berlinTariff(), kBerlin, session(start, start + 5 * kHour));
        QVERIFY(r);
        const auto energy = linesOf(*r, LineKind::Energy);
        QCOMPARE(energy.size(), std::size_t(3));
        QCOMPARE(energy[1].period, std::string("witching"));
        QCOMPARE(energy[1].milliWh, static_cast<std::int64_t>(2 * 7.2 * kKwh));
        QCOMPARE(energy[1].localFrom, std::string("2025-10-26T02:00:00+02:00"));
        QCOMPARE(energy[1].localTo, std::string("2025-10-26T03:00:00+01:00"));
        QCOMPARE(energy[2].milliWh, static_cast<std::int64_t>(7.2 * kKwh));
        QCOMPARE(energy[2].localTo, std::string("2025-10-26T04:00:00+01:00"));
    }

    void aBoundaryInsideTheSkippedHourIsTheJump() {
        // 02:30 does not exist on 30 March 2025 in Berlin: the period starting then starts at the jump.
        auto t = berlinTariff();
        t.dayTypes[0].schedule = {entry(0, 0, 2, 30, "night"), entry(2, 30, 24, 0, "day")};
        const auto jump = at(2025, 3, 30, 1, 0, 0);
        const auto r = rated(t, kBerlin, session(jump - kHour, jump + kHour));
        QVERIFY(r);
        const auto energy = linesOf(*r, LineKind::Energy);
        QCOMPARE(energy.size(), std::size_t(2));
        QCOMPARE(energy[0].to, jump);
        QCOMPARE(energy[1].localFrom, std::string("2025-03-30T03:00:00+02:00"));
    }

    void aBoundaryInsideTheRepeatedHourIsItsFirstOccurrence() {
        auto t = berlinTariff();
        t.dayTypes[0].schedule = {entry(0, 0, 2, 30, "night"), entry(2, 30, 24, 0, "day")};
        const auto firstHalfPastTwo = at(2025, 10, 26, 0, 30, 0);
        const auto r = rated(t, kBerlin, session(firstHalfPastTwo - kHour, firstHalfPastTwo + 2 * kHour));
        QVERIFY(r);
        const auto energy = linesOf(*r, LineKind::Energy);
        QCOMPARE(energy.size(), std::size_t(2));
        QCOMPARE(energy[0].to, firstHalfPastTwo);
        QCOMPARE(energy[1].localFrom, std::string("2025-10-26T02:30:00+02:00"));
    }

    void aTariffChangeDuringTheSession() {
        // v1 until 1 July 2025 00:00 Beijing time, v2 (dearer, with a time price) from then.
        auto v1 = chinaTariff();
        v1.validUntil = cst(2025, 7, 1, 0);
        v1.timePricePerMinute = price("0.0100");
        auto v2 = chinaTariff();
        v2.version = 2;
        v2.validFrom = cst(2025, 7, 1, 0);
        v2.periods[3].energyPrice = price("0.3500");
        v2.timePricePerMinute = price("0.0200");
        const auto r = rated({v2, v1}, kShanghai, session(cst(2025, 6, 30, 23), cst(2025, 7, 1, 1)));
        QVERIFY(r);
        const auto energy = linesOf(*r, LineKind::Energy);
        QCOMPARE(energy.size(), std::size_t(2));
        QCOMPARE(energy[0].tariffVersion, 1);
        QCOMPARE(energy[1].tariffVersion, 2);
        QCOMPARE(energy[0].amount, money("2.16")); // 7.2 kWh x 0.30
        QCOMPARE(energy[1].amount, money("2.52")); // 7.2 kWh x 0.35
        const auto time = linesOf(*r, LineKind::ChargingTime);
        QCOMPARE(time.size(), std::size_t(2));
        QCOMPARE(time[0].amount, money("0.60"));
        QCOMPARE(time[1].amount, money("1.20"));
        QVERIFY(addsUp(*r));
    }

    void chargingTimeStopsWhenChargingFinished() {
        auto t = flatTariff("1.0000");
        t.timePricePerMinute = price("0.1000");
        auto s = session(cst(2025, 7, 2, 10), cst(2025, 7, 2, 11, 30));
        s.chargingFinished = cst(2025, 7, 2, 11);
        const auto r = rated(t, kShanghai, s);
        QVERIFY(r);
        const auto time = linesOf(*r, LineKind::ChargingTime);
        QCOMPARE(time.size(), std::size_t(1));
        QCOMPARE(time[0].durationMs, kHour);
        QCOMPARE(time[0].amount, money("6.00"));
    }

    void idleFeeGraceAndCap_data() {
        QTest::addColumn<int>("idleMinutes");
        QTest::addColumn<QString>("fee");
        QTest::newRow("inside grace") << 5 << "";
        QTest::newRow("exactly the grace") << 10 << "";
        QTest::newRow("after grace") << 30 << "10.00";
        QTest::newRow("half a minute after grace") << 0 << "";
        QTest::newRow("at the cap") << 50 << "20.00";
        QTest::newRow("capped") << 300 << "20.00";
    }

    void idleFeeGraceAndCap() {
        QFETCH(int, idleMinutes);
        QFETCH(QString, fee);
        auto t = flatTariff("1.0000");
        t.idleFee = IdleFee{price("0.5000"), 10, money("20.00")};
        const auto finished = cst(2025, 7, 2, 12);
        SessionInput s{cst(2025, 7, 2, 10), finished + idleMinutes * kMinute, finished,
                       constantPower(cst(2025, 7, 2, 10), finished, k7kW)};
        const auto r = rated(t, kShanghai, s);
        QVERIFY(r);
        const auto idle = linesOf(*r, LineKind::IdleTime);
        if (fee.isEmpty()) {
            QVERIFY(idle.empty());
        } else {
            QCOMPARE(idle.size(), std::size_t(1));
            QCOMPARE(idle[0].amount, money(fee.toLatin1().constData()));
            QCOMPARE(idle[0].from, finished + 10 * kMinute);
        }
        QCOMPARE(linesOf(*r, LineKind::Energy)[0].milliWh, static_cast<std::int64_t>(2 * 7.2 * kKwh));
    }

    void idleFeeIsProRataToTheMillisecond() {
        auto t = flatTariff("1.0000");
        t.idleFee = IdleFee{price("0.6000"), 0, std::nullopt};
        const auto finished = cst(2025, 7, 2, 12);
        SessionInput s{cst(2025, 7, 2, 11), finished + 90'500, finished,
                       constantPower(cst(2025, 7, 2, 11), finished, k7kW)};
        const auto r = rated(t, kShanghai, s);
        QVERIFY(r);
        // 1.5083 min x 0.60 = 0.905 -> 0.91 (half up).
        QCOMPARE(linesOf(*r, LineKind::IdleTime)[0].amount, money("0.91"));
    }

    void idleTimeIsNotChargedTheEnergyPrice() {
        // The energy lines end where the meter stopped rising; idle time adds no energy.
        auto t = flatTariff("1.0000");
        const auto finished = cst(2025, 7, 2, 12);
        auto readings = constantPower(cst(2025, 7, 2, 11), finished, k7kW);
        readings.push_back({finished + kHour, readings.back().milliWh});
        const auto r = rated(t, kShanghai, {cst(2025, 7, 2, 11), finished + kHour, finished, readings});
        QVERIFY(r);
        QCOMPARE(r->billedMilliWh, static_cast<std::int64_t>(7.2 * kKwh));
    }

    void sessionFee() {
        auto t = flatTariff("1.0000");
        t.sessionFee = money("2.00");
        const auto r = rated(t, kShanghai, session(cst(2025, 7, 2, 10), cst(2025, 7, 2, 11)));
        QVERIFY(r);
        QCOMPARE(linesOf(*r, LineKind::SessionFee)[0].amount, money("2.00"));
        QCOMPARE(r->subtotal, money("9.20"));
    }

    void minimumPrice() {
        auto t = flatTariff("1.0000");
        t.minimumPrice = money("5.00");
        const auto r = rated(t, kShanghai, session(cst(2025, 7, 2, 10), cst(2025, 7, 2, 10, 10)));
        QVERIFY(r);
        QCOMPARE(linesOf(*r, LineKind::MinimumPrice)[0].amount, money("3.80")); // 1.20 of energy
        QCOMPARE(r->subtotal, money("5.00"));
        QVERIFY(addsUp(*r));
    }

    void maximumPrice() {
        auto t = flatTariff("1.0000", "0.5000");
        t.maximumPrice = money("50.00");
        t.minimumPrice = money("5.00");
        const auto r = rated(t, kShanghai, session(cst(2025, 7, 2, 10), cst(2025, 7, 2, 16)));
        QVERIFY(r);
        QCOMPARE(linesOf(*r, LineKind::MaximumPrice)[0].amount, money("-14.80")); // 43.2 + 21.6 = 64.80
        QCOMPARE(r->subtotal, money("50.00"));
        QVERIFY(linesOf(*r, LineKind::MinimumPrice).empty());
        QVERIFY(addsUp(*r));
    }

    void eachLineIsRoundedOnce_data() {
        QTest::addColumn<QString>("unitPrice");
        QTest::addColumn<qint64>("milliWh");
        QTest::addColumn<qint64>("amount");
        QTest::newRow("exact") << "1.0000" << qint64(kKwh) << qint64(100);
        QTest::newRow("0.45 fen down") << "1.2345" << qint64(kKwh) << qint64(123);
        QTest::newRow("0.5 fen up") << "1.2350" << qint64(kKwh) << qint64(124);
        QTest::newRow("sub-fen price") << "0.000100" << qint64(49'999'999) << qint64(0);
        QTest::newRow("sub-fen price, half") << "0.000100" << qint64(50'000'000) << qint64(1);
        QTest::newRow("one mWh") << "1.0000" << qint64(1) << qint64(0);
        QTest::newRow("odd energy") << "0.8888" << qint64(12'345'678) << qint64(1097);
    }

    void eachLineIsRoundedOnce() {
        QFETCH(QString, unitPrice);
        QFETCH(qint64, milliWh);
        QFETCH(qint64, amount);
        const auto start = cst(2025, 7, 2, 10);
        const SessionInput s{start, start + kHour, std::nullopt, {{start, 0}, {start + kHour, milliWh}}};
        const auto r = rated(flatTariff(unitPrice.toLatin1().constData()), kShanghai, s);
        QVERIFY(r);
        QCOMPARE(linesOf(*r, LineKind::Energy)[0].amount, amount);
    }

    void taxOnTheRoundedSubtotal() {
        auto t = flatTariff("1.2345");
        t.taxRate = RatePpm{130'000};
        const auto start = cst(2025, 7, 2, 10);
        const auto r = rated(t, kShanghai,
                             {start, start + kHour, std::nullopt, {{start, 0}, {start + kHour, 100 * kKwh}}});
        QVERIFY(r);
        QCOMPARE(r->subtotal, money("123.45"));
        QCOMPARE(r->tax, money("16.05")); // 16.0485 rounds half up to 16.05
        QCOMPARE(r->total, money("139.50"));
    }

    void anomaliesAreFlaggedAndNotBilled() {
        const auto start = cst(2025, 7, 2, 10, 10);
        const SessionInput s{start,
                             start + 3 * kHour,
                             std::nullopt,
                             {{start, 0},
                              {start + kHour, 7 * kKwh},
                              {start + kHour + kMinute, 500 * kKwh}, // a jump of 493 kWh in a minute
                              {start + 2 * kHour, 503 * kKwh},
                              {start + 2 * kHour + kMinute, 1 * kKwh}, // backwards: a meter reset
                              {start + 3 * kHour, 5 * kKwh}}};
        const auto r =
            rated(flatTariff("1.0000"), kShanghai, s, RatingOptions{MeterProfileOptions{350'000}, {}});
        QVERIFY(r);
        QCOMPARE(r->anomalies.size(), std::size_t(2));
        QCOMPARE(r->anomalies[0].kind, AnomalyKind::ImplausibleJump);
        QCOMPARE(r->anomalies[1].kind, AnomalyKind::BackwardsStep);
        QCOMPARE(r->billedMilliWh, 14 * kKwh);
        QCOMPARE(r->unbilledMilliWh, 493 * kKwh);
        QCOMPARE(r->subtotal, money("14.00"));
    }

    void orderAndDuplicatesDoNotChangeTheRating() {
        auto s = session(cst(2025, 7, 2, 9), cst(2025, 7, 2, 12));
        const auto clean = rated(chinaTariff(), kShanghai, s);
        s.readings.insert(s.readings.end(), s.readings.begin(), s.readings.begin() + 30);
        std::ranges::shuffle(s.readings, std::mt19937(7));
        const auto messy = rated(chinaTariff(), kShanghai, s);
        QVERIFY(clean && messy);
        QCOMPARE(messy->total, clean->total);
        QCOMPARE(messy->lines.size(), clean->lines.size());
        QVERIFY(messy->anomalies.empty());
    }

    void onlyStartAndStopReadingsAreInterpolated() {
        const auto start = cst(2025, 7, 2, 9);
        const SessionInput s{
            start, start + 2 * kHour, std::nullopt, {{start, 10 * kKwh}, {start + 2 * kHour, 30 * kKwh}}};
        const auto r = rated(chinaTariff(), kShanghai, s);
        QVERIFY(r);
        const auto energy = linesOf(*r, LineKind::Energy);
        QCOMPARE(energy.size(), std::size_t(2));
        QCOMPARE(energy[0].milliWh, 10 * kKwh);
        QCOMPARE(energy[1].milliWh, 10 * kKwh);
    }

    void noReadingsBillsOnlyTheFees() {
        auto t = flatTariff("1.0000");
        t.sessionFee = money("1.00");
        const auto r = rated(t, kShanghai, {cst(2025, 7, 2, 9), cst(2025, 7, 2, 10), std::nullopt, {}});
        QVERIFY(r);
        QCOMPARE(r->total, money("1.00"));
        QVERIFY(linesOf(*r, LineKind::Energy).empty());
    }

    void liveCostEqualsTheFinalCost() {
        auto t = chinaTariff();
        t.timePricePerMinute = price("0.0500");
        t.idleFee = IdleFee{price("0.4000"), 5, money("10.00")};
        t.sessionFee = money("1.00");
        const auto start = cst(2025, 7, 2, 16, 10);
        const auto finished = start + 2 * kHour;
        auto readings = constantPower(start, finished, k7kW);
        readings.push_back({finished + 20 * kMinute, readings.back().milliWh});
        SessionInput running{start, std::nullopt, finished, readings};
        const auto live = rated(t, kShanghai, running);
        SessionInput stopped = running;
        stopped.stop = finished + 20 * kMinute;
        const auto final = rated(t, kShanghai, stopped);
        QVERIFY(live && final);
        QVERIFY(live->provisional);
        QVERIFY(!final->provisional);
        QCOMPARE(live->to, *stopped.stop);
        QCOMPARE(live->total, final->total);
        QCOMPARE(live->lines.size(), final->lines.size());
        // Rated at a given instant, a running session costs what it would if it stopped then.
        const auto later = finished + 40 * kMinute;
        const auto liveLater = rated(t, kShanghai, running, RatingOptions{{}, later});
        stopped.stop = later;
        const auto finalLater = rated(t, kShanghai, stopped);
        QVERIFY(liveLater && finalLater);
        QCOMPARE(liveLater->total, finalLater->total);
        QVERIFY(liveLater->total > live->total);
    }

    void finishOutsideTheSessionIsClamped() {
        auto t = flatTariff("1.0000");
        t.timePricePerMinute = price("0.1000");
        auto s = session(cst(2025, 7, 2, 10), cst(2025, 7, 2, 11));
        s.chargingFinished = cst(2025, 7, 2, 11, 0) + 3000; // a charger clock 3 s ahead
        const auto r = rated(t, kShanghai, s);
        QVERIFY(r);
        QCOMPARE(linesOf(*r, LineKind::ChargingTime)[0].durationMs, kHour);
    }

    void refusals() {
        const auto s = session(cst(2025, 7, 2, 10), cst(2025, 7, 2, 11));
        QCOMPARE(refusal({chinaTariff()}, "Asia/Atlantis", s), RatingErrorCode::UnknownTimeZone);
        QCOMPARE(refusal({}, kShanghai, s), RatingErrorCode::InvalidTariff);
        auto broken = chinaTariff();
        broken.periods[0].energyPrice.reset();
        QCOMPARE(refusal({broken}, kShanghai, s), RatingErrorCode::InvalidTariff);

        auto later = chinaTariff();
        later.validFrom = cst(2025, 7, 2, 10, 30);
        QCOMPARE(refusal({later}, kShanghai, s), RatingErrorCode::NoTariffAtStart);
        auto ending = chinaTariff();
        ending.validUntil = cst(2025, 7, 2, 10, 30);
        QCOMPARE(refusal({ending}, kShanghai, s), RatingErrorCode::TariffGap);
        QCOMPARE(refusal({ending, later}, kShanghai, s), std::nullopt); // back to back: fine
        auto overlapping = chinaTariff();
        overlapping.validFrom = cst(2025, 7, 2, 10, 20);
        QCOMPARE(refusal({ending, overlapping}, kShanghai, s), RatingErrorCode::InvalidTariff);

        auto backwards = s;
        backwards.stop = cst(2025, 7, 2, 9);
        QCOMPARE(refusal({chinaTariff()}, kShanghai, backwards), RatingErrorCode::StopBeforeStart);
        auto endless = s;
        endless.stop = cst(2025, 9, 2, 9);
        QCOMPARE(refusal({chinaTariff()}, kShanghai, endless), RatingErrorCode::SessionTooLong);

        auto expensive = flatTariff("1.0000");
        expensive.sessionFee = std::numeric_limits<Money>::max();
        QCOMPARE(refusal({expensive}, kShanghai, s), RatingErrorCode::AmountOverflow);
    }

    void refusalMessagesSayWhy() {
        auto later = chinaTariff();
        later.validFrom = cst(2025, 7, 2, 10, 30);
        auto result = rate({later}, kShanghai, session(cst(2025, 7, 2, 10), cst(2025, 7, 2, 11)));
        QCOMPARE(std::get<RatingError>(result).message,
                 std::string("No tariff is valid when the session starts (2025-07-02T02:00:00.000Z)."));
    }

    void anEngineRatesManySessions() {
        auto engine = RatingEngine::create({chinaTariff()}, kShanghai);
        QVERIFY(std::holds_alternative<RatingEngine>(engine));
        const auto& e = std::get<RatingEngine>(engine);
        QCOMPARE(std::string(e.timeZone().name()), std::string(kShanghai));
        for (int day = 1; day <= 7; ++day) {
            const auto r = e.rate(session(cst(2025, 7, day, 18), cst(2025, 7, day, 20)));
            QVERIFY(std::holds_alternative<SessionRating>(r));
        }
    }
};

QTEST_GUILESS_MAIN(TestBillingRatingEngine)
#include "tst_billing_rating_engine.moc"
