// Security settings and events against a real PostgreSQL: charger credentials (hashed keys only,
// profile rules), the batched security event writer, and refusals of the authenticator landing there.
#include "domain/charger_authenticator.h"
#include "store/credential_store.h"
#include "store/security_event_writer.h"
#include "store/store.h"
#include "tests/agent/store/store_test_base.h"
#include "tests/support/test_services.h"

#include <QtTest>
#include <pqxx/pqxx>

using namespace voltdesk;
using namespace std::chrono_literals;

class TestSecurityStore : public testing::StoreTestBase {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(openScratchDatabase(QStringLiteral("tst_security")),
                 "no scratch database: did the services fixture run?");
        store::Store(m_uri).migrate();
    }

    void credentialsRoundTripWithoutTheKey() {
        store::CredentialStore credentials(m_uri);
        const std::string key = "0123456789abcdefXYZ!";
        const auto stored = credentials.set("CP-2", domain::SecurityProfile::TlsBasic,
                                            domain::hashAuthorizationKey(key), "cli:test");
        QVERIFY(stored.profile == domain::SecurityProfile::TlsBasic);
        QVERIFY(stored.key && domain::verifyAuthorizationKey(*stored.key, key));
        // Nothing in the row reads as the key.
        QCOMPARE(count("SELECT count(*) FROM charger_credentials WHERE position('0123456789abcdef' IN "
                       "encode(key_hash, 'escape') || encode(key_salt, 'escape') || key_algorithm) > 0"),
                 0LL);
        QCOMPARE(count("SELECT count(*) FROM charger_credentials WHERE set_by = 'cli:test' AND "
                       "key_iterations = " +
                       std::to_string(domain::kDefaultKeyIterations) + " AND length(key_salt) = 16"),
                 1LL);

        // A new profile without a key keeps the stored key.
        credentials.set("CP-2", domain::SecurityProfile::Basic, std::nullopt, "cli:test");
        credentials.set("CP-3", domain::SecurityProfile::TlsClientCertificate, std::nullopt, "cli:test");
        const auto all = credentials.loadAll();
        QCOMPARE(all.size(), std::size_t(2));
        QCOMPARE(all[0].chargerId, std::string("CP-2"));
        QVERIFY(all[0].profile == domain::SecurityProfile::Basic);
        QVERIFY(all[0].key && domain::verifyAuthorizationKey(*all[0].key, key));
        QVERIFY(!domain::verifyAuthorizationKey(*all[0].key, "0123456789abcdefXYZ?"));
        QCOMPARE(all[1].chargerId, std::string("CP-3"));
        QVERIFY(!all[1].key);
    }

    void profileOneOrTwoNeedsAKey() {
        store::CredentialStore credentials(m_uri);
        try {
            credentials.set("CP-nokey", domain::SecurityProfile::Basic, std::nullopt, "cli:test");
            QFAIL("set() should have thrown");
        } catch (const store::StoreError& e) {
            QVERIFY2(QString(e.what()).contains("no AuthorizationKey"), e.what());
        }
        QCOMPARE(count("SELECT count(*) FROM charger_credentials WHERE charger_id = 'CP-nokey'"), 0LL);
    }

    void eventsAreWrittenInBatches() {
        store::SecurityEventWriter writer(m_uri);
        writer.start();
        domain::SecurityEvent agent;
        agent.chargerId = "CP-9";
        agent.type = "FailedAuthentication";
        agent.detail = "wrong password (AuthorizationKey)";
        agent.remoteAddress = "10.1.2.3:4000";
        agent.receivedAt = 1'700'000'000'000;
        domain::SecurityEvent charger;
        charger.chargerId = "CP-9";
        charger.type = "TamperDetectionActivated";
        charger.severity = domain::SecuritySeverity::Critical;
        charger.source = domain::SecurityEventSource::Charger;
        charger.chargerTime = 1'699'999'999'000;
        charger.receivedAt = 1'700'000'000'500;
        for (int i = 0; i < 50; ++i) {
            writer.report(agent);
        }
        writer.report(charger);
        QVERIFY(writer.flush(10s));
        QCOMPARE(writer.stats().written, std::uint64_t(51));
        QCOMPARE(
            count("SELECT count(*) FROM security_events WHERE charger_id = 'CP-9' AND type = "
                  "'FailedAuthentication' AND source = 'agent' AND severity = 'warning' AND charger_time "
                  "IS NULL AND remote_address = '10.1.2.3:4000' AND received_at = to_timestamp(1700000000)"),
            50LL);
        QCOMPARE(
            count("SELECT count(*) FROM security_events WHERE type = 'TamperDetectionActivated' AND source "
                  "= 'charger' AND severity = 'critical' AND charger_time = to_timestamp(1699999999)"),
            1LL);
    }

    void refusedConnectionsLandInPostgres() {
        store::SecurityEventWriter writer(m_uri);
        writer.start();
        domain::ChargerAuthenticator authenticator(&writer);
        authenticator.load(store::CredentialStore(m_uri).loadAll());
        domain::AuthenticationAttempt attempt;
        attempt.chargerId = "CP-2"; // profile 1 since the test above
        attempt.remoteAddress = "192.0.2.1:1234";
        QVERIFY(!authenticator.authenticate(attempt).admitted);
        attempt.basic = domain::AuthenticationAttempt::Basic{"CP-2", "not-the-right-key-000"};
        QVERIFY(!authenticator.authenticate(attempt).admitted);
        attempt.basic->password = "0123456789abcdefXYZ!";
        QVERIFY(authenticator.authenticate(attempt).admitted);
        attempt.chargerId = "CP-3";
        attempt.tls = true;
        attempt.basic.reset();
        attempt.clientCertificateCn = "CP-2";
        QVERIFY(!authenticator.authenticate(attempt).admitted);
        QVERIFY(writer.flush(10s));
        QCOMPARE(count("SELECT count(*) FROM security_events WHERE remote_address = '192.0.2.1:1234'"), 3LL);
        for (const char* type : {"MissingCredentials", "FailedAuthentication", "ClientCertificateMismatch"}) {
            QCOMPARE(count(std::string("SELECT count(*) FROM security_events WHERE remote_address = "
                                       "'192.0.2.1:1234' AND type = '") +
                           type + "' AND received_at > now() - interval '1 minute'"),
                     1LL);
        }
    }

    void unreachableDatabaseDropsAtStopWithoutBlockingReports() {
        store::SecurityEventWriterOptions options;
        options.maxQueued = 10;
        store::SecurityEventWriter writer("postgresql://nobody@127.0.0.1:1/none?connect_timeout=1", options);
        writer.start();
        domain::SecurityEvent event;
        event.chargerId = "CP-x";
        event.type = "FailedAuthentication";
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 100; ++i) {
            writer.report(event);
        }
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY(!writer.flush(300ms));
        writer.stop(200ms);
        const auto stats = writer.stats();
        QCOMPARE(stats.written, std::uint64_t(0));
        QCOMPARE(stats.dropped, std::uint64_t(100));
    }
};

QTEST_GUILESS_MAIN(TestSecurityStore)
#include "tst_security_store.moc"
