// voltdesk-agent's settings: a TOML file (--config) overridden by command-line flags.
#pragma once

#include "app/billing_cli.h"
#include "domain/central_system.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace voltdesk::app {

enum class LogFormat { Text, Json };

struct AgentConfig {
    std::string listenHost = "127.0.0.1";
    std::uint16_t listenPort = 8180; ///< 0: any free port (the "ocpp:" line tells which)
    std::string postgres;            ///< libpq URI; required
    std::string mqtt = "tcp://127.0.0.1:1883";
    std::string agentId = "voltdesk-agent";
    std::string inventoryFile; ///< empty: none
    domain::UnknownChargerPolicy unknownChargers = domain::UnknownChargerPolicy::Accept;
    std::chrono::seconds heartbeatInterval{300};
    int ioThreads = 2;
    std::string logLevel = "info";
    LogFormat logFormat = LogFormat::Text;
    std::chrono::seconds idleTimeout{60};
    std::size_t maxMessageBytes = std::size_t{1024} * 1024;
    std::size_t ocppMaxFrameBytes = std::size_t{64} * 1024;
    std::chrono::milliseconds publishInterval{250};
    /// How often every charger's health is computed and published (app/health_reporter.h).
    std::chrono::seconds healthInterval{60};
    /// How long a charger has to answer a command (a CALL of ours) when the console names no timeout.
    std::chrono::milliseconds callTimeout{30'000};
    /// A charger's CALLs per second, sustained and in a burst; more are refused and logged as a
    /// security event. 0: no limit.
    double callsPerSecond = 50;
    double callBurst = 200;
    /// Every OCPP frame in and out, one JSON line each (app/frame_trace.h); empty: off.
    std::string ocppTraceFile;
    /// wss:// for OCPP security profiles 2 and 3, beside the ws:// listener; off when tlsListenPort is unset.
    std::string tlsListenHost;
    std::optional<std::uint16_t> tlsListenPort; ///< 0: any free port (the "ocpps:" line tells which)
    std::string tlsCertFile;                    ///< PEM: the server certificate, then intermediates
    std::string tlsKeyFile;
    std::string tlsClientCaFile; ///< non-empty: client certificates (profile 3) from these CAs
    bool tlsClientCertRequired = true;
    /// The operator's charger CA, which signs chargers' certificate requests (SignCertificate); off
    /// (requests Rejected) when chargerCaCertFile is empty.
    std::string chargerCaCertFile; ///< PEM: the signing CA's certificate, then its own chain
    std::string chargerCaKeyFile;  ///< PEM: its unencrypted private key
    int chargerCertDays = 365;
    std::string cpoName; ///< non-empty: a CSR's subject O must be this (the chargers' CpoName)
    /// The consoles' users and roles (bus/console_users.h); empty: the role in each command is trusted.
    std::string consoleUsersFile;
    std::string mqttUser;         ///< the agent's broker user name; empty: anonymous
    std::string mqttPasswordFile; ///< its password, the file's first line (never on the command line)
};

/// `voltdesk-agent broker-acl`: prints the Mosquitto ACL file for the users file (bus/broker_acl.h).
struct BrokerAclRequest {
    std::string consoleUsersFile;
    std::string agentUser = "voltdesk-agent";
};

/// `voltdesk-agent set-charger-key`: sets a charger's security profile and, read from stdin, its
/// AuthorizationKey (so the key never appears in a command line or shell history).
struct SetChargerKeyRequest {
    std::string postgres;
    std::string chargerId;
    int profile = 0;
    bool keyFromStdin = false;
    std::string setBy; ///< for the audit column; default "cli:$USER"
};

/// What parsing the command line decided.
struct ConfigResult {
    std::optional<AgentConfig> config;                 ///< set: run with it
    std::optional<SetChargerKeyRequest> setChargerKey; ///< set: run that command instead
    std::optional<BrokerAclRequest> brokerAcl;         ///< set: run that command instead
    std::optional<BillingCliRequest> billing;          ///< set: run that command instead
    int exitCode = 0;   ///< otherwise: exit with this (0 after --help/--version, 2 on error)
    std::string output; ///< otherwise: print this (stdout when exitCode is 0, else stderr)
};

/// Never throws and never prints. The file's keys are the long flag names without "--"
/// (e.g. `unknown-chargers = "pending"`); an unknown key is an error, so a typo is never ignored. A
/// relative inventory or TLS file path in the file is relative to the file.
ConfigResult parseAgentConfig(int argc, const char* const* argv);

/// "host:port" or "[v6]:port" → host and port; nullopt when malformed.
std::optional<std::pair<std::string, std::uint16_t>> parseListenAddress(const std::string& text);

} // namespace voltdesk::app
