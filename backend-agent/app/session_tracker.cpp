#include "app/session_tracker.h"

#include <spdlog/spdlog.h>

namespace voltdesk::app {

namespace {

domain::SessionStarted startedOf(const domain::ActiveTransaction& t) {
    return domain::SessionStarted{t.chargerId, t.connectorId, t.transactionId,
                                  t.idTag,     t.startedAt,   t.meterStartWh};
}

} // namespace

std::vector<domain::ChargePointEvent> sessionEvents(const std::vector<domain::ActiveTransaction>& open) {
    std::vector<domain::ChargePointEvent> events;
    events.reserve(open.size());
    for (const auto& t : open) {
        events.emplace_back(startedOf(t));
    }
    return events;
}

SessionTracker::SessionTracker(domain::CentralSystem& fleet) : m_fleet(fleet) {}

void SessionTracker::restore(const std::vector<domain::ActiveTransaction>& open) {
    for (const auto& event : sessionEvents(open)) {
        m_fleet.report(event);
    }
}

void SessionTracker::onTransactionStarted(const domain::ActiveTransaction& transaction) {
    report(startedOf(transaction));
}

void SessionTracker::onTransactionStopped(const domain::ActiveTransaction& transaction,
                                          const domain::TransactionStop&) {
    report(domain::SessionEnded{transaction.chargerId, transaction.transactionId});
}

void SessionTracker::report(const domain::ChargePointEvent& event) {
    // On the ledger's thread: a listener's failure must not reach it; the state is applied anyway.
    try {
        m_fleet.report(event);
    } catch (const std::exception& e) {
        spdlog::warn("sessions: a fleet listener failed on a session of {}: {}", domain::chargerIdOf(event),
                     e.what());
    }
}

} // namespace voltdesk::app
