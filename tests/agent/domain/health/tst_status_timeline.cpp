// Availability, offline time, faults and error codes of a status timeline, case by case.
#include "domain/health/status_timeline.h"

#include <QtTest>

using namespace voltdesk;
using domain::StatusRecord;
using domain::summarizeTimeline;

namespace {

constexpr contract::EpochMs kMin = 60'000;
constexpr contract::EpochMs kHour = 60 * kMin;
constexpr contract::EpochMs kT0 = 1'790'000'000'000; // the window's start in most cases
constexpr contract::EpochMs kT1 = kT0 + 10 * kHour;  // ... and its end

StatusRecord rec(int connector, const char* status, contract::EpochMs at, const char* error = "NoError") {
    return StatusRecord{connector, status, error, at};
}

} // namespace

class TestStatusTimeline : public QObject {
    Q_OBJECT

private slots:
    void nothingKnownWithoutRecords() {
        const auto s = summarizeTimeline({}, kT0, kT1);
        QCOMPARE(s.knownMs, 0);
        QVERIFY(!s.availability());
        QCOMPARE(s.faults, 0);
    }

    void availableAllWindowLong() {
        const std::vector<StatusRecord> r{rec(0, "Online", kT0 - kHour), rec(1, "Available", kT0 - kHour),
                                          rec(1, "Charging", kT0 + kHour),
                                          rec(1, "Available", kT0 + 2 * kHour)};
        const auto s = summarizeTimeline(r, kT0, kT1);
        QCOMPARE(s.knownMs, kT1 - kT0);
        QCOMPARE(*s.availability(), 1.0);
        QCOMPARE(s.offlineMs, 0);
    }

    void faultedConnectorOfOne() {
        // Faulted for 2 h of 10.
        const std::vector<StatusRecord> r{rec(1, "Available", kT0 - kHour),
                                          rec(1, "Faulted", kT0 + kHour, "GroundFailure"),
                                          rec(1, "Available", kT0 + 3 * kHour)};
        const auto s = summarizeTimeline(r, kT0, kT1);
        QCOMPARE(*s.availability(), 0.8);
        QCOMPARE(s.faults, 1);
        QCOMPARE(s.errorCodes, std::vector<std::string>{"GroundFailure"});
    }

    void oneOfTwoConnectorsDownCountsHalf() {
        const std::vector<StatusRecord> r{rec(1, "Available", kT0 - kHour), rec(2, "Available", kT0 - kHour),
                                          rec(2, "Unavailable", kT0), rec(2, "Available", kT0 + 4 * kHour)};
        const auto s = summarizeTimeline(r, kT0, kT1);
        QCOMPARE(*s.availability(), 0.8); // 4 h of 10 on one of two connectors
        QCOMPARE(s.faults, 0);            // Unavailable is not a fault
    }

    void connectorZeroDownTakesEveryConnector() {
        const std::vector<StatusRecord> r{rec(1, "Available", kT0 - kHour), rec(2, "Charging", kT0 - kHour),
                                          rec(0, "Faulted", kT0 + 5 * kHour, "PowerMeterFailure")};
        const auto s = summarizeTimeline(r, kT0, kT1);
        QCOMPARE(*s.availability(), 0.5);
        QCOMPARE(s.faults, 1);
    }

    void chargerWithoutConnectorsUsesConnectorZero() {
        const std::vector<StatusRecord> r{rec(0, "Available", kT0), rec(0, "Unavailable", kT0 + 9 * kHour)};
        QCOMPARE(*summarizeTimeline(r, kT0, kT1).availability(), 0.9);
    }

    void offlineIsUnavailableAndCounted() {
        const std::vector<StatusRecord> r{rec(0, "Online", kT0 - kHour), rec(1, "Available", kT0 - kHour),
                                          rec(0, "Offline", kT0 + kHour),
                                          rec(0, "Online", kT0 + kHour + 40 * kMin)};
        const auto s = summarizeTimeline(r, kT0, kT1);
        QCOMPARE(s.offlineMs, 40 * kMin);
        QCOMPARE(s.downMs, static_cast<double>(40 * kMin));
    }

    void offlineAtTheStartStaysOfflineUntilOnline() {
        const std::vector<StatusRecord> r{rec(0, "Offline", kT0 - kHour), rec(0, "Online", kT0 + 2 * kHour)};
        const auto s = summarizeTimeline(r, kT0, kT1);
        QCOMPARE(s.offlineMs, 2 * kHour);
        QCOMPARE(*s.availability(), 0.8);
    }

    void offlineAndFaultedAtOnceCountOnce() {
        const std::vector<StatusRecord> r{rec(1, "Faulted", kT0), rec(0, "Offline", kT0 + kHour),
                                          rec(0, "Online", kT0 + 2 * kHour),
                                          rec(1, "Available", kT0 + 5 * kHour)};
        const auto s = summarizeTimeline(r, kT0, kT1);
        QCOMPARE(*s.availability(), 0.5);
        QCOMPARE(s.offlineMs, kHour);
    }

    void timeBeforeTheFirstRecordIsUnknown() {
        // A charger first seen 2 h before the end: 1 h faulted of 2 known.
        const std::vector<StatusRecord> r{rec(0, "Online", kT1 - 2 * kHour), rec(1, "Faulted", kT1 - kHour)};
        const auto s = summarizeTimeline(r, kT0, kT1);
        QCOMPARE(s.knownMs, 2 * kHour);
        QCOMPARE(*s.availability(), 0.5);
    }

    void recordsAfterTheWindowAreIgnored() {
        const std::vector<StatusRecord> r{rec(1, "Available", kT0), rec(1, "Faulted", kT1 + kHour)};
        const auto s = summarizeTimeline(r, kT0, kT1);
        QCOMPARE(*s.availability(), 1.0);
        QCOMPARE(s.faults, 0);
    }

    void allRecordsAfterTheWindowMeanUnknown() {
        const std::vector<StatusRecord> r{rec(1, "Available", kT1 + kHour)};
        QVERIFY(!summarizeTimeline(r, kT0, kT1).availability());
    }

    void faultBeforeTheWindowIsNotCountedButStillDown() {
        const std::vector<StatusRecord> r{rec(1, "Faulted", kT0 - kHour, "GroundFailure"),
                                          rec(1, "Available", kT0 + kHour)};
        const auto s = summarizeTimeline(r, kT0, kT1);
        QCOMPARE(s.faults, 0);
        QVERIFY(s.errorCodes.empty());
        QCOMPARE(*s.availability(), 0.9);
    }

    void repeatedFaultCountsOnceANewCodeAgain() {
        const std::vector<StatusRecord> r{rec(1, "Faulted", kT0, "GroundFailure"),
                                          rec(1, "Faulted", kT0 + kMin, "GroundFailure"),
                                          rec(1, "Faulted", kT0 + 2 * kMin, "HighTemperature"),
                                          rec(1, "Available", kT0 + 3 * kMin),
                                          rec(1, "Faulted", kT0 + 4 * kMin, "HighTemperature"),
                                          rec(2, "Faulted", kT0 + 5 * kMin, "HighTemperature")};
        const auto s = summarizeTimeline(r, kT0, kT1);
        QCOMPARE(s.faults, 4);
        QCOMPARE(s.errorCodes, (std::vector<std::string>{"GroundFailure", "HighTemperature"}));
    }

    void errorCodesWithoutAFaultAreListed() {
        const std::vector<StatusRecord> r{rec(1, "Available", kT0, ""),
                                          rec(1, "Charging", kT0 + kMin, "NoError"),
                                          rec(1, "Charging", kT0 + 2 * kMin, "OverCurrentFailure")};
        const auto s = summarizeTimeline(r, kT0, kT1);
        QCOMPARE(s.faults, 0);
        QCOMPARE(s.errorCodes, std::vector<std::string>{"OverCurrentFailure"});
        QCOMPARE(*s.availability(), 1.0);
    }

    void reservedAndOccupiedAreInService() {
        const std::vector<StatusRecord> r{rec(1, "Reserved", kT0), rec(1, "Preparing", kT0 + kHour),
                                          rec(1, "SuspendedEV", kT0 + 2 * kHour),
                                          rec(1, "Finishing", kT0 + 3 * kHour)};
        QCOMPARE(*summarizeTimeline(r, kT0, kT1).availability(), 1.0);
    }

    void emptyOrReversedWindow() {
        const std::vector<StatusRecord> r{rec(1, "Faulted", kT0)};
        QVERIFY(!summarizeTimeline(r, kT1, kT0).availability());
        QVERIFY(!summarizeTimeline(r, kT0, kT0).availability());
    }

    void conditionAtTheEnd() {
        const std::vector<StatusRecord> r{rec(0, "Online", kT0), rec(1, "Faulted", kT0 + 1, "GroundFailure"),
                                          rec(2, "Faulted", kT0 + 2, "WeakSignal"),
                                          rec(2, "Available", kT0 + 3), rec(0, "Offline", kT0 + 4)};
        const auto c = domain::conditionOf(r);
        QVERIFY(!c.online);
        QCOMPARE(c.offlineSince, kT0 + 4);
        QCOMPARE(c.faulted, (std::vector<domain::ConnectorFault>{{1, "GroundFailure"}}));
        QVERIFY(domain::conditionOf({}).online);
    }

    void offlineSinceIsTheFirstOfRepeatedOfflines() {
        const std::vector<StatusRecord> r{rec(0, "Offline", kT0), rec(0, "Offline", kT0 + kHour)};
        QCOMPARE(domain::conditionOf(r).offlineSince, kT0);
    }
};

QTEST_GUILESS_MAIN(TestStatusTimeline)
#include "tst_status_timeline.moc"
