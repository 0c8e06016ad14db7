// CertificateSigner: a charger's CSR signed by the charger CA when it verifies and names the charger;
// refused (with the reason) when it does not parse, its signature fails, its CN or O is wrong, or its key
// is weak; a CA that does not fit is refused at construction.
#include "domain/certificate_signer.h"
#include "tests/agent/test_pki.h"

#include <QtTest>
#include <openssl/x509v3.h>

using namespace voltdesk;
using namespace voltdesk::testing;

namespace {

constexpr contract::EpochMs kDay = 86'400'000;

struct Ca {
    TestKey key = ecKey();
    std::string pem = selfSignedPem(key.get(), "Voltdesk Test Charger CA");

    domain::CertificateSigner signer(const std::string& organization = "", int days = 365) const {
        return domain::CertificateSigner(
            domain::CertificateSignerOptions{pem, keyPem(key.get()), days, organization});
    }
};

int certificateCount(const std::string& pem) {
    int n = 0;
    for (auto at = pem.find("BEGIN CERTIFICATE"); at != std::string::npos;
         at = pem.find("BEGIN CERTIFICATE", at + 1)) {
        ++n;
    }
    return n;
}

std::string commonNameOf(X509* cert) {
    char buffer[256] = {};
    X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_commonName, buffer, sizeof buffer);
    return buffer;
}

} // namespace

class TstCertificateSigner : public QObject {
    Q_OBJECT

private slots:
    void signsAValidRequest() {
        const Ca ca;
        const auto signer = ca.signer("Voltdesk");
        const TestKey chargerKey = ecKey();
        const contract::EpochMs now = contract::nowMs();
        const auto result =
            signer.sign(csrPem(chargerKey.get(), chargerKey.get(), "CP-1", "Voltdesk"), "CP-1", now);
        QVERIFY2(result.ok(), result.problem.c_str());
        QCOMPARE(certificateCount(result.chainPem), 1); // a self-signed CA is not sent along
        const auto cert = firstCertificate(result.chainPem);
        QCOMPARE(commonNameOf(cert.get()), std::string("CP-1"));
        const auto caCert = firstCertificate(ca.pem);
        QCOMPARE(X509_NAME_cmp(X509_get_issuer_name(cert.get()), X509_get_subject_name(caCert.get())), 0);
        QCOMPARE(X509_verify(cert.get(), ca.key.get()), 1);
        QCOMPARE(EVP_PKEY_eq(X509_get0_pubkey(cert.get()), chargerKey.get()), 1);
        QCOMPARE(X509_check_ca(cert.get()), 0);
        QVERIFY((X509_get_extended_key_usage(cert.get()) & XKU_SSL_CLIENT) != 0);
        QVERIFY((X509_get_extended_key_usage(cert.get()) & XKU_SSL_SERVER) == 0);
        QVERIFY(!result.serialNumber.empty());
        // Valid now, until the CA's own end (30 days) rather than the 365 asked for.
        QVERIFY(X509_cmp_time(X509_get0_notBefore(cert.get()), nullptr) < 0);
        QVERIFY(result.notAfter > now + 29 * kDay && result.notAfter <= now + 31 * kDay);
        const auto again =
            signer.sign(csrPem(chargerKey.get(), chargerKey.get(), "CP-1", "Voltdesk"), "CP-1", now);
        QVERIFY(again.ok() && again.serialNumber != result.serialNumber);
    }

    void validityDaysAreKept() {
        const Ca ca;
        const auto signer = ca.signer("", 7);
        const TestKey chargerKey = ecKey();
        const contract::EpochMs now = contract::nowMs();
        const auto result = signer.sign(csrPem(chargerKey.get(), chargerKey.get(), "CP-1"), "CP-1", now);
        QVERIFY2(result.ok(), result.problem.c_str());
        QVERIFY(result.notAfter > now + 6 * kDay && result.notAfter <= now + 7 * kDay);
    }

    void signsRsa2048AndAnyOrganizationWhenNoneIsConfigured() {
        const Ca ca;
        const auto signer = ca.signer();
        const TestKey chargerKey = rsaKey(2048);
        const auto result = signer.sign(csrPem(chargerKey.get(), chargerKey.get(), "CP-7", "Someone"), "CP-7",
                                        contract::nowMs());
        QVERIFY2(result.ok(), result.problem.c_str());
    }

    void refusesAnotherChargersName() {
        const Ca ca;
        const TestKey chargerKey = ecKey();
        const auto result =
            ca.signer().sign(csrPem(chargerKey.get(), chargerKey.get(), "CP-2"), "CP-1", contract::nowMs());
        QVERIFY(!result.ok());
        QVERIFY(result.chainPem.empty());
        QVERIFY2(result.problem.find("CN is 'CP-2'") != std::string::npos, result.problem.c_str());
        const auto none =
            ca.signer().sign(csrPem(chargerKey.get(), chargerKey.get(), ""), "CP-1", contract::nowMs());
        QVERIFY(!none.ok());
    }

    void refusesTheWrongOrganization() {
        const Ca ca;
        const TestKey chargerKey = ecKey();
        const auto signer = ca.signer("Voltdesk");
        const auto wrong = signer.sign(csrPem(chargerKey.get(), chargerKey.get(), "CP-1", "Other CPO"),
                                       "CP-1", contract::nowMs());
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.problem.find("O is 'Other CPO'") != std::string::npos, wrong.problem.c_str());
        QVERIFY(
            !signer.sign(csrPem(chargerKey.get(), chargerKey.get(), "CP-1"), "CP-1", contract::nowMs()).ok());
    }

    void refusesABadSignature() {
        const Ca ca;
        const TestKey chargerKey = ecKey();
        const TestKey otherKey = ecKey();
        const auto result =
            ca.signer().sign(csrPem(chargerKey.get(), otherKey.get(), "CP-1"), "CP-1", contract::nowMs());
        QVERIFY(!result.ok());
        QVERIFY2(result.problem.find("signature") != std::string::npos, result.problem.c_str());
    }

    void refusesWhatIsNotACsr() {
        const Ca ca;
        const auto signer = ca.signer();
        for (const std::string& text :
             {std::string(), std::string("hello"),
              std::string("-----BEGIN CERTIFICATE REQUEST-----\nCN=CP-1,O=Voltdesk\n-----END CERTIFICATE "
                          "REQUEST-----\n"),
              ca.pem}) {
            const auto result = signer.sign(text, "CP-1", contract::nowMs());
            QVERIFY(!result.ok());
            QVERIFY(result.problem.find("not a PEM certificate signing request") != std::string::npos);
        }
    }

    void refusesAWeakKey() {
        const Ca ca;
        const TestKey weak = rsaKey(1024);
        const auto result =
            ca.signer().sign(csrPem(weak.get(), weak.get(), "CP-1"), "CP-1", contract::nowMs());
        QVERIFY(!result.ok());
        QVERIFY2(result.problem.find("1024 bits") != std::string::npos, result.problem.c_str());
    }

    void refusesACaThatDoesNotFit() {
        const Ca ca;
        const TestKey otherKey = ecKey();
        using Options = domain::CertificateSignerOptions;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 domain::CertificateSigner(Options{ca.pem, keyPem(otherKey.get()), 365, ""}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 domain::CertificateSigner(Options{"junk", keyPem(ca.key.get()), 365, ""}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 domain::CertificateSigner(Options{ca.pem, "junk", 365, ""}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 domain::CertificateSigner(Options{ca.pem, keyPem(ca.key.get()), 0, ""}));
        const std::string leaf = selfSignedPem(ca.key.get(), "Not a CA", false);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 domain::CertificateSigner(Options{leaf, keyPem(ca.key.get()), 365, ""}));
    }

    void refusesOnceTheCaHasExpired() {
        const Ca ca;
        const TestKey chargerKey = ecKey();
        const auto result = ca.signer().sign(csrPem(chargerKey.get(), chargerKey.get(), "CP-1"), "CP-1",
                                             contract::nowMs() + 40 * kDay);
        QVERIFY(!result.ok());
        QVERIFY(result.problem.find("expired") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TstCertificateSigner)
#include "tst_certificate_signer.moc"
