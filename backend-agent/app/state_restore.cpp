#include "app/state_restore.h"

namespace voltdesk::app {

std::vector<domain::ChargePointEvent> restoreEvents(const contract::ChargerState& stored) {
    std::vector<domain::ChargePointEvent> events;
    if (stored.lastSeen == 0 && stored.connectors.empty()) {
        return events;
    }
    events.emplace_back(domain::ChargerConnected{stored.chargerId, stored.protocol, {}, stored.lastSeen});
    if (!stored.vendor.empty() || !stored.model.empty() || !stored.serialNumber.empty() ||
        !stored.firmwareVersion.empty()) {
        events.emplace_back(domain::ChargerBooted{stored.chargerId, stored.vendor, stored.model,
                                                  stored.serialNumber, stored.firmwareVersion,
                                                  stored.lastSeen});
    }
    for (const auto& c : stored.connectors) {
        domain::ConnectorStatusReported report;
        report.chargerId = stored.chargerId;
        report.connectorId = c.id;
        report.status = c.status;
        report.errorCode = c.errorCode;
        report.info = c.info;
        report.vendorErrorCode = c.vendorErrorCode;
        report.at = c.since;
        report.receivedAt = stored.lastSeen;
        events.emplace_back(std::move(report));
    }
    events.emplace_back(domain::ChargerDisconnected{stored.chargerId, "agent restarted", stored.lastSeen});
    return events;
}

std::size_t restoreFleet(domain::CentralSystem& fleet, const std::vector<contract::ChargerState>& stored) {
    std::size_t restored = 0;
    for (const auto& state : stored) {
        const auto events = restoreEvents(state);
        for (const auto& event : events) {
            fleet.report(event);
        }
        if (!events.empty() && fleet.charger(state.chargerId)) {
            ++restored;
        }
    }
    return restored;
}

} // namespace voltdesk::app
