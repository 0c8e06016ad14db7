// The WebSocket server over TLS against a real Beast client, with certificates from
// scripts/lib/make-test-pki.sh: the wss:// handshake, client certificates (security profile 3)
// accepted from the configured CA and refused from another, the CN handed to admission, TLS versions,
// and the connection rules shared with ws://.
#include "tests/agent/transport/ws_test_client.h"
#include "transport/ws_server.h"

#include <QtTest>
#include <mutex>
#include <openssl/ssl.h>

using namespace voltdesk::transport;
using voltdesk::testing::basicAuthorization;
using voltdesk::testing::WssTestClient;
namespace ssl = boost::asio::ssl;

namespace {

class EchoHandler : public WsConnectionHandler {
public:
    EchoHandler(std::string id, std::shared_ptr<WsSender> sender, std::function<void(std::string)> log)
        : m_id(std::move(id)), m_sender(std::move(sender)), m_log(std::move(log)) {}
    void onOpen(const std::string&) override { m_log("open " + m_id); }
    void onText(std::string_view text) override { m_sender->sendText("echo:" + std::string(text)); }
    void onBinary(std::string_view) override {}
    void onClose(const std::string& reason) override { m_log("close " + m_id + " " + reason); }

private:
    std::string m_id;
    std::shared_ptr<WsSender> m_sender;
    std::function<void(std::string)> m_log;
};

} // namespace

class TestWssServer : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_pki;   // CA, server, chargers CP1 and CP2
    QString m_other; // another CA with its own CP1
    std::mutex m_mutex;
    std::vector<AdmissionRequest> m_requests;
    std::vector<std::string> m_journal;

    static bool makePki(const QString& dir, const QStringList& chargers) {
        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedChannels);
        process.start(QStringLiteral("bash"), QStringList{qEnvironmentVariable("VOLTDESK_SOURCE_DIR") +
                                                              QStringLiteral("/scripts/lib/make-test-pki.sh"),
                                                          dir} +
                                                  chargers);
        return process.waitForFinished(60'000) && process.exitStatus() == QProcess::NormalExit &&
               process.exitCode() == 0;
    }
    std::string file(const QString& dir, const QString& name) const {
        return (dir + "/" + name).toStdString();
    }

    bool logged(const std::string& line) {
        std::lock_guard lock(m_mutex);
        return std::find(m_journal.begin(), m_journal.end(), line) != m_journal.end();
    }
    std::vector<AdmissionRequest> requests() {
        std::lock_guard lock(m_mutex);
        return m_requests;
    }

    /// Admits a charger whose client certificate (if any) names it, and "CP-basic" only with its key.
    std::unique_ptr<WsServer> makeServer(bool clientCa, bool requireClientCertificate = true) {
        WsServerOptions options;
        options.host = "127.0.0.1";
        options.port = 0;
        TlsOptions tls;
        tls.certificateChainFile = file(m_pki, "server.pem");
        tls.privateKeyFile = file(m_pki, "server.key");
        if (clientCa) {
            tls.clientCaFile = file(m_pki, "ca.pem");
        }
        tls.requireClientCertificate = requireClientCertificate;
        options.tls = tls;
        auto server = std::make_unique<WsServer>(
            options,
            [this](const AdmissionRequest& request) {
                {
                    std::lock_guard lock(m_mutex);
                    m_requests.push_back(request);
                }
                if (request.clientCertificateCn && *request.clientCertificateCn != request.chargerId) {
                    return Admission::Unauthorized;
                }
                if (request.chargerId == "CP-basic" &&
                    (!request.basic || request.basic->password != "secret-key-0123456")) {
                    return Admission::Unauthorized;
                }
                return Admission::Admit;
            },
            [this](const std::string& id, std::shared_ptr<WsSender> sender) {
                return std::make_unique<EchoHandler>(id, std::move(sender), [this](std::string line) {
                    std::lock_guard lock(m_mutex);
                    m_journal.push_back(std::move(line));
                });
            });
        server->start();
        return server;
    }

    /// Trusts our CA and checks the server's name; with charger set, presents that certificate.
    std::unique_ptr<ssl::context> clientContext(const QString& pki = {}, const QString& charger = {}) {
        auto context = std::make_unique<ssl::context>(ssl::context::tls_client);
        context->load_verify_file(file(m_pki, "ca.pem"));
        context->set_verify_mode(ssl::verify_peer);
        context->set_verify_callback(ssl::host_name_verification("127.0.0.1"));
        if (!charger.isEmpty()) {
            context->use_certificate_chain_file(file(pki, "chargers/" + charger + ".pem"));
            context->use_private_key_file(file(pki, "chargers/" + charger + ".key"), ssl::context::pem);
        }
        return context;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_pki = m_dir.filePath(QStringLiteral("pki"));
        m_other = m_dir.filePath(QStringLiteral("other"));
        QVERIFY(makePki(m_pki, {QStringLiteral("CP1"), QStringLiteral("CP2")}));
        QVERIFY(makePki(m_other, {QStringLiteral("CP1")}));
    }

    void init() {
        std::lock_guard lock(m_mutex);
        m_requests.clear();
        m_journal.clear();
    }

    void wssHandshakeWithServerCertificate() {
        auto server = makeServer(false);
        auto context = clientContext();
        WssTestClient client(*context);
        const auto ec = client.connect(server->port(), "/ocpp/CP-basic", std::string("ocpp1.6"),
                                       basicAuthorization("CP-basic", "secret-key-0123456"));
        QVERIFY2(!ec, ec.message().c_str());
        QVERIFY(!client.sendText("hello"));
        QCOMPARE(client.read().value_or("<none>"), std::string("echo:hello"));
        const auto seen = requests();
        QCOMPARE(seen.size(), std::size_t(1));
        QVERIFY(seen[0].tls);
        QVERIFY(!seen[0].clientCertificateCn);
        QCOMPARE(seen[0].basic->username, std::string("CP-basic"));
        client.close();
        QTRY_VERIFY(logged("close CP-basic closed by the charger (code 1000)"));
    }

    void wssBasicAuthenticationRefusedWith401() {
        auto server = makeServer(false);
        auto context = clientContext();
        WssTestClient client(*context);
        QVERIFY(client.connect(server->port(), "/ocpp/CP-basic"));
        QCOMPARE(client.response().result_int(), 401u);
        QCOMPARE(std::string(client.response()[boost::beast::http::field::www_authenticate]),
                 std::string("Basic realm=\"voltdesk\""));
    }

    void tlsBelow12Refused() {
        auto server = makeServer(false);
        auto context = clientContext();
        SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_VERSION);
        SSL_CTX_set_max_proto_version(context->native_handle(), TLS1_1_VERSION);
        SSL_CTX_set_security_level(context->native_handle(), 0);
        WssTestClient client(*context);
        QVERIFY(client.connect(server->port(), "/ocpp/CP1"));
        QVERIFY(requests().empty());
    }

    void clientCertificateOfItsIdAccepted() {
        auto server = makeServer(true);
        auto context = clientContext(m_pki, QStringLiteral("CP1"));
        WssTestClient client(*context);
        const auto ec = client.connect(server->port(), "/ocpp/CP1");
        QVERIFY2(!ec, ec.message().c_str());
        QVERIFY(!client.sendText("hi"));
        QCOMPARE(client.read().value_or("<none>"), std::string("echo:hi"));
        const auto seen = requests();
        QCOMPARE(seen.size(), std::size_t(1));
        QVERIFY(seen[0].tls);
        QCOMPARE(seen[0].clientCertificateCn.value_or("<none>"), std::string("CP1"));
        QVERIFY(!seen[0].basic);
    }

    void clientCertificateOfAnotherChargerRefused() {
        auto server = makeServer(true);
        auto context = clientContext(m_pki, QStringLiteral("CP2"));
        WssTestClient client(*context);
        QVERIFY(client.connect(server->port(), "/ocpp/CP1"));
        QCOMPARE(client.response().result_int(), 401u);
        const auto seen = requests();
        QCOMPARE(seen.size(), std::size_t(1));
        QCOMPARE(seen[0].clientCertificateCn.value_or("<none>"), std::string("CP2"));
        QVERIFY(!logged("open CP1"));
    }

    void clientCertificateFromAnotherCaRefused() {
        auto server = makeServer(true);
        auto context = clientContext(m_other, QStringLiteral("CP1"));
        WssTestClient client(*context);
        QVERIFY(client.connect(server->port(), "/ocpp/CP1"));
        // The TLS handshake fails before any HTTP: admission never hears of it.
        QVERIFY(requests().empty());
        QVERIFY(!logged("open CP1"));
    }

    void missingClientCertificate() {
        {
            auto required = makeServer(true, true);
            auto context = clientContext();
            WssTestClient client(*context);
            QVERIFY(client.connect(required->port(), "/ocpp/CP1"));
            QVERIFY(requests().empty());
        }
        // Optional: profile 2 chargers share the port, and admission sees no certificate.
        auto optional = makeServer(true, false);
        auto context = clientContext();
        WssTestClient client(*context);
        QVERIFY(!client.connect(optional->port(), "/ocpp/CP-basic", std::string("ocpp1.6"),
                                basicAuthorization("CP-basic", "secret-key-0123456")));
        const auto seen = requests();
        QCOMPARE(seen.size(), std::size_t(1));
        QVERIFY(!seen[0].clientCertificateCn);
    }

    void newerConnectionReplacesOlderOverTls() {
        auto server = makeServer(true);
        auto context = clientContext(m_pki, QStringLiteral("CP1"));
        WssTestClient first(*context);
        QVERIFY(!first.connect(server->port(), "/ocpp/CP1"));
        QTRY_VERIFY(logged("open CP1"));
        WssTestClient second(*context);
        QVERIFY(!second.connect(server->port(), "/ocpp/CP1"));
        QTRY_VERIFY(logged("close CP1 replaced by a newer connection"));
        QVERIFY(!first.read().has_value());
        QCOMPARE(first.closeCode(), 1000);
        QVERIFY(!second.sendText("ping"));
        QCOMPARE(second.read().value_or("<none>"), std::string("echo:ping"));
        QCOMPARE(server->connectionCount(), std::size_t(1));
    }

    void badCertificateFilesAreAClearError() {
        WsServerOptions options;
        options.port = 0;
        TlsOptions tls;
        tls.certificateChainFile = file(m_pki, "missing.pem");
        tls.privateKeyFile = file(m_pki, "server.key");
        options.tls = tls;
        WsServer missing(
            options, [](const AdmissionRequest&) { return Admission::Admit; },
            [](const std::string&, std::shared_ptr<WsSender>) { return nullptr; });
        try {
            missing.start();
            QFAIL("start() should have thrown");
        } catch (const TransportError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains("missing.pem"), e.what());
        }
        tls.certificateChainFile = file(m_pki, "server.pem");
        tls.privateKeyFile = file(m_pki, "chargers/CP1.key");
        options.tls = tls;
        WsServer mismatched(
            options, [](const AdmissionRequest&) { return Admission::Admit; },
            [](const std::string&, std::shared_ptr<WsSender>) { return nullptr; });
        try {
            mismatched.start();
            QFAIL("start() should have thrown");
        } catch (const TransportError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains("CP1.key"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestWssServer)
#include "tst_wss_server.moc"
