// The session on each connector of the live charger state: transactions as TransactionService stores
// them, reported to the fleet as SessionStarted / SessionEnded events.
#pragma once

#include "domain/central_system.h"
#include "domain/transaction_service.h"

#include <vector>

namespace voltdesk::app {

/// The events that put the stored open transactions back on their connectors after a restart.
std::vector<domain::ChargePointEvent> sessionEvents(const std::vector<domain::ActiveTransaction>& open);

/// A TransactionObserver; thread-safe. Meter values change no session.
class SessionTracker final : public domain::TransactionObserver {
public:
    explicit SessionTracker(domain::CentralSystem& fleet);

    /// Reports sessionEvents(open) to the fleet (call once at start-up, before traffic).
    void restore(const std::vector<domain::ActiveTransaction>& open);

    void onMeterValues(const domain::MeterValuesReport&) override {}
    void onTransactionStarted(const domain::ActiveTransaction& transaction) override;
    void onTransactionStopped(const domain::ActiveTransaction& transaction,
                              const domain::TransactionStop& stop) override;

private:
    void report(const domain::ChargePointEvent& event);

    domain::CentralSystem& m_fleet;
};

} // namespace voltdesk::app
