// CertificateBlock over a real Ocpp16Connection: SignCertificate answered Accepted and then
// CertificateSigned sent with the chain; Rejected without a signer, and Rejected with a security event
// for a CSR the signer refuses; a charger that does not install the certificate is reported too.
#include "fake_charge_point_services.h"
#include "protocol/ocpp16-wire/rpc_frame.h"
#include "protocol/ocpp16/certificate_block.h"
#include "protocol/ocpp16/ocpp16_connection.h"
#include "tests/agent/test_pki.h"

#include <QtTest>

using namespace voltdesk;
using namespace voltdesk::ocpp16;
using Json = nlohmann::json;

namespace {

struct RecordingSink final : domain::SecurityEventSink {
    void report(const domain::SecurityEvent& event) override { events.push_back(event); }
    std::vector<domain::SecurityEvent> events;
};

struct Harness {
    testing::TestKey caKey = testing::ecKey();
    std::unique_ptr<domain::CertificateSigner> signer;
    testing::FakeChargePointServices services;
    RecordingSink sink;
    std::vector<std::string> sent;
    Ocpp16Connection connection{"CP-1", services,
                                [this](std::string frame) { sent.push_back(std::move(frame)); }};

    explicit Harness(bool withSigner = true) {
        if (withSigner) {
            signer = std::make_unique<domain::CertificateSigner>(domain::CertificateSignerOptions{
                testing::selfSignedPem(caKey.get(), "Charger CA"), testing::keyPem(caKey.get()), 365, ""});
        }
        connection.addBlock(std::make_unique<CertificateBlock>(
            signer.get(), &sink, [this](std::string action, Json payload, CallCallback done) {
                connection.sendCall(std::move(action), std::move(payload), std::move(done));
            }));
        connection.onOpen("127.0.0.1");
    }

    void signCertificate(const Json& payload) {
        connection.onText(serialize(Call{"m1", "SignCertificate", payload}));
    }

    static std::string goodCsr(const std::string& cn = "CP-1") {
        const auto key = testing::ecKey();
        return testing::csrPem(key.get(), key.get(), cn);
    }
};

std::string statusOf(const std::string& frame) {
    const ParsedFrame parsed = parseFrame(frame);
    const auto* result = std::get_if<CallResult>(&parsed);
    return result != nullptr ? result->payload.value("status", "<none>") : "<not a CALLRESULT>";
}

} // namespace

class TstCertificateBlock : public QObject {
    Q_OBJECT

private slots:
    void acceptsThenSendsTheSignedChain() {
        Harness h;
        h.signCertificate({{"csr", Harness::goodCsr()}});
        QCOMPARE(h.sent.size(), std::size_t(2));
        QCOMPARE(statusOf(h.sent[0]), std::string("Accepted")); // the answer goes out before our CALL
        const ParsedFrame call = parseFrame(h.sent[1]);
        QVERIFY(std::holds_alternative<Call>(call));
        const auto& certificateSigned = std::get<Call>(call);
        QCOMPARE(certificateSigned.action, std::string("CertificateSigned"));
        const std::string chain = certificateSigned.payload.at("certificateChain");
        const auto cert = testing::firstCertificate(chain);
        QCOMPARE(X509_verify(cert.get(), h.caKey.get()), 1);
        QCOMPARE(h.sink.events.size(), std::size_t(1));
        QCOMPARE(h.sink.events[0].type, std::string(domain::security_event_type::kCertificateIssued));
        QCOMPARE(h.sink.events[0].chargerId, std::string("CP-1"));
        h.connection.onText(serialize(CallResult{certificateSigned.messageId, {{"status", "Accepted"}}}));
        QCOMPARE(h.sink.events.size(), std::size_t(1));
    }

    void aChargerThatRejectsTheCertificateIsReported() {
        Harness h;
        h.signCertificate({{"csr", Harness::goodCsr()}});
        QCOMPARE(h.sent.size(), std::size_t(2));
        const Call call = std::get<Call>(parseFrame(h.sent[1]));
        h.connection.onText(serialize(CallResult{call.messageId, {{"status", "Rejected"}}}));
        QCOMPARE(h.sink.events.size(), std::size_t(2));
        QCOMPARE(h.sink.events[1].type, std::string(domain::security_event_type::kCertificateNotInstalled));
        QVERIFY(h.sink.events[1].detail.find("answered Rejected") != std::string::npos);
    }

    void rejectedWithoutASigner() {
        Harness h(false);
        h.signCertificate({{"csr", Harness::goodCsr()}});
        QCOMPARE(h.sent.size(), std::size_t(1));
        QCOMPARE(statusOf(h.sent[0]), std::string("Rejected"));
        QVERIFY(h.sink.events.empty());
    }

    void aBadCsrIsRejectedAndReported() {
        Harness h;
        h.signCertificate({{"csr", Harness::goodCsr("CP-2")}});
        QCOMPARE(h.sent.size(), std::size_t(1));
        QCOMPARE(statusOf(h.sent[0]), std::string("Rejected"));
        QCOMPARE(h.sink.events.size(), std::size_t(1));
        QCOMPARE(h.sink.events[0].type, std::string(domain::security_event_type::kInvalidCertificateRequest));
        QVERIFY(h.sink.events[0].detail.find("CN is 'CP-2'") != std::string::npos);
        QCOMPARE(h.sink.events[0].chargerId, std::string("CP-1"));
    }

    void aMalformedRequestGetsACallError() {
        Harness h;
        h.signCertificate({{"certificate", "x"}});
        QCOMPARE(h.sent.size(), std::size_t(1));
        const ParsedFrame reply = parseFrame(h.sent[0]);
        QVERIFY(std::holds_alternative<CallError>(reply));
        QVERIFY(h.sink.events.empty());
    }
};

QTEST_GUILESS_MAIN(TstCertificateBlock)
#include "tst_certificate_block.moc"
