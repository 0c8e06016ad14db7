// The OCPP security profile decisions for every profile and what a connection presents, the key
// hashing, the remembered passwords, and the security events of refusals.
#include "domain/charger_authenticator.h"

#include <QtTest>
#include <mutex>

using namespace voltdesk::domain;

namespace {

constexpr const char* kKey = "0123456789abcdefGHIJ";

class RecordingSink : public SecurityEventSink {
public:
    void report(const SecurityEvent& event) override {
        std::lock_guard lock(m_mutex);
        m_events.push_back(event);
    }
    std::vector<SecurityEvent> events() {
        std::lock_guard lock(m_mutex);
        return m_events;
    }

private:
    std::mutex m_mutex;
    std::vector<SecurityEvent> m_events;
};

AuthenticationAttempt attempt(const std::string& id, bool tls, std::optional<std::string> password,
                              std::optional<std::string> cn = std::nullopt) {
    AuthenticationAttempt a;
    a.chargerId = id;
    a.tls = tls;
    if (password) {
        a.basic = AuthenticationAttempt::Basic{id, *password};
    }
    a.clientCertificateCn = std::move(cn);
    a.remoteAddress = "10.0.0.7:5555";
    return a;
}

} // namespace

class TestChargerAuthenticator : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<RecordingSink> m_sink;
    std::unique_ptr<ChargerAuthenticator> m_auth;

private slots:
    void init() {
        m_sink = std::make_unique<RecordingSink>();
        m_auth =
            std::make_unique<ChargerAuthenticator>(m_sink.get(), [] { return EpochMs{1'700'000'000'000}; });
        const StoredKey key = hashAuthorizationKey(kKey);
        m_auth->load({
            {"P0", SecurityProfile::None, std::nullopt},
            {"P1", SecurityProfile::Basic, key},
            {"P2", SecurityProfile::TlsBasic, key},
            {"P3", SecurityProfile::TlsClientCertificate, std::nullopt},
            {"P2-nokey", SecurityProfile::TlsBasic, std::nullopt},
            {"P3-key", SecurityProfile::TlsClientCertificate, key},
        });
    }

    void hashesAreSaltedAndVerify() {
        const StoredKey a = hashAuthorizationKey(kKey);
        const StoredKey b = hashAuthorizationKey(kKey);
        QCOMPARE(a.algorithm, std::string("pbkdf2-sha256"));
        QCOMPARE(a.iterations, kDefaultKeyIterations);
        QCOMPARE(a.salt.size(), std::size_t(16));
        QCOMPARE(a.hash.size(), std::size_t(32));
        QVERIFY(a.salt != b.salt);
        QVERIFY(a.hash != b.hash);
        QVERIFY(verifyAuthorizationKey(a, kKey));
        QVERIFY(verifyAuthorizationKey(b, kKey));
        QVERIFY(!verifyAuthorizationKey(a, "0123456789abcdefGHIj"));
        QVERIFY(!verifyAuthorizationKey(a, ""));
        StoredKey other = a;
        other.algorithm = "md5";
        QVERIFY(!verifyAuthorizationKey(other, kKey));
        other = a;
        other.iterations = 100'000'000;
        QVERIFY(!verifyAuthorizationKey(other, kKey));
        // The count travels with the hash, so a raised default never breaks stored keys.
        const StoredKey few = hashAuthorizationKey(kKey, 10);
        QVERIFY(verifyAuthorizationKey(few, kKey));
    }

    void keyRules() {
        QVERIFY(!authorizationKeyProblem(kKey));
        QVERIFY(!authorizationKeyProblem(std::string(16, 'a')));
        QVERIFY(!authorizationKeyProblem(std::string(40, '~')));
        QVERIFY(authorizationKeyProblem(std::string(15, 'a')));
        QVERIFY(authorizationKeyProblem(std::string(41, 'a')));
        QVERIFY(authorizationKeyProblem("0123456789 abcdefgh"));
        QVERIFY(authorizationKeyProblem(std::string("0123456789abcdef\n")));
    }

    void decisions_data() {
        QTest::addColumn<QString>("charger");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("password"); // "-": none
        QTest::addColumn<QString>("cn");       // "-": none
        QTest::addColumn<bool>("admitted");
        QTest::addColumn<QString>("refusal");

        const QString none = QStringLiteral("-");
        const QString key = QString::fromLatin1(kKey);
        const QString wrong = QStringLiteral("wrong-password-123");
        // Profile 0: anything goes, except a certificate of another charger.
        QTest::newRow("0 plain") << "P0" << false << none << none << true << "";
        QTest::newRow("0 tls") << "P0" << true << none << none << true << "";
        QTest::newRow("0 unverifiable creds") << "P0" << false << wrong << none << true << "";
        QTest::newRow("0 cert own") << "P0" << true << none << "P0" << true << "";
        QTest::newRow("0 cert other") << "P0" << true << none << "P1" << false << "ClientCertificateMismatch";
        QTest::newRow("unknown id") << "NEW" << false << none << none << true << "";
        // Profile 1.
        QTest::newRow("1 right") << "P1" << false << key << none << true << "";
        QTest::newRow("1 wrong") << "P1" << false << wrong << none << false << "FailedAuthentication";
        QTest::newRow("1 none") << "P1" << false << none << none << false << "MissingCredentials";
        QTest::newRow("1 tls none") << "P1" << true << none << none << false << "MissingCredentials";
        QTest::newRow("1 upgrade to 2") << "P1" << true << key << none << true << "";
        QTest::newRow("1 upgrade to 3") << "P1" << true << none << "P1" << true << "";
        // Profile 2.
        QTest::newRow("2 right") << "P2" << true << key << none << true << "";
        QTest::newRow("2 over ws") << "P2" << false << key << none << false << "ProfileTooLow";
        QTest::newRow("2 wrong") << "P2" << true << wrong << none << false << "FailedAuthentication";
        QTest::newRow("2 wrong over ws") << "P2" << false << wrong << none << false << "FailedAuthentication";
        QTest::newRow("2 none") << "P2" << true << none << none << false << "MissingCredentials";
        QTest::newRow("2 upgrade to 3") << "P2" << true << none << "P2" << true << "";
        QTest::newRow("2 cert other") << "P2" << true << key << "P3" << false << "ClientCertificateMismatch";
        QTest::newRow("2 without key")
            << "P2-nokey" << true << key << none << false << "FailedAuthentication";
        // Profile 3.
        QTest::newRow("3 cert") << "P3" << true << none << "P3" << true << "";
        QTest::newRow("3 cert other") << "P3" << true << none << "P2" << false << "ClientCertificateMismatch";
        // Credentials without a key to check them against prove nothing.
        QTest::newRow("3 tls creds, no key") << "P3" << true << key << none << false << "MissingCredentials";
        QTest::newRow("3 tls creds") << "P3-key" << true << key << none << false << "ProfileTooLow";
        QTest::newRow("3 tls wrong creds")
            << "P3-key" << true << wrong << none << false << "FailedAuthentication";
        QTest::newRow("3 tls none") << "P3" << true << none << none << false << "MissingCredentials";
        QTest::newRow("3 plain") << "P3" << false << none << none << false << "MissingCredentials";
    }
    void decisions() {
        QFETCH(QString, charger);
        QFETCH(bool, tls);
        QFETCH(QString, password);
        QFETCH(QString, cn);
        QFETCH(bool, admitted);
        QFETCH(QString, refusal);
        const auto optional = [](const QString& s) {
            return s == QLatin1String("-") ? std::nullopt : std::optional<std::string>(s.toStdString());
        };
        const auto decision =
            m_auth->authenticate(attempt(charger.toStdString(), tls, optional(password), optional(cn)));
        QCOMPARE(decision.admitted, admitted);
        QCOMPARE(QString::fromStdString(decision.refusal), refusal);
        const auto events = m_sink->events();
        if (admitted) {
            QVERIFY(events.empty());
        } else {
            QCOMPARE(events.size(), std::size_t(1));
            QCOMPARE(QString::fromStdString(events[0].type), refusal);
            QCOMPARE(events[0].chargerId, charger.toStdString());
            QCOMPARE(events[0].remoteAddress, std::string("10.0.0.7:5555"));
            QCOMPARE(events[0].receivedAt, EpochMs{1'700'000'000'000});
            QVERIFY(events[0].source == SecurityEventSource::Agent);
            QVERIFY(!events[0].detail.empty());
            QVERIFY(events[0].detail.find(kKey) == std::string::npos);
            QVERIFY(events[0].detail.find("wrong-password") == std::string::npos);
        }
    }

    void usernameMustBeTheChargerId() {
        auto a = attempt("P1", false, std::string(kKey));
        a.basic->username = "P2";
        const auto decision = m_auth->authenticate(a);
        QVERIFY(!decision.admitted);
        QCOMPARE(decision.refusal, std::string("FailedAuthentication"));
    }

    void rememberedPasswordStillRefusesWrongOnes() {
        QVERIFY(m_auth->authenticate(attempt("P1", false, std::string(kKey))).admitted);
        QVERIFY(m_auth->authenticate(attempt("P1", false, std::string(kKey))).admitted);
        QVERIFY(!m_auth->authenticate(attempt("P1", false, std::string("0123456789abcdefGHIj"))).admitted);
        QVERIFY(m_auth->authenticate(attempt("P1", false, std::string(kKey))).admitted);
    }

    void newKeyReplacesTheRememberedOne() {
        QVERIFY(m_auth->authenticate(attempt("P1", false, std::string(kKey))).admitted);
        const std::string fresh = "fresh-key-0123456789";
        m_auth->set({"P1", SecurityProfile::Basic, hashAuthorizationKey(fresh)});
        QVERIFY(!m_auth->authenticate(attempt("P1", false, std::string(kKey))).admitted);
        QVERIFY(m_auth->authenticate(attempt("P1", false, fresh)).admitted);
        m_auth->set({"P1", SecurityProfile::TlsBasic, hashAuthorizationKey(fresh)});
        QVERIFY(m_auth->requiredProfile("P1") == SecurityProfile::TlsBasic);
        QCOMPARE(m_auth->authenticate(attempt("P1", false, fresh)).refusal, std::string("ProfileTooLow"));
    }

    // A fleet reconnecting after an outage: PBKDF2 once per charger, then the remembered MAC.
    void reconnectStormIsFast() {
        std::vector<ChargerCredential> fleet;
        constexpr int kChargers = 2'000;
        const StoredKey key = hashAuthorizationKey(kKey);
        for (int i = 0; i < kChargers; ++i) {
            fleet.push_back({"CP" + std::to_string(i), SecurityProfile::Basic, key});
        }
        m_auth->load(fleet);
        QElapsedTimer first;
        first.start();
        for (int i = 0; i < kChargers; ++i) {
            QVERIFY(
                m_auth->authenticate(attempt("CP" + std::to_string(i), false, std::string(kKey))).admitted);
        }
        const auto firstMs = first.elapsed();
        QElapsedTimer again;
        again.start();
        for (int round = 0; round < 5; ++round) {
            for (int i = 0; i < kChargers; ++i) {
                QVERIFY(m_auth->authenticate(attempt("CP" + std::to_string(i), false, std::string(kKey)))
                            .admitted);
            }
        }
        const auto againMs = again.elapsed();
        qInfo("first round of %d: %lld ms; five remembered rounds: %lld ms", kChargers,
              static_cast<long long>(firstMs), static_cast<long long>(againMs));
        QVERIFY2(firstMs < 5'000, "PBKDF2 per charger is too slow for a reconnect storm");
        QVERIFY(againMs < firstMs);
    }
};

QTEST_GUILESS_MAIN(TestChargerAuthenticator)
#include "tst_charger_authenticator.moc"
