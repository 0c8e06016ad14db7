// Charger health end to end: a simulated charger faults and goes offline against the real agent,
// PostgreSQL and Mosquitto; connector_status_history has the rows and the retained health message
// on the broker shows the fault, the offline time, a lowered availability and score.
#include "contract/charger_health.h"
#include "contract/inventory.h"
#include "contract/topics.h"
#include "control/test_fleet.h"
#include "tests/support/test_services.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <mqtt/async_client.h>
#include <mutex>

using namespace voltdesk;
using namespace std::chrono_literals;

namespace {

QString psql(const QString& uri, const QString& sql) {
    QProcess p;
    p.start(QStringLiteral("psql"), {uri, QStringLiteral("-Atqc"), sql});
    p.waitForFinished(20000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

/// The latest health message of one topic.
class HealthWatcher {
public:
    HealthWatcher(const std::string& uri, const std::string& topic)
        : m_client(uri, "tst-charger-health-" + std::to_string(QCoreApplication::applicationPid())) {
        m_client.set_message_callback([this](mqtt::const_message_ptr message) {
            auto decoded = contract::decodeChargerHealth(message->to_string());
            std::lock_guard lock(m_mutex);
            ++m_messages;
            if (decoded) {
                m_latest = std::move(decoded).value();
            }
        });
        m_client.connect(mqtt::connect_options_builder().clean_session(true).finalize())->wait();
        m_client.subscribe(topic, 1)->wait();
    }
    ~HealthWatcher() {
        try {
            m_client.disconnect()->wait_for(2s);
        } catch (const mqtt::exception&) {
        }
    }
    std::optional<contract::ChargerHealth> latest() {
        std::lock_guard lock(m_mutex);
        return m_latest;
    }
    int messages() {
        std::lock_guard lock(m_mutex);
        return m_messages;
    }

private:
    mqtt::async_client m_client;
    std::mutex m_mutex;
    std::optional<contract::ChargerHealth> m_latest;
    int m_messages = 0;
};

bool hasReason(const contract::ChargerHealth& h, const std::string& start) {
    return std::any_of(h.healthReasons.begin(), h.healthReasons.end(),
                       [&](const std::string& r) { return r.starts_with(start); });
}

std::string describe(const std::optional<contract::ChargerHealth>& h) {
    return h ? contract::encode(*h) : std::string("no health message");
}

} // namespace

class TestChargerHealth : public QObject {
    Q_OBJECT

private:
    /// everyPass: the interval is short enough that full passes fall in the test; otherwise every
    /// message after the first must come from a connection, fault or disconnection.
    void faultAndOffline(const QString& intervalSeconds, bool everyPass) {
        const auto services = voltdesk::testing::testServices();
        QVERIFY2(!services.postgres.isEmpty() && !services.mqtt.isEmpty(),
                 "the services fixture did not run");
        const QString database =
            voltdesk::testing::createScratchDatabase(services.postgres, QStringLiteral("charger_health"));
        QVERIFY(!database.isEmpty());

        sim::TestFleetOptions options;
        options.count = 1;
        options.idPrefix = "HL" + std::to_string(QCoreApplication::applicationPid() % 100000) + "-";
        options.connection.minBackoff = 200ms;
        options.connection.maxBackoff = 1000ms;
        QTemporaryDir dir;
        const QString inventory = dir.filePath(QStringLiteral("inventory.json"));
        const auto fleetData = sim::generateFleet(
            {.seed = options.seed, .count = options.count, .firstIndex = 1, .idPrefix = options.idPrefix});
        std::ofstream(inventory.toStdString())
            << contract::encodeInventory(sim::toInventory(fleetData)) << '\n';
        const auto& simCharger = fleetData.chargers.front();
        const std::string topic = contract::chargerHealthTopic(
            fleetData.sites.at(simCharger.siteIndex).info.siteId, simCharger.chargerId);
        HealthWatcher watcher(services.mqtt.toStdString(), topic);

        QProcess agent;
        agent.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        agent.setProgram(qEnvironmentVariable("VOLTDESK_AGENT_BIN"));
        agent.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                            QStringLiteral("--postgres"), database, QStringLiteral("--mqtt"), services.mqtt,
                            QStringLiteral("--agent-id"), QStringLiteral("tst-charger-health"),
                            QStringLiteral("--inventory"), inventory, QStringLiteral("--health-interval-s"),
                            intervalSeconds, QStringLiteral("--log-level"), QStringLiteral("warn")});
        agent.start();
        QVERIFY(agent.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(agent.canReadLine(), 30000);
        const QString line = QString::fromUtf8(agent.readLine()).trimmed();
        QVERIFY2(line.startsWith(QStringLiteral("ocpp: ")), qPrintable(line));
        const std::string url = line.mid(6).toStdString();
        const QString chargerId = QString::fromStdString(simCharger.chargerId);

        {
            sim::TestFleet fleet(url, options);
            auto& cp = fleet.charger(0);
            QVERIFY2(fleet.waitAllAccepted(), cp.traceText().c_str());

            // Healthy while online and in service.
            QTRY_VERIFY2_WITH_TIMEOUT(watcher.latest() && watcher.latest()->availability24h &&
                                          watcher.latest()->healthScore == 100,
                                      describe(watcher.latest()).c_str(), 10000);
            QCOMPARE(watcher.latest()->faults24h, 0);
            QCOMPARE(*watcher.latest()->powerW, 0.0);

            // A fault is published soon, well before the next full pass would be due.
            cp.fault(1, "GroundFailure");
            QTRY_VERIFY2_WITH_TIMEOUT(watcher.latest()->faults24h == 1 &&
                                          hasReason(*watcher.latest(), "connector 1 faulted (GroundFailure)"),
                                      describe(watcher.latest()).c_str(), 10000);
            QVERIFY(watcher.latest()->healthScore <= 100 - 30 - 5 - 2);
            QTRY_VERIFY2_WITH_TIMEOUT(*watcher.latest()->availability24h < 1.0,
                                      describe(watcher.latest()).c_str(), 10000);
            const double availabilityAtFault = *watcher.latest()->availability24h;

            cp.goOffline();
            QTRY_VERIFY2_WITH_TIMEOUT(hasReason(*watcher.latest(), "offline for"),
                                      describe(watcher.latest()).c_str(), 10000);
            QVERIFY(watcher.latest()->healthScore <= 100 - 40 - 30 - 5);
            QVERIFY(!watcher.latest()->powerW);
            const double availability = *watcher.latest()->availability24h;
            QVERIFY2(availability < availabilityAtFault, describe(watcher.latest()).c_str());
            if (everyPass) {
                // Offline time keeps lowering it at every pass.
                QTRY_VERIFY2_WITH_TIMEOUT(*watcher.latest()->availability24h < availability,
                                          describe(watcher.latest()).c_str(), 10000);
            }
            QVERIFY(*watcher.latest()->availability30d < 1.0);
        }

        // The status history behind it.
        QCOMPARE(psql(database,
                      QStringLiteral("SELECT status || ':' || error_code FROM connector_status_history "
                                     "WHERE charger_id = '%1' AND connector_id = 1 AND status = 'Faulted'")
                          .arg(chargerId)),
                 QStringLiteral("Faulted:GroundFailure"));
        QCOMPARE(psql(database,
                      QStringLiteral("SELECT string_agg(status, ',' ORDER BY id) FROM "
                                     "connector_status_history WHERE charger_id = '%1' AND connector_id = 0 "
                                     "AND status IN ('Online', 'Offline')")
                          .arg(chargerId)),
                 QStringLiteral("Online,Offline"));
        QVERIFY(psql(database,
                     QStringLiteral("SELECT count(*) FROM connector_status_history WHERE charger_id = '%1' "
                                    "AND status = 'Available'")
                         .arg(chargerId))
                    .toInt() >= 1);
        agent.terminate();
        QVERIFY(agent.waitForFinished(15000));
    }

private slots:
    void faultAndOfflineLowerTheHealth() { faultAndOffline(QStringLiteral("2"), true); }

    /// With a pass every 10 minutes only the one at start falls in the test.
    void eventsArePublishedWithoutWaitingForThePass() { faultAndOffline(QStringLiteral("600"), false); }
};

QTEST_GUILESS_MAIN(TestChargerHealth)
#include "tst_charger_health.moc"
