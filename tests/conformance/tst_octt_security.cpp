// OCPP 1.6 Security Whitepaper cases of the OCA test tool's CSMS list: security profiles 1-3 at the door
// (a throwaway PKI per case from scripts/lib/make-test-pki.sh), key and profile changes, certificates,
// security events, the security log and signed firmware, and the WebSocket subprotocol.
#include "tests/agent/transport/ws_test_client.h"
#include "tests/conformance/conformance_case.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace voltdesk;
using namespace voltdesk::testing;
using Json = nlohmann::json;

namespace {

constexpr const char* kOldKey = "conformance-old-key-0001";
constexpr const char* kNewKey = "conformance-new-key-0002";
constexpr const char* kCpoName = "Voltdesk"; // the simulator's CpoName

std::string chargerIdPrefix() {
    return "SEC" + std::to_string(QCoreApplication::applicationPid() % 100000) + "-";
}

/// The id of the case fleet's first (only) charger.
std::string chargerId() {
    return chargerIdPrefix() + "00001";
}

/// Runs a tool to its end; its output (both channels) in output. false when it failed.
bool runTool(const QString& program, const QStringList& arguments, QString* output = nullptr) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool finished = process.waitForFinished(60'000);
    if (output != nullptr) {
        *output = QString::fromUtf8(process.readAll());
    }
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

/// scripts/lib/make-test-pki.sh in a temporary directory: ca.pem/.key, server.pem/.key and
/// chargers/ID.pem/.key for each id.
class TestPki {
public:
    explicit TestPki(const std::vector<std::string>& chargerIds = {}) {
        QStringList arguments{QString::fromUtf8(VOLTDESK_SOURCE_DIR "/scripts/lib/make-test-pki.sh"),
                              m_dir.path()};
        for (const auto& id : chargerIds) {
            arguments << QString::fromStdString(id);
        }
        QString output;
        if (!m_dir.isValid() || !runTool(QStringLiteral("bash"), arguments, &output)) {
            m_error = "make-test-pki.sh failed: " + output.toStdString();
        }
    }
    bool ok() const { return m_error.empty(); }
    const std::string& why() const { return m_error; }
    std::string path(const QString& name) const { return m_dir.filePath(name).toStdString(); }
    std::string ca() const { return path(QStringLiteral("ca.pem")); }
    std::string caKey() const { return path(QStringLiteral("ca.key")); }
    std::string chargerCert(const std::string& id) const {
        return path(QString::fromStdString("chargers/" + id + ".pem"));
    }
    std::string chargerKey(const std::string& id) const {
        return path(QString::fromStdString("chargers/" + id + ".key"));
    }
    std::string read(const std::string& file) const {
        QFile f(QString::fromStdString(file));
        return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
    }
    bool write(const std::string& file, const std::string& text) const {
        QFile f(QString::fromStdString(file));
        return f.open(QIODevice::WriteOnly) &&
               f.write(text.data(), static_cast<qint64>(text.size())) == static_cast<qint64>(text.size());
    }

private:
    QTemporaryDir m_dir;
    std::string m_error;
};

#define PKI_SETUP(pki, ...)                                                                                  \
    TestPki pki{__VA_ARGS__};                                                                                \
    if (!(pki).ok()) {                                                                                       \
        QFAIL((pki).why().c_str());                                                                          \
    }

/// Agent flags of the wss:// listener; clientCerts: "" (no client certificates), "required", "optional".
std::vector<std::string> tlsArguments(const TestPki& pki, const std::string& clientCerts = "") {
    std::vector<std::string> args{"--tls-listen",         "127.0.0.1:0", "--tls-cert",
                                  pki.path("server.pem"), "--tls-key",   pki.path("server.key")};
    if (!clientCerts.empty()) {
        args.insert(args.end(), {"--tls-client-ca", pki.ca(), "--tls-client-cert", clientCerts});
    }
    return args;
}

/// Agent flags of the charger CA that signs SignCertificate requests (the test PKI's CA).
std::vector<std::string> chargerCaArguments(const TestPki& pki) {
    return {"--charger-ca-cert", pki.ca(), "--charger-ca-key", pki.caKey(), "--cpo-name", kCpoName};
}

CaseOptions securityCase(std::vector<std::string> agentArguments,
                         std::vector<ChargerCredentialSeed> credentials = {}) {
    CaseOptions options;
    options.system.extraArguments = std::move(agentArguments);
    options.system.credentials = std::move(credentials);
    options.fleet.idPrefix = chargerIdPrefix();
    return options;
}

/// The charger's side of the connection for a TLS case: trusts the test CA; key and certificate if given.
void useTls(CaseOptions& options, const TestPki& pki, const std::string& clientCertOf = "") {
    options.tls = true;
    options.fleet.connection.security.caFile = pki.ca();
    if (!clientCertOf.empty()) {
        options.fleet.connection.security.clientCert = pki.chargerCert(clientCertOf);
        options.fleet.connection.security.clientKey = pki.chargerKey(clientCertOf);
    }
}

std::string quoted(const std::string& text) {
    return "'" + text + "'";
}

std::string securityEventCount(const std::string& type, const std::string& source = "agent") {
    return "SELECT count(*) FROM security_events WHERE charger_id = " + quoted(chargerId()) +
           " AND type = " + quoted(type) + " AND source = " + quoted(source);
}

std::string maintenanceStatuses(const std::string& kind, int requestId) {
    return "SELECT string_agg(status, ',' ORDER BY id) FROM maintenance_history WHERE charger_id = " +
           quoted(chargerId()) + " AND kind = " + quoted(kind) +
           " AND request_id = " + std::to_string(requestId);
}

/// The same charger id started a second time, with connection (other credentials) against url: true when
/// the agent refused it and stored a new security event of type for it, and it never booted.
bool refusedWith(ConformanceCase& c, const std::string& url, const sim::ConnectionOptions& connection,
                 const std::string& type) {
    const int before = std::stoi(c.system().scalar(securityEventCount(type)));
    sim::TestFleetOptions options;
    options.idPrefix = chargerIdPrefix();
    options.connection = connection;
    sim::TestFleet intruder(url, options);
    const bool reported = c.waitDb("SELECT (" + securityEventCount(type) + ") > " + std::to_string(before),
                                   "t", std::chrono::seconds(15));
    if (!reported) {
        qWarning("no %s event; intruder frames:\n%s", type.c_str(), intruder.charger(0).traceText().c_str());
    }
    return reported && intruder.charger(0).snapshot().bootCount == 0;
}

/// The same charger id started a second time: true when it never got through within window (the TLS
/// handshake fails before the agent sees a request, so nothing is stored).
bool neverConnects(const std::string& url, const sim::ConnectionOptions& connection,
                   std::chrono::milliseconds window = std::chrono::seconds(4)) {
    sim::TestFleetOptions options;
    options.idPrefix = chargerIdPrefix();
    options.connection = connection;
    sim::TestFleet intruder(url, options);
    return !intruder.charger(0).waitUntil(
        [](const auto& s) { return s.registration != sim::Registration::Disconnected; }, window);
}

bool rebootedAndAccepted(ConformanceCase& c, int boots = 2) {
    return c.charger().waitUntil([boots](const auto& s) { return s.bootCount >= boots && s.accepted(); },
                                 std::chrono::seconds(20));
}

/// A fresh P-256 key (keyFile) and its CSR with subject O=Voltdesk, CN=cn; the CSR's PEM, or "".
std::string makeCsr(const TestPki& pki, const std::string& cn, const std::string& keyFile) {
    const std::string csrFile = pki.path(QStringLiteral("request.csr"));
    const bool made = runTool(QStringLiteral("openssl"),
                              {"req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                               "-nodes", "-keyout", QString::fromStdString(keyFile), "-subj",
                               QString::fromStdString("/O=" + std::string(kCpoName) + "/CN=" + cn), "-out",
                               QString::fromStdString(csrFile)});
    return made ? pki.read(csrFile) : std::string();
}

/// The charger's answer status to the central system's last CALL of action, or why there is none.
std::string receivedStatus(const sim::ChargePointSnapshot& s, std::string_view action) {
    const auto* call = s.lastReceived(action);
    if (call == nullptr || !call->result) {
        return "<none>";
    }
    return call->result->value("status", "<no status>");
}

std::string sentStatus(const sim::ChargePointSnapshot& s, std::string_view action) {
    const auto* call = s.lastSent(action);
    if (call == nullptr || !call->result) {
        return "<none>";
    }
    return call->result->value("status", "<no status>");
}

/// A certificate (the test CA's) as InstallCertificate carries it.
Json installCertificate(const TestPki& pki, const char* type) {
    return {{"certificateType", type}, {"certificate", pki.read(pki.ca())}};
}

} // namespace

class TstOcttSecurity : public QObject {
    Q_OBJECT

private slots:
    void TC_073_CSMS() {
        // Profile 1: the CSMS sets a new AuthorizationKey; the charger reconnects with it and is admitted,
        // the old key is refused from then on.
        const std::string id = chargerId();
        auto options = securityCase({}, {{id, 1, kOldKey}});
        options.fleet.connection.security.authKeys[id] = kOldKey;
        CASE_SETUP(c, options);
        const std::string keySql =
            "SELECT encode(key_hash, 'hex') FROM charger_credentials WHERE charger_id = " + quoted(id);
        const std::string oldHash = c.system().scalar(keySql);
        CASE_VERIFY(c, !oldHash.empty());
        CASE_COMPARE(
            c, c.commandStatus("ChangeConfiguration", {{"key", "AuthorizationKey"}, {"value", kNewKey}}),
            std::string("Accepted"));
        CASE_VERIFY(c, c.waitDb("SELECT set_by FROM charger_credentials WHERE charger_id = " + quoted(id),
                                "ocpp:ChangeConfiguration"));
        CASE_VERIFY(c, c.system().scalar(keySql) != oldHash);
        CASE_VERIFY(c,
                    c.system().scalar("SELECT security_profile FROM charger_credentials WHERE charger_id = " +
                                      quoted(id)) == "1");
        // The charger reconnects with the new key and boots again, without a refusal in between.
        CASE_VERIFY(c, rebootedAndAccepted(c));
        CASE_VERIFY(c, c.waitDb("SELECT count(*) >= 2 FROM charger_connections WHERE charger_id = " +
                                    quoted(id) + " AND event = 'connected'",
                                "t"));
        CASE_COMPARE(c, c.system().scalar(securityEventCount("FailedAuthentication")), std::string("0"));
        sim::ConnectionOptions old;
        old.security.authKeys[id] = kOldKey;
        CASE_VERIFY(c, refusedWith(c, c.system().ocppUrl(), old, "FailedAuthentication"));
    }

    void TC_074_CSMS() {
        // Profile 3: the CSMS triggers SignChargePointCertificate, signs the charger's CSR with the
        // operator's charger CA and sends the chain in CertificateSigned; the charger then connects with
        // the new certificate.
        const std::string id = chargerId();
        PKI_SETUP(pki, {id});
        const std::string newKey = pki.path(QStringLiteral("new-charger.key"));
        const std::string csr = makeCsr(pki, id, newKey);
        QVERIFY2(!csr.empty(), "openssl req failed");
        auto arguments = tlsArguments(pki, "required");
        const auto ca = chargerCaArguments(pki);
        arguments.insert(arguments.end(), ca.begin(), ca.end());
        auto options = securityCase(arguments, {{id, 3, ""}});
        useTls(options, pki, id);
        options.fleet.behaviour.certificateSigningRequest = csr;
        CASE_SETUP(c, options);
        CASE_COMPARE(
            c,
            c.commandStatus("ExtendedTriggerMessage", {{"requestedMessage", "SignChargePointCertificate"}}),
            std::string("Accepted"));
        CASE_VERIFY(c, c.charger().waitUntil([](const auto& s) {
            return sentStatus(s, "SignCertificate") == "Accepted" &&
                   receivedStatus(s, "CertificateSigned") == "Accepted";
        }));
        const auto s = c.charger().snapshot();
        CASE_COMPARE(c, s.lastSent("SignCertificate")->payload.value("csr", ""), csr);
        // The signed certificate chains to the charger CA, is for TLS clients, and names the charger.
        const std::string chain = s.lastReceived("CertificateSigned")->payload.value("certificateChain", "");
        const std::string chainFile = pki.path(QStringLiteral("new-charger.pem"));
        CASE_VERIFY(c, pki.write(chainFile, chain));
        QString output;
        CASE_VERIFY(c, runTool(QStringLiteral("openssl"),
                               {"verify", "-CAfile", QString::fromStdString(pki.ca()), "-purpose",
                                "sslclient", QString::fromStdString(chainFile)},
                               &output));
        CASE_VERIFY(c, runTool(QStringLiteral("openssl"),
                               {"x509", "-in", QString::fromStdString(chainFile), "-noout", "-subject",
                                "-nameopt", "RFC2253"},
                               &output));
        CASE_VERIFY(c, output.contains(QString::fromStdString("CN=" + id)));
        CASE_VERIFY(c, c.waitDb(securityEventCount("ChargePointCertificateIssued"), "1"));
        CASE_COMPARE(c, c.system().scalar(securityEventCount("ChargePointCertificateNotInstalled")),
                     std::string("0"));
        // The charger switches to its new key and certificate, and the agent admits it with them.
        c.charger().goOffline();
        sim::TestFleetOptions renewed;
        renewed.idPrefix = chargerIdPrefix();
        renewed.connection.security.caFile = pki.ca();
        renewed.connection.security.clientCert = chainFile;
        renewed.connection.security.clientKey = newKey;
        sim::TestFleet fleet(c.system().ocppTlsUrl(), renewed);
        CASE_VERIFY(c, fleet.waitAllAccepted());
    }

    void TC_075_1_CSMS() { installCertificateCase("ManufacturerRootCertificate"); }
    void TC_075_2_CSMS() { installCertificateCase("CentralSystemRootCertificate"); }

    void TC_076_CSMS() {
        // Delete a specific certificate: its hash data from GetInstalledCertificateIds, then
        // DeleteCertificate.
        PKI_SETUP(pki);
        CASE_SETUP(c, securityCase({}));
        CASE_COMPARE(
            c, c.commandStatus("InstallCertificate", installCertificate(pki, "CentralSystemRootCertificate")),
            std::string("Accepted"));
        const auto ids =
            c.command("GetInstalledCertificateIds", {{"certificateType", "CentralSystemRootCertificate"}});
        CASE_VERIFY(c, ids && ids->outcome == contract::CommandOutcome::Completed);
        CASE_COMPARE(c, ids->response.value("status", ""), std::string("Accepted"));
        const auto hashes = ids->response.value("certificateHashData", Json::array());
        CASE_VERIFY(c, hashes.size() == 1);
        CASE_COMPARE(c, c.commandStatus("DeleteCertificate", {{"certificateHashData", hashes[0]}}),
                     std::string("Accepted"));
        CASE_VERIFY(c, c.charger().snapshot().installedCertificates == 0);
        CASE_COMPARE(c,
                     c.charger()
                         .snapshot()
                         .lastReceived("DeleteCertificate")
                         ->payload.at("certificateHashData")
                         .dump(),
                     hashes[0].dump());
        CASE_COMPARE(c, c.commandStatus("DeleteCertificate", {{"certificateHashData", hashes[0]}}),
                     std::string("NotFound"));
        CASE_COMPARE(c,
                     c.commandStatus("GetInstalledCertificateIds",
                                     {{"certificateType", "CentralSystemRootCertificate"}}),
                     std::string("NotFound"));
        CASE_VERIFY(c,
                    c.waitDb("SELECT string_agg(outcome, ',' ORDER BY id) FROM command_audit WHERE action = "
                             "'DeleteCertificate'",
                             "Accepted,NotFound"));
    }

    void TC_077_CSMS() {
        // The charger cannot use the certificate the CSMS sent (here: longer than its
        // CertificateSignedMaxChainSize): it answers Rejected and reports InvalidChargePointCertificate;
        // the CSMS acknowledges the event, stores it, and records the certificate as not installed.
        const std::string id = chargerId();
        PKI_SETUP(pki);
        const std::string csr = makeCsr(pki, id, pki.path(QStringLiteral("new-charger.key")));
        QVERIFY2(!csr.empty(), "openssl req failed");
        auto options = securityCase(chargerCaArguments(pki));
        options.fleet.behaviour.certificateSigningRequest = csr;
        CASE_SETUP(c, options);
        c.charger().setConfiguration("CertificateSignedMaxChainSize", "100");
        CASE_COMPARE(
            c,
            c.commandStatus("ExtendedTriggerMessage", {{"requestedMessage", "SignChargePointCertificate"}}),
            std::string("Accepted"));
        CASE_VERIFY(c, c.charger().waitUntil([](const auto& s) {
            const auto* event = s.lastSent("SecurityEventNotification");
            return receivedStatus(s, "CertificateSigned") == "Rejected" && event != nullptr &&
                   event->result.has_value();
        }));
        const auto s = c.charger().snapshot();
        CASE_COMPARE(c, s.lastSent("SecurityEventNotification")->payload.value("type", ""),
                     std::string("InvalidChargePointCertificate"));
        CASE_VERIFY(c, *s.lastSent("SecurityEventNotification")->result == Json::object());
        CASE_VERIFY(c, c.waitDb(securityEventCount("InvalidChargePointCertificate", "charger"), "1"));
        CASE_VERIFY(c, c.waitDb(securityEventCount("ChargePointCertificateNotInstalled"), "1"));
    }

    void TC_078_CSMS() {
        // The charger reports InvalidCentralSystemCertificate: acknowledged and stored with its own time.
        CASE_SETUP(c, securityCase({}));
        const contract::EpochMs at = contract::nowMs() - 5'000;
        c.charger().sendCall("SecurityEventNotification", {{"type", "InvalidCentralSystemCertificate"},
                                                           {"timestamp", contract::toIso8601(at)},
                                                           {"techInfo", "server certificate not trusted"}});
        CASE_VERIFY(c, c.charger().waitUntil([](const auto& s) {
            const auto* event = s.lastSent("SecurityEventNotification");
            return event != nullptr && event->answered();
        }));
        CASE_VERIFY(c,
                    *c.charger().snapshot().lastSent("SecurityEventNotification")->result == Json::object());
        CASE_VERIFY(c, c.waitDb("SELECT severity || '/' || tech_info || '/' || "
                                "(abs(extract(epoch FROM charger_time) * 1000 - " +
                                    std::to_string(at) +
                                    ") < 1) FROM security_events WHERE charger_id = " + quoted(chargerId()) +
                                    " AND type = 'InvalidCentralSystemCertificate' AND source = 'charger'",
                                "info/server certificate not trusted/true"));
    }

    void TC_079_CSMS() {
        // GetLog SecurityLog: Accepted with a file name; the upload's progress is recorded per request id.
        auto options = securityCase({});
        options.fleet.behaviour.flowStepMs = 300;
        CASE_SETUP(c, options);
        const auto response =
            c.command("GetLog", {{"logType", "SecurityLog"},
                                 {"requestId", 42},
                                 {"log", {{"remoteLocation", "ftp://logs.example.com/upload"}}}});
        CASE_VERIFY(c, response && response->outcome == contract::CommandOutcome::Completed);
        CASE_COMPARE(c, response->response.value("status", ""), std::string("Accepted"));
        CASE_VERIFY(c, !response->response.value("filename", "").empty());
        CASE_COMPARE(c, c.charger().snapshot().lastReceived("GetLog")->payload.value("logType", ""),
                     std::string("SecurityLog"));
        CASE_VERIFY(c, c.waitDb(maintenanceStatuses("log", 42), "Uploading,Uploaded"));
    }

    void TC_080_CSMS() {
        // Signed firmware: every step of the flow recorded under the request id; the charger reboots
        // into the new version.
        PKI_SETUP(pki);
        auto options = securityCase({});
        options.fleet.behaviour.flowStepMs = 300;
        CASE_SETUP(c, options);
        CASE_VERIFY(c, c.charger().snapshot().firmwareVersion != "2.0.0-sim");
        CASE_COMPARE(c, c.commandStatus("SignedUpdateFirmware", signedFirmware(pki, 7)),
                     std::string("Accepted"));
        CASE_VERIFY(c, c.waitDb(maintenanceStatuses("signed_firmware", 7),
                                "Downloading,Downloaded,SignatureVerified,Installing,Installed",
                                std::chrono::seconds(20)));
        CASE_VERIFY(c, rebootedAndAccepted(c));
        CASE_VERIFY(c, c.waitDb("SELECT firmware_version FROM chargers WHERE id = " + quoted(chargerId()),
                                "2.0.0-sim"));
    }

    void TC_081_CSMS() {
        // Signed firmware whose signature fails: the flow ends in InvalidSignature, the charger's security
        // event is stored, and nothing is installed.
        PKI_SETUP(pki);
        auto options = securityCase({});
        options.fleet.behaviour.flowStepMs = 300;
        options.fleet.behaviour.firmwareOutcome = sim::FirmwareOutcome::InvalidSignature;
        CASE_SETUP(c, options);
        const std::string versionSql =
            "SELECT firmware_version FROM chargers WHERE id = " + quoted(chargerId());
        const std::string version = c.charger().snapshot().firmwareVersion;
        CASE_VERIFY(c, !version.empty() && c.waitDb(versionSql, version));
        CASE_COMPARE(c, c.commandStatus("SignedUpdateFirmware", signedFirmware(pki, 8)),
                     std::string("Accepted"));
        CASE_VERIFY(c, c.waitDb(maintenanceStatuses("signed_firmware", 8),
                                "Downloading,Downloaded,InvalidSignature"));
        CASE_VERIFY(c, c.waitDb(securityEventCount("InvalidFirmwareSignature", "charger"), "1"));
        CASE_COMPARE(c, c.system().scalar(versionSql), version);
        CASE_VERIFY(c, c.charger().snapshot().bootCount == 1);
    }

    void TC_083_CSMS() {
        // Upgrade from profile 2 (Basic over wss://) to 3 (client certificate): the CSMS stores the new
        // profile when the charger accepts it, admits the charger with its certificate after the reboot,
        // and refuses Basic authentication alone from then on.
        const std::string id = chargerId();
        PKI_SETUP(pki, {id});
        auto options = securityCase(tlsArguments(pki, "optional"), {{id, 2, kOldKey}});
        useTls(options, pki, id);
        options.fleet.connection.security.authKeys[id] = kOldKey;
        options.fleet.behaviour.securityProfile = 2;
        CASE_SETUP(c, options);
        const std::string profileSql =
            "SELECT security_profile FROM charger_credentials WHERE charger_id = " + quoted(id);
        CASE_COMPARE(c, c.system().scalar(profileSql), std::string("2"));
        CASE_COMPARE(c, c.commandStatus("ChangeConfiguration", {{"key", "SecurityProfile"}, {"value", "3"}}),
                     std::string("Accepted"));
        CASE_VERIFY(c, c.waitDb(profileSql, "3"));
        CASE_VERIFY(c, rebootedAndAccepted(c));
        CASE_COMPARE(c, c.system().scalar(securityEventCount("ProfileTooLow")), std::string("0"));
        sim::ConnectionOptions basicOnly;
        basicOnly.security.caFile = pki.ca();
        basicOnly.security.authKeys[id] = kOldKey;
        CASE_VERIFY(c, refusedWith(c, c.system().ocppTlsUrl(), basicOnly, "ProfileTooLow"));
    }

    void TC_085_CSMS() {
        // Profile 1: the right id and AuthorizationKey are admitted; a wrong password and no credentials
        // are refused with their security events.
        const std::string id = chargerId();
        auto options = securityCase({}, {{id, 1, kOldKey}});
        options.fleet.connection.security.authKeys[id] = kOldKey;
        CASE_SETUP(c, options);
        CASE_VERIFY(c, c.waitDb("SELECT registration FROM chargers WHERE id = " + quoted(id), "Accepted"));
        CASE_COMPARE(c, c.system().scalar(securityEventCount("FailedAuthentication")), std::string("0"));
        sim::ConnectionOptions wrong;
        wrong.security.authKeys[id] = kNewKey;
        CASE_VERIFY(c, refusedWith(c, c.system().ocppUrl(), wrong, "FailedAuthentication"));
        CASE_VERIFY(c, refusedWith(c, c.system().ocppUrl(), sim::ConnectionOptions{}, "MissingCredentials"));
    }

    void TC_086_CSMS() {
        // Profile 2: over wss:// the charger verifies the CSMS's certificate with its CA and is admitted;
        // the same credentials over ws:// are refused; a charger trusting another CA never gets through.
        const std::string id = chargerId();
        PKI_SETUP(pki);
        PKI_SETUP(otherPki);
        auto options = securityCase(tlsArguments(pki), {{id, 2, kOldKey}});
        useTls(options, pki);
        options.fleet.connection.security.authKeys[id] = kOldKey;
        CASE_SETUP(c, options);
        CASE_VERIFY(c, c.system().ocppTlsUrl().rfind("wss://127.0.0.1:", 0) == 0);
        CASE_VERIFY(c, c.waitDb("SELECT registration FROM chargers WHERE id = " + quoted(id), "Accepted"));
        sim::ConnectionOptions plain;
        plain.security.authKeys[id] = kOldKey;
        CASE_VERIFY(c, refusedWith(c, c.system().ocppUrl(), plain, "ProfileTooLow"));
        sim::ConnectionOptions distrusting;
        distrusting.security.caFile = otherPki.ca();
        distrusting.security.authKeys[id] = kOldKey;
        CASE_VERIFY(c, neverConnects(c.system().ocppTlsUrl(), distrusting));
        sim::ConnectionOptions trusting = distrusting;
        trusting.security.caFile = pki.ca();
        CASE_VERIFY(c, !neverConnects(c.system().ocppTlsUrl(), trusting)); // the check above can fail
    }

    void TC_087_CSMS() {
        // Profile 3: a client certificate issued to the charger is admitted; another charger's certificate
        // is refused (ClientCertificateMismatch); without one the TLS handshake fails.
        const std::string id = chargerId();
        const std::string other = chargerIdPrefix() + "OTHER";
        PKI_SETUP(pki, {id, other});
        auto options = securityCase(tlsArguments(pki, "required"), {{id, 3, ""}});
        useTls(options, pki, id);
        CASE_SETUP(c, options);
        CASE_VERIFY(c, c.waitDb("SELECT registration FROM chargers WHERE id = " + quoted(id), "Accepted"));
        sim::ConnectionOptions borrowed;
        borrowed.security.caFile = pki.ca();
        borrowed.security.clientCert = pki.chargerCert(other);
        borrowed.security.clientKey = pki.chargerKey(other);
        CASE_VERIFY(c, refusedWith(c, c.system().ocppTlsUrl(), borrowed, "ClientCertificateMismatch"));
        sim::ConnectionOptions none;
        none.security.caFile = pki.ca();
        CASE_VERIFY(c, neverConnects(c.system().ocppTlsUrl(), none));
    }

    void TC_088_CSMS() {
        // The CSMS confirms ocpp1.6 when it is offered (alone or among others) and refuses a client that
        // offers only subprotocols it does not speak.
        CASE_SETUP(c, securityCase({}));
        const std::string& url = c.system().ocppUrl();
        const auto portStart = url.rfind(':') + 1;
        const auto port = static_cast<std::uint16_t>(
            std::stoi(url.substr(portStart, url.find('/', portStart) - portStart)));
        const std::string target = "/ocpp/" + chargerIdPrefix() + "PROBE";
        {
            WsTestClient client;
            CASE_VERIFY(c, !client.connect(port, target, std::string("ocpp1.6")));
            CASE_COMPARE(c, std::string(client.response()[boost::beast::http::field::sec_websocket_protocol]),
                         std::string("ocpp1.6"));
            client.close();
        }
        {
            WsTestClient client;
            CASE_VERIFY(c, !client.connect(port, target, std::string("ocpp2.0.1, ocpp1.6")));
            CASE_COMPARE(c, std::string(client.response()[boost::beast::http::field::sec_websocket_protocol]),
                         std::string("ocpp1.6"));
            client.close();
        }
        {
            WsTestClient client;
            CASE_VERIFY(c, client.connect(port, target, std::string("ocpp2.0")).failed());
            CASE_VERIFY(c, client.response().result_int() == 400);
        }
        CASE_VERIFY(c, c.charger().snapshot().accepted()); // the simulator offered ocpp1.6 and booted
    }

private:
    static Json signedFirmware(const TestPki& pki, int requestId) {
        return {{"requestId", requestId},
                {"retries", 1},
                {"firmware",
                 {{"location", "https://firmware.example.com/sim-2.0.0.bin"},
                  {"retrieveDateTime", contract::toIso8601(contract::nowMs())},
                  {"signingCertificate", pki.read(pki.ca())},
                  {"signature",
                   "MEUCIQDtZ3Yt0ZyKxV1Q2m5yJbQ0n3rQm8pWc1n6oVv9wWz0cwIgX2cW0r8Zb4wV2kO7lM9x3Q=="}}}};
    }

    void installCertificateCase(const char* type) {
        // InstallCertificate with a valid PEM, then GetInstalledCertificateIds lists it; a payload that
        // breaks the schema never reaches the charger.
        PKI_SETUP(pki);
        CASE_SETUP(c, securityCase({}));
        CASE_COMPARE(c, c.commandStatus("InstallCertificate", installCertificate(pki, type)),
                     std::string("Accepted"));
        const auto s = c.charger().snapshot();
        CASE_VERIFY(c, s.installedCertificates == 1);
        CASE_COMPARE(c, s.lastReceived("InstallCertificate")->payload.value("certificateType", ""),
                     std::string(type));
        CASE_COMPARE(c, s.lastReceived("InstallCertificate")->payload.value("certificate", ""),
                     pki.read(pki.ca()));
        const auto ids = c.command("GetInstalledCertificateIds", {{"certificateType", type}});
        CASE_VERIFY(c, ids && ids->outcome == contract::CommandOutcome::Completed);
        CASE_COMPARE(c, ids->response.value("status", ""), std::string("Accepted"));
        CASE_VERIFY(c, ids->response.value("certificateHashData", Json::array()).size() == 1);
        CASE_COMPARE(c,
                     c.commandStatus("InstallCertificate",
                                     {{"certificateType", "UserCertificate"}, {"certificate", "x"}}),
                     std::string("Refused"));
        CASE_VERIFY(c, c.charger().snapshot().countReceived("InstallCertificate") == 1);
        CASE_VERIFY(
            c,
            c.waitDb(
                "SELECT outcome FROM command_audit WHERE action = 'InstallCertificate' ORDER BY id LIMIT 1",
                "Accepted"));
    }
};

QTEST_GUILESS_MAIN(TstOcttSecurity)
#include "tst_octt_security.moc"
