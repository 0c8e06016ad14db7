// Energy today from transaction meters, sampled-value units and a connector's live power.
#include "domain/health/energy_window.h"

#include <QtTest>

using namespace voltdesk;
using domain::energyInWindowWh;
using domain::TransactionMeter;

namespace {

constexpr contract::EpochMs kHour = 3'600'000;
constexpr contract::EpochMs kDay = 1'790'000'000'000; // midnight, the window's start
constexpr contract::EpochMs kNow = kDay + 12 * kHour;

TransactionMeter meter(contract::EpochMs start, double startWh) {
    TransactionMeter t;
    t.start = start;
    t.meterStartWh = startWh;
    return t;
}

} // namespace

class TestEnergyWindow : public QObject {
    Q_OBJECT

private slots:
    void runningTransactionStartedToday() {
        auto t = meter(kDay + kHour, 1000);
        t.latestRegisterWh = 8200;
        QCOMPARE(energyInWindowWh(t, kDay, kNow), 7200.0);
    }

    void runningWithoutReadingsYet() {
        QCOMPARE(energyInWindowWh(meter(kDay + kHour, 1000), kDay, kNow), 0.0);
    }

    void stoppedTodayUsesTheStopValue() {
        auto t = meter(kDay + kHour, 1000);
        t.stop = kDay + 3 * kHour;
        t.meterStopWh = 23000;
        t.latestRegisterWh = 22000;
        QCOMPARE(energyInWindowWh(t, kDay, kNow), 22000.0);
    }

    void overnightCountsOnlyTodaysPart() {
        auto t = meter(kDay - 2 * kHour, 1000);
        t.registerBeforeWh = 15000;
        t.stop = kDay + kHour;
        t.meterStopWh = 19000;
        QCOMPARE(energyInWindowWh(t, kDay, kNow), 4000.0);
    }

    void overnightWithoutAReadingBeforeMidnightCountsFromStart() {
        auto t = meter(kDay - 2 * kHour, 1000);
        t.latestRegisterWh = 9000;
        QCOMPARE(energyInWindowWh(t, kDay, kNow), 8000.0);
    }

    void endedBeforeTheWindowOrStartsAfter() {
        auto t = meter(kDay - 5 * kHour, 1000);
        t.stop = kDay - kHour;
        t.meterStopWh = 5000;
        QCOMPARE(energyInWindowWh(t, kDay, kNow), 0.0);
        auto later = meter(kNow + kHour, 0);
        later.latestRegisterWh = 100;
        QCOMPARE(energyInWindowWh(later, kDay, kNow), 0.0);
    }

    void registerGoingBackwardsIsNeverNegative() {
        auto t = meter(kDay + kHour, 5000);
        t.latestRegisterWh = 10; // a meter reset
        QCOMPARE(energyInWindowWh(t, kDay, kNow), 0.0);
    }

    void units() {
        QCOMPARE(*domain::toBaseUnit("12.5", "kWh"), 12500.0);
        QCOMPARE(*domain::toBaseUnit("7200", "W"), 7200.0);
        QCOMPARE(*domain::toBaseUnit("7200", ""), 7200.0);
        QCOMPARE(*domain::toBaseUnit("11", "kW"), 11000.0);
        QVERIFY(!domain::toBaseUnit("12", "A"));
        QVERIFY(!domain::toBaseUnit("twelve", "Wh"));
        QVERIFY(!domain::toBaseUnit("12x", "Wh"));
        QVERIFY(!domain::toBaseUnit("", "Wh"));
        QVERIFY(!domain::toBaseUnit("nan", "Wh"));
    }

    void connectorPower() {
        using domain::PowerReading;
        const std::vector<PowerReading> total{{"L1", 3000}, {"", 9000}};
        QCOMPARE(*domain::connectorPowerW(total), 9000.0);
        const std::vector<PowerReading> phases{{"L1", 3000}, {"L2", 3100}, {"L3", 2900}, {"N", 5}};
        QCOMPARE(*domain::connectorPowerW(phases), 9000.0);
        const std::vector<PowerReading> none{{"L1-N", 230}};
        QVERIFY(!domain::connectorPowerW(none));
        QVERIFY(!domain::connectorPowerW({}));
    }
};

QTEST_GUILESS_MAIN(TestEnergyWindow)
#include "tst_energy_window.moc"
