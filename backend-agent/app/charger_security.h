// The agent's door for chargers: OCPP security profiles first (ChargerAuthenticator), then the fleet's
// inventory and unknown-charger policy; and the wss:// listener's settings.
#pragma once

#include "app/agent_config.h"
#include "domain/central_system.h"
#include "domain/certificate_signer.h"
#include "domain/charger_authenticator.h"
#include "transport/ws_server.h"

#include <memory>
#include <optional>
#include <string>

namespace voltdesk::app {

/// Thread-safe: admit() runs on the transport's I/O threads.
class ChargerSecurity {
public:
    /// events receives every refusal; may be null. Both must outlive this object.
    ChargerSecurity(const domain::CentralSystem& fleet, domain::SecurityEventSink* events);

    /// Loads every charger's profile and key from the database; throws store::StoreError.
    void load(const std::string& postgresUri);
    /// Unauthorized (HTTP 401) when the charger's profile is not met; otherwise UnknownCharger (HTTP 404)
    /// when the fleet does not admit the id, else Admit.
    transport::Admission admit(const transport::AdmissionRequest& request);
    domain::ChargerAuthenticator& authenticator() { return m_authenticator; }

private:
    const domain::CentralSystem& m_fleet;
    domain::ChargerAuthenticator m_authenticator;
};

/// A charger accepted ChangeConfiguration of AuthorizationKey (value: the new key) or SecurityProfile
/// (value: "0".."3"): stores it (the key hashed) and makes the authenticator expect it from the next
/// connection on. Failures are logged, never thrown: the charger has already switched.
void applySecuritySetting(ChargerSecurity& security, const std::string& postgresUri,
                          const std::string& chargerId, const std::string& key, const std::string& value);

/// The wss:// listener's options: those of the ws:// one with the TLS host, port and files; nullopt
/// when config has no tls-listen.
std::optional<transport::WsServerOptions> tlsServerOptions(const AgentConfig& config,
                                                           const transport::WsServerOptions& plain);

/// The charger CA of config (charger-ca-cert, charger-ca-key), or null when none is configured. Throws
/// std::runtime_error (a sentence for the operator) when a file cannot be read or does not fit.
std::unique_ptr<domain::CertificateSigner> makeCertificateSigner(const AgentConfig& config);

/// Runs `voltdesk-agent set-charger-key`: migrates the database, reads the key from in when asked,
/// stores profile and hashed key. Returns the exit code; messages go to out and err.
int runSetChargerKey(const SetChargerKeyRequest& request, std::istream& in, std::ostream& out,
                     std::ostream& err);

} // namespace voltdesk::app
