// Security events: refused logins, wrong certificates, limits exceeded, and what chargers report with
// SecurityEventNotification. Every part of the agent that notices one reports it to a SecurityEventSink.
#pragma once

#include "contract/iso8601.h"

#include <optional>
#include <string>
#include <string_view>

namespace voltdesk::domain {

using contract::EpochMs;

/// Who noticed: the agent itself, or the charger (SecurityEventNotification).
enum class SecurityEventSource { Agent, Charger };

/// Critical events are the ones the OCPP 1.6 Security Whitepaper says to push to the operator at once.
enum class SecuritySeverity { Info, Warning, Critical };

/// Event type names of the agent's own events. Chargers' events keep the whitepaper's names
/// ("InvalidCentralSystemCertificate", "ReconfigurationOfSecurityParameters", ...).
namespace security_event_type {
/// Basic credentials presented but wrong (password, or a username that is not the charger's id).
inline constexpr std::string_view kFailedAuthentication = "FailedAuthentication";
/// The charger's profile needs credentials or a client certificate and none came.
inline constexpr std::string_view kMissingCredentials = "MissingCredentials";
/// Right credentials over a weaker channel than the charger's profile needs (e.g. profile 2 over ws://).
inline constexpr std::string_view kProfileTooLow = "ProfileTooLow";
/// A verified client certificate whose subject CN is not the charger id it connects as.
inline constexpr std::string_view kClientCertificateMismatch = "ClientCertificateMismatch";
/// A SignCertificate whose CSR the central system refused (does not parse or verify, names another charger).
inline constexpr std::string_view kInvalidCertificateRequest = "InvalidCertificateSigningRequest";
/// The central system signed a charger's certificate (an audit record: serial number and validity).
inline constexpr std::string_view kCertificateIssued = "ChargePointCertificateIssued";
/// The charger did not install the certificate it was sent (CertificateSigned not Accepted).
inline constexpr std::string_view kCertificateNotInstalled = "ChargePointCertificateNotInstalled";
} // namespace security_event_type

struct SecurityEvent {
    std::string chargerId;
    std::string type;   ///< see security_event_type, or the charger's own name
    std::string detail; ///< techInfo: a sentence for the operator; never a password
    std::string remoteAddress;
    SecuritySeverity severity = SecuritySeverity::Warning;
    SecurityEventSource source = SecurityEventSource::Agent;
    std::optional<EpochMs> chargerTime; ///< the charger's own timestamp, for its events
    EpochMs receivedAt = 0;
};

/// "agent", "charger"; "info", "warning", "critical" (as stored).
std::string_view toString(SecurityEventSource source);
std::string_view toString(SecuritySeverity severity);

/// Where security events go (the store, later the bus). Implementations are thread-safe and never
/// block: report() is called on I/O threads, often in bursts (a misconfigured fleet retrying).
class SecurityEventSink {
public:
    virtual ~SecurityEventSink() = default;
    virtual void report(const SecurityEvent& event) = 0;
};

} // namespace voltdesk::domain
