#include "app/agent_config.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <toml++/toml.hpp>

namespace voltdesk::app {

namespace {

class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Every setting as text, whichever source it came from, so one validation serves both.
struct RawSettings {
    std::map<std::string, std::string> values;
    std::map<std::string, std::string> origin; ///< "--flag" or "FILE: key"
};

const std::set<std::string>& knownKeys() {
    static const std::set<std::string> keys{"listen",
                                            "postgres",
                                            "mqtt",
                                            "agent-id",
                                            "inventory",
                                            "unknown-chargers",
                                            "heartbeat-interval",
                                            "io-threads",
                                            "log-level",
                                            "log-format",
                                            "idle-timeout",
                                            "max-message-bytes",
                                            "ocpp-max-frame-bytes",
                                            "publish-interval-ms",
                                            "health-interval-s",
                                            "call-timeout-ms",
                                            "calls-per-second",
                                            "call-burst",
                                            "ocpp-trace",
                                            "tls-listen",
                                            "tls-cert",
                                            "tls-key",
                                            "tls-client-ca",
                                            "tls-client-cert",
                                            "charger-ca-cert",
                                            "charger-ca-key",
                                            "charger-cert-days",
                                            "cpo-name",
                                            "console-users",
                                            "mqtt-user",
                                            "mqtt-password-file"};
    return keys;
}

void readFile(const std::string& path, RawSettings& raw) {
    toml::table table;
    try {
        table = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        std::ostringstream where;
        where << e.source().begin;
        throw ConfigError("config file " + path + ": " + std::string(e.description()) + " (" + where.str() +
                          ")");
    }
    const auto dir = std::filesystem::path(path).parent_path();
    for (const auto& [key, node] : table) {
        const std::string name(key.str());
        if (knownKeys().count(name) == 0) {
            throw ConfigError(std::string("config file ")
                                  .append(path)
                                  .append(": unknown setting '")
                                  .append(name)
                                  .append("'"));
        }
        std::string value;
        if (const auto* s = node.as_string()) {
            value = s->get();
            const bool isPath = name == "inventory" || name == "tls-cert" || name == "tls-key" ||
                                name == "tls-client-ca" || name == "charger-ca-cert" ||
                                name == "charger-ca-key" || name == "console-users" ||
                                name == "mqtt-password-file";
            if (isPath && !value.empty() && std::filesystem::path(value).is_relative()) {
                value = (dir / value).lexically_normal().string();
            }
        } else if (const auto* i = node.as_integer()) {
            value = std::to_string(i->get());
        } else {
            throw ConfigError(std::string("config file ")
                                  .append(path)
                                  .append(": '")
                                  .append(name)
                                  .append("' must be a string or an integer"));
        }
        raw.values[name] = value;
        raw.origin[name] = std::string("config file ").append(path).append(": ").append(name);
    }
}

long long integer(const RawSettings& raw, const std::string& key, long long low, long long high) {
    const std::string& text = raw.values.at(key);
    long long value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < low || value > high) {
        throw ConfigError(raw.origin.at(key) + ": '" + text + "' is not a whole number from " +
                          std::to_string(low) + " to " + std::to_string(high));
    }
    return value;
}

void validateTls(const RawSettings& raw, AgentConfig& config) {
    const auto has = [&](const char* key) { return raw.values.count(key) > 0; };
    if (!has("tls-listen")) {
        for (const char* key : {"tls-cert", "tls-key", "tls-client-ca", "tls-client-cert"}) {
            if (has(key)) {
                throw ConfigError(raw.origin.at(key) +
                                  ": set tls-listen too, or the TLS listener does not run");
            }
        }
        return;
    }
    const auto address = parseListenAddress(raw.values.at("tls-listen"));
    if (!address) {
        throw ConfigError(raw.origin.at("tls-listen") + ": '" + raw.values.at("tls-listen") +
                          "' is not HOST:PORT (e.g. 0.0.0.0:8443 or [::]:8443)");
    }
    config.tlsListenHost = address->first;
    config.tlsListenPort = address->second;
    if (!has("tls-cert") || !has("tls-key") || raw.values.at("tls-cert").empty() ||
        raw.values.at("tls-key").empty()) {
        throw ConfigError(raw.origin.at("tls-listen") +
                          ": a TLS listener needs tls-cert (certificate chain, PEM) and tls-key (PEM)");
    }
    config.tlsCertFile = raw.values.at("tls-cert");
    config.tlsKeyFile = raw.values.at("tls-key");
    if (has("tls-client-ca")) {
        config.tlsClientCaFile = raw.values.at("tls-client-ca");
    }
    if (has("tls-client-cert")) {
        const std::string& mode = raw.values.at("tls-client-cert");
        if (mode != "required" && mode != "optional") {
            throw ConfigError(raw.origin.at("tls-client-cert") + ": '" + mode +
                              "' is not one of required, optional");
        }
        if (config.tlsClientCaFile.empty()) {
            throw ConfigError(raw.origin.at("tls-client-cert") + ": needs tls-client-ca");
        }
        config.tlsClientCertRequired = mode == "required";
    }
}

void validateChargerCa(const RawSettings& raw, AgentConfig& config) {
    const auto has = [&](const char* key) {
        return raw.values.count(key) > 0 && !raw.values.at(key).empty();
    };
    if (has("charger-ca-cert") != has("charger-ca-key")) {
        const char* given = has("charger-ca-cert") ? "charger-ca-cert" : "charger-ca-key";
        throw ConfigError(raw.origin.at(given) + ": set both charger-ca-cert and charger-ca-key");
    }
    if (has("charger-ca-cert")) {
        config.chargerCaCertFile = raw.values.at("charger-ca-cert");
        config.chargerCaKeyFile = raw.values.at("charger-ca-key");
    }
    if (raw.values.count("charger-cert-days") > 0) {
        config.chargerCertDays = static_cast<int>(integer(raw, "charger-cert-days", 1, 3650));
    }
    if (raw.values.count("cpo-name") > 0) {
        config.cpoName = raw.values.at("cpo-name");
    }
}

void validateBrokerLogin(const RawSettings& raw, AgentConfig& config) {
    const auto value = [&](const char* key) {
        return raw.values.count(key) > 0 ? raw.values.at(key) : std::string();
    };
    config.consoleUsersFile = value("console-users");
    config.mqttUser = value("mqtt-user");
    config.mqttPasswordFile = value("mqtt-password-file");
    if (!config.mqttPasswordFile.empty() && config.mqttUser.empty()) {
        throw ConfigError(raw.origin.at("mqtt-password-file") + ": set mqtt-user too");
    }
}

AgentConfig validate(const RawSettings& raw) {
    AgentConfig config;
    const auto has = [&](const char* key) { return raw.values.count(key) > 0; };
    if (has("listen")) {
        const auto address = parseListenAddress(raw.values.at("listen"));
        if (!address) {
            throw ConfigError(raw.origin.at("listen") + ": '" + raw.values.at("listen") +
                              "' is not HOST:PORT (e.g. 0.0.0.0:8180 or [::]:8180)");
        }
        config.listenHost = address->first;
        config.listenPort = address->second;
    }
    if (has("postgres")) {
        config.postgres = raw.values.at("postgres");
    }
    if (config.postgres.empty()) {
        throw ConfigError(
            "no database given: pass --postgres URI (e.g. postgresql://voltdesk@127.0.0.1:5432/voltdesk) "
            "or set postgres in the config file");
    }
    if (has("mqtt")) {
        config.mqtt = raw.values.at("mqtt");
        static const char* const schemes[] = {"tcp://", "ssl://", "mqtt://", "mqtts://", "ws://", "wss://"};
        if (std::none_of(std::begin(schemes), std::end(schemes),
                         [&](const char* s) { return config.mqtt.rfind(s, 0) == 0; })) {
            throw ConfigError(raw.origin.at("mqtt") + ": '" + config.mqtt +
                              "' is not a broker URI like tcp://HOST:PORT");
        }
    }
    if (has("agent-id")) {
        config.agentId = raw.values.at("agent-id");
        if (config.agentId.empty()) {
            throw ConfigError(raw.origin.at("agent-id") + ": must not be empty");
        }
    }
    if (has("inventory")) {
        config.inventoryFile = raw.values.at("inventory");
    }
    if (has("unknown-chargers")) {
        const auto policy = domain::unknownChargerPolicyFromString(raw.values.at("unknown-chargers"));
        if (!policy) {
            throw ConfigError(raw.origin.at("unknown-chargers") + ": '" + raw.values.at("unknown-chargers") +
                              "' is not one of accept, pending, reject");
        }
        config.unknownChargers = *policy;
    }
    if (has("heartbeat-interval")) {
        config.heartbeatInterval = std::chrono::seconds(integer(raw, "heartbeat-interval", 1, 86'400));
    }
    if (has("io-threads")) {
        config.ioThreads = static_cast<int>(integer(raw, "io-threads", 1, 64));
    }
    if (has("log-level")) {
        config.logLevel = raw.values.at("log-level");
        static const std::set<std::string> levels{"trace", "debug",    "info", "warn",
                                                  "error", "critical", "off"};
        if (levels.count(config.logLevel) == 0) {
            throw ConfigError(raw.origin.at("log-level") + ": '" + config.logLevel +
                              "' is not one of trace, debug, info, warn, error, critical, off");
        }
    }
    if (has("log-format")) {
        const std::string& format = raw.values.at("log-format");
        if (format == "text") {
            config.logFormat = LogFormat::Text;
        } else if (format == "json") {
            config.logFormat = LogFormat::Json;
        } else {
            throw ConfigError(raw.origin.at("log-format") + ": '" + format + "' is not one of text, json");
        }
    }
    if (has("idle-timeout")) {
        config.idleTimeout = std::chrono::seconds(integer(raw, "idle-timeout", 0, 3600));
    }
    if (has("max-message-bytes")) {
        config.maxMessageBytes =
            static_cast<std::size_t>(integer(raw, "max-message-bytes", 1024, 64LL * 1024 * 1024));
    }
    if (has("ocpp-max-frame-bytes")) {
        config.ocppMaxFrameBytes =
            static_cast<std::size_t>(integer(raw, "ocpp-max-frame-bytes", 1024, 64LL * 1024 * 1024));
    }
    if (config.ocppMaxFrameBytes > config.maxMessageBytes) {
        throw ConfigError(
            "ocpp-max-frame-bytes (" + std::to_string(config.ocppMaxFrameBytes) +
            ") must not exceed max-message-bytes (" + std::to_string(config.maxMessageBytes) +
            "): the OCPP limit answers with a CALLERROR, the WebSocket one closes the connection");
    }
    if (has("publish-interval-ms")) {
        config.publishInterval = std::chrono::milliseconds(integer(raw, "publish-interval-ms", 0, 60'000));
    }
    if (has("health-interval-s")) {
        config.healthInterval = std::chrono::seconds(integer(raw, "health-interval-s", 1, 86'400));
    }
    if (has("call-timeout-ms")) {
        config.callTimeout = std::chrono::milliseconds(integer(raw, "call-timeout-ms", 100, 600'000));
    }
    if (has("calls-per-second")) {
        config.callsPerSecond = static_cast<double>(integer(raw, "calls-per-second", 0, 100'000));
    }
    if (has("call-burst")) {
        config.callBurst = static_cast<double>(integer(raw, "call-burst", 1, 1'000'000));
    }
    if (has("ocpp-trace")) {
        config.ocppTraceFile = raw.values.at("ocpp-trace");
    }
    validateTls(raw, config);
    validateChargerCa(raw, config);
    validateBrokerLogin(raw, config);
    return config;
}

} // namespace

std::optional<std::pair<std::string, std::uint16_t>> parseListenAddress(const std::string& text) {
    std::string host;
    std::string port;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') {
            return std::nullopt;
        }
        host = text.substr(1, close - 1);
        port = text.substr(close + 2);
    } else {
        const auto colon = text.rfind(':');
        if (colon == std::string::npos || text.find(':') != colon) {
            return std::nullopt;
        }
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
    }
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (host.empty() || port.empty() || ec != std::errc() || end != port.data() + port.size() ||
        value > 65535) {
        return std::nullopt;
    }
    return std::make_pair(host, static_cast<std::uint16_t>(value));
}

ConfigResult parseAgentConfig(int argc, const char* const* argv) {
    CLI::App cli{"voltdesk-agent: the OCPP 1.6J central system of a Voltdesk charging network.\n"
                 "Chargers connect to ws://HOST:PORT/ocpp/{chargePointId}; the fleet is kept in PostgreSQL\n"
                 "and published to the consoles over MQTT. Flags override the settings of --config FILE,\n"
                 "whose keys are the flag names without \"--\".",
                 "voltdesk-agent"};
    cli.set_version_flag("--version", std::string(VOLTDESK_VERSION));
    std::string configFile;
    cli.add_option("--config", configFile, "TOML file with settings; flags given here override it")
        ->check(CLI::ExistingFile)
        ->type_name("FILE");
    std::map<std::string, std::string> flags;
    const auto flag = [&](const std::string& name, const std::string& type, const std::string& help) {
        cli.add_option_function<std::string>(
               "--" + name, [&flags, name](const std::string& v) { flags[name] = v; }, help)
            ->type_name(type);
    };
    flag("listen", "HOST:PORT",
         "HOST:PORT for chargers (default 127.0.0.1:8180; 0.0.0.0:8180 for all interfaces)");
    flag("postgres", "URI",
         "PostgreSQL libpq URI, e.g. postgresql://voltdesk@127.0.0.1:5432/voltdesk (required)");
    flag("mqtt", "URI", "MQTT broker, tcp://HOST:PORT (default tcp://127.0.0.1:1883)");
    flag("agent-id", "NAME", "this agent's name in MQTT topics and presence (default voltdesk-agent)");
    flag("inventory", "FILE", "fleet inventory JSON (sites, chargers, locations) imported at start");
    flag("unknown-chargers", "POLICY",
         "chargers not in the inventory: accept (default), pending, or reject (HTTP 404)");
    flag("heartbeat-interval", "SECONDS", "seconds, given to chargers at boot (default 300)");
    flag("io-threads", "N", "threads serving charger connections (default 2)");
    flag("log-level", "LEVEL", "trace, debug, info (default), warn, error, critical, off");
    flag("log-format", "FORMAT", "text (default; key=value) or json (one JSON object per line)");
    flag("idle-timeout", "SECONDS",
         "seconds without data before a WebSocket ping; dead after twice this (default 60; 0 off)");
    flag("max-message-bytes", "BYTES",
         "WebSocket message limit; larger closes the connection with 1009 (default 1048576)");
    flag("ocpp-max-frame-bytes", "BYTES",
         "OCPP frame limit; larger gets a CALLERROR and the connection stays (default 65536)");
    flag("publish-interval-ms", "MS",
         "at most one MQTT state message per charger per interval (default 250)");
    flag("health-interval-s", "SECONDS", "how often every charger's health is published (default 60)");
    flag("call-timeout-ms", "MS", "how long a charger has to answer a command (default 30000)");
    flag("calls-per-second", "N",
         "a charger's CALLs per second before they are refused and logged as a security event (default 50; 0 "
         "no limit)");
    flag("call-burst", "N", "CALLs a charger may send at once above calls-per-second (default 200)");
    flag("ocpp-trace", "FILE", "append every OCPP frame in and out to FILE, one JSON line each (debugging)");
    flag("tls-listen", "HOST:PORT",
         "also listen for wss:// (OCPP security profiles 2 and 3), e.g. 0.0.0.0:8443; needs tls-cert, "
         "tls-key");
    flag("tls-cert", "FILE", "server certificate chain (PEM), server certificate first");
    flag("tls-key", "FILE", "private key of tls-cert (PEM)");
    flag("tls-client-ca", "FILE",
         "CA certificates (PEM) whose client certificates are accepted (security profile 3)");
    flag("tls-client-cert", "MODE",
         "required (default: no handshake without a client certificate) or optional (profile 2 and 3 "
         "chargers share the port)");
    flag("charger-ca-cert", "FILE",
         "CA certificate (PEM, then its chain) that signs chargers' certificate requests (SignCertificate); "
         "without it they are Rejected");
    flag("charger-ca-key", "FILE", "unencrypted private key of charger-ca-cert (PEM)");
    flag("charger-cert-days", "DAYS", "validity of the chargers' certificates it signs (default 365)");
    flag("cpo-name", "NAME",
         "if set, a certificate request's subject O must be this (the chargers' CpoName)");
    flag("console-users", "FILE",
         "the consoles' users and roles (JSON); a command's role is then the file's for the broker user in "
         "its topic, and every user's profile is published. Without it the role in the command is trusted");
    flag("mqtt-user", "NAME", "the agent's broker user name (default: anonymous)");
    flag("mqtt-password-file", "FILE", "file whose first line is the agent's broker password");

    SetChargerKeyRequest keyRequest;
    auto* setKey = cli.add_subcommand(
        "set-charger-key",
        "Set a charger's OCPP security profile (0 none, 1 Basic auth over ws://, 2 Basic auth over wss://, "
        "3 client certificate) and, with --key-stdin, its AuthorizationKey (16-40 printable ASCII "
        "characters, read from the first line of stdin and stored only as a salted hash). The database "
        "comes from --postgres or --config. A running agent applies it at its next start.");
    setKey->add_option("--charger", keyRequest.chargerId, "charge point id")->required()->type_name("ID");
    setKey->add_option("--profile", keyRequest.profile, "security profile 0-3")
        ->required()
        ->check(CLI::Range(0, 3))
        ->type_name("N");
    setKey->add_flag("--key-stdin", keyRequest.keyFromStdin, "read the AuthorizationKey from stdin");
    setKey->add_option("--set-by", keyRequest.setBy, "who sets it, for the audit (default cli:$USER)")
        ->type_name("NAME");
    std::string keyPostgres;
    setKey->add_option("--postgres", keyPostgres, "PostgreSQL libpq URI")->type_name("URI");

    BrokerAclRequest aclRequest;
    auto* brokerAcl = cli.add_subcommand(
        "broker-acl",
        "Print the Mosquitto acl_file that enforces the command policy for the console users of FILE: each "
        "user publishes only the commands its role may send, under its own name, and reads the network's "
        "state and its own topics; the agent user reads and writes everything under voltdesk/v1/.");
    brokerAcl->add_option("--console-users", aclRequest.consoleUsersFile, "the console users file (JSON)")
        ->required()
        ->check(CLI::ExistingFile)
        ->type_name("FILE");
    brokerAcl
        ->add_option("--agent-user", aclRequest.agentUser, "the agent's broker user (default voltdesk-agent)")
        ->type_name("NAME");

    BillingCliRequest billingRequest;
    auto* billing = cli.add_subcommand("billing", "Batch exports of charge detail records from the database");
    billing->require_subcommand(1);
    const auto billingOptions = [&](CLI::App* sub) {
        sub->add_option("--postgres", billingRequest.postgres, "PostgreSQL libpq URI")
            ->required()
            ->type_name("URI");
        sub->add_option("--from", billingRequest.from, "first day (YYYY-MM-DD, UTC) or ISO 8601 instant")
            ->required()
            ->type_name("DATE");
        sub->add_option("--to", billingRequest.to,
                        "last day, included (YYYY-MM-DD, UTC) or instant, excluded")
            ->required()
            ->type_name("DATE");
        sub->add_option("--site", billingRequest.siteId, "only this site")->type_name("SITE");
        sub->add_option("--customer-group", billingRequest.customerGroup,
                        "only this customer group (parent id tag)")
            ->type_name("GROUP");
    };
    auto* billingCdrs = billing->add_subcommand(
        "cdrs",
        "Print the records of sessions that stopped in the range, one JSON object a line (the version "
        "in force of each; --all-versions for every version)");
    billingOptions(billingCdrs);
    billingCdrs->add_flag("--all-versions", billingRequest.allVersions, "every version of each record");
    auto* billingSettlement = billing->add_subcommand(
        "settlement",
        "Write the settlement CSV (UTF-8 with BOM, CRLF, amounts in the major unit) of the sessions "
        "that stopped in the range");
    billingOptions(billingSettlement);
    billingSettlement->add_option("--csv", billingRequest.csvFile, "the CSV file to write (- for stdout)")
        ->required()
        ->type_name("FILE");

    ConfigResult result;
    try {
        cli.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        result.output = cli.help();
        return result;
    } catch (const CLI::CallForVersion&) {
        result.output = std::string("voltdesk-agent ") + VOLTDESK_VERSION + "\n";
        return result;
    } catch (const CLI::ParseError& e) {
        result.exitCode = 2;
        result.output = std::string("voltdesk-agent: ") + e.what() + "\nRun with --help for the settings.\n";
        return result;
    }
    if (brokerAcl->parsed()) {
        result.brokerAcl = aclRequest;
        return result;
    }
    if (billing->parsed()) {
        billingRequest.mode = billingSettlement->parsed() ? "settlement" : "cdrs";
        result.billing = billingRequest;
        return result;
    }
    try {
        RawSettings raw;
        if (!configFile.empty()) {
            readFile(configFile, raw);
        }
        for (const auto& [name, value] : flags) {
            raw.values[name] = value;
            raw.origin[name] = "--" + name;
        }
        if (setKey->parsed()) {
            keyRequest.postgres = !keyPostgres.empty()               ? keyPostgres
                                  : raw.values.count("postgres") > 0 ? raw.values.at("postgres")
                                                                     : std::string();
            if (keyRequest.postgres.empty()) {
                throw ConfigError("set-charger-key: no database given: pass --postgres URI or --config FILE");
            }
            if (keyRequest.setBy.empty()) {
                const char* user = std::getenv("USER"); // NOLINT(concurrency-mt-unsafe): before any thread
                keyRequest.setBy = std::string("cli:") + (user != nullptr ? user : "unknown");
            }
            result.setChargerKey = keyRequest;
            return result;
        }
        result.config = validate(raw);
    } catch (const ConfigError& e) {
        result.exitCode = 2;
        result.output = std::string("voltdesk-agent: ") + e.what() + "\n";
    }
    return result;
}

} // namespace voltdesk::app
