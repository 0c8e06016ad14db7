// Live meter readings to the consoles: every MeterValues, StartTransaction and StopTransaction reading
// becomes TelemetrySamples on the charger's telemetry topic (not retained, QoS 0).
#pragma once

#include "contract/telemetry.h"
#include "domain/central_system.h"
#include "domain/transaction_service.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace voltdesk::app {

/// A TransactionObserver; thread-safe (any I/O thread, the ledger's thread). publish must not block:
/// the agent hands it to BusPublisher::publishMessage, which only queues.
class TelemetryPublisher final : public domain::TransactionObserver {
public:
    using Publish = std::function<void(std::string topic, std::string payload)>;

    /// fleet gives each charger's site, which the topic names.
    TelemetryPublisher(const domain::CentralSystem& fleet, Publish publish);

    void onMeterValues(const domain::MeterValuesReport& report) override;
    void onTransactionStarted(const domain::ActiveTransaction& transaction) override;
    void onTransactionStopped(const domain::ActiveTransaction& transaction,
                              const domain::TransactionStop& stop) override;

    /// Samples handed to publish so far.
    std::uint64_t published() const { return m_published; }

private:
    void send(const std::vector<contract::TelemetrySample>& samples);

    const domain::CentralSystem& m_fleet;
    Publish m_publish;
    std::atomic<std::uint64_t> m_published{0};
};

} // namespace voltdesk::app
