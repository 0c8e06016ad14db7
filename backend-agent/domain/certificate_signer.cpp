#include "domain/certificate_signer.h"

#include <algorithm>
#include <array>
#include <ctime>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

namespace voltdesk::domain {

namespace {

template <typename T, auto Free> struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using ReqPtr = std::unique_ptr<X509_REQ, Deleter<X509_REQ, X509_REQ_free>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

constexpr contract::EpochMs kSkewMs = 60'000;
constexpr contract::EpochMs kDayMs = 86'400'000;

BioPtr readBio(std::string_view text) {
    BioPtr bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
    if (!bio) {
        throw std::bad_alloc();
    }
    return bio;
}

std::string bioText(BIO* bio) {
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data); // NOLINT(cppcoreguidelines-pro-type-cstyle-cast)
    return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

std::string pemOf(X509* cert) {
    BioPtr out(BIO_new(BIO_s_mem()));
    if (!out || PEM_write_bio_X509(out.get(), cert) != 1) {
        throw std::runtime_error("cannot write a certificate as PEM");
    }
    return bioText(out.get());
}

std::string nameText(const X509_NAME* name) {
    BioPtr out(BIO_new(BIO_s_mem()));
    if (!out || X509_NAME_print_ex(out.get(), name, 0, XN_FLAG_RFC2253) < 0) {
        return {};
    }
    return bioText(out.get());
}

/// The subject's only entry of nid, as UTF-8; nullopt when there is none or more than one.
std::optional<std::string> onlyEntry(const X509_NAME* name, int nid) {
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0 || X509_NAME_get_index_by_NID(name, nid, index) >= 0) {
        return std::nullopt;
    }
    const ASN1_STRING* value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    unsigned char* utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, value);
    if (length < 0) {
        return std::nullopt;
    }
    std::string text(reinterpret_cast<const char*>(utf8), static_cast<std::size_t>(length));
    OPENSSL_free(utf8);
    return text;
}

contract::EpochMs epochMsOf(const ASN1_TIME* time) {
    std::tm tm{};
    if (ASN1_TIME_to_tm(time, &tm) != 1) {
        return 0;
    }
    return static_cast<contract::EpochMs>(timegm(&tm)) * 1000;
}

int refusePassword(char*, int, int, void*) {
    return 0; // an encrypted key is refused, never prompted for on a terminal
}

} // namespace

struct CertificateSigner::OpenSsl {
    X509Ptr ca;
    KeyPtr key;
};

CertificateSigner::CertificateSigner(const CertificateSignerOptions& options)
    : m_ssl(std::make_unique<OpenSsl>()), m_organization(options.organization),
      m_validityDays(options.validityDays) {
    if (m_validityDays < 1 || m_validityDays > 3650) {
        throw std::invalid_argument("the charger certificates' validity must be 1 to 3650 days");
    }
    std::vector<X509Ptr> certificates;
    {
        const BioPtr bio = readBio(options.caCertificatePem);
        while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, refusePassword, nullptr)) {
            certificates.emplace_back(cert);
        }
        ERR_clear_error(); // the end of the PEM text is reported as an error
    }
    if (certificates.empty()) {
        throw std::invalid_argument("the charger CA certificate is not a PEM certificate");
    }
    m_ssl->ca = std::move(certificates.front());
    if (X509_check_ca(m_ssl->ca.get()) == 0) {
        throw std::invalid_argument("the charger CA certificate is not a CA (basicConstraints CA:TRUE)");
    }
    {
        const BioPtr bio = readBio(options.caKeyPem);
        m_ssl->key.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassword, nullptr));
        ERR_clear_error();
    }
    if (!m_ssl->key) {
        throw std::invalid_argument("the charger CA key is not an unencrypted PEM private key");
    }
    if (X509_check_private_key(m_ssl->ca.get(), m_ssl->key.get()) != 1) {
        ERR_clear_error();
        throw std::invalid_argument("the charger CA key does not belong to the charger CA certificate");
    }
    // The chain a charger needs to present: the signing CA and intermediates; a root it must already have.
    m_chainPem = X509_self_signed(m_ssl->ca.get(), 0) == 1 ? std::string() : pemOf(m_ssl->ca.get());
    for (std::size_t i = 1; i < certificates.size(); ++i) {
        if (X509_self_signed(certificates[i].get(), 0) != 1) {
            m_chainPem += pemOf(certificates[i].get());
        }
    }
    m_caSubject = nameText(X509_get_subject_name(m_ssl->ca.get()));
}

CertificateSigner::~CertificateSigner() = default;

SignedCertificate CertificateSigner::sign(std::string_view csrPem, std::string_view chargerId,
                                          contract::EpochMs now) const {
    SignedCertificate out;
    const auto refuse = [&out](std::string why) {
        out.problem = std::move(why);
        ERR_clear_error();
        return out;
    };
    ReqPtr request;
    {
        const BioPtr bio = readBio(csrPem);
        request.reset(PEM_read_bio_X509_REQ(bio.get(), nullptr, refusePassword, nullptr));
    }
    if (!request) {
        return refuse("the CSR is not a PEM certificate signing request");
    }
    EVP_PKEY* publicKey = X509_REQ_get0_pubkey(request.get());
    if (publicKey == nullptr) {
        return refuse("the CSR's public key does not parse");
    }
    if (X509_REQ_verify(request.get(), publicKey) != 1) {
        return refuse("the CSR's signature does not verify with its public key");
    }
    const int keyType = EVP_PKEY_get_base_id(publicKey);
    const int keyBits = EVP_PKEY_get_bits(publicKey);
    if (!(keyType == EVP_PKEY_EC && keyBits >= 256) && !(keyType == EVP_PKEY_RSA && keyBits >= 2048)) {
        return refuse("the CSR's key is " + std::to_string(keyBits) +
                      " bits of a type other than EC (256+) or RSA (2048+)");
    }
    const X509_NAME* subject = X509_REQ_get_subject_name(request.get());
    const auto commonName = onlyEntry(subject, NID_commonName);
    if (!commonName || *commonName != chargerId) {
        return refuse("the CSR's subject CN is '" + commonName.value_or("<none or several>") +
                      "', not the charger id");
    }
    if (!m_organization.empty()) {
        const auto organization = onlyEntry(subject, NID_organizationName);
        if (!organization || *organization != m_organization) {
            return refuse("the CSR's subject O is '" + organization.value_or("<none or several>") +
                          "', not the CPO name '" + m_organization + "'");
        }
    }

    const std::lock_guard lock(m_mutex);
    X509* ca = m_ssl->ca.get();
    const contract::EpochMs caNotAfter = epochMsOf(X509_get0_notAfter(ca));
    if (caNotAfter <= now) {
        return refuse("the charger CA has expired");
    }
    const X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1) {
        return refuse("out of memory");
    }
    std::array<unsigned char, 16> serial{};
    if (RAND_bytes(serial.data(), static_cast<int>(serial.size())) != 1) {
        return refuse("no random numbers for the serial number");
    }
    serial[0] &= 0x7F; // positive, and at most 20 octets as RFC 5280 asks
    const BnPtr serialNumber(BN_bin2bn(serial.data(), static_cast<int>(serial.size()), nullptr));
    if (!serialNumber ||
        BN_to_ASN1_INTEGER(serialNumber.get(), X509_get_serialNumber(cert.get())) == nullptr) {
        return refuse("cannot set the serial number");
    }
    if (char* hex = BN_bn2hex(serialNumber.get())) {
        out.serialNumber = hex;
        OPENSSL_free(hex);
    }
    out.notAfter = std::min(now + static_cast<contract::EpochMs>(m_validityDays) * kDayMs, caNotAfter);
    if (X509_set_issuer_name(cert.get(), X509_get_subject_name(ca)) != 1 ||
        X509_set_subject_name(cert.get(), subject) != 1 || X509_set_pubkey(cert.get(), publicKey) != 1 ||
        ASN1_TIME_set(X509_getm_notBefore(cert.get()), static_cast<time_t>((now - kSkewMs) / 1000)) ==
            nullptr ||
        ASN1_TIME_set(X509_getm_notAfter(cert.get()), static_cast<time_t>(out.notAfter / 1000)) == nullptr) {
        return refuse("cannot fill in the certificate");
    }
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, ca, cert.get(), nullptr, nullptr, 0);
    const std::array<std::pair<int, const char*>, 5> extensions{{
        {NID_basic_constraints, "critical,CA:FALSE"},
        {NID_key_usage,
         keyType == EVP_PKEY_RSA ? "critical,digitalSignature,keyEncipherment" : "critical,digitalSignature"},
        {NID_ext_key_usage, "clientAuth"},
        {NID_subject_key_identifier, "hash"},
        {NID_authority_key_identifier, "keyid,issuer"},
    }};
    for (const auto& [nid, value] : extensions) {
        const ExtPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
        if (!extension || X509_add_ext(cert.get(), extension.get(), -1) != 1) {
            return refuse("cannot add the certificate's extensions");
        }
    }
    if (X509_sign(cert.get(), m_ssl->key.get(), EVP_sha256()) <= 0) {
        return refuse("signing the certificate failed");
    }
    out.chainPem = pemOf(cert.get()) + m_chainPem;
    return out;
}

} // namespace voltdesk::domain
