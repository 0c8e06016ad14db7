#include "app/telemetry_publisher.h"

#include "contract/topics.h"
#include "domain/meter_telemetry.h"

namespace voltdesk::app {

TelemetryPublisher::TelemetryPublisher(const domain::CentralSystem& fleet, Publish publish)
    : m_fleet(fleet), m_publish(std::move(publish)) {}

void TelemetryPublisher::onMeterValues(const domain::MeterValuesReport& report) {
    send(domain::telemetryOf(report));
}

void TelemetryPublisher::onTransactionStarted(const domain::ActiveTransaction& transaction) {
    send({domain::telemetryOf(transaction)});
}

void TelemetryPublisher::onTransactionStopped(const domain::ActiveTransaction& transaction,
                                              const domain::TransactionStop& stop) {
    send({domain::telemetryOf(stop, transaction.connectorId)});
}

void TelemetryPublisher::send(const std::vector<contract::TelemetrySample>& samples) {
    if (samples.empty()) {
        return;
    }
    const auto charger = m_fleet.charger(samples.front().chargerId);
    if (!charger) {
        return; // not admitted: its readings are nobody's to watch
    }
    const std::string topic = contract::chargerTelemetryTopic(charger->siteId, charger->chargerId);
    for (const auto& sample : samples) {
        m_publish(topic, contract::encode(sample));
    }
    m_published += samples.size();
}

} // namespace voltdesk::app
