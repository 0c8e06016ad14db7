// One simulated charger's side of OCPP 1.6J, without I/O: the transport feeds it connection events,
// received text and timer ticks, and sends the frames it hands out. Boot until accepted, report every
// connector, heartbeats; sessions with transactions and meter values (queued while offline, replayed
// after reconnect); an answer to every CALL of the central system, shaped by ChargePointBehaviour.
// The code is split by concern: charge_point.cpp (link, boot, our CALLs and their answers),
// charge_point_sessions.cpp (authorization, transactions, meter), charge_point_day.cpp (autonomous day),
// and one file per group of the central system's CALLs.
#pragma once

#include "chargepoint/call_queue.h"
#include "chargepoint/charge_point_behaviour.h"
#include "chargepoint/charge_point_snapshot.h"
#include "chargepoint/charging_profiles.h"
#include "chargepoint/configuration_store.h"
#include "chargepoint/connector_state.h"
#include "chargepoint/id_tag_store.h"
#include "chargepoint/meter_readings.h"
#include "chargepoint/sim_stats.h"
#include "chargepoint/transaction_ledger.h"
#include "contract/iso8601.h"
#include "core/charger_day.h"
#include "core/fleet.h"
#include "core/sim_clock.h"

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace voltdesk::sim {

using contract::EpochMs;

struct ChargePointTiming {
    EpochMs callTimeoutMs = 30'000;
    int defaultRetrySeconds = 30;      ///< when Pending/Rejected comes with interval 0, or boot fails
    int defaultHeartbeatSeconds = 300; ///< when Accepted comes with interval 0
    std::size_t maxQueuedCalls = 32; ///< beyond this, older status reports of the same connector are dropped
    EpochMs powerUpdateMs = 1'000;   ///< how often power is recomputed during a transaction
};

/// Not thread-safe: the transport calls it from one strand. `charger`, `clock` and `stats` must
/// outlive it.
class ChargePoint {
public:
    ChargePoint(const SimCharger& charger, std::uint64_t seed, const SimClock& clock, SimStats* stats,
                ChargePointTiming timing = {}, ChargePointBehaviour behaviour = {});
    ~ChargePoint();
    ChargePoint(const ChargePoint&) = delete;
    ChargePoint& operator=(const ChargePoint&) = delete;

    // The transport.
    void onConnected(EpochMs now);
    void onDisconnected(EpochMs now);
    void onText(std::string_view text, EpochMs now);
    /// Runs whatever is due at `now`: the day, sessions and meter values, heartbeats, boot retries,
    /// CALL timeouts and retries, reservations expiring, firmware and diagnostics steps.
    void onTimer(EpochMs now);
    /// Frames to send, oldest first; the transport drains them after every call.
    std::vector<std::string> takeOutgoing();
    /// When onTimer() next has something to do (wall clock); INT64_MAX when nothing is due.
    EpochMs nextWakeup() const;
    /// True once after the charger decided to close its connection and open it again (reset,
    /// firmware installed, new AuthorizationKey or SecurityProfile).
    bool takeReconnectRequest();
    /// Basic auth password (AuthorizationKey) and SecurityProfile as configured now.
    std::string authorizationKey() const { return m_config.text("AuthorizationKey"); }
    int securityProfile() const { return m_config.integer("SecurityProfile"); }

    // Driving the charger: what a driver, a car or the hardware does (connector ids from 1).
    void plugIn(int connectorId, EpochMs now);
    void unplug(int connectorId, EpochMs now);
    void presentIdTag(int connectorId, const std::string& idTag, EpochMs now);
    /// The car stops (true) or resumes (false) taking energy.
    void setEvSuspended(int connectorId, bool suspended, EpochMs now);
    /// Ends the connector's transaction locally with an OCPP 1.6 Reason ("Local", "EmergencyStop", ...).
    void stopTransaction(int connectorId, const std::string& reason, EpochMs now);
    void fault(int connectorId, const std::string& errorCode, EpochMs now);
    void clearFault(int connectorId, EpochMs now);
    /// Power lost: every transaction ends with reason PowerLoss, the charger reboots.
    void powerLoss(EpochMs now);
    /// Sends any CALL (DataTransfer, SecurityEventNotification, ...); transaction messages are not
    /// special here.
    void sendCall(const std::string& action, const nlohmann::json& payload, EpochMs now);
    /// A test sets a configuration key without the central system.
    void setConfiguration(const std::string& key, const std::string& value) { m_config.set(key, value); }

    ChargePointSnapshot snapshot(EpochMs now) const;
    Registration registration() const { return m_registration; }
    const SimCharger& charger() const { return m_charger; }
    const ChargerDay& day() const { return m_day; }
    const ChargePointBehaviour& behaviour() const { return m_behaviour; }

private:
    struct Outstanding {
        std::string messageId;
        QueuedCall call;
        EpochMs deadline;
    };
    struct Certificate {
        std::string type;
        std::string pem;
        std::string serial;
    };
    struct FlowStep {
        explicit FlowStep(EpochMs when, std::string name = {}, nlohmann::json body = {},
                          std::string firmware = {}, std::string diagnostics = {})
            : at(when), action(std::move(name)), payload(std::move(body)),
              firmwareStatus(std::move(firmware)), diagnosticsStatus(std::move(diagnostics)) {}
        EpochMs at = 0;
        std::string action;
        nlohmann::json payload;
        std::string firmwareStatus;    ///< set when the step runs (snapshot)
        std::string diagnosticsStatus; ///< set when the step runs (snapshot)
        bool reboot = false;           ///< the firmware is installed: reboot, then the remaining steps
        bool afterBoot = false;        ///< wait for the next accepted boot
    };
    using Handler = nlohmann::json (ChargePoint::*)(const nlohmann::json& payload, EpochMs now);

    // charge_point.cpp: the link, boot, our CALLs and their answers.
    void setRegistration(Registration next);
    std::string nextMessageId();
    void sendBoot(EpochMs now);
    void enqueue(QueuedCall call);
    void enqueueStatus(int connectorId, EpochMs now);
    void pump(EpochMs now);
    void onResult(const Outstanding& sent, const nlohmann::json& payload, EpochMs now);
    void onFailure(const Outstanding& sent, const std::string& code, EpochMs now);
    void onBootAnswer(std::optional<int> acceptedInterval, bool accepted, int retryInterval, EpochMs now);
    void handleCall(const std::string& messageId, const std::string& action, const nlohmann::json& payload,
                    EpochMs now);
    void reply(const std::string& messageId, const nlohmann::json& payload);
    void record(std::deque<ExchangedCall>& log, ExchangedCall call);
    ExchangedCall* findSent(const std::string& messageId);
    void requestReboot(EpochMs now);
    void runFlows(EpochMs now);

    // charge_point_sessions.cpp: authorization, transactions, meter, statuses.
    ConnectorState* connectorAt(int connectorId);
    void authorize(ConnectorState& c, const std::string& idTag, EpochMs now);
    void authorizeLocally(ConnectorState& c, const std::string& idTag, EpochMs now);
    void onAuthorized(ConnectorState& c, const std::string& idTag, const std::string& status, EpochMs now);
    void startTransaction(ConnectorState& c, EpochMs now);
    void endTransaction(ConnectorState& c, const std::string& reason, EpochMs now,
                        const std::optional<std::string>& stopIdTag = std::nullopt);
    void onStartAnswer(int localId, const nlohmann::json& payload, EpochMs now);
    void sampleMeter(ConnectorState& c, EpochMs now, bool periodic);
    void advanceMeter(ConnectorState& c, EpochMs now);
    void updatePower(ConnectorState& c, EpochMs now);
    void runSessions(EpochMs now);
    void refreshStatus(ConnectorState& c, EpochMs now);
    void applyScheduledAvailability(ConnectorState& c, EpochMs now);
    std::optional<double> limitW(const ConnectorState& c, EpochMs now) const;
    double hardwareMaxW() const;
    std::vector<ocpp16::MeterValue> transactionData(const ConnectorState& c, const TransactionRecord& r,
                                                    EpochMs now) const;
    MeterElectrics electrics() const;
    Electrical profileElectrical() const;

    // charge_point_day.cpp: the autonomous day drives sessions.
    void runDay(EpochMs now, bool report);
    void applyDayChange(const ConnectorChange& change, EpochMs now, bool report);

    // charge_point_core_calls.cpp
    nlohmann::json onReset(const nlohmann::json& p, EpochMs now);
    nlohmann::json onRemoteStart(const nlohmann::json& p, EpochMs now);
    nlohmann::json onRemoteStop(const nlohmann::json& p, EpochMs now);
    nlohmann::json onUnlockConnector(const nlohmann::json& p, EpochMs now);
    nlohmann::json onChangeAvailability(const nlohmann::json& p, EpochMs now);
    nlohmann::json onGetConfiguration(const nlohmann::json& p, EpochMs now);
    nlohmann::json onChangeConfiguration(const nlohmann::json& p, EpochMs now);
    nlohmann::json onClearCache(const nlohmann::json& p, EpochMs now);
    nlohmann::json onDataTransfer(const nlohmann::json& p, EpochMs now);
    nlohmann::json onTriggerMessage(const nlohmann::json& p, EpochMs now);
    nlohmann::json onExtendedTriggerMessage(const nlohmann::json& p, EpochMs now);
    bool trigger(const std::string& message, std::optional<int> connectorId, EpochMs now);

    // charge_point_feature_calls.cpp: smart charging, reservations, local list.
    nlohmann::json onSetChargingProfile(const nlohmann::json& p, EpochMs now);
    nlohmann::json onClearChargingProfile(const nlohmann::json& p, EpochMs now);
    nlohmann::json onGetCompositeSchedule(const nlohmann::json& p, EpochMs now);
    nlohmann::json onReserveNow(const nlohmann::json& p, EpochMs now);
    nlohmann::json onCancelReservation(const nlohmann::json& p, EpochMs now);
    nlohmann::json onSendLocalList(const nlohmann::json& p, EpochMs now);
    nlohmann::json onGetLocalListVersion(const nlohmann::json& p, EpochMs now);

    // charge_point_maintenance_calls.cpp: firmware, diagnostics, logs, certificates.
    nlohmann::json onUpdateFirmware(const nlohmann::json& p, EpochMs now);
    nlohmann::json onSignedUpdateFirmware(const nlohmann::json& p, EpochMs now);
    nlohmann::json onGetDiagnostics(const nlohmann::json& p, EpochMs now);
    nlohmann::json onGetLog(const nlohmann::json& p, EpochMs now);
    nlohmann::json onInstallCertificate(const nlohmann::json& p, EpochMs now);
    nlohmann::json onDeleteCertificate(const nlohmann::json& p, EpochMs now);
    nlohmann::json onGetInstalledCertificateIds(const nlohmann::json& p, EpochMs now);
    nlohmann::json onCertificateSigned(const nlohmann::json& p, EpochMs now);
    void sendSecurityEvent(const std::string& type, const std::string& techInfo, EpochMs now);
    void sendSignCertificate(EpochMs now);
    static const std::map<std::string, Handler, std::less<>>& handlers();

    const SimCharger& m_charger;
    const SimClock& m_clock;
    SimStats* m_stats;
    ChargePointTiming m_timing;
    ChargePointBehaviour m_behaviour;
    ChargerDay m_day;
    ConfigurationStore m_config;
    IdTagStore m_idTags;
    ChargingProfiles m_profiles;
    TransactionLedger m_ledger;
    CallQueue m_queue;
    std::vector<ConnectorState> m_connectors; ///< [0] is the charger as a whole
    Registration m_registration = Registration::Disconnected;
    std::optional<Outstanding> m_outstanding;
    std::vector<std::string> m_outbox;
    std::deque<ExchangedCall> m_sent;
    std::deque<ExchangedCall> m_received;
    std::vector<FlowStep> m_flow;
    std::vector<Certificate> m_certificates;
    std::optional<Reservation> m_chargerReservation;   ///< a reservation of connector 0
    std::map<int, nlohmann::json> m_pendingTxProfiles; ///< RemoteStartTransaction's profile, by connector
    std::string m_firmwareVersion;
    std::string m_firmwareStatus = "Idle";
    std::string m_diagnosticsStatus = "Idle";
    EpochMs m_retryBootAt = 0;
    EpochMs m_nextHeartbeatAt = 0;
    EpochMs m_rebootAt = 0; ///< 0: none pending
    int m_heartbeatSeconds = 0;
    int m_bootCount = 0;
    int m_autoTagCounter = 0;
    std::uint32_t m_messageCounter = 0;
    bool m_reconnectRequested = false;
    bool m_reportedOnce = false; ///< statuses were reported after a boot at least once
};

} // namespace voltdesk::sim
