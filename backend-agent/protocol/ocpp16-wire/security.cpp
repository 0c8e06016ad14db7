// Field tables of the Security Whitepaper messages, as its JSON schemas list them.
#include "protocol/ocpp16-wire/security.h"

#include "protocol/ocpp16-wire/message_schema.h"

namespace voltdesk::ocpp16 {

namespace schema {

template <> struct Schema<CertificateHashData> {
    using M = CertificateHashData;
    static constexpr auto kFields = std::tuple{
        field("hashAlgorithm", &M::hashAlgorithm),
        field("issuerNameHash", &M::issuerNameHash, CiString{128}),
        field("issuerKeyHash", &M::issuerKeyHash, CiString{128}),
        field("serialNumber", &M::serialNumber, CiString{40}),
    };
};

template <> struct Schema<LogParameters> {
    using M = LogParameters;
    static constexpr auto kFields = std::tuple{
        field("remoteLocation", &M::remoteLocation, CiString{512}),
        field("oldestTimestamp", &M::oldestTimestamp, kDateTime),
        field("latestTimestamp", &M::latestTimestamp, kDateTime),
    };
};

template <> struct Schema<Firmware> {
    using M = Firmware;
    static constexpr auto kFields = std::tuple{
        field("location", &M::location, CiString{512}),
        field("retrieveDateTime", &M::retrieveDateTime, kDateTime),
        field("installDateTime", &M::installDateTime, kDateTime),
        field("signingCertificate", &M::signingCertificate, CiString{5500}),
        field("signature", &M::signature, CiString{800}),
    };
};

template <> struct Schema<SecurityEventNotificationRequest> {
    using M = SecurityEventNotificationRequest;
    static constexpr auto kFields = std::tuple{
        field("type", &M::type, CiString{50}),
        field("timestamp", &M::timestamp, kDateTime),
        field("techInfo", &M::techInfo, CiString{255}),
    };
};

template <>
struct Schema<SecurityEventNotificationConfirmation> : EmptySchema<SecurityEventNotificationConfirmation> {};

template <> struct Schema<SignCertificateRequest> {
    static constexpr auto kFields = std::tuple{field("csr", &SignCertificateRequest::csr, CiString{5500})};
};

template <> struct Schema<SignCertificateConfirmation> {
    static constexpr auto kFields = std::tuple{field("status", &SignCertificateConfirmation::status)};
};

template <> struct Schema<CertificateSignedRequest> {
    static constexpr auto kFields =
        std::tuple{field("certificateChain", &CertificateSignedRequest::certificateChain, CiString{10000})};
};

template <> struct Schema<CertificateSignedConfirmation> {
    static constexpr auto kFields = std::tuple{field("status", &CertificateSignedConfirmation::status)};
};

template <> struct Schema<InstallCertificateRequest> {
    using M = InstallCertificateRequest;
    static constexpr auto kFields = std::tuple{
        field("certificateType", &M::certificateType),
        field("certificate", &M::certificate, CiString{5500}),
    };
};

template <> struct Schema<InstallCertificateConfirmation> {
    static constexpr auto kFields = std::tuple{field("status", &InstallCertificateConfirmation::status)};
};

template <> struct Schema<DeleteCertificateRequest> {
    static constexpr auto kFields =
        std::tuple{field("certificateHashData", &DeleteCertificateRequest::certificateHashData)};
};

template <> struct Schema<DeleteCertificateConfirmation> {
    static constexpr auto kFields = std::tuple{field("status", &DeleteCertificateConfirmation::status)};
};

template <> struct Schema<GetInstalledCertificateIdsRequest> {
    static constexpr auto kFields =
        std::tuple{field("certificateType", &GetInstalledCertificateIdsRequest::certificateType)};
};

template <> struct Schema<GetInstalledCertificateIdsConfirmation> {
    using M = GetInstalledCertificateIdsConfirmation;
    static constexpr auto kFields = std::tuple{
        field("certificateHashData", &M::certificateHashData, ObjectArray<CertificateHashData>{1}),
        field("status", &M::status),
    };
};

template <> struct Schema<GetLogRequest> {
    using M = GetLogRequest;
    static constexpr auto kFields = std::tuple{
        field("log", &M::log),
        field("logType", &M::logType),
        field("requestId", &M::requestId),
        field("retries", &M::retries),
        field("retryInterval", &M::retryInterval),
    };
};

template <> struct Schema<GetLogConfirmation> {
    using M = GetLogConfirmation;
    static constexpr auto kFields = std::tuple{
        field("status", &M::status),
        field("filename", &M::filename, CiString{255}),
    };
};

template <> struct Schema<LogStatusNotificationRequest> {
    using M = LogStatusNotificationRequest;
    static constexpr auto kFields = std::tuple{
        field("status", &M::status),
        field("requestId", &M::requestId),
    };
};

template <>
struct Schema<LogStatusNotificationConfirmation> : EmptySchema<LogStatusNotificationConfirmation> {};

template <> struct Schema<SignedUpdateFirmwareRequest> {
    using M = SignedUpdateFirmwareRequest;
    static constexpr auto kFields = std::tuple{
        field("retries", &M::retries),
        field("retryInterval", &M::retryInterval),
        field("requestId", &M::requestId),
        field("firmware", &M::firmware),
    };
};

template <> struct Schema<SignedUpdateFirmwareConfirmation> {
    static constexpr auto kFields = std::tuple{field("status", &SignedUpdateFirmwareConfirmation::status)};
};

template <> struct Schema<SignedFirmwareStatusNotificationRequest> {
    using M = SignedFirmwareStatusNotificationRequest;
    static constexpr auto kFields = std::tuple{
        field("status", &M::status),
        field("requestId", &M::requestId),
    };
};

template <>
struct Schema<SignedFirmwareStatusNotificationConfirmation>
    : EmptySchema<SignedFirmwareStatusNotificationConfirmation> {};

template <> struct Schema<ExtendedTriggerMessageRequest> {
    using M = ExtendedTriggerMessageRequest;
    static constexpr auto kFields = std::tuple{
        field("requestedMessage", &M::requestedMessage),
        field("connectorId", &M::connectorId, kConnectorId),
    };
};

template <> struct Schema<ExtendedTriggerMessageConfirmation> {
    static constexpr auto kFields = std::tuple{field("status", &ExtendedTriggerMessageConfirmation::status)};
};

} // namespace schema

template struct MessageCodec<SecurityEventNotificationRequest>;
template struct MessageCodec<SecurityEventNotificationConfirmation>;
template struct MessageCodec<SignCertificateRequest>;
template struct MessageCodec<SignCertificateConfirmation>;
template struct MessageCodec<CertificateSignedRequest>;
template struct MessageCodec<CertificateSignedConfirmation>;
template struct MessageCodec<InstallCertificateRequest>;
template struct MessageCodec<InstallCertificateConfirmation>;
template struct MessageCodec<DeleteCertificateRequest>;
template struct MessageCodec<DeleteCertificateConfirmation>;
template struct MessageCodec<GetInstalledCertificateIdsRequest>;
template struct MessageCodec<GetInstalledCertificateIdsConfirmation>;
template struct MessageCodec<GetLogRequest>;
template struct MessageCodec<GetLogConfirmation>;
template struct MessageCodec<LogStatusNotificationRequest>;
template struct MessageCodec<LogStatusNotificationConfirmation>;
template struct MessageCodec<SignedUpdateFirmwareRequest>;
template struct MessageCodec<SignedUpdateFirmwareConfirmation>;
template struct MessageCodec<SignedFirmwareStatusNotificationRequest>;
template struct MessageCodec<SignedFirmwareStatusNotificationConfirmation>;
template struct MessageCodec<ExtendedTriggerMessageRequest>;
template struct MessageCodec<ExtendedTriggerMessageConfirmation>;

} // namespace voltdesk::ocpp16
