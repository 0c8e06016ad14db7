#include "domain/charger_state_update.h"

#include <algorithm>

namespace voltdesk::domain {

namespace {

struct Applier {
    contract::ChargerState& state;

    void operator()(const ChargerConnected& e) const {
        state.online = true;
        state.protocol = e.protocol;
        state.lastSeen = std::max(state.lastSeen, e.at);
    }

    void operator()(const ChargerDisconnected&) const { state.online = false; }

    void operator()(const ChargerBooted& e) const {
        state.online = true;
        state.vendor = e.vendor;
        state.model = e.model;
        state.serialNumber = e.serialNumber;
        state.firmwareVersion = e.firmwareVersion;
        state.lastSeen = std::max(state.lastSeen, e.at);
    }

    void operator()(const HeartbeatReceived& e) const {
        state.online = true;
        state.lastSeen = std::max(state.lastSeen, e.at);
    }

    void operator()(const MaintenanceStatusReported& e) const {
        state.online = true;
        state.lastSeen = std::max(state.lastSeen, e.at);
    }

    void operator()(const ConnectorStatusReported& e) const {
        state.online = true;
        state.lastSeen = std::max(state.lastSeen, e.receivedAt != 0 ? e.receivedAt : e.at);
        if (e.connectorId < 0 || e.connectorId > kMaxConnectorId) {
            return;
        }
        auto& connectors = state.connectors;
        auto it = std::lower_bound(connectors.begin(), connectors.end(), e.connectorId,
                                   [](const contract::ConnectorState& c, int id) { return c.id < id; });
        if (it == connectors.end() || it->id != e.connectorId) {
            contract::ConnectorState fresh;
            fresh.id = e.connectorId;
            fresh.status = e.status;
            fresh.since = e.at;
            it = connectors.insert(it, fresh);
        } else if (it->status != e.status) {
            it->status = e.status;
            it->since = e.at;
        }
        it->errorCode = e.errorCode;
        it->info = e.info;
        it->vendorErrorCode = e.vendorErrorCode;
    }

    // Not lastSeen: a session event may come from a replay of messages the charger queued offline.
    void operator()(const SessionStarted& e) const {
        if (e.connectorId <= 0 || e.connectorId > kMaxConnectorId) {
            return;
        }
        auto& connectors = state.connectors;
        auto it = std::lower_bound(connectors.begin(), connectors.end(), e.connectorId,
                                   [](const contract::ConnectorState& c, int id) { return c.id < id; });
        if (it == connectors.end() || it->id != e.connectorId) {
            // A start is a report about the connector too: it charges (OCPP's next status report).
            contract::ConnectorState fresh;
            fresh.id = e.connectorId;
            fresh.status = ConnectorStatus::Charging;
            fresh.errorCode = "NoError";
            fresh.since = e.startedAt;
            it = connectors.insert(it, fresh);
        }
        it->session = contract::ConnectorSession{e.transactionId, e.idTag, e.startedAt, e.meterStartWh};
    }

    void operator()(const SessionEnded& e) const {
        for (auto& c : state.connectors) {
            if (c.session && c.session->transactionId == e.transactionId) {
                c.session.reset();
            }
        }
    }
};

} // namespace

void applyEvent(contract::ChargerState& state, const ChargePointEvent& event) {
    std::visit(Applier{state}, event);
}

} // namespace voltdesk::domain
