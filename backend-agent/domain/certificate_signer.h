// The operator's charger CA: signs a charger's certificate signing request (OCPP 1.6 Security Whitepaper,
// SignCertificate) after checking it is well-formed, self-signed by its key and names the charger.
#pragma once

#include "contract/iso8601.h"

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace voltdesk::domain {

struct CertificateSignerOptions {
    std::string caCertificatePem; ///< the signing CA's certificate, then (optionally) its own chain
    std::string caKeyPem;         ///< the signing CA's private key (unencrypted PEM)
    int validityDays = 365;
    /// The CPO name chargers must put in the subject's O (their CpoName key); empty: not checked.
    std::string organization;
};

/// What sign() made: the chain to send in CertificateSigned, or why the request was refused.
struct SignedCertificate {
    std::string chainPem;     ///< the charger's certificate first, then the CA's chain (no self-signed root)
    std::string serialNumber; ///< hex, upper case
    contract::EpochMs notAfter = 0;
    std::string problem; ///< non-empty: refused, and this says why (for the security event)

    bool ok() const { return problem.empty(); }
};

/// Thread-safe. Never logs or throws from sign(); the caller reports a refusal.
class CertificateSigner {
public:
    /// Throws std::invalid_argument when the certificate or key does not parse, the key is not the
    /// certificate's, the certificate is not a CA, or validityDays is not 1..3650.
    explicit CertificateSigner(const CertificateSignerOptions& options);
    ~CertificateSigner();
    CertificateSigner(const CertificateSigner&) = delete;
    CertificateSigner& operator=(const CertificateSigner&) = delete;

    /// Signs csrPem (PEM "CERTIFICATE REQUEST") for chargerId at now: the subject's CN must be chargerId,
    /// O the configured organization (if any), the request's signature must verify with its own key,
    /// and that key must be EC (256 bits or more) or RSA (2048 bits or more). The certificate is for
    /// TLS client authentication only and valid from now (less a minute for clock skew).
    SignedCertificate sign(std::string_view csrPem, std::string_view chargerId, contract::EpochMs now) const;

    /// The signing CA's subject, for logs ("CN=..., O=...").
    const std::string& caSubject() const { return m_caSubject; }

private:
    struct OpenSsl;
    std::unique_ptr<OpenSsl> m_ssl;
    std::string m_caSubject;
    std::string m_chainPem; ///< the CA certificates that go after the charger's, PEM
    std::string m_organization;
    int m_validityDays = 365;
    mutable std::mutex m_mutex; ///< OpenSSL objects shared by concurrent sign() calls
};

} // namespace voltdesk::domain
