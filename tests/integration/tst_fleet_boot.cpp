// 500 simulated chargers boot over real OCPP 1.6J against the real agent; the console's model,
// fed by the real broker, must end with every one of them in the status the simulator reported.
#include "contract/charger_status.h"
#include "core/charger_day.h"
#include "core/fleet.h"
#include "models/broker_link.h"
#include "models/charger_model.h"
#include "tests/support/child_program.h"
#include "tests/support/test_services.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <map>
#include <set>

using namespace voltdesk;

namespace {

constexpr int kChargers = 500;
constexpr std::uint64_t kSeed = 11;
// Evening peak in Berlin: many chargers busy, a few faulted, so statuses really differ.
constexpr const char* kStartTime = "2026-11-26T17:30:00Z";

struct Expected {
    contract::ChargerStatus overall;
    std::map<int, contract::ConnectorStatus> connectors;
};

// What each charger reports with the day frozen at kStartTime, computed by the simulator's own
// library so the test and the simulator cannot disagree about the scenario, only about delivery.
std::map<QString, Expected> expectedFleet(const std::string& prefix) {
    const auto fleet =
        sim::generateFleet({.seed = kSeed, .count = kChargers, .firstIndex = 1, .idPrefix = prefix});
    const auto start = *contract::parseIso8601(kStartTime);
    std::map<QString, Expected> expected;
    for (const auto& charger : fleet.chargers) {
        sim::ChargerDay day(charger, kSeed);
        day.start(start);
        Expected e;
        std::vector<contract::ConnectorStatus> all{contract::ConnectorStatus::Available};
        for (int id = 1; id <= day.connectorCount(); ++id) {
            e.connectors[id] = day.connector(id).status();
            all.push_back(day.connector(id).status());
        }
        e.overall = contract::overallStatus(true, all);
        expected.emplace(QString::fromStdString(charger.chargerId), std::move(e));
    }
    return expected;
}

} // namespace

class TestFleetBoot : public QObject {
    Q_OBJECT

private slots:
    void fiveHundredChargersReachTheConsoleWithTheirStatuses() {
        const auto services = testing::testServices();
        QVERIFY2(!services.postgres.isEmpty() && !services.mqtt.isEmpty(),
                 "the services fixture did not run");
        const QString database =
            testing::createScratchDatabase(services.postgres, QStringLiteral("fleet_boot"));
        QVERIFY(!database.isEmpty());

        const std::string prefix = "IT" + std::to_string(QCoreApplication::applicationPid() % 100000) + "-";
        const QString qprefix = QString::fromStdString(prefix);
        const auto expected = expectedFleet(prefix);
        QCOMPARE(static_cast<int>(expected.size()), kChargers);
        std::set<contract::ChargerStatus> variety;
        for (const auto& [id, e] : expected) {
            variety.insert(e.overall);
        }
        QVERIFY2(variety.size() >= 3, "the scenario should put chargers in several statuses");

        QTemporaryDir scratch;
        const QString inventory = scratch.filePath(QStringLiteral("inventory.json"));
        const QStringList fleetArgs{QStringLiteral("--count"),     QString::number(kChargers),
                                    QStringLiteral("--seed"),      QString::number(kSeed),
                                    QStringLiteral("--id-prefix"), qprefix};
        {
            testing::ChildProgram writer(QStringLiteral("voltdesk-sim"),
                                         fleetArgs +
                                             QStringList{QStringLiteral("--write-inventory"), inventory});
            QTRY_VERIFY_WITH_TIMEOUT(!writer.running(), 20000);
            QCOMPARE(writer.stop(), 0);
        }

        testing::ChildProgram agent(QStringLiteral("voltdesk-agent"),
                                    {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                     QStringLiteral("--postgres"), database, QStringLiteral("--mqtt"),
                                     services.mqtt, QStringLiteral("--agent-id"),
                                     QStringLiteral("it-") + qprefix, QStringLiteral("--inventory"),
                                     inventory, QStringLiteral("--log-level"), QStringLiteral("warn")});
        const QString endpoint = agent.waitForLine(QStringLiteral("ocpp: "), 30000);
        QVERIFY2(!endpoint.isEmpty(), qPrintable(agent.output()));

        models::ChargerModel model;
        models::BrokerLink::Options options;
        options.uri = services.mqtt;
        models::BrokerLink link(options);
        connect(&link, &models::BrokerLink::messagesReceived, &model, &models::ChargerModel::applyMessages);
        connect(&link, &models::BrokerLink::connectionChanged, &model,
                &models::ChargerModel::setBrokerConnected);
        QVERIFY(link.start());

        testing::ChildProgram sim(
            QStringLiteral("voltdesk-sim"),
            fleetArgs + QStringList{QStringLiteral("--url"), endpoint, QStringLiteral("--speed"),
                                    QStringLiteral("0"), QStringLiteral("--start-time"),
                                    QString::fromLatin1(kStartTime), QStringLiteral("--connect-rate"),
                                    QStringLiteral("0"), QStringLiteral("--progress-interval"),
                                    QStringLiteral("0")});
        QVERIFY2(sim.running(), qPrintable(sim.output()));

        // Until every charger shows exactly what the simulator reported, or the deadline passes.
        auto mismatches = [&] {
            QStringList wrong;
            for (const auto& [id, e] : expected) {
                const int row = model.rowOf(id);
                if (row < 0) {
                    wrong << id + QStringLiteral(": missing");
                    continue;
                }
                const auto& state = model.stateAt(row);
                if (state.overall() != e.overall || !state.online) {
                    wrong << id + QStringLiteral(": ") +
                                 QString::fromUtf8(contract::toString(state.overall()).data());
                    continue;
                }
                for (const auto& [connectorId, status] : e.connectors) {
                    const auto it = std::find_if(state.connectors.begin(), state.connectors.end(),
                                                 [&](const auto& c) { return c.id == connectorId; });
                    if (it == state.connectors.end() || it->status != status) {
                        wrong << id + QStringLiteral(" connector ") + QString::number(connectorId);
                        break;
                    }
                }
            }
            return wrong;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(mismatches().isEmpty(),
                                  qPrintable(QString::number(mismatches().size()) +
                                             QStringLiteral(" wrong, e.g. ") +
                                             mismatches().mid(0, 5).join(QStringLiteral("; "))),
                                  45000);

        int ours = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            ours += model.chargerIdAt(row).startsWith(qprefix) ? 1 : 0;
        }
        QCOMPARE(ours, kChargers);
        const auto staleRows = [&] {
            int n = 0;
            for (const auto& [id, e] : expected) {
                n += model.index(model.rowOf(id)).data(models::ChargerModel::StaleRole).toBool() ? 1 : 0;
            }
            return n;
        };
        QCOMPARE(staleRows(), 0);
        QVERIFY2(agent.running(), qPrintable(agent.output()));

        QCOMPARE(sim.stop(), 0);
        // Once the fleet hangs up, the agent must say so: every charger goes Offline for the consoles.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const auto& [id, e] : expected) {
                    const int row = model.rowOf(id);
                    if (row < 0 || model.statusAt(row) != contract::ChargerStatus::Offline) {
                        return false;
                    }
                }
                return true;
            }(),
            30000);
        QCOMPARE(agent.stop(), 0);
        // The agent's presence goes offline, so the console greys every one of its chargers.
        QTRY_COMPARE_WITH_TIMEOUT(staleRows(), kChargers, 15000);
    }
};

QTEST_GUILESS_MAIN(TestFleetBoot)
#include "tst_fleet_boot.moc"
