#include "protocol/ocpp16/certificate_block.h"

#include "protocol/ocpp16-wire/messages.h"

#include <utility>

namespace voltdesk::ocpp16 {

namespace {

domain::SecurityEvent agentEvent(const std::string& chargerId, std::string_view type,
                                 domain::SecuritySeverity severity, std::string detail,
                                 contract::EpochMs at) {
    domain::SecurityEvent event;
    event.chargerId = chargerId;
    event.type = std::string(type);
    event.detail = std::move(detail);
    event.severity = severity;
    event.source = domain::SecurityEventSource::Agent;
    event.receivedAt = at;
    return event;
}

std::string describe(const CallOutcome& outcome) {
    if (outcome.kind == CallOutcome::Kind::Result) {
        return "answered " + outcome.payload.value("status", std::string("<no status>"));
    }
    return std::string(toString(outcome.kind)) +
           (outcome.description.empty() ? "" : ": " + outcome.description);
}

} // namespace

CertificateBlock::CertificateBlock(const domain::CertificateSigner* signer,
                                   domain::SecurityEventSink* securityEvents, SendCall sendCall)
    : m_signer(signer), m_securityEvents(securityEvents), m_sendCall(std::move(sendCall)) {}

bool CertificateBlock::handles(std::string_view action) const {
    return action == SignCertificateRequest::kAction;
}

CallReply CertificateBlock::handle(const IncomingCall& incoming) {
    if (incoming.call.action != SignCertificateRequest::kAction) {
        return PayloadError{ErrorCode::NotSupported,
                            "action " + incoming.call.action + " is not handled by the certificate block"};
    }
    auto request = decode<SignCertificateRequest>(incoming.call.payload);
    if (!request) {
        return request.error();
    }
    SignCertificateConfirmation rejected;
    rejected.status = GenericStatus::Rejected;
    if (m_signer == nullptr || !m_sendCall) {
        return encode(rejected);
    }
    const std::string& chargerId = incoming.session.chargerId;
    domain::SignedCertificate signedCertificate =
        m_signer->sign(request.value().csr, chargerId, incoming.receivedAt);
    if (!signedCertificate.ok()) {
        report(incoming, domain::security_event_type::kInvalidCertificateRequest,
               domain::SecuritySeverity::Warning, signedCertificate.problem);
        return encode(rejected);
    }
    // The whitepaper's order: our answer to SignCertificate first, then CertificateSigned.
    incoming.defer().result(encode(SignCertificateConfirmation{GenericStatus::Accepted}));
    report(incoming, domain::security_event_type::kCertificateIssued, domain::SecuritySeverity::Info,
           "serial " + signedCertificate.serialNumber + ", valid until " +
               contract::toIso8601(signedCertificate.notAfter));
    CertificateSignedRequest certificateSigned;
    certificateSigned.certificateChain = std::move(signedCertificate.chainPem);
    m_sendCall(std::string(CertificateSignedRequest::kAction), encode(certificateSigned),
               [sink = m_securityEvents, chargerId,
                serial = signedCertificate.serialNumber](const CallOutcome& outcome) {
                   const bool accepted = outcome.kind == CallOutcome::Kind::Result &&
                                         outcome.payload.value("status", std::string()) == "Accepted";
                   if (accepted || sink == nullptr) {
                       return;
                   }
                   sink->report(agentEvent(chargerId, domain::security_event_type::kCertificateNotInstalled,
                                           domain::SecuritySeverity::Warning,
                                           "CertificateSigned of serial " + serial + " " + describe(outcome),
                                           contract::nowMs()));
               });
    return Deferred{};
}

void CertificateBlock::report(const IncomingCall& incoming, std::string_view type,
                              domain::SecuritySeverity severity, std::string detail) {
    if (m_securityEvents != nullptr) {
        m_securityEvents->report(
            agentEvent(incoming.session.chargerId, type, severity, std::move(detail), incoming.receivedAt));
    }
}

} // namespace voltdesk::ocpp16
