// A connector's day: only transitions OCPP 1.6 allows, faults that recover, arrivals that follow the
// time of day, and the same day for the same seed.
#include "contract/iso8601.h"
#include "core/berlin_clock.h"
#include "core/charger_day.h"
#include "core/connector_day.h"
#include "core/fleet.h"
#include "core/status_transitions.h"

#include <QtTest>
#include <array>
#include <map>

using namespace voltdesk;
using namespace voltdesk::sim;
using S = contract::ConnectorStatus;

namespace {

constexpr EpochMs kMinute = 60'000;
constexpr EpochMs kHour = 60 * kMinute;

EpochMs at(const char* iso) {
    return contract::parseIso8601(iso).value();
}

struct Recorded {
    int connectorId;
    StatusChange change;
};

/// Runs a charger's day in one-minute ticks, as the simulator's timers would.
std::vector<Recorded> run(ChargerDay& day, EpochMs from, EpochMs to) {
    std::vector<Recorded> out;
    for (EpochMs t = from; t <= to; t += kMinute) {
        while (auto c = day.step(t)) {
            out.push_back({c->connectorId, c->change});
        }
    }
    return out;
}

SimCharger charger(int number, int connectors, bool dc) {
    SimCharger c;
    c.number = number;
    c.connectorCount = connectors;
    c.dc = dc;
    return c;
}

} // namespace

class TestConnectorDay : public QObject {
    Q_OBJECT

private slots:
    void berlinLocalTime() {
        QCOMPARE(berlinHour(at("2026-01-15T10:00:00Z")), 11); // CET
        QCOMPARE(berlinHour(at("2026-07-01T10:00:00Z")), 12); // CEST
        QCOMPARE(berlinHour(at("2026-03-29T00:59:00Z")), 1);  // before the switch
        QCOMPARE(berlinHour(at("2026-03-29T01:00:00Z")), 3);  // after it
        QCOMPARE(berlinHour(at("2026-10-25T00:59:00Z")), 2);
        QCOMPARE(berlinHour(at("2026-10-25T01:00:00Z")), 2); // the hour repeats
        QCOMPARE(berlinHour(at("2026-12-31T23:30:00Z")), 0);
    }

    void transitionTable() {
        QVERIFY(isValidTransition(S::Available, S::Preparing));
        QVERIFY(isValidTransition(S::Charging, S::SuspendedEV));
        QVERIFY(isValidTransition(S::Faulted, S::Available));
        QVERIFY(!isValidTransition(S::Available, S::Finishing));
        QVERIFY(!isValidTransition(S::Finishing, S::Charging));
        QVERIFY(!isValidTransition(S::Unavailable, S::Finishing));
        QVERIFY(!isValidTransition(S::Charging, S::Charging));
    }

    void onlyValidTransitionsAndFaultsRecover() {
        const EpochMs from = at("2026-11-23T00:00:00Z");
        const EpochMs to = from + 14 * 24 * kHour;
        std::map<S, int> seen;
        int faults = 0;
        for (int n = 1; n <= 60; ++n) {
            ChargerDay day(charger(n, 1 + n % 4, n % 3 == 0), 42);
            day.start(from);
            std::vector<S> last;
            for (int k = 1; k <= day.connectorCount(); ++k) {
                last.push_back(day.connector(k).status());
            }
            EpochMs faultedAt = -1;
            for (const auto& r : run(day, from, to)) {
                auto& prev = last[static_cast<std::size_t>(r.connectorId - 1)];
                QVERIFY2(isValidTransition(prev, r.change.status),
                         qPrintable(QString("%1 -> %2")
                                        .arg(contract::toString(prev).data(),
                                             contract::toString(r.change.status).data())));
                const bool faulted = r.change.status == S::Faulted;
                QCOMPARE(r.change.errorCode == "NoError", !faulted);
                QCOMPARE(!r.change.vendorErrorCode.empty(), faulted);
                if (faulted) {
                    ++faults;
                    faultedAt = r.change.at;
                } else if (prev == S::Faulted && faultedAt >= 0) {
                    QVERIFY(r.change.status == S::Available);
                    QVERIFY(r.change.at - faultedAt <= 5 * kHour + kMinute);
                }
                QVERIFY(r.change.at >= from && r.change.at <= to);
                prev = r.change.status;
                ++seen[r.change.status];
            }
        }
        for (S s : {S::Available, S::Preparing, S::Charging, S::SuspendedEV, S::SuspendedEVSE, S::Finishing,
                    S::Faulted, S::Unavailable}) {
            QVERIFY2(seen[s] > 0, contract::toString(s).data());
        }
        QVERIFY(seen[S::Reserved] == 0);
        QVERIFY(faults > 20);
        QVERIFY(seen[S::Preparing] > 20 * faults / 10);
    }

    void arrivalsFollowTheTimeOfDay() {
        const EpochMs from = at("2026-11-23T00:00:00Z");
        std::array<int, 24> arrivals{};
        for (int n = 1; n <= 100; ++n) {
            ChargerDay day(charger(n, 2, n % 2 == 0), 9);
            day.start(from);
            for (const auto& r : run(day, from, from + 7 * 24 * kHour)) {
                if (r.change.status == S::Preparing) {
                    ++arrivals[static_cast<std::size_t>(berlinHour(r.change.at))];
                }
            }
        }
        const int night = arrivals[2] + arrivals[3] + arrivals[4];
        const int morning = arrivals[7] + arrivals[8] + arrivals[9];
        const int evening = arrivals[17] + arrivals[18] + arrivals[19];
        QVERIFY2(morning > 4 * night, qPrintable(QString("night %1 morning %2").arg(night).arg(morning)));
        QVERIFY2(evening > 4 * night, qPrintable(QString("night %1 evening %2").arg(night).arg(evening)));
    }

    void sameSeedSameDay() {
        const EpochMs from = at("2026-11-23T06:00:00Z");
        ChargerDay a(charger(17, 3, true), 5);
        ChargerDay b(charger(17, 3, true), 5);
        a.start(from);
        b.start(from);
        const auto ra = run(a, from, from + 24 * kHour);
        const auto rb = run(b, from, from + 24 * kHour);
        QCOMPARE(ra.size(), rb.size());
        QVERIFY(!ra.empty());
        for (std::size_t i = 0; i < ra.size(); ++i) {
            QCOMPARE(ra[i].connectorId, rb[i].connectorId);
            QVERIFY(ra[i].change.status == rb[i].change.status);
            QCOMPARE(ra[i].change.at, rb[i].change.at);
        }
    }

    void nothingBeforeItIsDue() {
        const EpochMs from = at("2026-11-23T12:00:00Z");
        ChargerDay day(charger(3, 2, false), 1);
        day.start(from);
        const EpochMs next = day.nextEventAt();
        QVERIFY(next > from);
        QVERIFY(!day.step(next - 1).has_value());
        QVERIFY(day.step(next).has_value());
    }

    void faultedReportCarriesTheError() {
        // Start many connectors: a few begin faulted, and their report names the fault.
        int faulted = 0;
        for (int n = 1; n <= 400; ++n) {
            ChargerDay day(charger(n, 1, false), 77);
            day.start(at("2026-11-23T12:00:00Z"));
            const auto report = day.connector(1).current();
            if (report.status == S::Faulted) {
                ++faulted;
                QVERIFY(report.errorCode != "NoError");
                QVERIFY(!report.vendorErrorCode.empty());
            } else {
                QCOMPARE(QString(report.errorCode.data()), QString("NoError"));
            }
        }
        QVERIFY(faulted > 0);
    }
};

QTEST_APPLESS_MAIN(TestConnectorDay)
#include "tst_connector_day.moc"
