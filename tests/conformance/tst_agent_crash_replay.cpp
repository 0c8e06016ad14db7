// The agent is killed with SIGKILL in the middle of a busy run: chargers keep charging offline, queue
// their transaction messages, and replay them with new message ids once the agent is back. Afterwards
// every transaction the chargers know of is in the database exactly once, with the id the agent gave
// it, and every acknowledged start and stop is there: nothing acknowledged was lost, nothing doubled.
#include "tests/conformance/conformance_case.h"

#include <QtTest>
#include <algorithm>
#include <map>
#include <set>
#include <thread>

using namespace voltdesk;
using namespace voltdesk::testing;
using namespace std::chrono_literals;

namespace {

constexpr int kChargers = 30;

struct Totals {
    int transactions = 0;
    int startsAcknowledged = 0;
    int stopsAcknowledged = 0;
    int startedOffline = 0;
};

/// Drives every charger through short sessions: plug in and start when idle, stop after a while.
void drive(ConformanceCase& c, std::chrono::milliseconds duration,
           std::map<int, contract::EpochMs>& startedAt) {
    const auto end = std::chrono::steady_clock::now() + duration;
    while (std::chrono::steady_clock::now() < end) {
        for (int i = 0; i < c.fleet().size(); ++i) {
            auto& cp = c.charger(i);
            const auto s = cp.snapshot();
            const auto* connector = s.connector(1);
            if (connector == nullptr) {
                continue;
            }
            const auto* active = s.activeTransaction(1);
            const auto now = contract::nowMs();
            if (active == nullptr && !connector->plugged) {
                cp.plugIn(1);
                cp.presentIdTag(1, i % 2 == 0 ? kValidTag : kOtherValidTag);
                startedAt[i] = now;
            } else if (active != nullptr && now - startedAt[i] > 400 + (i % 5) * 100) {
                cp.stopTransaction(1, "Local");
                cp.unplug(1);
            } else if (active == nullptr && connector->plugged && now - startedAt[i] > 3000) {
                cp.unplug(1); // a start that never happened (refused card, say): try again
            }
        }
        std::this_thread::sleep_for(50ms);
    }
}

Totals totals(ConformanceCase& c) {
    Totals t;
    for (int i = 0; i < c.fleet().size(); ++i) {
        for (const auto& r : c.charger(i).snapshot().transactions) {
            ++t.transactions;
            t.startsAcknowledged += r.startAcknowledged ? 1 : 0;
            t.stopsAcknowledged += r.stopAcknowledged ? 1 : 0;
            t.startedOffline += r.startedOffline ? 1 : 0;
        }
    }
    return t;
}

} // namespace

class TstAgentCrashReplay : public QObject {
    Q_OBJECT

private slots:
    void everyAcknowledgedTransactionExactlyOnceAfterSigkill() {
        CaseOptions options;
        options.fleet.count = kChargers;
        options.fleet.behaviour.mode = sim::ChargePointMode::Scripted;
        options.fleet.behaviour.authorizeBeforeStart = false;
        options.fleet.behaviour.allowOfflineTxForUnknownId = true;
        options.fleet.behaviour.meterValueSampleIntervalSeconds = 1;
        options.fleet.behaviour.transactionMessageAttempts = 1000;
        options.fleet.behaviour.transactionMessageRetryIntervalSeconds = 1;
        options.fleet.connection.minBackoff = 200ms;
        options.fleet.connection.maxBackoff = 1000ms;
        CASE_SETUP(c, options);

        std::map<int, contract::EpochMs> startedAt;
        drive(c, 3s, startedAt);
        const Totals beforeKill = totals(c);
        QVERIFY2(beforeKill.startsAcknowledged >= kChargers, "the run was not busy before the kill");

        c.system().killAgent(); // no shutdown code runs: whatever the ledger had not committed is gone
        drive(c, 3s, startedAt);
        QVERIFY(c.system().restartAgent());
        drive(c, 3s, startedAt);

        // Wind down: end every session, then wait until every message has been answered.
        for (int i = 0; i < c.fleet().size(); ++i) {
            auto& cp = c.charger(i);
            if (cp.snapshot().activeTransaction(1) != nullptr) {
                cp.stopTransaction(1, "Local");
            }
            cp.unplug(1);
        }
        for (int i = 0; i < c.fleet().size(); ++i) {
            CASE_VERIFY(c, c.charger(i).waitUntil(
                               [](const sim::ChargePointSnapshot& s) {
                                   if (s.queuedTransactionMessages != 0) {
                                       return false;
                                   }
                                   for (const auto& r : s.transactions) {
                                       if (!r.startAcknowledged || !r.stopAcknowledged) {
                                           return false;
                                       }
                                   }
                                   return true;
                               },
                               30s));
        }

        const Totals after = totals(c);
        QVERIFY2(after.startedOffline > 0,
                 "no session ran while the agent was down; the test proves nothing");
        QVERIFY(after.transactions > beforeKill.transactions);

        // Every transaction of every charger: in the database once, under the id the charger was given,
        // with its content and its stop.
        int checked = 0;
        std::set<int> ids;
        for (int i = 0; i < c.fleet().size(); ++i) {
            const auto s = c.charger(i).snapshot();
            const std::string charger = c.chargerId(i);
            const auto rows = c.system().rows(
                "SELECT transaction_id, connector_id, id_tag, meter_start_wh, meter_stop_wh, "
                "(extract(epoch FROM start_time) * 1000)::bigint FROM transactions WHERE charger_id = '" +
                charger + "' ORDER BY start_time");
            CASE_VERIFY(c, rows.size() == s.transactions.size());
            for (const auto& r : s.transactions) {
                CASE_VERIFY(c, r.dropped.empty());
                CASE_VERIFY(c, r.transactionId.has_value());
                CASE_VERIFY(c, ids.insert(*r.transactionId).second); // no id handed out twice
                const auto row = std::find_if(rows.begin(), rows.end(), [&](const auto& candidate) {
                    return candidate[0] == std::to_string(*r.transactionId);
                });
                CASE_VERIFY(c, row != rows.end());
                CASE_COMPARE(c, (*row)[2], r.idTag);
                CASE_COMPARE(c, (*row)[3], std::to_string(r.meterStartWh));
                CASE_COMPARE(c, (*row)[5], std::to_string(r.startedAt));
                CASE_VERIFY(c, r.meterStopWh.has_value());
                CASE_COMPARE(c, (*row)[4], std::to_string(*r.meterStopWh));
                ++checked;
            }
        }
        QCOMPARE(checked, after.transactions);
        QCOMPARE(c.system().scalar("SELECT count(*) FROM transactions"), std::to_string(after.transactions));
        QCOMPARE(c.system().scalar("SELECT count(*) FROM transactions WHERE stop_received_at IS NULL"),
                 std::string("0"));
        QCOMPARE(c.system().scalar("SELECT count(*) FROM transaction_review"), std::string("0"));
        qInfo("%d transactions (%d before the kill, %d started offline), every one stored once",
              after.transactions, beforeKill.transactions, after.startedOffline);
    }
};

QTEST_GUILESS_MAIN(TstAgentCrashReplay)
#include "tst_agent_crash_replay.moc"
