// Meter readings to billed energy: interpolation, order, duplicates and the steps that are flagged.
#include "billing_fixtures.h"
#include "domain/billing/meter_profile.h"

#include <QtTest>
#include <algorithm>

using namespace voltdesk::billing;
using namespace billing_fixtures;

namespace {

constexpr EpochMs kT0 = 1'750'000'000'000;

MeterProfile profile(const std::vector<MeterReading>& readings, EpochMs from = kT0,
                     EpochMs to = kT0 + 10 * kHour, std::int64_t maxW = 350'000) {
    return MeterProfile(readings, from, to, MeterProfileOptions{maxW});
}

} // namespace

class TestBillingMeterProfile : public QObject {
    Q_OBJECT

private slots:
    void interpolatesBetweenReadings() {
        const auto p = profile({{kT0, 5 * kKwh}, {kT0 + kHour, 12 * kKwh}});
        QCOMPARE(p.billedAt(kT0), 0);
        QCOMPARE(p.billedAt(kT0 + kHour / 2), 3'500'000);
        QCOMPARE(p.billedAt(kT0 + kHour), 7 * kKwh);
        QCOMPARE(p.billedAt(kT0 - kHour), 0);
        QCOMPARE(p.billedAt(kT0 + 5 * kHour), 7 * kKwh);
        QCOMPARE(p.billedTotal(), 7 * kKwh);
        QVERIFY(p.anomalies().empty());
    }

    void interpolationRoundsHalfUpToOneMilliWh() {
        // 1 mWh over 2 ms: half-way is 0.5 mWh, rounded up; a third of 1 mWh rounds down.
        const auto p = profile({{kT0, 0}, {kT0 + 2, 1}, {kT0 + 5, 2}});
        QCOMPARE(p.billedAt(kT0 + 1), 1);
        QCOMPARE(p.billedAt(kT0 + 3), 1);
        QCOMPARE(p.billedAt(kT0 + 4), 2);
    }

    void outOfOrderAndDuplicatesDoNotMatter() {
        std::vector<MeterReading> readings{{kT0 + 2 * kHour, 20 * kKwh},
                                           {kT0, 0},
                                           {kT0 + kHour, 7 * kKwh},
                                           {kT0 + kHour, 7 * kKwh},
                                           {kT0, 0}};
        const auto p = profile(readings);
        QCOMPARE(p.readingCount(), std::size_t(3));
        QCOMPARE(p.billedAt(kT0 + kHour), 7 * kKwh);
        QCOMPARE(p.billedTotal(), 20 * kKwh);
        QVERIFY(p.anomalies().empty());
    }

    void backwardsStepBillsNothingAndIsFlagged() {
        const auto p = profile(
            {{kT0, 0}, {kT0 + kHour, 10 * kKwh}, {kT0 + 2 * kHour, 4 * kKwh}, {kT0 + 3 * kHour, 9 * kKwh}});
        QCOMPARE(p.billedTotal(), 15 * kKwh); // 10 before the step, 5 after it from the new value
        QCOMPARE(p.billedAt(kT0 + 90 * kMinute), 10 * kKwh);
        QCOMPARE(p.anomalies().size(), std::size_t(1));
        const auto& a = p.anomalies().front();
        QCOMPARE(a.kind, AnomalyKind::BackwardsStep);
        QCOMPARE(a.from, kT0 + kHour);
        QCOMPARE(a.to, kT0 + 2 * kHour);
        QCOMPARE(a.unbilledMilliWh, 0);
        QVERIFY2(a.message.find("went back from 10.000 kWh") != std::string::npos, a.message.c_str());
    }

    void implausibleJumpIsFlaggedAndNotBilled() {
        // 100 kWh in one minute is 6 MW: not charging.
        const auto p = profile({{kT0, 0}, {kT0 + kMinute, 100 * kKwh}, {kT0 + kHour, 100 * kKwh + 7 * kKwh}});
        QCOMPARE(p.billedTotal(), 7 * kKwh);
        QCOMPARE(p.anomalies().size(), std::size_t(1));
        QCOMPARE(p.anomalies().front().kind, AnomalyKind::ImplausibleJump);
        QCOMPARE(p.anomalies().front().unbilledMilliWh, 100 * kKwh);
        QVERIFY2(p.anomalies().front().message.find("6000.0 kW") != std::string::npos,
                 p.anomalies().front().message.c_str());
    }

    void powerAtTheLimitIsStillCharging() {
        // Exactly 350 kW for an hour.
        const auto p = profile({{kT0, 0}, {kT0 + kHour, 350 * kKwh}});
        QCOMPARE(p.billedTotal(), 350 * kKwh);
        QVERIFY(p.anomalies().empty());
        // One step of the register (1 Wh here: 1 mWh over it shows sub-Wh values) is allowed on top.
        const auto step = profile({{kT0, 0}, {kT0 + kHour, 350 * kKwh + 1}});
        QCOMPARE(step.billedTotal(), 350 * kKwh + 1);
        const auto over = profile({{kT0, 0}, {kT0 + kHour, 350 * kKwh + 1001}});
        QCOMPARE(over.billedTotal(), 0);
        QCOMPARE(over.anomalies().size(), std::size_t(1));
    }

    void oneRegisterStepMomentsApartIsNoJump() {
        // A MeterValues at 1'126'486 Wh and the stop's meterStop 1 Wh later, 131 ms apart, from a
        // 22 kW charger whose limit is 26.4 kW: taken literally 27.5 kW, but the register only
        // counts whole Wh, so the step says nothing about the power.
        const auto wh = [](std::int64_t n) { return n * 1000; };
        const auto p =
            profile({{kT0, wh(1'126'480)}, {kT0 + 1000, wh(1'126'486)}, {kT0 + 1131, wh(1'126'487)}}, kT0,
                    kT0 + kHour, 26'400);
        QVERIFY2(p.anomalies().empty(), p.anomalies().empty() ? "" : p.anomalies().front().message.c_str());
        QCOMPARE(p.billedTotal(), wh(7));
        // The same two readings 10 Wh apart are a jump: 9 Wh above the step in 131 ms is 247 kW.
        const auto jump =
            profile({{kT0, wh(1'126'480)}, {kT0 + 1000, wh(1'126'486)}, {kT0 + 1131, wh(1'126'496)}}, kT0,
                    kT0 + kHour, 26'400);
        QCOMPARE(jump.anomalies().size(), std::size_t(1));
        QCOMPARE(jump.anomalies().front().kind, AnomalyKind::ImplausibleJump);
    }

    void aRegisterInTenthsOfAKwhMovesInHundredWhSteps() {
        // Readings in 0.1 kWh: a 100 Wh step two seconds apart is resolution, not 180 kW.
        const auto p =
            profile({{kT0, 12'300'000}, {kT0 + kMinute, 12'600'000}, {kT0 + kMinute + 2000, 12'700'000}}, kT0,
                    kT0 + kHour, 26'400);
        QVERIFY(p.anomalies().empty());
        QCOMPARE(p.billedTotal(), 400'000);
        // Two steps in two seconds are more than the resolution explains.
        const auto two =
            profile({{kT0, 12'300'000}, {kT0 + kMinute, 12'600'000}, {kT0 + kMinute + 2000, 12'800'000}}, kT0,
                    kT0 + kHour, 26'400);
        QCOMPARE(two.anomalies().size(), std::size_t(1));
    }

    void twoValuesAtOneInstantConflict() {
        const auto p = profile(
            {{kT0, 0}, {kT0 + kHour, 9 * kKwh}, {kT0 + kHour, 7 * kKwh}, {kT0 + 2 * kHour, 14 * kKwh}});
        QCOMPARE(p.anomalies().size(), std::size_t(1));
        QCOMPARE(p.anomalies().front().kind, AnomalyKind::ConflictingReadings);
        QCOMPARE(p.anomalies().front().unbilledMilliWh, 2 * kKwh);
        QCOMPARE(p.billedTotal(), 12 * kKwh); // 7 up to the lower value, 5 from the higher one
    }

    void readingsOutsideTheSessionAreIgnored() {
        const auto p = profile(
            {{kT0 - kHour, 0}, {kT0, 1 * kKwh}, {kT0 + kHour, 3 * kKwh}, {kT0 + 11 * kHour, 50 * kKwh}});
        QCOMPARE(p.billedTotal(), 2 * kKwh);
        QCOMPARE(p.anomalies().size(), std::size_t(2));
        QCOMPARE(p.anomalies().front().kind, AnomalyKind::OutsideSession);
    }

    void noOrOneReadingIsNoEnergy() {
        QCOMPARE(profile({}).billedTotal(), 0);
        QVERIFY(profile({}).empty());
        QCOMPARE(profile({{kT0, 5 * kKwh}}).billedAt(kT0 + kHour), 0);
    }

    void formatsEnergy() {
        QCOMPARE(formatEnergy(12'345'678), std::string("12.346 kWh"));
        QCOMPARE(formatEnergy(0), std::string("0.000 kWh"));
    }
};

QTEST_GUILESS_MAIN(TestBillingMeterProfile)
#include "tst_billing_meter_profile.moc"
