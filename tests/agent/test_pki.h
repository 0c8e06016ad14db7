// Keys, a CA and certificate signing requests made in memory with OpenSSL, for the certificate signer's
// and the certificate block's tests (no files, no openssl command).
#pragma once

#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdexcept>
#include <string>

namespace voltdesk::testing {

struct PkeyFree {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using TestKey = std::unique_ptr<EVP_PKEY, PkeyFree>;

inline TestKey ecKey() {
    return TestKey(EVP_EC_gen("P-256"));
}

inline TestKey rsaKey(unsigned bits) {
    return TestKey(EVP_RSA_gen(bits));
}

inline std::string keyPem(EVP_PKEY* key) {
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data); // NOLINT(cppcoreguidelines-pro-type-cstyle-cast)
    std::string text(data, static_cast<std::size_t>(size));
    BIO_free(bio);
    return text;
}

inline void addName(X509_NAME* name, const char* field, const std::string& value) {
    if (!value.empty()) {
        X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1, 0);
    }
}

inline std::string certificatePem(X509* cert) {
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, cert);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data); // NOLINT(cppcoreguidelines-pro-type-cstyle-cast)
    std::string text(data, static_cast<std::size_t>(size));
    BIO_free(bio);
    return text;
}

/// A self-signed certificate for key; a CA (basicConstraints CA:TRUE) unless ca is false.
inline std::string selfSignedPem(EVP_PKEY* key, const std::string& cn, bool ca = true, long days = 30) {
    X509* cert = X509_new();
    X509_set_version(cert, X509_VERSION_3);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert), days * 86'400);
    X509_set_pubkey(cert, key);
    addName(X509_get_subject_name(cert), "CN", cn);
    X509_set_issuer_name(cert, X509_get_subject_name(cert));
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, NID_basic_constraints,
                                              ca ? "critical,CA:TRUE" : "critical,CA:FALSE");
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
    ext = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_key_identifier, "hash");
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
    X509_sign(cert, key, EVP_sha256());
    std::string pem = certificatePem(cert);
    X509_free(cert);
    return pem;
}

/// A CSR with subject CN=cn (and O=o), holding subjectKey and signed by signingKey (normally the same).
inline std::string csrPem(EVP_PKEY* subjectKey, EVP_PKEY* signingKey, const std::string& cn,
                          const std::string& o = "") {
    X509_REQ* req = X509_REQ_new();
    X509_REQ_set_version(req, 0);
    addName(X509_REQ_get_subject_name(req), "O", o);
    addName(X509_REQ_get_subject_name(req), "CN", cn);
    X509_REQ_set_pubkey(req, subjectKey);
    X509_REQ_sign(req, signingKey, EVP_sha256());
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509_REQ(bio, req);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data); // NOLINT(cppcoreguidelines-pro-type-cstyle-cast)
    std::string text(data, static_cast<std::size_t>(size));
    BIO_free(bio);
    X509_REQ_free(req);
    return text;
}

/// The first certificate of a PEM chain; throws when there is none.
struct X509Free {
    void operator()(X509* c) const { X509_free(c); }
};
inline std::unique_ptr<X509, X509Free> firstCertificate(const std::string& pem) {
    BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (cert == nullptr) {
        throw std::runtime_error("no certificate in the PEM text");
    }
    return std::unique_ptr<X509, X509Free>(cert);
}

} // namespace voltdesk::testing
