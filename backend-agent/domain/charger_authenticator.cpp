#include "domain/charger_authenticator.h"

#include <chrono>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <stdexcept>

namespace voltdesk::domain {

namespace {

constexpr std::size_t kMinKeyBytes = 16;
constexpr std::size_t kMaxKeyBytes = 40;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
// A stored count beyond this is a corrupt row, not a setting: verifying it would stall an I/O thread.
constexpr int kMaxIterations = 10'000'000;

std::string randomBytes(std::size_t count) {
    std::string bytes(count, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(count)) != 1) {
        throw std::runtime_error("no random bytes available from OpenSSL");
    }
    return bytes;
}

std::string pbkdf2(std::string_view key, std::string_view salt, int iterations) {
    std::string out(kHashBytes, '\0');
    if (PKCS5_PBKDF2_HMAC(key.data(), static_cast<int>(key.size()),
                          reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()),
                          iterations, EVP_sha256(), static_cast<int>(out.size()),
                          reinterpret_cast<unsigned char*>(out.data())) != 1) {
        throw std::runtime_error("PBKDF2 failed");
    }
    return out;
}

EpochMs systemNow() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string describe(SecurityProfile profile) {
    switch (profile) {
    case SecurityProfile::None:
        return "no credentials";
    case SecurityProfile::Basic:
        return "profile 1 (Basic authentication over ws://)";
    case SecurityProfile::TlsBasic:
        return "profile 2 (Basic authentication over wss://)";
    case SecurityProfile::TlsClientCertificate:
        return "profile 3 (client certificate over wss://)";
    }
    return "unknown profile";
}

} // namespace

std::optional<SecurityProfile> securityProfileFromInt(int value) {
    if (value < 0 || value > 3) {
        return std::nullopt;
    }
    return static_cast<SecurityProfile>(value);
}

int toInt(SecurityProfile profile) {
    return static_cast<int>(profile);
}

std::optional<std::string> authorizationKeyProblem(std::string_view key) {
    if (key.size() < kMinKeyBytes || key.size() > kMaxKeyBytes) {
        return "an AuthorizationKey has 16 to 40 characters, this one has " + std::to_string(key.size());
    }
    for (const char c : key) {
        if (c < '!' || c > '~') {
            return std::string("an AuthorizationKey consists of printable ASCII characters without spaces");
        }
    }
    return std::nullopt;
}

StoredKey hashAuthorizationKey(std::string_view key, int iterations) {
    StoredKey stored;
    stored.iterations = iterations;
    stored.salt = randomBytes(kSaltBytes);
    stored.hash = pbkdf2(key, stored.salt, iterations);
    return stored;
}

bool verifyAuthorizationKey(const StoredKey& stored, std::string_view key) {
    if (stored.algorithm != kKeyAlgorithm || stored.iterations < 1 || stored.iterations > kMaxIterations ||
        stored.hash.size() != kHashBytes) {
        return false;
    }
    const std::string candidate = pbkdf2(key, stored.salt, stored.iterations);
    return CRYPTO_memcmp(candidate.data(), stored.hash.data(), kHashBytes) == 0;
}

ChargerAuthenticator::ChargerAuthenticator(SecurityEventSink* sink, Clock clock)
    : m_sink(sink), m_clock(clock ? std::move(clock) : Clock(systemNow)) {
    const std::string key = randomBytes(m_macKey.size());
    std::copy(key.begin(), key.end(), m_macKey.begin());
}

void ChargerAuthenticator::load(const std::vector<ChargerCredential>& credentials) {
    std::lock_guard lock(m_mutex);
    m_entries.clear();
    for (const auto& c : credentials) {
        m_entries[c.chargerId] = Entry{c.profile, c.key, m_nextGeneration++, std::nullopt};
    }
}

void ChargerAuthenticator::set(const ChargerCredential& credential) {
    std::lock_guard lock(m_mutex);
    m_entries[credential.chargerId] =
        Entry{credential.profile, credential.key, m_nextGeneration++, std::nullopt};
}

SecurityProfile ChargerAuthenticator::requiredProfile(std::string_view chargerId) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(std::string(chargerId));
    return it == m_entries.end() ? SecurityProfile::None : it->second.profile;
}

ChargerAuthenticator::Mac ChargerAuthenticator::mac(std::string_view password) const {
    Mac out{};
    unsigned int length = 0;
    HMAC(EVP_sha256(), m_macKey.data(), static_cast<int>(m_macKey.size()),
         reinterpret_cast<const unsigned char*>(password.data()), password.size(), out.data(), &length);
    return out;
}

ChargerAuthenticator::PasswordCheck ChargerAuthenticator::checkPassword(const std::string& chargerId,
                                                                        std::string_view password) {
    const Mac presented = mac(password);
    StoredKey key;
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(chargerId);
        if (it == m_entries.end()) {
            return PasswordCheck::NoKey;
        }
        const Entry& entry = it->second;
        if (!entry.key) {
            return PasswordCheck::NoKey;
        }
        if (const std::optional<Mac>& accepted = entry.accepted) {
            return CRYPTO_memcmp(presented.data(), accepted->data(), presented.size()) == 0
                       ? PasswordCheck::Right
                       : PasswordCheck::Wrong;
        }
        key = *entry.key;
        generation = entry.generation;
    }
    // Outside the lock: PBKDF2 takes a while, and other chargers must not wait for it.
    if (!verifyAuthorizationKey(key, password)) {
        return PasswordCheck::Wrong;
    }
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(chargerId);
    if (it != m_entries.end() && it->second.generation == generation) {
        it->second.accepted = presented;
    }
    return PasswordCheck::Right;
}

AuthenticationDecision ChargerAuthenticator::authenticate(const AuthenticationAttempt& attempt) {
    AuthenticationDecision decision;
    decision.required = requiredProfile(attempt.chargerId);
    const auto channel = attempt.tls ? SecurityProfile::TlsBasic : SecurityProfile::Basic;
    if (attempt.tls && attempt.clientCertificateCn) {
        if (*attempt.clientCertificateCn != attempt.chargerId) {
            return refuse(attempt, decision, security_event_type::kClientCertificateMismatch,
                          "client certificate issued to '" + attempt.clientCertificateCn->substr(0, 64) +
                              "' used to connect as this charger",
                          SecuritySeverity::Critical);
        }
        decision.presented = SecurityProfile::TlsClientCertificate;
    } else if (attempt.basic) {
        const bool rightUser = attempt.basic->username == attempt.chargerId;
        switch (rightUser ? checkPassword(attempt.chargerId, attempt.basic->password)
                          : PasswordCheck::Wrong) {
        case PasswordCheck::Right:
            decision.presented = channel;
            break;
        case PasswordCheck::Wrong:
            return refuse(attempt, decision, security_event_type::kFailedAuthentication,
                          rightUser ? "wrong password (AuthorizationKey)"
                                    : "the Basic authentication username is not the charger id",
                          SecuritySeverity::Warning);
        case PasswordCheck::NoKey:
            if (decision.required == SecurityProfile::Basic ||
                decision.required == SecurityProfile::TlsBasic) {
                return refuse(attempt, decision, security_event_type::kFailedAuthentication,
                              "no AuthorizationKey is set for this charger; set one with set-charger-key",
                              SecuritySeverity::Warning);
            }
            // Nothing to check against: the credentials prove nothing, and the profile needs none or a
            // certificate (decided below).
            break;
        }
    }
    if (decision.presented < decision.required) {
        const std::string needs = "the charger needs " + describe(decision.required);
        if (decision.presented == SecurityProfile::None) {
            return refuse(attempt, decision, security_event_type::kMissingCredentials,
                          (attempt.tls ? "no credentials over wss://; " : "no credentials over ws://; ") +
                              needs,
                          SecuritySeverity::Warning);
        }
        return refuse(attempt, decision, security_event_type::kProfileTooLow,
                      "presented " + describe(decision.presented) + "; " + needs, SecuritySeverity::Warning);
    }
    decision.admitted = true;
    return decision;
}

AuthenticationDecision ChargerAuthenticator::refuse(const AuthenticationAttempt& attempt,
                                                    AuthenticationDecision decision, std::string_view type,
                                                    std::string detail, SecuritySeverity severity) {
    decision.admitted = false;
    decision.refusal = std::string(type);
    if (m_sink != nullptr) {
        SecurityEvent event;
        event.chargerId = attempt.chargerId;
        event.type = std::string(type);
        event.detail = std::move(detail);
        event.remoteAddress = attempt.remoteAddress;
        event.severity = severity;
        event.source = SecurityEventSource::Agent;
        event.receivedAt = m_clock();
        m_sink->report(event);
    }
    return decision;
}

} // namespace voltdesk::domain
