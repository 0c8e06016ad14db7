// voltdesk-agent assembled: store, domain, bus and transport, started and stopped in the right order.
#pragma once

#include "app/agent_config.h"

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

namespace voltdesk::domain {
class CentralSystem;
class CertificateSigner;
class IdTagRegistry;
class TransactionService;
} // namespace voltdesk::domain
namespace voltdesk::store {
class StoreWriter;
class PgTransactionLedger;
class CommandAuditLog;
class SecurityEventWriter;
} // namespace voltdesk::store
namespace voltdesk::bus {
class BusPublisher;
class CommandServer;
class CommandObserver;
} // namespace voltdesk::bus
namespace voltdesk::transport {
class WsServer;
}

namespace voltdesk::app {

class BillingCommands;
class BillingService;
class ChargerSecurity;
class CentralSystemCommands;
class ChargerHistoryCommands;
class ConnectionRegistry;
class FrameTrace;
class HealthReporter;
class SessionTracker;
class TelemetryPublisher;

/// Start-up failed; what() is a sentence for the operator (bad inventory, database, port in use).
class AgentError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One agent. start() and stop() are called from one thread.
class Agent {
public:
    explicit Agent(AgentConfig config);
    /// Calls stop().
    ~Agent();
    Agent(const Agent&) = delete;
    Agent& operator=(const Agent&) = delete;

    /// Migrates the database, imports the inventory, restores the last known state, loads id tags and
    /// open transactions, starts the store writers, the transaction ledger and the bus (which connects
    /// in the background) with the command server, then listens for chargers.
    void start();
    /// "ws://HOST:PORT/ocpp/" with the port actually bound.
    std::string ocppUrl() const;
    std::uint16_t port() const;
    /// "wss://HOST:PORT/ocpp/" of the TLS listener (tls-listen), empty without one.
    std::string ocppTlsUrl() const;
    std::uint16_t tlsPort() const;
    /// Stops taking commands, stops accepting, closes every charger connection (each is recorded as
    /// disconnected), commits what the ledger and the writers hold, publishes the last states and the
    /// offline presence. Idempotent.
    void stop();

private:
    AgentConfig m_config;
    std::unique_ptr<domain::CentralSystem> m_fleet;
    std::unique_ptr<store::StoreWriter> m_writer;
    std::unique_ptr<store::PgTransactionLedger> m_ledger;
    std::unique_ptr<domain::IdTagRegistry> m_idTags;
    std::unique_ptr<domain::TransactionService> m_transactions;
    std::unique_ptr<SessionTracker> m_sessions;
    std::unique_ptr<store::SecurityEventWriter> m_securityEvents;
    std::unique_ptr<store::CommandAuditLog> m_audit;
    std::unique_ptr<bus::CommandObserver> m_auditObserver;
    std::unique_ptr<FrameTrace> m_trace;
    std::unique_ptr<ConnectionRegistry> m_registry;
    std::unique_ptr<CentralSystemCommands> m_centralCommands;
    std::unique_ptr<ChargerHistoryCommands> m_history;
    std::unique_ptr<BillingCommands> m_billingCommands;
    std::unique_ptr<BillingService> m_billing;
    std::unique_ptr<bus::BusPublisher> m_bus;
    std::unique_ptr<HealthReporter> m_health;
    std::unique_ptr<TelemetryPublisher> m_telemetry;
    std::unique_ptr<bus::CommandServer> m_commands;
    std::unique_ptr<ChargerSecurity> m_security;
    std::unique_ptr<domain::CertificateSigner> m_certificateSigner;
    std::unique_ptr<transport::WsServer> m_server;
    std::unique_ptr<transport::WsServer> m_tlsServer;
    bool m_running = false;
};

} // namespace voltdesk::app
