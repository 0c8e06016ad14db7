// Staged bulk runs without a network: the pilot goes first, the rest stay bounded in flight, and the
// run stops once failures pass the threshold, leaving the waiting chargers skipped.
#include "models/bulk_command_run.h"

#include <QtTest>

using voltdesk::models::BulkCommandRun;
using State = BulkCommandRun::ItemState;
using Stage = BulkCommandRun::Stage;

namespace {

QStringList chargers(int n) {
    QStringList ids;
    for (int i = 1; i <= n; ++i) {
        ids << QStringLiteral("CP-%1").arg(i);
    }
    return ids;
}

} // namespace

class TestBulkCommandRun : public QObject {
    Q_OBJECT

private slots:
    void pilotFirstThenTheRestBounded() {
        BulkCommandRun run(chargers(20),
                           {.pilotCount = 3, .pilotFailuresAllowed = 0, .maxInFlight = 5, .maxFailures = 3});
        QCOMPARE(run.stage(), Stage::Pilot);
        QCOMPARE(run.takeReady(), (QStringList{"CP-1", "CP-2", "CP-3"}));
        QVERIFY(run.takeReady().isEmpty());
        run.finish(QStringLiteral("CP-1"), true, QStringLiteral("Accepted"));
        run.finish(QStringLiteral("CP-2"), true);
        QVERIFY2(run.takeReady().isEmpty(), "the rest waits for the whole pilot");
        run.finish(QStringLiteral("CP-3"), true);
        QCOMPARE(run.stage(), Stage::Rest);
        const QStringList wave = run.takeReady();
        QCOMPARE(wave.size(), 5);
        QCOMPARE(wave.first(), QStringLiteral("CP-4"));
        QCOMPARE(run.inFlight(), 5);
        run.finish(QStringLiteral("CP-4"), true);
        QCOMPARE(run.takeReady(), QStringList{QStringLiteral("CP-9")});
        // Drain everything.
        int guard = 0;
        while (!run.isDone() && guard++ < 100) {
            for (const auto& item : run.items()) {
                if (item.state == State::Running) {
                    run.finish(item.chargerId, true);
                }
            }
            run.takeReady();
            QVERIFY(run.inFlight() <= 5);
        }
        QVERIFY(run.isDone());
        QCOMPARE(run.count(State::Succeeded), 20);
        QVERIFY(run.stopReason().isEmpty());
        QCOMPARE(run.items().first().detail, QStringLiteral("Accepted"));
    }

    void aFailedPilotStopsTheRun() {
        BulkCommandRun run(chargers(10), {.pilotCount = 3});
        run.takeReady();
        run.finish(QStringLiteral("CP-2"), false, QStringLiteral("Rejected"));
        QCOMPARE(run.stage(), Stage::Stopping);
        QVERIFY(run.takeReady().isEmpty());
        QCOMPARE(run.count(State::Skipped), 7);
        QVERIFY(!run.stopReason().isEmpty());
        run.finish(QStringLiteral("CP-1"), true);
        QVERIFY(!run.isDone());
        run.finish(QStringLiteral("CP-3"), true);
        QVERIFY(run.isDone());
        QCOMPARE(run.count(State::Succeeded), 2);
        QCOMPARE(run.count(State::Failed), 1);
    }

    void failuresPastTheThresholdStopTheRest() {
        BulkCommandRun run(chargers(30),
                           {.pilotCount = 2, .pilotFailuresAllowed = 0, .maxInFlight = 4, .maxFailures = 2});
        for (const auto& id : run.takeReady()) {
            run.finish(id, true);
        }
        QStringList running = run.takeReady();
        QCOMPARE(running.size(), 4);
        run.finish(running[0], false);
        run.finish(running[1], false);
        QCOMPARE(run.stage(), Stage::Rest); // two failures are allowed
        run.takeReady();
        run.finish(running[2], false);
        QCOMPARE(run.stage(), Stage::Stopping);
        QVERIFY(run.takeReady().isEmpty());
        QVERIFY(run.count(State::Skipped) > 0);
        for (const auto& item : run.items()) {
            if (item.state == State::Running) {
                run.finish(item.chargerId, true);
            }
        }
        QVERIFY(run.isDone());
        QCOMPARE(run.count(State::Waiting), 0);
    }

    void cancelSkipsTheWaiting() {
        BulkCommandRun run(chargers(5));
        const QStringList pilot = run.takeReady();
        run.cancel(QStringLiteral("operator"));
        QCOMPARE(run.count(State::Skipped), 2);
        QCOMPARE(run.stopReason(), QStringLiteral("operator"));
        for (const auto& id : pilot) {
            run.finish(id, true);
        }
        QVERIFY(run.isDone());
    }

    void smallAndOddInputs() {
        QVERIFY(BulkCommandRun(QStringList{}).isDone());
        BulkCommandRun one(QStringList{QStringLiteral("A"), QStringLiteral("A")});
        QCOMPARE(one.items().size(), 1);
        QCOMPARE(one.takeReady(), QStringList{QStringLiteral("A")});
        one.finish(QStringLiteral("B"), false); // not part of the run
        one.finish(QStringLiteral("A"), true);
        one.finish(QStringLiteral("A"), false); // a second answer changes nothing
        QVERIFY(one.isDone());
        QCOMPARE(one.count(State::Succeeded), 1);
        BulkCommandRun noPilot(
            chargers(4), {.pilotCount = 0, .pilotFailuresAllowed = 0, .maxInFlight = 2, .maxFailures = 0});
        QCOMPARE(noPilot.stage(), Stage::Rest);
        QCOMPARE(noPilot.takeReady().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestBulkCommandRun)
#include "tst_bulk_command_run.moc"
