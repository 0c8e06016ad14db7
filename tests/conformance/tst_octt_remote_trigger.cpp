// OCPP 1.6 Remote Trigger cases of the OCA test tool's CSMS list: the CSMS asks a charger for each
// message it may trigger, answers the message that follows as it would any other, and takes a refusal.
#include "tests/conformance/conformance_case.h"

#include <QtTest>

using namespace voltdesk;
using namespace voltdesk::testing;
using Json = nlohmann::json;

namespace {

/// The last CALL of action the charger sent was answered with a CALLRESULT, and it is not the
/// countBefore-th one (so it was sent after the trigger).
bool answeredAfter(const sim::ChargePointSnapshot& s, std::string_view action, int countBefore) {
    const auto* call = s.lastSent(action);
    return s.countSent(action) > countBefore && call != nullptr && call->result.has_value() &&
           call->errorCode.empty();
}

} // namespace

class TstOcttRemoteTrigger : public QObject {
    Q_OBJECT

private slots:
    void TC_054_CSMS() {
        // Each message of TriggerMessage in turn: the charger accepts, sends it, and the CSMS answers it
        // and records it as if the charger had sent it by itself.
        CASE_SETUP(c);
        auto& cp = c.charger();
        const std::string id = c.chargerId();
        const auto trigger = [&](const std::string& message, std::optional<int> connectorId) {
            Json payload{{"requestedMessage", message}};
            if (connectorId) {
                payload["connectorId"] = *connectorId;
            }
            const int before = cp.snapshot().countSent(message);
            return c.commandStatus("TriggerMessage", payload) == "Accepted" &&
                   cp.waitUntil([&](const auto& s) { return answeredAfter(s, message, before); });
        };

        CASE_VERIFY(c, trigger("Heartbeat", std::nullopt));
        const auto afterHeartbeat = cp.snapshot();
        CASE_VERIFY(c, afterHeartbeat.lastSent("Heartbeat")->result->contains("currentTime"));

        const std::string statusRows =
            "SELECT count(*) FROM status_history WHERE charger_id = '" + id + "' AND connector_id = 1";
        CASE_VERIFY(c, c.waitDb(statusRows, "1"));
        CASE_VERIFY(c, trigger("StatusNotification", 1));
        CASE_VERIFY(c, c.waitDb(statusRows, "2"));

        CASE_VERIFY(c, trigger("MeterValues", 1));
        CASE_VERIFY(c, c.waitDb("SELECT count(*) > 0 FROM meter_values WHERE charger_id = '" + id +
                                    "' AND connector_id = 1 AND context = 'Trigger' AND "
                                    "measurand = 'Energy.Active.Import.Register'",
                                "t"));

        CASE_VERIFY(c, trigger("DiagnosticsStatusNotification", std::nullopt));
        CASE_VERIFY(c, trigger("FirmwareStatusNotification", std::nullopt));
        CASE_VERIFY(c, c.waitDb("SELECT string_agg(kind || ':' || status, ',' ORDER BY id) FROM "
                                "maintenance_history WHERE charger_id = '" +
                                    id + "'",
                                "diagnostics:Idle,firmware:Idle"));

        // Last, because the charger reports every connector again after an accepted boot.
        CASE_VERIFY(c, trigger("BootNotification", std::nullopt));
        const auto afterBoot = cp.snapshot();
        CASE_COMPARE(c, afterBoot.lastSent("BootNotification")->result->value("status", ""),
                     std::string("Accepted"));
        CASE_VERIFY(c, afterBoot.accepted() && afterBoot.bootCount == 2);
        CASE_VERIFY(c, c.waitDb("SELECT registration FROM chargers WHERE id = '" + id + "'", "Accepted"));

        CASE_VERIFY(c, c.waitDb("SELECT count(*) FROM command_audit WHERE action = 'TriggerMessage' AND "
                                "outcome = 'Accepted'",
                                "6"));
    }

    void TC_055_CSMS() {
        // The charger refuses to trigger: Rejected is an answer the CSMS records, and nothing follows.
        CASE_SETUP(c, [] {
            CaseOptions options;
            options.fleet.behaviour.acceptTriggerMessage = false;
            return options;
        }());
        auto& cp = c.charger();
        const int heartbeats = cp.snapshot().countSent("Heartbeat");
        CASE_COMPARE(
            c, c.commandStatus("TriggerMessage", {{"requestedMessage", "MeterValues"}, {"connectorId", 1}}),
            std::string("Rejected"));
        CASE_COMPARE(c, c.commandStatus("TriggerMessage", {{"requestedMessage", "Heartbeat"}}),
                     std::string("Rejected"));
        CASE_VERIFY(c, c.waitDb("SELECT string_agg(outcome, ',' ORDER BY id) FROM command_audit WHERE "
                                "action = 'TriggerMessage'",
                                "Rejected,Rejected"));
        const auto s = cp.snapshot();
        CASE_VERIFY(c, s.countReceived("TriggerMessage") == 2);
        CASE_VERIFY(c, s.countSent("MeterValues") == 0 && s.countSent("Heartbeat") == heartbeats);
        CASE_COMPARE(c, c.system().scalar("SELECT count(*) FROM meter_values"), std::string("0"));
    }
};

QTEST_GUILESS_MAIN(TstOcttRemoteTrigger)
#include "tst_octt_remote_trigger.moc"
