// Live views end to end against the real agent, PostgreSQL, Mosquitto and a simulated charger: telemetry
// arrives on the charger's topic while it charges, the charger state carries the session from start to
// stop (and again after an agent restart), and GetChargerHistory answers samples and status changes.
#include "contract/charger_state.h"
#include "contract/telemetry.h"
#include "contract/topics.h"
#include "tests/conformance/conformance_case.h"

#include <QtTest>
#include <cmath>
#include <mqtt/async_client.h>
#include <mutex>

using namespace voltdesk;
using namespace voltdesk::testing;
using namespace std::chrono_literals;
using Json = nlohmann::json;

namespace {

/// The console's side: every telemetry sample and the latest charger state of one charger.
class Watcher {
public:
    Watcher(const std::string& uri, const std::string& chargerId)
        : m_client(uri, "tst-agent-live-" + std::to_string(QCoreApplication::applicationPid())) {
        m_client.set_message_callback([this](const mqtt::const_message_ptr& message) {
            std::lock_guard lock(m_mutex);
            if (contract::parseChargerTelemetryTopic(message->get_topic())) {
                if (auto sample = contract::decodeTelemetrySample(message->to_string())) {
                    // The simulator stamps readings with this machine's clock: receipt minus `at` is
                    // the charger-to-console latency through the agent and the broker.
                    m_latenciesMs.push_back(contract::nowMs() - sample.value().at);
                    m_samples.push_back(std::move(sample).value());
                    m_telemetryRetained |= message->is_retained();
                }
            } else if (auto state = contract::decodeChargerState(message->to_string())) {
                m_state = std::move(state).value();
            }
        });
        m_client.connect(mqtt::connect_options_builder().clean_session(true).finalize())->wait();
        const std::string id = contract::encodeTopicSegment(chargerId);
        m_client.subscribe("voltdesk/v1/sites/+/chargers/" + id + "/telemetry", 0)->wait();
        m_client.subscribe("voltdesk/v1/sites/+/chargers/" + id + "/state", 1)->wait();
    }
    ~Watcher() {
        try {
            m_client.disconnect()->wait_for(2s);
        } catch (const mqtt::exception&) {
        }
    }
    std::vector<contract::TelemetrySample> samples() {
        std::lock_guard lock(m_mutex);
        return m_samples;
    }
    std::vector<contract::EpochMs> latenciesMs() {
        std::lock_guard lock(m_mutex);
        return m_latenciesMs;
    }
    bool telemetryRetained() {
        std::lock_guard lock(m_mutex);
        return m_telemetryRetained;
    }
    /// The session on connector of the latest state; nullopt without one (or without a state).
    std::optional<contract::ConnectorSession> session(int connectorId) {
        std::lock_guard lock(m_mutex);
        if (!m_state) {
            return std::nullopt;
        }
        for (const auto& c : m_state->connectors) {
            if (c.id == connectorId) {
                return c.session;
            }
        }
        return std::nullopt;
    }

private:
    mqtt::async_client m_client;
    std::mutex m_mutex;
    std::vector<contract::TelemetrySample> m_samples;
    std::vector<contract::EpochMs> m_latenciesMs;
    std::optional<contract::ChargerState> m_state;
    bool m_telemetryRetained = false;
};

CaseOptions fastMeterValues() {
    CaseOptions options;
    options.fleet.behaviour.meterValueSampleIntervalSeconds = 1;
    return options;
}

std::size_t poweredSamples(const std::vector<contract::TelemetrySample>& samples, int transactionId) {
    return static_cast<std::size_t>(std::count_if(samples.begin(), samples.end(), [&](const auto& s) {
        return s.connectorId == 1 && s.transactionId == transactionId && s.powerW && *s.powerW > 0 &&
               s.energyWh && s.voltageV && s.currentA && s.temperatureC;
    }));
}

} // namespace

class TstAgentLive : public QObject {
    Q_OBJECT

private slots:
    void telemetryAndSessionWhileCharging() {
        CASE_SETUP(c, fastMeterValues());
        Watcher console(c.system().mqtt(), c.chargerId());
        auto& cp = c.charger();
        cp.plugIn(1);
        cp.presentIdTag(1, kValidTag);
        const auto transactionId = c.waitStarted(1);
        CASE_VERIFY(c, transactionId.has_value());

        // The retained state names the session; telemetry streams, one sample a second.
        QTRY_VERIFY_WITH_TIMEOUT(console.session(1).has_value(), 10000);
        CASE_VERIFY(c, console.session(1)->transactionId == *transactionId);
        CASE_COMPARE(c, console.session(1)->idTag, std::string(kValidTag));
        QTRY_VERIFY_WITH_TIMEOUT(poweredSamples(console.samples(), *transactionId) >= 3, 15000);
        const auto samples = console.samples();
        CASE_VERIFY(c, !console.telemetryRetained());
        auto latencies = console.latenciesMs();
        std::sort(latencies.begin(), latencies.end());
        qInfo("telemetry latency, MeterValues sent to console received: median %lld ms, max %lld ms (%zu "
              "samples)",
              static_cast<long long>(latencies[latencies.size() / 2]),
              static_cast<long long>(latencies.back()), latencies.size());
        // StartTransaction's meterStart came first, as the energy register at the start.
        const auto first =
            std::find_if(samples.begin(), samples.end(), [](const auto& s) { return s.energyWh; });
        CASE_VERIFY(c, first != samples.end() && !first->powerW && first->transactionId == *transactionId);
        CASE_COMPARE(c, std::to_string(std::llround(*first->energyWh)),
                     std::to_string(console.session(1)->meterStartWh));

        // After a restart of the agent, the open transaction is back on its connector.
        CASE_VERIFY(c, c.system().restartAgent());
        CASE_VERIFY(c, c.fleet().waitAllAccepted(30s));
        Watcher later(c.system().mqtt(), c.chargerId());
        QTRY_VERIFY_WITH_TIMEOUT(later.session(1).has_value(), 10000);
        CASE_VERIFY(c, later.session(1)->transactionId == *transactionId);

        cp.stopTransaction(1);
        CASE_VERIFY(c, c.waitStopped());
        QTRY_VERIFY_WITH_TIMEOUT(!later.session(1).has_value(), 10000);
        // StopTransaction's meterStop arrives as the last reading of the transaction.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto all = later.samples();
                return !all.empty() && all.back().transactionId == *transactionId && all.back().energyWh &&
                       !all.back().powerW;
            }(),
            10000);
    }

    void historyOfAChargingSession() {
        CASE_SETUP(c, fastMeterValues());
        auto& cp = c.charger();
        cp.plugIn(1);
        cp.presentIdTag(1, kValidTag);
        const auto transactionId = c.waitStarted(1);
        CASE_VERIFY(c, transactionId.has_value());
        CASE_VERIFY(c, c.waitDb("SELECT count(DISTINCT charger_time) >= 4 FROM meter_values", "t",
                                std::chrono::seconds(20)));
        cp.fault(1, "GroundFailure");
        CASE_VERIFY(c, c.waitStatus(1, contract::ConnectorStatus::Faulted));
        CASE_VERIFY(
            c, c.waitDb("SELECT count(*) > 0 FROM connector_status_history WHERE status = 'Faulted'", "t"));

        // A viewer may read it; samples of connector 1 and the status changes behind the timeline.
        const auto response =
            c.system().command("GetChargerHistory", c.chargerId(), {{"maxSamples", 2}}, "viewer");
        CASE_VERIFY(c, response.has_value());
        CASE_COMPARE(c, std::string(contract::toString(response->outcome)), std::string("Completed"));
        const Json& history = response->response;
        const auto& samples = history.at("samples");
        CASE_VERIFY(c, samples.size() >= 1 && samples.size() <= 2); // two buckets for the last 24 h
        CASE_COMPARE(c, std::to_string(samples.back().at("connectorId").get<int>()), std::string("1"));
        CASE_VERIFY(c, samples.back().at("powerW").get<double>() > 0);
        CASE_VERIFY(c, samples.back().at("energyWh").get<double>() > 0);
        std::vector<std::string> statuses;
        for (const auto& change : history.at("statusChanges")) {
            statuses.push_back(std::to_string(change.at("connectorId").get<int>()) + ":" +
                               change.at("status").get<std::string>());
        }
        const auto has = [&](const std::string& s) {
            return std::find(statuses.begin(), statuses.end(), s) != statuses.end();
        };
        CASE_VERIFY(c, has("0:Online"));
        CASE_VERIFY(c, has("1:Charging"));
        CASE_VERIFY(c, has("1:Faulted"));
        const auto faulted =
            std::find_if(history.at("statusChanges").begin(), history.at("statusChanges").end(),
                         [](const Json& j) { return j.at("status") == "Faulted"; });
        CASE_COMPARE(c, faulted->at("errorCode").get<std::string>(), std::string("GroundFailure"));

        // A bad request is refused with the reason.
        const auto bad =
            c.system().command("GetChargerHistory", c.chargerId(), {{"from", "yesterday"}}, "viewer");
        CASE_VERIFY(c, bad.has_value());
        CASE_COMPARE(c, std::string(contract::toString(bad->outcome)), std::string("Refused"));
        CASE_COMPARE(c, bad->description, std::string("from must be an ISO 8601 time"));
    }
};

QTEST_GUILESS_MAIN(TstAgentLive)
#include "tst_agent_live.moc"
