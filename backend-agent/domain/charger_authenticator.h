// OCPP 1.6 security profiles on the central system's side: which charger must present what (Basic
// credentials, TLS, a client certificate), and AuthorizationKeys kept only as salted PBKDF2 hashes.
#pragma once

#include "domain/security_event.h"

#include <array>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace voltdesk::domain {

/// OCPP 1.6 Security Whitepaper profiles; None is a charger without any (plain ws://, no credentials).
enum class SecurityProfile : std::uint8_t {
    None = 0,
    Basic = 1,                ///< HTTP Basic authentication over ws://
    TlsBasic = 2,             ///< HTTP Basic authentication over wss:// (server certificate)
    TlsClientCertificate = 3, ///< wss:// with a client certificate whose subject CN is the charger id
};

/// 0..3 → profile; nullopt otherwise.
std::optional<SecurityProfile> securityProfileFromInt(int value);
int toInt(SecurityProfile profile);

inline constexpr std::string_view kKeyAlgorithm = "pbkdf2-sha256";
/// PBKDF2 iterations for new keys. Chosen low on purpose: AuthorizationKeys are machine secrets of at
/// least 16 characters (well over 90 bits when generated as they should be), so stretching adds little
/// against guessing, while every agent restart verifies each charger's key once: 10,000 chargers at
/// about 0.2 ms each is about 2 s of CPU. Stored with each hash, so it can be raised later.
inline constexpr int kDefaultKeyIterations = 2'000;

/// An AuthorizationKey as stored: never the key itself.
struct StoredKey {
    std::string algorithm = std::string(kKeyAlgorithm);
    int iterations = kDefaultKeyIterations;
    std::string salt; ///< raw bytes, 16 for new keys
    std::string hash; ///< raw bytes, 32
};

/// Why key cannot be an AuthorizationKey (16 to 40 printable ASCII characters, no spaces); nullopt
/// when it can.
std::optional<std::string> authorizationKeyProblem(std::string_view key);
/// Salts (16 random bytes) and hashes key with PBKDF2-HMAC-SHA256. Throws std::runtime_error when the
/// system has no randomness to give.
StoredKey hashAuthorizationKey(std::string_view key, int iterations = kDefaultKeyIterations);
/// Compares in constant time. false for an unknown algorithm or an implausible iteration count.
bool verifyAuthorizationKey(const StoredKey& stored, std::string_view key);

/// One charger's security settings as the operator set them.
struct ChargerCredential {
    std::string chargerId;
    SecurityProfile profile = SecurityProfile::None;
    std::optional<StoredKey> key; ///< needed for profiles 1 and 2
};

/// What a connection attempt presented (the transport's findings, in domain terms).
struct AuthenticationAttempt {
    struct Basic {
        std::string username;
        std::string password;
    };
    std::string chargerId;
    std::optional<Basic> basic;
    bool tls = false;
    /// Subject CN of a verified client certificate.
    std::optional<std::string> clientCertificateCn;
    std::string remoteAddress;
};

struct AuthenticationDecision {
    bool admitted = false;
    SecurityProfile required = SecurityProfile::None;
    /// The strongest profile the attempt proved (None when refused for wrong credentials).
    SecurityProfile presented = SecurityProfile::None;
    std::string refusal; ///< when refused: the security event type
};

/// Decides whether a connection attempt satisfies its charger's security profile. A charger may
/// present a higher profile than it needs (an upgrade in progress), never a lower one. A verified
/// client certificate must always name the charger it connects as, and Basic credentials are always
/// checked when the charger has a key, whatever its profile. Chargers without settings are profile None:
/// the inventory and the unknown-charger policy decide about them as before. Every refusal is reported
/// to the sink.
///
/// Thread-safe. PBKDF2 runs at most once per charger and key: an accepted password is remembered as
/// HMAC-SHA256 under a random key of this process, so a reconnecting fleet is checked in microseconds
/// and a wrong password for a remembered charger is refused as fast. The price: anyone who can read
/// this process's memory can test guesses against those MACs without the PBKDF2 cost; they could read
/// the passwords off the wire in the same place anyway.
class ChargerAuthenticator {
public:
    using Clock = std::function<EpochMs()>;

    /// sink may be null (then refusals are only decided, not reported); it must outlive this object.
    explicit ChargerAuthenticator(SecurityEventSink* sink, Clock clock = {});

    /// Replaces every charger's settings (at start, from the store).
    void load(const std::vector<ChargerCredential>& credentials);
    /// Sets one charger's settings; its remembered password is forgotten.
    void set(const ChargerCredential& credential);
    SecurityProfile requiredProfile(std::string_view chargerId) const;

    AuthenticationDecision authenticate(const AuthenticationAttempt& attempt);

private:
    using Mac = std::array<unsigned char, 32>;
    struct Entry {
        SecurityProfile profile = SecurityProfile::None;
        std::optional<StoredKey> key;
        std::uint64_t generation = 0; ///< changes with every set(), so a slow check never caches a stale key
        std::optional<Mac> accepted;  ///< MAC of the password last accepted with this key
    };
    enum class PasswordCheck { Right, Wrong, NoKey };

    PasswordCheck checkPassword(const std::string& chargerId, std::string_view password);
    Mac mac(std::string_view password) const;
    AuthenticationDecision refuse(const AuthenticationAttempt& attempt, AuthenticationDecision decision,
                                  std::string_view type, std::string detail, SecuritySeverity severity);

    SecurityEventSink* const m_sink;
    const Clock m_clock;
    Mac m_macKey{};
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_entries;
    std::uint64_t m_nextGeneration = 1;
};

} // namespace voltdesk::domain
