// Certificate management of the OCPP 1.6 Security Whitepaper from the charger's side: SignCertificate is
// answered Accepted when the operator's charger CA signs the CSR, and the chain follows in CertificateSigned.
#pragma once

#include "domain/certificate_signer.h"
#include "domain/security_event.h"
#include "protocol/ocpp16/call_outcome.h"
#include "protocol/ocpp16/functional_block.h"

#include <functional>
#include <string>

namespace voltdesk::ocpp16 {

class CertificateBlock final : public FunctionalBlock {
public:
    /// Sends a CALL of ours on the same connection (Ocpp16Connection::sendCall); called only from
    /// handle(), so on the connection's serialized context.
    using SendCall = std::function<void(std::string action, nlohmann::json payload, CallCallback done)>;

    /// signer null: no charger CA is configured, every SignCertificate is Rejected. securityEvents may
    /// be null. signer and securityEvents must outlive the block.
    CertificateBlock(const domain::CertificateSigner* signer, domain::SecurityEventSink* securityEvents,
                     SendCall sendCall);

    bool handles(std::string_view action) const override;
    /// SignCertificate: Rejected without a signer, or with a security event when the CSR is refused;
    /// otherwise Accepted, then CertificateSigned with the chain (a security event records the issued
    /// certificate, and another one a charger that does not accept it).
    CallReply handle(const IncomingCall& incoming) override;

private:
    void report(const IncomingCall& incoming, std::string_view type, domain::SecuritySeverity severity,
                std::string detail);

    const domain::CertificateSigner* m_signer;
    domain::SecurityEventSink* m_securityEvents;
    SendCall m_sendCall;
};

} // namespace voltdesk::ocpp16
