#include "app/agent.h"

#include "app/billing_commands.h"
#include "app/billing_service.h"
#include "app/broker_login.h"
#include "app/central_system_commands.h"
#include "app/charger_history_commands.h"
#include "app/charger_security.h"
#include "app/command_audit_observer.h"
#include "app/connection_registry.h"
#include "app/frame_trace.h"
#include "app/health_reporter.h"
#include "app/ocpp_connection_handler.h"
#include "app/session_tracker.h"
#include "app/state_restore.h"
#include "app/telemetry_publisher.h"
#include "bus/bus_publisher.h"
#include "bus/command_server.h"
#include "contract/inventory.h"
#include "domain/central_system.h"
#include "domain/certificate_signer.h"
#include "domain/id_tag_registry.h"
#include "domain/transaction_service.h"
#include "store/charger_history_query.h"
#include "store/command_audit_log.h"
#include "store/id_tag_store.h"
#include "store/pg_transaction_ledger.h"
#include "store/security_event_writer.h"
#include "store/store.h"
#include "store/store_writer.h"
#include "transport/ws_server.h"

#include <fstream>
#include <spdlog/spdlog.h>
#include <sstream>

namespace voltdesk::app {

namespace {

contract::Inventory readInventory(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        throw AgentError("cannot read the inventory file " + path);
    }
    std::ostringstream text;
    text << file.rdbuf();
    auto decoded = contract::decodeInventory(text.str());
    if (!decoded) {
        throw AgentError("the inventory file " + path + " is invalid: " + decoded.error());
    }
    return std::move(decoded).value();
}

} // namespace

Agent::Agent(AgentConfig config) : m_config(std::move(config)) {}

Agent::~Agent() {
    stop();
}

void Agent::start() {
    const contract::EpochMs startedAt = contract::nowMs();
    contract::Inventory inventory;
    if (!m_config.inventoryFile.empty()) {
        inventory = readInventory(m_config.inventoryFile);
    }

    std::vector<contract::ChargerState> stored;
    std::vector<domain::IdTag> idTags;
    try {
        store::Store db(m_config.postgres);
        const auto report = db.migrate();
        spdlog::info("store: schema ready version={} applied={}", report.toVersion, report.applied.size());
        if (!m_config.inventoryFile.empty()) {
            db.importInventory(inventory);
        }
        stored = db.loadChargerStates();
        idTags = store::IdTagStore(m_config.postgres).loadAll();
    } catch (const store::StoreError& e) {
        throw AgentError(e.what());
    } catch (const std::exception& e) {
        throw AgentError(std::string("database error: ") + e.what());
    }

    m_fleet = std::make_unique<domain::CentralSystem>(m_config.unknownChargers, m_config.heartbeatInterval);
    m_fleet->loadInventory(inventory);
    const auto restored = restoreFleet(*m_fleet, stored);
    spdlog::info("agent: fleet ready sites={} inventory_chargers={} restored_chargers={} unknown_chargers={}",
                 inventory.sites.size(), inventory.chargers.size(), restored,
                 domain::toString(m_config.unknownChargers));

    m_writer = std::make_unique<store::StoreWriter>(m_config.postgres);
    m_writer->start();

    m_idTags = std::make_unique<domain::IdTagRegistry>();
    m_idTags->load(idTags);
    m_ledger = std::make_unique<store::PgTransactionLedger>(m_config.postgres);
    m_transactions = std::make_unique<domain::TransactionService>(*m_idTags, *m_ledger);
    m_sessions = std::make_unique<SessionTracker>(*m_fleet);
    try {
        const auto open = m_ledger->activeTransactions();
        m_transactions->loadActive(open);
        m_sessions->restore(open); // before the writer listens: nothing to write back
    } catch (const std::exception& e) {
        throw AgentError(std::string("cannot read the open transactions: ") + e.what());
    }
    m_fleet->addListener(m_writer.get());
    m_transactions->addObserver(m_sessions.get());
    spdlog::info("agent: transactions ready id_tags={} open_transactions={}", idTags.size(),
                 m_transactions->active().size());
    m_securityEvents = std::make_unique<store::SecurityEventWriter>(m_config.postgres);
    m_securityEvents->start();
    m_security = std::make_unique<ChargerSecurity>(*m_fleet, m_securityEvents.get());
    try {
        m_security->load(m_config.postgres);
    } catch (const std::exception& e) {
        throw AgentError(std::string("cannot read the chargers' security settings: ") + e.what());
    }
    try {
        m_certificateSigner = makeCertificateSigner(m_config);
    } catch (const std::exception& e) {
        throw AgentError(std::string("charger CA: ") + e.what());
    }
    m_audit = std::make_unique<store::CommandAuditLog>(m_config.postgres);
    m_auditObserver = std::make_unique<CommandAuditObserver>(*m_audit);
    m_trace = std::make_unique<FrameTrace>(m_config.ocppTraceFile);
    m_registry = std::make_unique<ConnectionRegistry>();
    m_centralCommands = std::make_unique<CentralSystemCommands>(
        *m_registry, *m_idTags,
        [security = m_security.get(), uri = m_config.postgres](
            const std::string& chargerId, const std::string& key, const std::string& value) {
            applySecuritySetting(*security, uri, chargerId, key, value);
        },
        CentralSystemCommands::IdTagPersistence{[uri = m_config.postgres](const domain::IdTag& tag) {
                                                    store::IdTagStore(uri).upsert(tag, "console");
                                                },
                                                [uri = m_config.postgres](const std::string& idTag) {
                                                    return store::IdTagStore(uri).remove(idTag);
                                                }});
    // The history worker has its own connection: a console's query never waits behind the writers,
    // nor they behind it.
    m_history = std::make_unique<ChargerHistoryCommands>(
        *m_centralCommands, [query = std::make_shared<store::ChargerHistoryQuery>(m_config.postgres)](
                                const store::HistoryQuery& q) { return query->load(q); });

    bus::BusOptions busOptions;
    busOptions.serverUri = m_config.mqtt;
    busOptions.agentId = m_config.agentId;
    busOptions.agentVersion = VOLTDESK_VERSION;
    busOptions.publishInterval = m_config.publishInterval;
    std::optional<bus::ConsoleUsers> consoleUsers;
    try {
        applyBrokerLogin(m_config, busOptions);
        consoleUsers = loadConsoleUsers(m_config);
    } catch (const std::runtime_error& e) {
        throw AgentError(e.what());
    }
    m_bus = std::make_unique<bus::BusPublisher>(busOptions);
    try {
        m_bus->start(m_fleet->sites(), m_fleet->snapshot());
    } catch (const std::invalid_argument& e) {
        throw AgentError(e.what());
    }
    m_fleet->addListener(m_bus.get());
    HealthReporterOptions healthOptions;
    healthOptions.interval = m_config.healthInterval;
    healthOptions.windows.staleAfter = 2 * m_config.heartbeatInterval;
    m_health = std::make_unique<HealthReporter>(
        m_config.postgres, healthOptions, [fleet = m_fleet.get()] { return fleet->snapshot(); },
        [bus = m_bus.get()](const std::string& topic, const std::string& payload) {
            bus->publishMessage(topic, payload, 1, true);
        },
        [writer = m_writer.get()] { writer->flush(std::chrono::seconds(5)); });
    m_fleet->addListener(m_health.get());
    m_health->start(startedAt);
    m_telemetry = std::make_unique<TelemetryPublisher>(
        *m_fleet, [bus = m_bus.get()](std::string topic, std::string payload) {
            bus->publishMessage(std::move(topic), std::move(payload), 0, false);
        });
    m_transactions->addObserver(m_telemetry.get());
    const BillingPublish billingPublish = [bus = m_bus.get()](std::string topic, std::string payload, int qos,
                                                              bool retained) {
        bus->publishMessage(std::move(topic), std::move(payload), qos, retained);
    };
    BillingServiceOptions billingOptions;
    billingOptions.beforeRecord = [writer = m_writer.get()] { writer->flush(std::chrono::seconds(2)); };
    m_billing =
        std::make_unique<BillingService>(m_config.postgres, m_config.agentId, billingPublish, billingOptions);
    m_transactions->addObserver(m_billing.get());
    m_billing->start();
    m_billingCommands =
        std::make_unique<BillingCommands>(*m_history, m_config.postgres, m_config.agentId, billingPublish);
    m_commands = std::make_unique<bus::CommandServer>(busOptions, *m_billingCommands, m_auditObserver.get(),
                                                      std::move(consoleUsers));
    try {
        m_commands->start();
    } catch (const std::invalid_argument& e) {
        throw AgentError(e.what());
    }

    transport::WsServerOptions wsOptions;
    wsOptions.host = m_config.listenHost;
    wsOptions.port = m_config.listenPort;
    wsOptions.subprotocols = {std::string(ocpp16::Ocpp16Connection::kProtocol)};
    wsOptions.maxMessageBytes = m_config.maxMessageBytes;
    wsOptions.idleTimeout = m_config.idleTimeout;
    wsOptions.ioThreads = m_config.ioThreads;
    OcppServices services{*m_fleet, *m_transactions, *m_registry, m_securityEvents.get(), m_trace.get(), {}};
    services.limits.maxFrameBytes = m_config.ocppMaxFrameBytes;
    services.limits.callTimeout = m_config.callTimeout;
    services.limits.callsPerSecond = m_config.callsPerSecond;
    services.limits.callBurst = m_config.callBurst;
    services.certificateSigner = m_certificateSigner.get();
    const transport::WsServer::AdmitFunction admit =
        [security = m_security.get()](const transport::AdmissionRequest& request) {
            return security->admit(request);
        };
    const transport::WsServer::HandlerFactory handlers =
        [services](const std::string& chargerId, const std::shared_ptr<transport::WsSender>& sender) {
            return std::make_unique<OcppConnectionHandler>(chargerId, sender, services);
        };
    m_server = std::make_unique<transport::WsServer>(wsOptions, admit, handlers);
    try {
        m_server->start();
    } catch (const transport::TransportError& e) {
        throw AgentError(e.what());
    }
    if (const auto tlsOptions = tlsServerOptions(m_config, wsOptions)) {
        m_tlsServer = std::make_unique<transport::WsServer>(*tlsOptions, admit, handlers);
        try {
            m_tlsServer->start();
        } catch (const transport::TransportError& e) {
            throw AgentError(e.what());
        }
        spdlog::info("agent: listening url={} client_certificates={}", ocppTlsUrl(),
                     m_config.tlsClientCaFile.empty() ? "off"
                     : m_config.tlsClientCertRequired ? "required"
                                                      : "optional");
    }
    m_running = true;
    spdlog::info("agent: listening url={} io_threads={}", ocppUrl(), m_config.ioThreads);
}

std::uint16_t Agent::port() const {
    return m_server ? m_server->port() : 0;
}

std::string Agent::ocppUrl() const {
    const bool v6 = m_config.listenHost.find(':') != std::string::npos;
    const std::string host = v6 ? "[" + m_config.listenHost + "]" : m_config.listenHost;
    return "ws://" + host + ":" + std::to_string(port()) + "/ocpp/";
}

std::uint16_t Agent::tlsPort() const {
    return m_tlsServer ? m_tlsServer->port() : 0;
}

std::string Agent::ocppTlsUrl() const {
    if (!m_tlsServer) {
        return {};
    }
    const bool v6 = m_config.tlsListenHost.find(':') != std::string::npos;
    const std::string host = v6 ? "[" + m_config.tlsListenHost + "]" : m_config.tlsListenHost;
    return "wss://" + host + ":" + std::to_string(tlsPort()) + "/ocpp/";
}

void Agent::stop() {
    // Each part may exist without the later ones when start() failed halfway. Commands first, so
    // none arrives for a connection that is closing; the ledger after the server, so every message a
    // charger sent before its connection closed is committed (and answered if the link still lets it).
    if (m_health) {
        m_health->stop();
    }
    if (m_commands) {
        m_commands->stop();
    }
    if (m_billingCommands) {
        m_billingCommands->stop();
    }
    if (m_history) {
        m_history->stop();
    }
    if (m_tlsServer) {
        m_tlsServer->stop();
    }
    if (m_server) {
        m_server->stop();
    }
    if (m_ledger) {
        m_ledger->shutdown();
    }
    if (m_billing) {
        // The last stops' records; what does not make it is recorded by the next start's sweep.
        m_billing->flush(std::chrono::seconds(5));
        m_billing->stop();
    }
    if (m_writer) {
        m_writer->stop();
    }
    if (m_securityEvents) {
        m_securityEvents->stop();
    }
    if (m_audit) {
        m_audit->stop();
    }
    if (m_trace) {
        m_trace->close();
    }
    if (m_bus) {
        m_bus->stop();
    }
    if (m_running) {
        spdlog::info("agent: stopped");
        m_running = false;
    }
}

} // namespace voltdesk::app
