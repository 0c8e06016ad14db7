// The simulator's client against the real voltdesk-agent (PostgreSQL and Mosquitto of the services
// fixture): a session's start and stop land in the agent's database with the ids the charger was
// given, and a session run while offline is replayed after reconnecting and lands exactly once.
#include "contract/inventory.h"
#include "control/test_fleet.h"
#include "tests/support/test_services.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>

using namespace voltdesk;
using namespace voltdesk::sim;

namespace {

QString psql(const QString& uri, const QString& sql) {
    QProcess p;
    p.start(QStringLiteral("psql"), {uri, QStringLiteral("-Atqc"), sql});
    p.waitForFinished(20000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

} // namespace

class TestSimAgent : public QObject {
    Q_OBJECT

private slots:
    void transactionsLandAndOfflineSessionsReplayOnce() {
        const auto services = voltdesk::testing::testServices();
        QVERIFY2(!services.postgres.isEmpty() && !services.mqtt.isEmpty(),
                 "the services fixture did not run");
        const QString database =
            voltdesk::testing::createScratchDatabase(services.postgres, QStringLiteral("sim_agent"));
        QVERIFY(!database.isEmpty());

        TestFleetOptions options;
        options.count = 1;
        options.idPrefix = "SA" + std::to_string(QCoreApplication::applicationPid() % 100000) + "-";
        options.behaviour.allowOfflineTxForUnknownId = true;
        // The agent reads its id tags at start-up, before this test could add any: the charger does not
        // ask, and keeps charging whatever the agent says about the idTag.
        options.behaviour.authorizeBeforeStart = false;
        options.behaviour.stopTransactionOnInvalidId = false;
        options.behaviour.meterValueSampleIntervalSeconds = 1;
        options.connection.minBackoff = std::chrono::milliseconds(200);
        options.connection.maxBackoff = std::chrono::milliseconds(1000);

        QTemporaryDir dir;
        const QString inventory = dir.filePath(QStringLiteral("inventory.json"));
        const auto fleetData = generateFleet(
            {.seed = options.seed, .count = options.count, .firstIndex = 1, .idPrefix = options.idPrefix});
        std::ofstream(inventory.toStdString()) << contract::encodeInventory(toInventory(fleetData)) << '\n';

        QProcess agent;
        agent.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        agent.setProgram(qEnvironmentVariable("VOLTDESK_AGENT_BIN"));
        agent.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                            QStringLiteral("--postgres"), database, QStringLiteral("--mqtt"), services.mqtt,
                            QStringLiteral("--agent-id"), QStringLiteral("tst-sim-agent"),
                            QStringLiteral("--inventory"), inventory, QStringLiteral("--log-level"),
                            QStringLiteral("warn")});
        agent.start();
        QVERIFY(agent.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(agent.canReadLine(), 30000);
        const QString line = QString::fromUtf8(agent.readLine()).trimmed();
        QVERIFY2(line.startsWith(QStringLiteral("ocpp: ")), qPrintable(line));
        const std::string url = line.mid(6).toStdString();

        {
            TestFleet fleet(url, options);
            auto& cp = fleet.charger(0);
            QVERIFY2(fleet.waitAllAccepted(), cp.traceText().c_str());

            cp.plugIn(1);
            cp.presentIdTag(1, "CARD-1");
            QVERIFY2(cp.waitUntil([](const ChargePointSnapshot& s) {
                const auto* t = s.activeTransaction(1);
                return t != nullptr && t->startAcknowledged && t->meterValuesAcknowledged >= 2;
            }),
                     cp.traceText().c_str());
            cp.presentIdTag(1, "CARD-1");
            QVERIFY2(cp.waitUntil(
                         [](const ChargePointSnapshot& s) { return s.transactions.back().stopAcknowledged; }),
                     cp.traceText().c_str());
            cp.unplug(1);

            cp.goOffline();
            cp.plugIn(1);
            cp.presentIdTag(1, "OFFLINE-1");
            QVERIFY(
                cp.waitUntil([](const ChargePointSnapshot& s) { return s.queuedTransactionMessages >= 3; }));
            cp.stopTransaction(1);
            cp.comeBack();
            QVERIFY2(cp.waitUntil(
                         [](const ChargePointSnapshot& s) {
                             return s.transactions.size() == 2 && s.transactions[1].stopAcknowledged &&
                                    s.queuedTransactionMessages == 0;
                         },
                         std::chrono::seconds(20)),
                     cp.traceText().c_str());

            const auto ledger = cp.snapshot().transactions;
            for (const auto& t : ledger) {
                QVERIFY(t.transactionId.has_value());
                const QString row = psql(
                    database,
                    QStringLiteral("SELECT id_tag || '|' || meter_start_wh || '|' || meter_stop_wh || '|' || "
                                   "stop_reason FROM transactions WHERE transaction_id = %1")
                        .arg(*t.transactionId));
                const QString expected = QStringLiteral("%1|%2|%3|%4")
                                             .arg(QString::fromStdString(t.idTag))
                                             .arg(t.meterStartWh)
                                             .arg(t.meterStopWh.value_or(-1))
                                             .arg(QString::fromStdString(t.stopReason));
                QCOMPARE(row, expected);
            }
            QCOMPARE(
                psql(database, QStringLiteral("SELECT count(*) FROM transactions WHERE charger_id = '%1'")
                                   .arg(QString::fromStdString(cp.id()))),
                QStringLiteral("2"));
            QVERIFY(ledger[1].startedOffline);
        }
        agent.terminate();
        QVERIFY(agent.waitForFinished(15000));
    }
};

QTEST_GUILESS_MAIN(TestSimAgent)
#include "tst_sim_agent.moc"
