// The health score's deductions and reasons, and the published figures of a whole charger.
#include "domain/health/charger_health_calculator.h"
#include "domain/health/health_score.h"

#include <QtTest>
#include <algorithm>

using namespace voltdesk;
using domain::assessHealth;
using domain::HealthInputs;

namespace {

constexpr contract::EpochMs kMin = 60'000;
constexpr contract::EpochMs kHour = 60 * kMin;
constexpr contract::EpochMs kDayMs = 24 * kHour;
constexpr contract::EpochMs kNow = 1'790'000'000'000;

HealthInputs healthy() {
    HealthInputs in;
    in.now = kNow;
    in.day.knownMs = kDayMs;
    in.month.knownMs = 30 * kDayMs;
    in.lastSeen = kNow - kMin;
    in.staleAfter = 15 * kMin;
    return in;
}

} // namespace

class TestHealthScore : public QObject {
    Q_OBJECT

private slots:
    void healthyIsAHundredWithoutReasons() {
        const auto a = assessHealth(healthy());
        QCOMPARE(a.score, 100);
        QVERIFY(a.reasons.empty());
    }

    void unknownAvailabilityCostsNothing() {
        HealthInputs in = healthy();
        in.day = {};
        in.month = {};
        QCOMPARE(assessHealth(in).score, 100);
    }

    void offlineNow() {
        HealthInputs in = healthy();
        in.condition.online = false;
        in.condition.offlineSince = kNow - 25 * kMin;
        in.lastSeen = kNow - 25 * kMin; // silence of an offline charger is not staleness too
        in.day.downMs = static_cast<double>(25 * kMin);
        in.day.offlineMs = 25 * kMin;
        const auto a = assessHealth(in);
        QCOMPARE(a.score, 100 - 40 - 2);
        QCOMPARE(a.reasons, (std::vector<std::string>{"offline for 25 min",
                                                      "unavailable 25 min in 24 h (offline 25 min)"}));
    }

    void staleButOnline() {
        HealthInputs in = healthy();
        in.lastSeen = kNow - 20 * kMin;
        const auto a = assessHealth(in);
        QCOMPARE(a.score, 85);
        QCOMPARE(a.reasons, std::vector<std::string>{"no message for 20 min"});
    }

    void faultedNowNamesTheConnectorsAndCodes() {
        HealthInputs in = healthy();
        in.condition.faulted = {{0, "PowerMeterFailure"}, {2, ""}};
        const auto a = assessHealth(in);
        QCOMPARE(a.score, 70);
        QCOMPARE(a.reasons,
                 std::vector<std::string>{"charger faulted (PowerMeterFailure), connector 2 faulted"});
    }

    void availabilityDeductions() {
        HealthInputs in = healthy();
        in.day.downMs = 0.03 * static_cast<double>(kDayMs);         // 97 %: 3 points
        in.month.downMs = 0.009 * static_cast<double>(30 * kDayMs); // 99.1 %: 2 points
        const auto a = assessHealth(in);
        QCOMPARE(a.score, 95);
        QCOMPARE(a.reasons,
                 (std::vector<std::string>{"unavailable 43 min in 24 h", "available 99.1 % over 30 days"}));
    }

    void availabilityDeductionsAreCapped() {
        HealthInputs in = healthy();
        in.day.downMs = static_cast<double>(kDayMs);
        in.month.downMs = static_cast<double>(30 * kDayMs);
        QCOMPARE(assessHealth(in).score, 100 - 30 - 20);
    }

    void faultsAndErrorCodes() {
        HealthInputs in = healthy();
        in.day.faults = 2;
        in.day.errorCodes = {"GroundFailure", "HighTemperature"};
        const auto a = assessHealth(in);
        QCOMPARE(a.score, 100 - 10 - 4);
        QCOMPARE(a.reasons,
                 (std::vector<std::string>{"2 faults in 24 h",
                                           "errors reported in 24 h: GroundFailure, HighTemperature"}));
        in.day.faults = 1;
        QCOMPARE(assessHealth(in).reasons.front(), std::string("1 fault in 24 h"));
        in.day.faults = 9;
        in.day.errorCodes.assign(8, "X");
        QCOMPARE(assessHealth(in).score, 100 - 20 - 10);
    }

    void neverBelowZero() {
        HealthInputs in = healthy();
        in.condition.online = false;
        in.condition.faulted = {{1, "GroundFailure"}};
        in.day.downMs = static_cast<double>(kDayMs);
        in.month.downMs = static_cast<double>(30 * kDayMs);
        in.day.faults = 10;
        in.day.errorCodes.assign(5, "X");
        QCOMPARE(assessHealth(in).score, 0);
    }

    void durations() {
        QCOMPARE(domain::describeDuration(45'000), std::string("45 s"));
        QCOMPARE(domain::describeDuration(12 * kMin), std::string("12 min"));
        QCOMPARE(domain::describeDuration(3 * kHour + 5 * kMin), std::string("3 h 5 min"));
        QCOMPARE(domain::describeDuration(2 * kHour), std::string("2 h"));
        QCOMPARE(domain::describeDuration(2 * kDayMs + 4 * kHour), std::string("2 d 4 h"));
        QCOMPARE(domain::describeDuration(-5), std::string("0 s"));
    }

    void wholeChargerFigures() {
        domain::ChargerHealthData data;
        data.chargerId = "CP-1";
        data.records = {{0, "Online", "", kNow - 2 * kDayMs},
                        {1, "Available", "NoError", kNow - 2 * kDayMs},
                        {1, "Faulted", "GroundFailure", kNow - 2 * kHour},
                        {1, "Available", "NoError", kNow - 2 * kHour + 30 * kMin}};
        domain::TransactionMeter t;
        t.start = kNow - kHour;
        t.meterStartWh = 1000;
        t.latestRegisterWh = 12000;
        data.transactions = {t};
        data.powerW = 11000;
        data.dayStart = kNow - 3 * kHour;
        data.lastSeen = kNow - kMin;
        const auto h = domain::computeChargerHealth(data, kNow);
        QCOMPARE(h.chargerId, std::string("CP-1"));
        QCOMPARE(h.computedAt, kNow);
        QCOMPARE(*h.powerW, 11000.0);
        QCOMPARE(h.energyTodayWh, 11000.0);
        QCOMPARE(h.faults24h, 1);
        QCOMPARE(*h.availability24h, 1.0 - 30.0 / 1440.0); // 30 min of 24 h
        QCOMPARE(*h.availability30d, 1.0 - 30.0 / 2880.0); // of the 2 days known
        QCOMPARE(h.healthScore, 100 - 5 - 2 - 2 - 2);      // fault, 2.1 % and 1.04 % unavailable, one code
        QCOMPARE(h.healthReasons.front(), std::string("1 fault in 24 h"));
    }

    void offlineChargerHasNoPower() {
        domain::ChargerHealthData data;
        data.chargerId = "CP-2";
        data.records = {{0, "Online", "", kNow - kHour}, {0, "Offline", "", kNow - 30 * kMin}};
        data.powerW = 500;
        const auto h = domain::computeChargerHealth(data, kNow);
        QVERIFY(!h.powerW);
        QCOMPARE(*h.availability24h, 0.5);
        QCOMPARE(h.healthReasons.front(), std::string("offline for 30 min"));
    }

    void theLiveConnectionWinsOverTheRecords() {
        domain::ChargerHealthData data;
        data.chargerId = "CP-3"; // in the inventory, never connected
        data.online = false;
        auto h = domain::computeChargerHealth(data, kNow);
        QCOMPARE(h.healthScore, 60);
        QCOMPARE(h.healthReasons, std::vector<std::string>{"offline"});
        QVERIFY(!h.availability24h);
        data.records = {{0, "Offline", "", kNow - kHour}}; // the reconnection is not stored yet
        data.online = true;
        data.powerW = 0;
        h = domain::computeChargerHealth(data, kNow);
        QCOMPARE(*h.powerW, 0.0);
        QVERIFY(std::none_of(h.healthReasons.begin(), h.healthReasons.end(),
                             [](const std::string& r) { return r.starts_with("offline for"); }));
    }
};

QTEST_GUILESS_MAIN(TestHealthScore)
#include "tst_health_score.moc"
