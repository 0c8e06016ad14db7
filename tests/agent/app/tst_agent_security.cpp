// The agent with OCPP security profiles against the real PostgreSQL and Mosquitto: keys set with
// set-charger-key, a ws:// and a wss:// listener at once, each profile admitted or refused, and the
// refusals as rows of security_events.
#include "app/agent.h"
#include "app/charger_security.h"
#include "tests/agent/transport/ws_test_client.h"
#include "tests/support/test_services.h"

#include <QtTest>
#include <pqxx/pqxx>
#include <sstream>

using namespace voltdesk;
using voltdesk::testing::basicAuthorization;
using voltdesk::testing::WssTestClient;
using voltdesk::testing::WsTestClient;
namespace ssl = boost::asio::ssl;

namespace {
constexpr const char* kKey = "Voltdesk-Test-Key-0123";
} // namespace

class TestAgentSecurity : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_postgres;
    std::string m_mqtt;
    QString m_pki;

    long long count(const std::string& sql) {
        pqxx::connection conn(m_postgres);
        pqxx::work tx(conn);
        return tx.query_value<long long>(sql);
    }
    std::string pki(const QString& name) const { return (m_pki + "/" + name).toStdString(); }

    int setKey(const std::string& charger, int profile, std::optional<std::string> key, std::string* output) {
        app::SetChargerKeyRequest request;
        request.postgres = m_postgres;
        request.chargerId = charger;
        request.profile = profile;
        request.keyFromStdin = key.has_value();
        request.setBy = "cli:test";
        std::istringstream in(key.value_or("") + "\n");
        std::ostringstream out;
        std::ostringstream err;
        const int code = app::runSetChargerKey(request, in, out, err);
        if (output != nullptr) {
            *output = out.str() + err.str();
        }
        return code;
    }

    std::unique_ptr<ssl::context> clientContext(const QString& charger = {}) {
        auto context = std::make_unique<ssl::context>(ssl::context::tls_client);
        context->load_verify_file(pki("ca.pem"));
        context->set_verify_mode(ssl::verify_peer);
        if (!charger.isEmpty()) {
            context->use_certificate_chain_file(pki("chargers/" + charger + ".pem"));
            context->use_private_key_file(pki("chargers/" + charger + ".key"), ssl::context::pem);
        }
        return context;
    }

private slots:
    void initTestCase() {
        const auto services = testing::testServices();
        QVERIFY2(!services.postgres.isEmpty() && !services.mqtt.isEmpty(),
                 "the services fixture did not run");
        m_postgres = testing::createScratchDatabase(services.postgres, "tst_agent_security").toStdString();
        QVERIFY(!m_postgres.empty());
        m_mqtt = services.mqtt.toStdString();
        m_pki = m_dir.filePath(QStringLiteral("pki"));
        QProcess make;
        make.setProcessChannelMode(QProcess::ForwardedChannels);
        make.start("bash", {qEnvironmentVariable("VOLTDESK_SOURCE_DIR") + "/scripts/lib/make-test-pki.sh",
                            m_pki, "CP-3", "CP-1"});
        QVERIFY(make.waitForFinished(60'000) && make.exitCode() == 0);
    }

    void setChargerKeyCommand() {
        std::string output;
        QCOMPARE(setKey("CP-1", 1, std::string(kKey), &output), 0);
        QVERIFY2(output.find("new AuthorizationKey stored") != std::string::npos, output.c_str());
        QCOMPARE(setKey("CP-2", 2, std::string(kKey), &output), 0);
        QCOMPARE(setKey("CP-3", 3, std::nullopt, &output), 0);
        QCOMPARE(setKey("CP-4", 1, std::string("short"), &output), 2);
        QVERIFY2(output.find("16 to 40") != std::string::npos, output.c_str());
        QCOMPARE(setKey("CP-4", 2, std::nullopt, &output), 1);
        QVERIFY2(output.find("no AuthorizationKey") != std::string::npos, output.c_str());
        QCOMPARE(count("SELECT count(*) FROM charger_credentials"), 3LL);
        QCOMPARE(count(std::string("SELECT count(*) FROM charger_credentials WHERE position('") + kKey +
                       "' IN encode(key_hash, 'escape')) > 0"),
                 0LL);
    }

    void profilesOverWsAndWss() {
        app::AgentConfig config;
        config.listenHost = "127.0.0.1";
        config.listenPort = 0;
        config.postgres = m_postgres;
        config.mqtt = m_mqtt;
        config.agentId = "tst-agent-security-" + std::to_string(QCoreApplication::applicationPid());
        config.tlsListenHost = "127.0.0.1";
        config.tlsListenPort = 0;
        config.tlsCertFile = pki("server.pem");
        config.tlsKeyFile = pki("server.key");
        config.tlsClientCaFile = pki("ca.pem");
        config.tlsClientCertRequired = false;
        app::Agent agent(config);
        agent.start();
        QVERIFY(agent.ocppTlsUrl().rfind("wss://127.0.0.1:", 0) == 0);
        const auto ws = agent.port();
        const auto wss = agent.tlsPort();

        // Profile 0 (no settings): as before.
        WsTestClient open;
        QVERIFY(!open.connect(ws, "/ocpp/CP-0"));
        // Profile 1.
        WsTestClient anonymous;
        QVERIFY(anonymous.connect(ws, "/ocpp/CP-1"));
        QCOMPARE(anonymous.response().result_int(), 401u);
        WsTestClient basic;
        QVERIFY(!basic.connect(ws, "/ocpp/CP-1", std::string("ocpp1.6"), basicAuthorization("CP-1", kKey)));
        // Profile 2: not over ws://, yes over wss://.
        WsTestClient downgraded;
        QVERIFY(
            downgraded.connect(ws, "/ocpp/CP-2", std::string("ocpp1.6"), basicAuthorization("CP-2", kKey)));
        QCOMPARE(downgraded.response().result_int(), 401u);
        auto plainTls = clientContext();
        WssTestClient tlsBasic(*plainTls);
        QVERIFY(
            !tlsBasic.connect(wss, "/ocpp/CP-2", std::string("ocpp1.6"), basicAuthorization("CP-2", kKey)));
        // Profile 3: its own certificate, not another charger's.
        auto cp3 = clientContext("CP-3");
        WssTestClient certificate(*cp3);
        QVERIFY(!certificate.connect(wss, "/ocpp/CP-3"));
        WssTestClient impostor(*cp3);
        QVERIFY(impostor.connect(wss, "/ocpp/CP-1"));
        QCOMPARE(impostor.response().result_int(), 401u);

        QTRY_COMPARE_WITH_TIMEOUT(count("SELECT count(*) FROM security_events"), 3LL, 5000);
        QCOMPARE(count("SELECT count(*) FROM security_events WHERE charger_id = 'CP-1' AND type = "
                       "'MissingCredentials' AND remote_address LIKE '127.0.0.1:%' AND source = 'agent'"),
                 1LL);
        QCOMPARE(
            count(
                "SELECT count(*) FROM security_events WHERE charger_id = 'CP-2' AND type = 'ProfileTooLow'"),
            1LL);
        QCOMPARE(count("SELECT count(*) FROM security_events WHERE charger_id = 'CP-1' AND type = "
                       "'ClientCertificateMismatch' AND severity = 'critical'"),
                 1LL);
        agent.stop();
    }

    void tlsListenerNeedsItsFiles() {
        app::AgentConfig config;
        config.listenHost = "127.0.0.1";
        config.listenPort = 0;
        config.postgres = m_postgres;
        config.mqtt = m_mqtt;
        config.tlsListenHost = "127.0.0.1";
        config.tlsListenPort = 0;
        config.tlsCertFile = pki("missing.pem");
        config.tlsKeyFile = pki("server.key");
        app::Agent agent(config);
        try {
            agent.start();
            QFAIL("start() should have thrown");
        } catch (const app::AgentError& e) {
            QVERIFY2(QString(e.what()).contains("missing.pem"), e.what());
        }
        agent.stop();
    }
};

QTEST_GUILESS_MAIN(TestAgentSecurity)
#include "tst_agent_security.moc"
