// connector_status_history against a real PostgreSQL: migration 005 keeps the older rows and backfills
// the connections, the writer records every StatusNotification and every connection change.
#include "domain/central_system.h"
#include "store/store.h"
#include "store/store_writer.h"
#include "tests/agent/store/store_test_base.h"

#include <QtTest>
#include <algorithm>
#include <pqxx/pqxx>

using namespace voltdesk;
using namespace std::chrono_literals;

class TestStatusHistory : public testing::StoreTestBase {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(openScratchDatabase(QStringLiteral("tst_status_history")),
                 "no scratch database: did the services fixture run?");
    }

    void migrationKeepsRowsAndBackfillsConnections() {
        // A database at version 4 with history written the old way.
        const auto all = store::embeddedMigrations();
        std::vector<store::EmbeddedMigration> upTo4;
        std::copy_if(all.begin(), all.end(), std::back_inserter(upTo4),
                     [](const auto& m) { return m.version <= 4; });
        store::Store db(m_uri);
        db.migrate(upTo4);
        {
            pqxx::connection conn(m_uri);
            pqxx::work tx(conn);
            tx.exec("INSERT INTO status_history (charger_id, connector_id, status, error_code, received_at) "
                    "VALUES ('OLD', 1, 'Faulted', 'GroundFailure', '2026-01-01T10:00:00Z')");
            tx.exec("INSERT INTO charger_connections (charger_id, event, at) VALUES "
                    "('OLD', 'connected', '2026-01-01T09:00:00Z'), "
                    "('OLD', 'disconnected', '2026-01-01T11:00:00Z')");
            tx.commit();
        }
        const auto report = db.migrate();
        QVERIFY(std::find(report.applied.begin(), report.applied.end(), 5) != report.applied.end());
        QCOMPARE(text("SELECT string_agg(connector_id || ':' || status || ':' || error_code, ',' "
                      "ORDER BY received_at) FROM connector_status_history WHERE charger_id = 'OLD'"),
                 std::string("0:Online:,1:Faulted:GroundFailure,0:Offline:"));
        QCOMPARE(count("SELECT count(*) FROM connector_status_history WHERE charger_id = 'OLD' AND "
                       "connector_id = 0 AND charger_time IS NULL"),
                 2LL);
        // The old name still shows the StatusNotifications only.
        QCOMPARE(count("SELECT count(*) FROM status_history WHERE charger_id = 'OLD'"), 1LL);
    }

    void writerRecordsStatusesAndConnections() {
        store::Store(m_uri).migrate();
        domain::CentralSystem fleet(domain::UnknownChargerPolicy::Accept, 300s);
        store::StoreWriter writer(m_uri);
        fleet.addListener(&writer);
        writer.start();

        const contract::EpochMs t0 = 1'790'000'000'000;
        fleet.report(domain::ChargerConnected{"CP-H", "ocpp1.6", "10.0.0.9:5000", t0});
        domain::ConnectorStatusReported fault;
        fault.chargerId = "CP-H";
        fault.connectorId = 1;
        fault.status = contract::ConnectorStatus::Faulted;
        fault.errorCode = "GroundFailure";
        fault.info = "RCD tripped";
        fault.vendorErrorCode = "E42";
        fault.at = t0 + 900; // the charger's clock is behind
        fault.receivedAt = t0 + 1000;
        fleet.report(fault);
        fleet.report(domain::ChargerDisconnected{"CP-H", "closed by the charger (code 1000)", t0 + 2000});
        QVERIFY(writer.flush(10s));
        QCOMPARE(writer.stats().rejected, std::uint64_t(0));

        QCOMPARE(text("SELECT string_agg(connector_id || ':' || status, ',' ORDER BY received_at) "
                      "FROM connector_status_history WHERE charger_id = 'CP-H'"),
                 std::string("0:Online,1:Faulted,0:Offline"));
        QCOMPARE(text("SELECT error_code || '/' || info || '/' || vendor_error_code || '/' || "
                      "(extract(epoch FROM charger_time) * 1000)::bigint || '/' || "
                      "(extract(epoch FROM received_at) * 1000)::bigint "
                      "FROM connector_status_history WHERE charger_id = 'CP-H' AND connector_id = 1"),
                 "GroundFailure/RCD tripped/E42/" + std::to_string(t0 + 900) + "/" +
                     std::to_string(t0 + 1000));
        QCOMPARE(
            count("SELECT (extract(epoch FROM received_at) * 1000)::bigint FROM connector_status_history "
                  "WHERE charger_id = 'CP-H' AND status = 'Offline' AND charger_time IS NULL"),
            static_cast<long long>(t0 + 2000));
        QCOMPARE(count("SELECT count(*) FROM status_history WHERE charger_id = 'CP-H'"), 1LL);
        QCOMPARE(count("SELECT count(*) FROM charger_connections WHERE charger_id = 'CP-H'"), 2LL);
        writer.stop();
    }
};

QTEST_GUILESS_MAIN(TestStatusHistory)
#include "tst_status_history.moc"
