// How a simulated charger's connection behaves: timeouts and back-off, security profile (Basic auth,
// TLS with the central system's CA, a client certificate), frame trace, and injected faults.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace voltdesk::sim {

struct SecurityOptions {
    /// chargerId -> AuthorizationKey (Basic auth password, security profiles 1 and 2); a charger
    /// without an entry sends no Authorization header unless the central system gave it a key.
    std::map<std::string, std::string, std::less<>> authKeys;
    std::string caFile;     ///< PEM bundle that verifies the central system (wss://); empty: system default
    std::string clientCert; ///< PEM certificate for security profile 3
    std::string clientKey;  ///< its private key
};

struct FaultOptions {
    double corruptFrameRate = 0; ///< share of our frames sent as broken JSON
    double stallReplyRate = 0;   ///< share of the central system's CALLs never answered
};

/// Called for every frame both ways (from the connection's strand, so from io_context threads).
using FrameTrace = std::function<void(std::string_view chargerId, bool outgoing, std::string_view frame)>;

struct ConnectionOptions {
    std::chrono::milliseconds connectTimeout{10'000};
    std::chrono::milliseconds minBackoff{1'000};
    std::chrono::milliseconds maxBackoff{60'000};
    SecurityOptions security;
    FaultOptions faults;
    FrameTrace trace;
};

} // namespace voltdesk::sim
