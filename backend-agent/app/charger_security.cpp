#include "app/charger_security.h"

#include "store/credential_store.h"
#include "store/store.h"

#include <charconv>
#include <fstream>
#include <istream>
#include <ostream>
#include <spdlog/spdlog.h>
#include <sstream>

namespace voltdesk::app {

ChargerSecurity::ChargerSecurity(const domain::CentralSystem& fleet, domain::SecurityEventSink* events)
    : m_fleet(fleet), m_authenticator(events) {}

void ChargerSecurity::load(const std::string& postgresUri) {
    const auto credentials = store::CredentialStore(postgresUri).loadAll();
    std::size_t perProfile[4] = {0, 0, 0, 0};
    for (const auto& c : credentials) {
        ++perProfile[domain::toInt(c.profile)];
    }
    m_authenticator.load(credentials);
    spdlog::info("agent: charger security loaded profile0={} profile1={} profile2={} profile3={}",
                 perProfile[0], perProfile[1], perProfile[2], perProfile[3]);
}

transport::Admission ChargerSecurity::admit(const transport::AdmissionRequest& request) {
    domain::AuthenticationAttempt attempt;
    attempt.chargerId = request.chargerId;
    if (request.basic) {
        attempt.basic =
            domain::AuthenticationAttempt::Basic{request.basic->username, request.basic->password};
    }
    attempt.tls = request.tls;
    attempt.clientCertificateCn = request.clientCertificateCn;
    attempt.remoteAddress = request.remoteAddress;
    const auto decision = m_authenticator.authenticate(attempt);
    if (!decision.admitted) {
        return transport::Admission::Unauthorized;
    }
    return m_fleet.admits(request.chargerId) ? transport::Admission::Admit
                                             : transport::Admission::UnknownCharger;
}

std::optional<transport::WsServerOptions> tlsServerOptions(const AgentConfig& config,
                                                           const transport::WsServerOptions& plain) {
    if (!config.tlsListenPort) {
        return std::nullopt;
    }
    transport::WsServerOptions options = plain;
    options.host = config.tlsListenHost;
    options.port = *config.tlsListenPort;
    transport::TlsOptions tls;
    tls.certificateChainFile = config.tlsCertFile;
    tls.privateKeyFile = config.tlsKeyFile;
    tls.clientCaFile = config.tlsClientCaFile;
    tls.requireClientCertificate = config.tlsClientCertRequired;
    options.tls = tls;
    return options;
}

namespace {

std::string readPemFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path);
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

std::unique_ptr<domain::CertificateSigner> makeCertificateSigner(const AgentConfig& config) {
    if (config.chargerCaCertFile.empty()) {
        spdlog::info("agent: no charger CA (charger-ca-cert); SignCertificate requests are Rejected");
        return nullptr;
    }
    domain::CertificateSignerOptions options;
    options.caCertificatePem = readPemFile(config.chargerCaCertFile);
    options.caKeyPem = readPemFile(config.chargerCaKeyFile);
    options.validityDays = config.chargerCertDays;
    options.organization = config.cpoName;
    try {
        auto signer = std::make_unique<domain::CertificateSigner>(options);
        std::fill(options.caKeyPem.begin(), options.caKeyPem.end(), '\0');
        spdlog::info("agent: charger CA ready subject=\"{}\" days={} cpo_name=\"{}\"", signer->caSubject(),
                     config.chargerCertDays, config.cpoName);
        return signer;
    } catch (const std::invalid_argument& e) {
        std::fill(options.caKeyPem.begin(), options.caKeyPem.end(), '\0');
        throw std::runtime_error(std::string(e.what()) + " (" + config.chargerCaCertFile + ", " +
                                 config.chargerCaKeyFile + ")");
    }
}

int runSetChargerKey(const SetChargerKeyRequest& request, std::istream& in, std::ostream& out,
                     std::ostream& err) {
    const auto profile = domain::securityProfileFromInt(request.profile);
    if (!profile || request.chargerId.empty()) {
        err << "voltdesk-agent: set-charger-key needs --charger ID and --profile 0-3\n";
        return 2;
    }
    std::optional<domain::StoredKey> key;
    if (request.keyFromStdin) {
        std::string line;
        std::getline(in, line);
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (const auto problem = domain::authorizationKeyProblem(line)) {
            err << "voltdesk-agent: " << *problem << "\n";
            return 2;
        }
        key = domain::hashAuthorizationKey(line);
        std::fill(line.begin(), line.end(), '\0');
    }
    try {
        store::Store(request.postgres).migrate();
        const auto stored =
            store::CredentialStore(request.postgres).set(request.chargerId, *profile, key, request.setBy);
        out << "charger " << stored.chargerId << ": security profile " << domain::toInt(stored.profile)
            << ", "
            << (stored.key ? (key ? "new AuthorizationKey stored" : "AuthorizationKey kept")
                           : "no AuthorizationKey")
            << "; agents apply it when they next start\n";
        if (stored.key &&
            (stored.profile == domain::SecurityProfile::Basic ||
             stored.profile == domain::SecurityProfile::TlsBasic) &&
            key) {
            out << "Set the same key on the charger (ChangeConfiguration AuthorizationKey) before it "
                   "reconnects.\n";
        }
        return 0;
    } catch (const std::exception& e) {
        err << "voltdesk-agent: " << e.what() << "\n";
        return 1;
    }
}

void applySecuritySetting(ChargerSecurity& security, const std::string& postgresUri,
                          const std::string& chargerId, const std::string& key, const std::string& value) {
    try {
        domain::SecurityProfile profile = security.authenticator().requiredProfile(chargerId);
        std::optional<domain::StoredKey> stored;
        if (key == "AuthorizationKey") {
            if (const auto problem = domain::authorizationKeyProblem(value)) {
                spdlog::error("security: charger={} accepted an AuthorizationKey the agent cannot use: {}",
                              chargerId, *problem);
                return;
            }
            stored = domain::hashAuthorizationKey(value);
        } else if (key == "SecurityProfile") {
            int level = -1;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), level);
            const auto parsed = domain::securityProfileFromInt(level);
            if (ec != std::errc() || end != value.data() + value.size() || !parsed) {
                spdlog::error("security: charger={} accepted SecurityProfile '{}', which is not 0-3",
                              chargerId, value);
                return;
            }
            profile = *parsed;
        } else {
            return;
        }
        // A rare operator action: one short database round trip on this thread is acceptable.
        store::CredentialStore credentials(postgresUri);
        const domain::ChargerCredential now =
            credentials.set(chargerId, profile, stored, "ocpp:ChangeConfiguration");
        security.authenticator().set(now);
        spdlog::info("security: charger={} now expects profile {}{}", chargerId, domain::toInt(now.profile),
                     stored ? " with its new AuthorizationKey" : "");
    } catch (const std::exception& e) {
        spdlog::error("security: storing the new {} of charger={} failed: {}", key, chargerId, e.what());
    }
}

} // namespace voltdesk::app
