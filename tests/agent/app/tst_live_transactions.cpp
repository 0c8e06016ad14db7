// What the agent makes of transactions for live views: the session on each connector of the charger
// state (and after a restart), and telemetry samples on the charger's topic.
#include "app/session_tracker.h"
#include "app/telemetry_publisher.h"
#include "contract/topics.h"
#include "domain/id_tag_registry.h"
#include "tests/agent/memory_ledger.h"

#include <QElapsedTimer>
#include <QtTest>
#include <mutex>

using namespace voltdesk;
using namespace std::chrono_literals;

namespace {

contract::Inventory inventory() {
    contract::Inventory inv;
    inv.sites = {contract::SiteInfo{"depot/1", "Depot", "", "", {52.5, 13.4}}};
    inv.chargers = {contract::InventoryCharger{"CP-1", "depot/1", std::nullopt, 22, 2}};
    return inv;
}

domain::ConnectorStatusReported status(int connector, contract::ConnectorStatus s) {
    domain::ConnectorStatusReported e;
    e.chargerId = "CP-1";
    e.connectorId = connector;
    e.status = s;
    e.errorCode = "NoError";
    e.at = 1000;
    e.receivedAt = 1000;
    return e;
}

domain::MeterSample sample(std::string value, std::string measurand = {}, std::string unit = {}) {
    domain::MeterSample s;
    s.value = std::move(value);
    s.measurand = std::move(measurand);
    s.unit = std::move(unit);
    return s;
}

struct Published {
    std::mutex mutex;
    std::vector<std::pair<std::string, std::string>> messages;
};

} // namespace

class TestLiveTransactions : public QObject {
    Q_OBJECT

private slots:
    void sessionsAndTelemetryFollowTheTransaction() {
        domain::CentralSystem fleet(domain::UnknownChargerPolicy::Reject, 300s);
        fleet.loadInventory(inventory());
        fleet.report(status(1, contract::ConnectorStatus::Preparing));
        domain::IdTagRegistry tags;
        testing::MemoryLedger ledger;
        domain::TransactionService transactions(tags, ledger);
        app::SessionTracker sessions(fleet);
        Published published;
        app::TelemetryPublisher telemetry(fleet, [&](std::string topic, std::string payload) {
            std::lock_guard lock(published.mutex);
            published.messages.emplace_back(std::move(topic), std::move(payload));
        });
        transactions.addObserver(&sessions);
        transactions.addObserver(&telemetry);

        domain::TransactionStart start;
        start.chargerId = "CP-1";
        start.connectorId = 1;
        start.idTag = "TAG-7";
        start.meterStartWh = 1000;
        start.timestamp = 2000;
        int transactionId = 0;
        transactions.start(start, [&](const domain::LedgerResult<domain::TransactionStartResult>& r) {
            transactionId = std::get<domain::TransactionStartResult>(r).transactionId;
        });
        QVERIFY(transactionId != 0);
        auto state = fleet.charger("CP-1");
        QVERIFY(state->connectors[0].session.has_value());
        QVERIFY(*state->connectors[0].session ==
                (contract::ConnectorSession{transactionId, "TAG-7", 2000, 1000}));

        domain::MeterValuesReport report;
        report.chargerId = "CP-1";
        report.connectorId = 1;
        report.transactionId = transactionId;
        report.readings = {domain::MeterReading{
                               3000, {sample("7.4", "Power.Active.Import", "kW"), sample("1500", "", "Wh")}},
                           domain::MeterReading{4000, {sample("not a number")}}};
        transactions.meterValues(report, [](const domain::LedgerResult<bool>&) {});

        domain::TransactionStop stop;
        stop.chargerId = "CP-1";
        stop.transactionId = transactionId;
        stop.meterStopWh = 9000;
        stop.timestamp = 5000;
        transactions.stop(stop, [](const domain::LedgerResult<domain::TransactionStopResult>&) {});
        state = fleet.charger("CP-1");
        QVERIFY(!state->connectors[0].session.has_value());

        // start (meterStart), one MeterValues reading that can be charted, stop (meterStop)
        QCOMPARE(published.messages.size(), std::size_t(3));
        std::vector<contract::TelemetrySample> samples;
        for (const auto& [topic, payload] : published.messages) {
            QCOMPARE(topic, contract::chargerTelemetryTopic("depot/1", "CP-1"));
            auto decoded = contract::decodeTelemetrySample(payload);
            QVERIFY2(decoded, decoded.error().c_str());
            samples.push_back(std::move(decoded).value());
        }
        QCOMPARE(samples[0].at, contract::EpochMs(2000));
        QCOMPARE(*samples[0].energyWh, 1000.0);
        QCOMPARE(samples[1].at, contract::EpochMs(3000));
        QCOMPARE(*samples[1].powerW, 7400.0);
        QCOMPARE(*samples[1].energyWh, 1500.0);
        QCOMPARE(samples[1].transactionId, std::optional<int>(transactionId));
        QCOMPARE(samples[2].connectorId, 1);
        QCOMPARE(*samples[2].energyWh, 9000.0);
        QCOMPARE(telemetry.published(), std::uint64_t(3));
    }

    void chargersNotAdmittedPublishNothing() {
        domain::CentralSystem fleet(domain::UnknownChargerPolicy::Reject, 300s);
        fleet.loadInventory(inventory());
        int published = 0;
        app::TelemetryPublisher telemetry(fleet, [&](std::string, std::string) { ++published; });
        domain::MeterValuesReport report;
        report.chargerId = "STRANGER";
        report.connectorId = 1;
        report.readings = {domain::MeterReading{3000, {sample("1500")}}};
        telemetry.onMeterValues(report);
        QCOMPARE(published, 0);
    }

    void costPerMeterValues() {
        // What telemetry adds to each MeterValues on the I/O thread: mapping, the site lookup, encoding
        // (the queueing in BusPublisher::publishMessage is left out).
        domain::CentralSystem fleet(domain::UnknownChargerPolicy::Reject, 300s);
        fleet.loadInventory(inventory());
        std::size_t bytes = 0;
        app::TelemetryPublisher telemetry(fleet, [&](const std::string& topic, const std::string& payload) {
            bytes += topic.size() + payload.size();
        });
        domain::MeterValuesReport report;
        report.chargerId = "CP-1";
        report.connectorId = 1;
        report.transactionId = 5;
        report.readings = {domain::MeterReading{
            3000,
            {sample("1126486", "Energy.Active.Import.Register", "Wh"),
             sample("22000", "Power.Active.Import", "W"), sample("31.9", "Current.Import", "A"),
             sample("230.0", "Voltage", "V"), sample("36.8", "Temperature", "Celcius")}}};
        constexpr int kReports = 20'000;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < kReports; ++i) {
            telemetry.onMeterValues(report);
        }
        const double us = static_cast<double>(timer.nsecsElapsed()) / 1000.0 / kReports;
        qInfo("telemetry per MeterValues (5 sampled values): %.1f us, %zu bytes on the wire", us,
              bytes / kReports);
        QCOMPARE(telemetry.published(), std::uint64_t(kReports));
    }

    void openTransactionsAreRestoredAsSessions() {
        domain::CentralSystem fleet(domain::UnknownChargerPolicy::Reject, 300s);
        fleet.loadInventory(inventory());
        fleet.report(status(1, contract::ConnectorStatus::Charging));
        fleet.report(status(2, contract::ConnectorStatus::Charging));
        app::SessionTracker sessions(fleet);
        sessions.restore({domain::ActiveTransaction{11, "CP-1", 2, "TAG-A", 500, 100},
                          domain::ActiveTransaction{12, "GONE", 1, "TAG-B", 0, 100}});
        const auto state = fleet.charger("CP-1");
        QVERIFY(!state->connectors[0].session.has_value());
        QVERIFY(state->connectors[1].session.has_value());
        QCOMPARE(state->connectors[1].session->transactionId, 11);
        QCOMPARE(state->connectors[1].session->meterStartWh, std::int64_t(500));
        QVERIFY(!fleet.charger("GONE")); // a charger no longer admitted is not brought back
    }
};

QTEST_GUILESS_MAIN(TestLiveTransactions)
#include "tst_live_transactions.moc"
