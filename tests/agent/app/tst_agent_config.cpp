// voltdesk-agent's settings (file, flags, precedence, errors, --help) and its log line formats.
#include "app/agent_config.h"
#include "app/logging.h"

#include <QtTest>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace voltdesk::app;

namespace {

ConfigResult parse(std::vector<std::string> args) {
    args.insert(args.begin(), "voltdesk-agent");
    std::vector<const char*> argv;
    for (const auto& a : args) {
        argv.push_back(a.c_str());
    }
    return parseAgentConfig(static_cast<int>(argv.size()), argv.data());
}

} // namespace

class TestAgentConfig : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::string writeFile(const char* name, const std::string& text) {
        const std::string path = m_dir.filePath(name).toStdString();
        std::ofstream(path) << text;
        return path;
    }

private slots:
    void defaults() {
        const auto result = parse({"--postgres", "postgresql://db/voltdesk"});
        QVERIFY2(result.config, result.output.c_str());
        const auto& c = *result.config;
        QCOMPARE(c.listenHost, std::string("127.0.0.1"));
        QCOMPARE(c.listenPort, std::uint16_t(8180));
        QCOMPARE(c.mqtt, std::string("tcp://127.0.0.1:1883"));
        QVERIFY(c.unknownChargers == voltdesk::domain::UnknownChargerPolicy::Accept);
        QCOMPARE(c.heartbeatInterval.count(), 300LL);
        QCOMPARE(c.ioThreads, 2);
        QVERIFY(c.logFormat == LogFormat::Text);
        QCOMPARE(c.maxMessageBytes, std::size_t(1024 * 1024));
        QCOMPARE(c.publishInterval.count(), 250LL);
    }

    void everyFlag() {
        const auto result = parse({"--listen",
                                   "[::]:9000",
                                   "--postgres",
                                   "postgresql://x",
                                   "--mqtt",
                                   "tcp://broker:1884",
                                   "--agent-id",
                                   "north-1",
                                   "--inventory",
                                   "/tmp/fleet.json",
                                   "--unknown-chargers",
                                   "reject",
                                   "--heartbeat-interval",
                                   "60",
                                   "--io-threads",
                                   "4",
                                   "--log-level",
                                   "debug",
                                   "--log-format",
                                   "json",
                                   "--idle-timeout",
                                   "0",
                                   "--max-message-bytes",
                                   "200000",
                                   "--ocpp-max-frame-bytes",
                                   "100000",
                                   "--publish-interval-ms",
                                   "0"});
        QVERIFY2(result.config, result.output.c_str());
        const auto& c = *result.config;
        QCOMPARE(c.listenHost, std::string("::"));
        QCOMPARE(c.listenPort, std::uint16_t(9000));
        QCOMPARE(c.mqtt, std::string("tcp://broker:1884"));
        QCOMPARE(c.agentId, std::string("north-1"));
        QCOMPARE(c.inventoryFile, std::string("/tmp/fleet.json"));
        QVERIFY(c.unknownChargers == voltdesk::domain::UnknownChargerPolicy::Reject);
        QCOMPARE(c.heartbeatInterval.count(), 60LL);
        QCOMPARE(c.ioThreads, 4);
        QCOMPARE(c.logLevel, std::string("debug"));
        QVERIFY(c.logFormat == LogFormat::Json);
        QCOMPARE(c.idleTimeout.count(), 0LL);
        QCOMPARE(c.maxMessageBytes, std::size_t(200000));
        QCOMPARE(c.ocppMaxFrameBytes, std::size_t(100000));
        QCOMPARE(c.publishInterval.count(), 0LL);
    }

    void fileThenFlagsOverride() {
        const auto path = writeFile("agent.toml", "listen = \"0.0.0.0:8200\"\n"
                                                  "postgres = \"postgresql://file/db\"\n"
                                                  "unknown-chargers = \"pending\"\n"
                                                  "heartbeat-interval = 120\n"
                                                  "inventory = \"fleet/inventory.json\"\n");
        const auto result = parse({"--config", path, "--heartbeat-interval", "30"});
        QVERIFY2(result.config, result.output.c_str());
        const auto& c = *result.config;
        QCOMPARE(c.listenHost, std::string("0.0.0.0"));
        QCOMPARE(c.listenPort, std::uint16_t(8200));
        QCOMPARE(c.postgres, std::string("postgresql://file/db"));
        QVERIFY(c.unknownChargers == voltdesk::domain::UnknownChargerPolicy::Pending);
        QCOMPARE(c.heartbeatInterval.count(), 30LL); // the flag wins
        // Relative to the file, not to wherever the agent was started.
        QCOMPARE(QString::fromStdString(c.inventoryFile), m_dir.filePath("fleet/inventory.json"));
    }

    void errors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no database") << QStringList{} << "no database given: pass --postgres";
        QTest::newRow("policy") << QStringList{"--postgres", "x", "--unknown-chargers", "maybe"}
                                << "--unknown-chargers: 'maybe' is not one of accept, pending, reject";
        QTest::newRow("listen") << QStringList{"--postgres", "x", "--listen", "8180"}
                                << "--listen: '8180' is not HOST:PORT";
        QTest::newRow("port") << QStringList{"--postgres", "x", "--listen", "h:70000"}
                              << "--listen: 'h:70000'";
        QTest::newRow("heartbeat") << QStringList{"--postgres", "x", "--heartbeat-interval", "5m"}
                                   << "--heartbeat-interval: '5m' is not a whole number from 1 to 86400";
        QTest::newRow("threads") << QStringList{"--postgres", "x", "--io-threads", "0"}
                                 << "--io-threads: '0'";
        QTest::newRow("level") << QStringList{"--postgres", "x", "--log-level", "loud"}
                               << "--log-level: 'loud'";
        QTest::newRow("format") << QStringList{"--postgres", "x", "--log-format", "xml"}
                                << "--log-format: 'xml'";
        QTest::newRow("mqtt") << QStringList{"--postgres", "x", "--mqtt", "broker:1883"}
                              << "--mqtt: 'broker:1883'";
        QTest::newRow("limits")
            << QStringList{"--postgres", "x", "--max-message-bytes", "2000", "--ocpp-max-frame-bytes", "4000"}
            << "ocpp-max-frame-bytes (4000) must not exceed max-message-bytes (2000)";
        QTest::newRow("unknown flag") << QStringList{"--postgres", "x", "--colour"} << "--colour";
        QTest::newRow("missing file")
            << QStringList{"--config", "/nonexistent/agent.toml"} << "/nonexistent/agent.toml";
    }
    void errors() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        std::vector<std::string> list;
        for (const auto& a : args) {
            list.push_back(a.toStdString());
        }
        const auto result = parse(list);
        QVERIFY(!result.config);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(QString::fromStdString(result.output).contains(message), result.output.c_str());
        QVERIFY(QString::fromStdString(result.output).startsWith("voltdesk-agent: "));
    }

    void fileErrorsNameTheFileAndKey() {
        const auto typo = writeFile("typo.toml", "postgres = \"x\"\nlisten_adress = \"0.0.0.0:1\"\n");
        auto result = parse({"--config", typo});
        QVERIFY(!result.config);
        QVERIFY2(QString::fromStdString(result.output).contains("unknown setting 'listen_adress'"),
                 result.output.c_str());

        const auto broken = writeFile("broken.toml", "postgres = \"x\nlisten = 1\n");
        result = parse({"--config", broken});
        QVERIFY(!result.config);
        QVERIFY2(QString::fromStdString(result.output).contains("broken.toml") &&
                     QString::fromStdString(result.output).contains("line 1"),
                 result.output.c_str());

        const auto wrongType = writeFile("type.toml", "postgres = \"x\"\nio-threads = 2.5\n");
        result = parse({"--config", wrongType});
        QVERIFY(!result.config);
        QVERIFY2(
            QString::fromStdString(result.output).contains("'io-threads' must be a string or an integer"),
            result.output.c_str());

        const auto badValue = writeFile("value.toml", "postgres = \"x\"\nio-threads = 100\n");
        result = parse({"--config", badValue});
        QVERIFY2(QString::fromStdString(result.output).contains("value.toml: io-threads: '100'"),
                 result.output.c_str());
    }

    void tlsListener() {
        const auto none = parse({"--postgres", "x"});
        QVERIFY(none.config && !none.config->tlsListenPort);
        const auto path = writeFile("tls.toml", "postgres = \"x\"\n"
                                                "tls-listen = \"0.0.0.0:8443\"\n"
                                                "tls-cert = \"tls/server.pem\"\n"
                                                "tls-key = \"/etc/voltdesk/server.key\"\n"
                                                "tls-client-ca = \"tls/ca.pem\"\n"
                                                "tls-client-cert = \"optional\"\n");
        const auto result = parse({"--config", path});
        QVERIFY2(result.config, result.output.c_str());
        const auto& c = *result.config;
        QCOMPARE(c.tlsListenHost, std::string("0.0.0.0"));
        QCOMPARE(c.tlsListenPort.value_or(0), std::uint16_t(8443));
        QCOMPARE(QString::fromStdString(c.tlsCertFile), m_dir.filePath("tls/server.pem"));
        QCOMPARE(c.tlsKeyFile, std::string("/etc/voltdesk/server.key"));
        QCOMPARE(QString::fromStdString(c.tlsClientCaFile), m_dir.filePath("tls/ca.pem"));
        QVERIFY(!c.tlsClientCertRequired);
        const auto flags = parse({"--postgres", "x", "--tls-listen", "127.0.0.1:0", "--tls-cert", "a.pem",
                                  "--tls-key", "a.key", "--tls-client-ca", "ca.pem"});
        QVERIFY2(flags.config, flags.output.c_str());
        QVERIFY(flags.config->tlsClientCertRequired);
        QCOMPARE(flags.config->tlsCertFile, std::string("a.pem"));
    }

    void chargerCa() {
        const auto none = parse({"--postgres", "x"});
        QVERIFY(none.config && none.config->chargerCaCertFile.empty());
        QCOMPARE(none.config->chargerCertDays, 365);
        const auto path = writeFile("ca.toml", "postgres = \"x\"\n"
                                               "charger-ca-cert = \"pki/charger-ca.pem\"\n"
                                               "charger-ca-key = \"/etc/voltdesk/charger-ca.key\"\n"
                                               "charger-cert-days = 730\n"
                                               "cpo-name = \"Voltdesk\"\n");
        const auto result = parse({"--config", path});
        QVERIFY2(result.config, result.output.c_str());
        QCOMPARE(QString::fromStdString(result.config->chargerCaCertFile),
                 m_dir.filePath("pki/charger-ca.pem"));
        QCOMPARE(result.config->chargerCaKeyFile, std::string("/etc/voltdesk/charger-ca.key"));
        QCOMPARE(result.config->chargerCertDays, 730);
        QCOMPARE(result.config->cpoName, std::string("Voltdesk"));
        const auto certOnly = parse({"--postgres", "x", "--charger-ca-cert", "ca.pem"});
        QVERIFY(!certOnly.config);
        QVERIFY2(certOnly.output.find("--charger-ca-cert: set both charger-ca-cert and charger-ca-key") !=
                     std::string::npos,
                 certOnly.output.c_str());
        const auto days = parse({"--postgres", "x", "--charger-cert-days", "0"});
        QVERIFY(!days.config);
        QVERIFY2(days.output.find("--charger-cert-days: '0' is not a whole number from 1 to 3650") !=
                     std::string::npos,
                 days.output.c_str());
    }

    void tlsErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("cert without listener")
            << QStringList{"--postgres", "x", "--tls-cert", "a.pem"} << "--tls-cert: set tls-listen too";
        QTest::newRow("listener without key")
            << QStringList{"--postgres", "x", "--tls-listen", "0.0.0.0:8443", "--tls-cert", "a.pem"}
            << "needs tls-cert (certificate chain, PEM) and tls-key";
        QTest::newRow("bad address") << QStringList{"--postgres", "x", "--tls-listen", "8443"}
                                     << "--tls-listen: '8443' is not HOST:PORT";
        QTest::newRow("client cert mode")
            << QStringList{"--postgres", "x", "--tls-listen",    "h:1", "--tls-cert",        "a",
                           "--tls-key",  "b", "--tls-client-ca", "c",   "--tls-client-cert", "sometimes"}
            << "'sometimes' is not one of required, optional";
        QTest::newRow("client cert without CA")
            << QStringList{"--postgres", "x", "--tls-listen",      "h:1",     "--tls-cert", "a",
                           "--tls-key",  "b", "--tls-client-cert", "optional"}
            << "--tls-client-cert: needs tls-client-ca";
    }
    void tlsErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        std::vector<std::string> list;
        for (const auto& a : args) {
            list.push_back(a.toStdString());
        }
        const auto result = parse(list);
        QVERIFY(!result.config);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(QString::fromStdString(result.output).contains(message), result.output.c_str());
    }

    void setChargerKeySubcommand() {
        const auto result = parse({"set-charger-key", "--postgres", "postgresql://db/v", "--charger", "CP 7",
                                   "--profile", "2", "--key-stdin"});
        QVERIFY(!result.config);
        QVERIFY2(result.setChargerKey, result.output.c_str());
        QCOMPARE(result.setChargerKey->postgres, std::string("postgresql://db/v"));
        QCOMPARE(result.setChargerKey->chargerId, std::string("CP 7"));
        QCOMPARE(result.setChargerKey->profile, 2);
        QVERIFY(result.setChargerKey->keyFromStdin);
        QVERIFY(result.setChargerKey->setBy.rfind("cli:", 0) == 0);
        // The database may come from the agent's config file.
        const auto path = writeFile("key.toml", "postgres = \"postgresql://file/db\"\n");
        const auto fromFile = parse(
            {"--config", path, "set-charger-key", "--charger", "CP1", "--profile", "3", "--set-by", "alice"});
        QVERIFY2(fromFile.setChargerKey, fromFile.output.c_str());
        QCOMPARE(fromFile.setChargerKey->postgres, std::string("postgresql://file/db"));
        QCOMPARE(fromFile.setChargerKey->setBy, std::string("alice"));
        QVERIFY(!fromFile.setChargerKey->keyFromStdin);
        const auto badProfile =
            parse({"set-charger-key", "--postgres", "x", "--charger", "CP1", "--profile", "4"});
        QVERIFY(!badProfile.setChargerKey);
        QCOMPARE(badProfile.exitCode, 2);
        const auto noDatabase = parse({"set-charger-key", "--charger", "CP1", "--profile", "1"});
        QVERIFY(!noDatabase.setChargerKey);
        QCOMPARE(noDatabase.exitCode, 2);
        const auto help = parse({"set-charger-key", "--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.output.find("--key-stdin") != std::string::npos, help.output.c_str());
    }

    void shippedExampleFileParses() {
        const std::string path =
            qEnvironmentVariable("VOLTDESK_SOURCE_DIR").toStdString() + "/installer/voltdesk-agent.toml";
        const auto result = parse({"--config", path});
        QVERIFY2(result.config, result.output.c_str());
        QCOMPARE(result.config->listenHost, std::string("0.0.0.0"));
        QVERIFY(result.config->logFormat == LogFormat::Json);
        QCOMPARE(result.config->inventoryFile, std::string("/etc/voltdesk/inventory.json"));
    }

    void helpListsEveryFlag() {
        const auto result = parse({"--help"});
        QVERIFY(!result.config);
        QCOMPARE(result.exitCode, 0);
        for (const char* flag :
             {"--config", "--listen", "--postgres", "--mqtt", "--agent-id", "--inventory",
              "--unknown-chargers", "--heartbeat-interval", "--io-threads", "--log-level", "--log-format"}) {
            QVERIFY2(QString::fromStdString(result.output).contains(flag), flag);
        }
    }

    void listenAddresses() {
        QCOMPARE(parseListenAddress("127.0.0.1:8180")->second, std::uint16_t(8180));
        QCOMPARE(parseListenAddress("[::1]:0")->first, std::string("::1"));
        QCOMPARE(parseListenAddress("localhost:1")->first, std::string("localhost"));
        QVERIFY(!parseListenAddress("::1:8180"));
        QVERIFY(!parseListenAddress(":8180"));
        QVERIFY(!parseListenAddress("host:"));
        QVERIFY(!parseListenAddress("host:-1"));
    }

    void logLineSplitsKeyValues() {
        const auto line =
            splitLogLine("transport: refused charger=CP 1 remote=10.0.0.1:5 reason=\"not admitted\"");
        QCOMPARE(line.text, std::string("transport: refused"));
        QCOMPARE(line.fields.size(), std::size_t(3));
        QCOMPARE(line.fields[0].first, std::string("charger"));
        QCOMPARE(line.fields[0].second, std::string("CP 1")); // an unquoted value runs to the next key
        QCOMPARE(line.fields[1].second, std::string("10.0.0.1:5"));
        QCOMPARE(line.fields[2].second, std::string("not admitted"));

        const auto plain = splitLogLine("bus: connected to tcp://h:1");
        QCOMPARE(plain.text, std::string("bus: connected to tcp://h:1"));
        QVERIFY(plain.fields.empty());

        const auto quoted = splitLogLine("x: y error=\"a b=c\" n=1");
        QCOMPARE(quoted.fields.size(), std::size_t(2));
        QCOMPARE(quoted.fields[0].second, std::string("a b=c"));
        QCOMPARE(quoted.fields[1].second, std::string("1"));
    }

    void jsonLogLineIsOneValidObject() {
        const auto text = jsonLogLine("2026-01-01T00:00:00.000Z", "info",
                                      "store: applied schema migration version=1 name=initial_schema");
        QVERIFY(text.find('\n') == std::string::npos);
        const auto json = nlohmann::json::parse(text);
        QCOMPARE(json["level"].get<std::string>(), std::string("info"));
        QCOMPARE(json["msg"].get<std::string>(), std::string("store: applied schema migration"));
        QCOMPARE(json["version"].get<std::string>(), std::string("1"));
        QCOMPARE(json["name"].get<std::string>(), std::string("initial_schema"));
        // Invalid UTF-8 from a charger cannot break the line.
        QVERIFY(nlohmann::json::accept(jsonLogLine("t", "warn", "x: y charger=\xFF\xFE")));
    }
};

QTEST_GUILESS_MAIN(TestAgentConfig)
#include "tst_agent_config.moc"
