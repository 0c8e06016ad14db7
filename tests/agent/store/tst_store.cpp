// The store against a real PostgreSQL: migrations, inventory import, the batching writer fed by the
// real CentralSystem, sanitizing, overflow and an unreachable server.
#include "domain/central_system.h"
#include "store/store.h"
#include "store/store_writer.h"
#include "tests/agent/store/store_test_base.h"
#include "tests/support/test_services.h"

#include <QtTest>
#include <pqxx/pqxx>

using namespace voltdesk;
using namespace std::chrono_literals;

namespace {

contract::Inventory sampleInventory() {
    contract::Inventory inventory;
    contract::SiteInfo depot;
    depot.siteId = "depot";
    depot.name = "Depot";
    depot.address = "Hauptstr. 1";
    depot.timeZone = "Europe/Berlin";
    depot.location = {52.5, 13.4};
    contract::SiteInfo mall;
    mall.siteId = "mall";
    mall.name = "Mall";
    mall.location = {52.6, 13.5};
    inventory.sites = {depot, mall};
    contract::InventoryCharger a{"CP-A", "depot", contract::GeoPoint{52.51, 13.41}, 22, 2};
    contract::InventoryCharger b{"CP-B", "depot", std::nullopt, 50, 1};
    contract::InventoryCharger c{"CP-C", "mall", std::nullopt, 150, 4};
    inventory.chargers = {a, b, c};
    return inventory;
}

domain::ConnectorStatusReported status(const std::string& id, int connector, contract::ConnectorStatus s,
                                       contract::EpochMs at) {
    domain::ConnectorStatusReported e;
    e.chargerId = id;
    e.connectorId = connector;
    e.status = s;
    e.errorCode = "NoError";
    e.at = at;
    e.receivedAt = at + 5;
    return e;
}

} // namespace

class TestStore : public testing::StoreTestBase {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(openScratchDatabase(QStringLiteral("tst_store")),
                 "no scratch database: did the services fixture run?");
    }

    void migratesAnEmptyDatabaseOnce() {
        store::Store db(m_uri);
        QCOMPARE(db.schemaVersion(), 0);
        const auto first = db.migrate();
        QCOMPARE(first.fromVersion, 0);
        QVERIFY(!first.applied.empty());
        QCOMPARE(first.applied.front(), 1);
        QCOMPARE(db.schemaVersion(), first.toVersion);
        for (const char* table :
             {"sites", "chargers", "connectors", "status_history", "charger_connections"}) {
            QCOMPARE(
                count(std::string("SELECT count(*) FROM information_schema.tables WHERE table_name = '") +
                      table + "'"),
                1LL);
        }
        const auto second = store::Store(m_uri).migrate();
        QVERIFY(second.applied.empty());
        QCOMPARE(second.fromVersion, first.toVersion);
        QCOMPARE(count("SELECT count(*) FROM schema_migrations"),
                 static_cast<long long>(first.applied.size()));
    }

    void failedMigrationKeepsTheOnesBefore() {
        const QString uri =
            testing::createScratchDatabase(testing::testServices().postgres, "tst_store_fail");
        QVERIFY(!uri.isEmpty());
        const std::vector<store::EmbeddedMigration> migrations{
            {1, "good", "CREATE TABLE first_table (x int);"},
            {2, "bad", "CREATE TABLE second_table (x int); SELECT no_such_function();"},
            {3, "later", "CREATE TABLE third_table (x int);"},
        };
        store::Store db(uri.toStdString());
        try {
            db.migrate(migrations);
            QFAIL("migrate() should have thrown");
        } catch (const store::StoreError& e) {
            QVERIFY2(QString(e.what()).contains("schema migration 2 (bad) failed"), e.what());
        }
        QCOMPARE(db.schemaVersion(), 1);
        pqxx::connection conn(uri.toStdString());
        pqxx::work tx(conn);
        QVERIFY(tx.query_value<bool>("SELECT to_regclass('first_table') IS NOT NULL"));
        QVERIFY(tx.query_value<bool>("SELECT to_regclass('second_table') IS NULL")); // rolled back whole
        QVERIFY(tx.query_value<bool>("SELECT to_regclass('third_table') IS NULL"));
    }

    void refusesADatabaseFromANewerAgent() {
        const QString uri =
            testing::createScratchDatabase(testing::testServices().postgres, "tst_store_newer");
        store::Store db(uri.toStdString());
        db.migrate();
        {
            pqxx::connection conn(uri.toStdString());
            pqxx::work tx(conn);
            tx.exec("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')");
            tx.commit();
        }
        try {
            db.migrate();
            QFAIL("migrate() should have thrown");
        } catch (const store::StoreError& e) {
            QVERIFY2(QString(e.what()).contains("version 999"), e.what());
        }
    }

    void unreachableServerIsAClearError() {
        try {
            store::Store db("postgresql://voltdesk:secret@127.0.0.1:1/nowhere?connect_timeout=2");
            QFAIL("the constructor should have thrown");
        } catch (const store::StoreError& e) {
            const QString what = e.what();
            QVERIFY2(
                what.startsWith("cannot connect to PostgreSQL at postgresql://voltdesk:***@127.0.0.1:1/"),
                e.what());
            QVERIFY(!what.contains("secret"));
        }
    }

    void importsTheInventoryAsUpsert() {
        store::Store db(m_uri);
        db.migrate();
        auto inventory = sampleInventory();
        db.importInventory(inventory);
        QCOMPARE(count("SELECT count(*) FROM sites"), 2LL);
        QCOMPARE(count("SELECT count(*) FROM chargers"), 3LL);
        // A charger without a location stands at its site.
        QCOMPARE(text("SELECT lat || ',' || lon FROM chargers WHERE id = 'CP-B'"), std::string("52.5,13.4"));
        QCOMPARE(text("SELECT lat || ',' || lon FROM chargers WHERE id = 'CP-A'"),
                 std::string("52.51,13.41"));
        inventory.sites[0].name = "Depot North";
        inventory.chargers[2].maxPowerKw = 300;
        db.importInventory(inventory);
        QCOMPARE(count("SELECT count(*) FROM sites"), 2LL);
        QCOMPARE(text("SELECT name FROM sites WHERE id = 'depot'"), std::string("Depot North"));
        QCOMPARE(count("SELECT max_power_kw::bigint FROM chargers WHERE id = 'CP-C'"), 300LL);
        QCOMPARE(count("SELECT connector_count FROM chargers WHERE id = 'CP-C'"), 4LL);
        const auto sites = db.loadSites();
        QCOMPARE(sites.size(), std::size_t(2));
        QCOMPARE(sites[0].timeZone, std::string("Europe/Berlin"));
    }

    void writesLiveEventsInBatches() {
        store::Store db(m_uri);
        db.migrate();
        db.importInventory(sampleInventory());
        domain::CentralSystem fleet(domain::UnknownChargerPolicy::Accept, 300s);
        fleet.loadInventory(sampleInventory());
        store::StoreWriter writer(m_uri);
        fleet.addListener(&writer);
        writer.start();

        const contract::EpochMs t0 = 1'790'000'000'000;
        fleet.report(domain::ChargerConnected{"CP-A", "ocpp1.6", "10.0.0.7:5000", t0});
        fleet.boot(domain::ChargerBooted{"CP-A", "ACME", "Wallbox 22", "SN-1", "1.2.3", t0 + 1});
        constexpr int kReports = 300;
        for (int i = 0; i < kReports; ++i) {
            const auto s =
                i % 2 == 0 ? contract::ConnectorStatus::Charging : contract::ConnectorStatus::Available;
            fleet.report(status("CP-A", 1 + i % 2, s, t0 + 10 + i));
        }
        fleet.report(status("CP-A", 1, contract::ConnectorStatus::Faulted, t0 + 1000));
        fleet.report(domain::HeartbeatReceived{"CP-A", t0 + 2000});
        using Kind = domain::MaintenanceStatusReported::Kind;
        fleet.report(domain::MaintenanceStatusReported{"CP-A", Kind::Firmware, "Downloading", std::nullopt,
                                                       t0 + 2100});
        fleet.report(domain::MaintenanceStatusReported{"CP-A", Kind::SignedFirmware, "InvalidSignature", 7,
                                                       t0 + 2200});
        fleet.report(domain::ChargerConnected{"visitor", "ocpp1.6", "10.0.0.8:5000", t0 + 3000});
        fleet.report(domain::ChargerDisconnected{"CP-A", "closed by the charger (code 1000)", t0 + 4000});
        QVERIFY(writer.flush(10s));

        const auto stats = writer.stats();
        QCOMPARE(stats.written, std::uint64_t(kReports + 8));
        QCOMPARE(stats.dropped, std::uint64_t(0));
        QCOMPARE(stats.rejected, std::uint64_t(0));
        QVERIFY2(stats.batches < 20, "events were not batched");

        QCOMPARE(count("SELECT count(*) FROM status_history WHERE charger_id = 'CP-A'"),
                 static_cast<long long>(kReports + 1));
        QCOMPARE(
            text("SELECT string_agg(kind || ':' || status || ':' || request_id, ',' ORDER BY received_at) "
                 "FROM maintenance_history WHERE charger_id = 'CP-A'"),
            std::string("firmware:Downloading:-1,signed_firmware:InvalidSignature:7"));
        QCOMPARE(text("SELECT status FROM connectors WHERE charger_id = 'CP-A' AND connector_id = 1"),
                 std::string("Faulted"));
        QCOMPARE(text("SELECT status FROM connectors WHERE charger_id = 'CP-A' AND connector_id = 2"),
                 std::string("Available"));
        QCOMPARE(text("SELECT vendor || '/' || model || '/' || serial_number || '/' || firmware_version FROM "
                      "chargers "
                      "WHERE id = 'CP-A'"),
                 std::string("ACME/Wallbox 22/SN-1/1.2.3"));
        QCOMPARE(text("SELECT online::text FROM chargers WHERE id = 'CP-A'"), std::string("false"));
        QCOMPARE(
            count("SELECT (extract(epoch FROM last_seen) * 1000)::bigint FROM chargers WHERE id = 'CP-A'"),
            static_cast<long long>(t0 + 2200)); // the last message: a firmware status
        QCOMPARE(
            count("SELECT (extract(epoch FROM first_seen) * 1000)::bigint FROM chargers WHERE id = 'CP-A'"),
            static_cast<long long>(t0));
        QCOMPARE(text("SELECT site_id FROM chargers WHERE id = 'CP-A'"),
                 std::string("depot")); // kept from inventory
        QCOMPARE(text("SELECT site_id FROM chargers WHERE id = 'visitor'"),
                 std::string(domain::kUnassignedSiteId));
        QCOMPARE(text("SELECT string_agg(event, ',' ORDER BY at) FROM charger_connections WHERE charger_id = "
                      "'CP-A'"),
                 std::string("connected,disconnected"));
        QCOMPARE(text("SELECT remote_address FROM charger_connections WHERE charger_id = 'CP-A' AND event = "
                      "'connected'"),
                 std::string("10.0.0.7:5000"));

        // What survives a restart: the last state, offline, with connector statuses.
        const auto states = db.loadChargerStates();
        const auto a =
            std::find_if(states.begin(), states.end(), [](const auto& s) { return s.chargerId == "CP-A"; });
        QVERIFY(a != states.end());
        QVERIFY(!a->online);
        QCOMPARE(a->vendor, std::string("ACME"));
        QCOMPARE(a->registration, std::string("Accepted"));
        QCOMPARE(a->connectors.size(), std::size_t(2));
        QVERIFY(a->connectors[0].status == contract::ConnectorStatus::Faulted);
        QCOMPARE(a->connectors[0].since, t0 + 1000);
        QCOMPARE(a->lastSeen, t0 + 2200);
        QVERIFY(a->location.has_value());
        writer.stop();
    }

    void oddTextNeverFailsABatch() {
        store::Store(m_uri).migrate();
        domain::CentralSystem fleet(domain::UnknownChargerPolicy::Accept, 300s);
        store::StoreWriter writer(m_uri);
        fleet.addListener(&writer);
        writer.start();
        const std::string nasty = std::string("bad\0id\xFF", 7);
        fleet.report(domain::ChargerConnected{nasty, "ocpp1.6", "x", 1});
        auto e = status(nasty, 1, contract::ConnectorStatus::Available, 2);
        e.info = std::string("nul\0and \xC3(", 10);
        fleet.report(e);
        fleet.report(domain::ChargerConnected{"neighbour", "ocpp1.6", "y", 3});
        QVERIFY(writer.flush(10s));
        QCOMPARE(writer.stats().rejected, std::uint64_t(0));
        QCOMPARE(writer.stats().written, std::uint64_t(3));
        QCOMPARE(count("SELECT count(*) FROM chargers WHERE id = 'badid\xEF\xBF\xBD'"), 1LL);
        QCOMPARE(text("SELECT info FROM status_history WHERE charger_id = 'badid\xEF\xBF\xBD'"),
                 std::string("nuland \xEF\xBF\xBD("));
        QCOMPARE(count("SELECT count(*) FROM chargers WHERE id = 'neighbour'"), 1LL);
    }

    void manyChargersWithoutLocationInOneBatch() {
        // Regression: libpqxx 7.10 overran its buffer converting arrays with many NULLs.
        store::Store(m_uri).migrate();
        domain::CentralSystem fleet(domain::UnknownChargerPolicy::Accept, 300s);
        store::StoreWriter writer(m_uri);
        fleet.addListener(&writer);
        for (int i = 0; i < 1500; ++i) {
            fleet.report(
                domain::ChargerConnected{"nowhere-" + std::to_string(i), "ocpp1.6", "10.1.0.1:1", 1000 + i});
        }
        writer.start();
        QVERIFY(writer.flush(20s));
        QCOMPARE(writer.stats().written, std::uint64_t(1500));
        QCOMPARE(count("SELECT count(*) FROM chargers WHERE id LIKE 'nowhere-%' AND lat IS NULL AND online"),
                 1500LL);
    }

    void fullQueueDropsAndCounts() {
        store::StoreWriterOptions options;
        options.maxQueuedEvents = 5;
        store::StoreWriter writer(m_uri, options);
        contract::ChargerState state;
        state.chargerId = "overflow";
        for (int i = 0; i < 12; ++i) {
            writer.onChargerEvent(domain::HeartbeatReceived{"overflow", i + 1},
                                  state); // not started: queue fills
        }
        QCOMPARE(writer.stats().dropped, std::uint64_t(7));
        writer.start();
        QVERIFY(writer.flush(10s));
        QCOMPARE(writer.stats().written, std::uint64_t(5));
    }

    void unreachableDatabaseNeverBlocksAndGivesUpAtStop() {
        store::StoreWriter writer("postgresql://voltdesk@127.0.0.1:1/nowhere?connect_timeout=1");
        writer.start();
        contract::ChargerState state;
        state.chargerId = "lost";
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 100; ++i) {
            writer.onChargerEvent(domain::HeartbeatReceived{"lost", i + 1}, state);
        }
        QVERIFY(timer.elapsed() < 100); // the caller never waits for the database
        QVERIFY(!writer.flush(300ms));
        writer.stop(500ms);
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(writer.stats().dropped, std::uint64_t(100));
        QCOMPARE(writer.stats().written, std::uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
