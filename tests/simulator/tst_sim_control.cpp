// TestFleet, the control API the conformance tests use, against the in-process central system: a
// scripted session start to stop, a session while offline replayed after coming back, the frame trace.
#include "control/test_fleet.h"
#include "fake_central_system.h"

#include <QtTest>

using namespace voltdesk;
using namespace voltdesk::sim;

class TestSimControl : public QObject {
    Q_OBJECT

private slots:
    void scriptedSessionAndOfflineReplay() {
        testing::FakeCentralSystem cs(60);
        TestFleetOptions options;
        options.count = 2;
        options.behaviour.allowOfflineTxForUnknownId = true;
        options.behaviour.meterValueSampleIntervalSeconds = 1;
        options.connection.minBackoff = std::chrono::milliseconds(100);
        TestFleet fleet("ws://127.0.0.1:" + std::to_string(cs.port()) + "/ocpp/", options);
        QVERIFY(fleet.waitAllAccepted());
        auto& cp = fleet.charger(0);

        cp.plugIn(1);
        cp.presentIdTag(1, "CARD-1");
        QVERIFY2(cp.waitUntil([](const ChargePointSnapshot& s) {
            const auto* t = s.activeTransaction(1);
            return t != nullptr && t->startAcknowledged && t->meterValuesAcknowledged >= 1;
        }),
                 cp.traceText().c_str());
        QVERIFY(cp.snapshot().connector(1)->status == contract::ConnectorStatus::Charging);
        cp.presentIdTag(1, "CARD-1");
        QVERIFY(cp.waitUntil([](const ChargePointSnapshot& s) {
            return !s.transactions.empty() && s.transactions.back().stopAcknowledged;
        }));
        cp.unplug(1);

        cp.goOffline();
        QVERIFY(!cp.snapshot().accepted());
        cp.plugIn(1);
        cp.presentIdTag(1, "OFFLINE-1");
        QVERIFY2(cp.waitUntil([](const ChargePointSnapshot& s) { return s.queuedTransactionMessages >= 3; }),
                 qPrintable(QString("queued %1, transactions %2, status %3")
                                .arg(cp.snapshot().queuedTransactionMessages)
                                .arg(cp.snapshot().transactions.size())
                                .arg(int(cp.snapshot().connector(1)->status))));
        cp.stopTransaction(1);
        const auto offline = cp.snapshot();
        QVERIFY(offline.transactions.back().startedOffline);
        QVERIFY(!offline.transactions.back().startAcknowledged);
        cp.comeBack();
        QVERIFY2(cp.waitUntil([](const ChargePointSnapshot& s) {
            const auto& t = s.transactions.back();
            return s.accepted() && t.startAcknowledged && t.stopAcknowledged &&
                   s.queuedTransactionMessages == 0;
        }),
                 cp.traceText().c_str());
        const auto after = cp.snapshot();
        QCOMPARE(after.transactions.size(), std::size_t(2));
        QVERIFY(after.transactions[0].transactionId != after.transactions[1].transactionId);
        QCOMPARE(after.bootCount, 2);
        // The trace saw both directions.
        const auto frames = cp.frames();
        QVERIFY(std::any_of(frames.begin(), frames.end(), [](const TracedFrame& f) { return !f.outgoing; }));
        QVERIFY(std::any_of(frames.begin(), frames.end(), [](const TracedFrame& f) {
            return f.outgoing && f.text.find("StopTransaction") != std::string::npos;
        }));
        // The other charger was untouched.
        QVERIFY(fleet.charger(1).snapshot().transactions.empty());
    }
};

QTEST_APPLESS_MAIN(TestSimControl)
#include "tst_sim_control.moc"
