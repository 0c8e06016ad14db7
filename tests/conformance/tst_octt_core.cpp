// OCPP 1.6 Core profile cases of the OCA test tool's CSMS list, each a test function named after its
// case: the simulator plays the charge point the tool would play, the real agent is the CSMS, and each
// case checks what the CSMS must do: its answers on the wire, and what it stored and reported.
#include "tests/conformance/conformance_case.h"

#include <QtTest>

using namespace voltdesk;
using namespace voltdesk::testing;
using contract::ConnectorStatus;
using Json = nlohmann::json;

namespace {

CaseOptions withBehaviour(const std::function<void(sim::ChargePointBehaviour&)>& change) {
    CaseOptions options;
    change(options.fleet.behaviour);
    return options;
}

std::string answerStatus(const sim::ExchangedCall* call) {
    if (call == nullptr || !call->result) {
        return "<no answer>";
    }
    if (call->result->contains("idTagInfo")) {
        return call->result->at("idTagInfo").value("status", "<none>");
    }
    return call->result->value("status", "<none>");
}

/// Plugs in, presents idTag and waits until the central system acknowledged the start.
std::optional<int> startSession(ConformanceCase& c, const std::string& idTag, int connector = 1) {
    c.charger().plugIn(connector);
    c.charger().presentIdTag(connector, idTag);
    return c.waitStarted(connector);
}

} // namespace

class TstOcttCore : public QObject {
    Q_OBJECT

private slots:
    void TC_001_CSMS() {
        // Cold boot: BootNotification Accepted with the heartbeat interval, every connector reported.
        CASE_SETUP(c);
        const auto s = c.charger().snapshot();
        const auto* boot = s.lastSent("BootNotification");
        CASE_VERIFY(c, boot != nullptr && boot->result.has_value());
        CASE_COMPARE(c, boot->result->value("status", ""), std::string("Accepted"));
        CASE_VERIFY(c, boot->result->value("interval", 0) == 60);
        CASE_VERIFY(c, boot->result->contains("currentTime"));
        CASE_VERIFY(c, s.countSent("StatusNotification") >= static_cast<int>(s.connectors.size()) - 1);
        const std::string id = c.chargerId();
        CASE_VERIFY(c, c.waitDb("SELECT registration FROM chargers WHERE id = '" + id + "'", "Accepted"));
        CASE_VERIFY(
            c, c.waitDb("SELECT status FROM connectors WHERE charger_id = '" + id + "' AND connector_id = 1",
                        "Available"));
        c.charger().sendCall("Heartbeat", Json::object());
        CASE_VERIFY(c, c.charger().waitUntil([](const sim::ChargePointSnapshot& snap) {
            const auto* hb = snap.lastSent("Heartbeat");
            return hb != nullptr && hb->result && hb->result->contains("currentTime");
        }));
    }

    void TC_003_CSMS() {
        // Plug in first, then authorize; the CSMS accepts the idTag, hands out a transaction id,
        // stores meter values, and records the stop.
        CASE_SETUP(c);
        auto& cp = c.charger();
        cp.plugIn(1);
        CASE_VERIFY(c, c.waitStatus(1, ConnectorStatus::Preparing));
        cp.presentIdTag(1, kValidTag);
        const auto tx = c.waitStarted(1);
        CASE_VERIFY(c, tx.has_value());
        const auto s = cp.snapshot();
        CASE_COMPARE(c, answerStatus(s.lastSent("Authorize")), std::string("Accepted"));
        CASE_COMPARE(c, answerStatus(s.lastSent("StartTransaction")), std::string("Accepted"));
        CASE_VERIFY(c, c.waitStatus(1, ConnectorStatus::Charging));
        const std::string where = "FROM transactions WHERE transaction_id = " + std::to_string(*tx);
        CASE_COMPARE(c,
                     c.system().scalar("SELECT charger_id || '/' || connector_id || '/' || id_tag " + where),
                     c.chargerId() + "/1/" + kValidTag);
        cp.sendCall(
            "MeterValues",
            {{"connectorId", 1},
             {"transactionId", *tx},
             {"meterValue",
              Json::array({{{"timestamp", contract::toIso8601(contract::nowMs())},
                            {"sampledValue", Json::array({{{"value", "1234"},
                                                           {"measurand", "Energy.Active.Import.Register"},
                                                           {"unit", "Wh"}}})}}})}});
        CASE_VERIFY(c, c.waitDb("SELECT count(*) FROM meter_values WHERE transaction_id = " +
                                    std::to_string(*tx) + " AND value = '1234'",
                                "1"));
        cp.presentIdTag(1, kValidTag); // the same card ends the session
        CASE_VERIFY(c, c.waitStopped());
        CASE_VERIFY(c, c.waitDb("SELECT stop_reason " + where, "Local"));
        cp.unplug(1);
        CASE_VERIFY(c, c.waitStatus(1, ConnectorStatus::Available));
    }

    void TC_004_1_CSMS() {
        // Identification first, then plug in.
        CASE_SETUP(c);
        auto& cp = c.charger();
        cp.presentIdTag(1, kValidTag);
        CASE_VERIFY(c, cp.waitUntil([](const sim::ChargePointSnapshot& s) {
            return answerStatus(s.lastSent("Authorize")) == "Accepted";
        }));
        cp.plugIn(1);
        const auto tx = c.waitStarted(1);
        CASE_VERIFY(c, tx.has_value());
        CASE_VERIFY(c, c.waitDb("SELECT id_tag_status FROM transactions WHERE transaction_id = " +
                                    std::to_string(*tx),
                                "Accepted"));
    }

    void TC_004_2_CSMS() {
        // Identification first, but no cable within ConnectionTimeOut: no transaction; the connector
        // returns to Available and the CSMS keeps up.
        CASE_SETUP(c, withBehaviour([](auto& b) {
                       b.mode = sim::ChargePointMode::Scripted;
                       b.connectionTimeOutSeconds = 2;
                   }));
        auto& cp = c.charger();
        cp.presentIdTag(1, kValidTag);
        CASE_VERIFY(c, c.waitStatus(1, ConnectorStatus::Preparing));
        CASE_VERIFY(c, c.waitStatus(1, ConnectorStatus::Available, 0, std::chrono::seconds(10)));
        CASE_VERIFY(c, c.waitDb("SELECT status FROM connectors WHERE charger_id = '" + c.chargerId() +
                                    "' AND connector_id = 1",
                                "Available"));
        CASE_COMPARE(c, c.system().scalar("SELECT count(*) FROM transactions"), std::string("0"));
    }

    void TC_005_1_CSMS() {
        // The EV side disconnects during charging with StopTransactionOnEVSideDisconnect = true.
        CASE_SETUP(c);
        const auto tx = startSession(c, kValidTag);
        CASE_VERIFY(c, tx.has_value());
        c.charger().unplug(1);
        CASE_VERIFY(c, c.waitStopped());
        CASE_VERIFY(
            c, c.waitDb("SELECT stop_reason FROM transactions WHERE transaction_id = " + std::to_string(*tx),
                        "EVDisconnected"));
    }

    void TC_007_CSMS() {
        // A cached idTag starts without Authorize; the CSMS still answers StartTransaction Accepted.
        CASE_SETUP(c);
        auto& cp = c.charger();
        const auto first = startSession(c, kValidTag);
        CASE_VERIFY(c, first.has_value());
        cp.presentIdTag(1, kValidTag);
        CASE_VERIFY(c, c.waitStopped());
        cp.unplug(1);
        CASE_VERIFY(c, c.waitStatus(1, ConnectorStatus::Available));
        cp.setConfiguration("LocalPreAuthorize", "true");
        const int authorizesBefore = cp.snapshot().countSent("Authorize");
        const auto second = startSession(c, kValidTag);
        CASE_VERIFY(c, second.has_value() && *second != *first);
        const auto s = cp.snapshot();
        CASE_VERIFY(c, s.countSent("Authorize") == authorizesBefore); // started from the cache
        CASE_COMPARE(c, answerStatus(s.lastSent("StartTransaction")), std::string("Accepted"));
    }

    void TC_010_CSMS() {
        // Remote start with the cable plugged in first.
        CASE_SETUP(c);
        c.charger().plugIn(1);
        CASE_VERIFY(c, c.waitStatus(1, ConnectorStatus::Preparing));
        CASE_COMPARE(c, c.commandStatus("RemoteStartTransaction", {{"connectorId", 1}, {"idTag", kValidTag}}),
                     std::string("Accepted"));
        const auto tx = c.waitStarted(1);
        CASE_VERIFY(c, tx.has_value());
        CASE_VERIFY(c, c.waitDb("SELECT outcome FROM command_audit WHERE action = 'RemoteStartTransaction'",
                                "Accepted"));
    }

    void TC_011_1_CSMS() {
        // Remote start first, then the cable.
        CASE_SETUP(c);
        CASE_COMPARE(c, c.commandStatus("RemoteStartTransaction", {{"connectorId", 1}, {"idTag", kValidTag}}),
                     std::string("Accepted"));
        c.charger().plugIn(1);
        CASE_VERIFY(c, c.waitStarted(1).has_value());
    }

    void TC_011_2_CSMS() {
        // Remote start, but no cable within ConnectionTimeOut: no transaction, back to Available.
        CASE_SETUP(c, withBehaviour([](auto& b) {
                       b.mode = sim::ChargePointMode::Scripted;
                       b.connectionTimeOutSeconds = 2;
                   }));
        CASE_COMPARE(c, c.commandStatus("RemoteStartTransaction", {{"connectorId", 1}, {"idTag", kValidTag}}),
                     std::string("Accepted"));
        CASE_VERIFY(c, c.waitStatus(1, ConnectorStatus::Preparing));
        CASE_VERIFY(c, c.waitStatus(1, ConnectorStatus::Available));
        CASE_COMPARE(c, c.system().scalar("SELECT count(*) FROM transactions"), std::string("0"));
    }

    void TC_012_CSMS() {
        // Remote stop of a running transaction.
        CASE_SETUP(c);
        const auto tx = startSession(c, kValidTag);
        CASE_VERIFY(c, tx.has_value());
        CASE_COMPARE(c, c.commandStatus("RemoteStopTransaction", {{"transactionId", *tx}}),
                     std::string("Accepted"));
        CASE_VERIFY(c, c.waitStopped());
        CASE_VERIFY(
            c, c.waitDb("SELECT stop_reason FROM transactions WHERE transaction_id = " + std::to_string(*tx),
                        "Remote"));
    }

    void TC_013_CSMS() {
        // Hard reset: the charger ends its session (HardReset), reboots and boots again.
        resetEndsSessionAndReboots("Hard", "HardReset");
    }

    void TC_014_CSMS() { resetEndsSessionAndReboots("Soft", "SoftReset"); }

    void TC_017_1_CSMS() {
        CASE_SETUP(c);
        CASE_COMPARE(c, c.commandStatus("UnlockConnector", {{"connectorId", 1}}), std::string("Unlocked"));
    }

    void TC_017_2_CSMS() {
        CASE_SETUP(c, withBehaviour([](auto& b) {
                       b.mode = sim::ChargePointMode::Scripted;
                       b.fixedCable = true;
                   }));
        CASE_COMPARE(c, c.commandStatus("UnlockConnector", {{"connectorId", 1}}),
                     std::string("NotSupported"));
    }

    void TC_018_1_CSMS() {
        // Unlock during a session: the charger stops it (UnlockCommand) and unlocks.
        CASE_SETUP(c);
        const auto tx = startSession(c, kValidTag);
        CASE_VERIFY(c, tx.has_value());
        CASE_COMPARE(c, c.commandStatus("UnlockConnector", {{"connectorId", 1}}), std::string("Unlocked"));
        CASE_VERIFY(c, c.waitStopped());
        CASE_VERIFY(
            c, c.waitDb("SELECT stop_reason FROM transactions WHERE transaction_id = " + std::to_string(*tx),
                        "UnlockCommand"));
    }

    void TC_019_1_CSMS() {
        CASE_SETUP(c);
        const auto response = c.command("GetConfiguration", Json::object());
        CASE_VERIFY(c, response && response->outcome == contract::CommandOutcome::Completed);
        const auto keys = response->response.value("configurationKey", Json::array());
        CASE_VERIFY(c, keys.size() >= 10);
        bool heartbeat = false;
        for (const auto& k : keys) {
            heartbeat = heartbeat || k.value("key", "") == "HeartbeatInterval";
        }
        CASE_VERIFY(c, heartbeat);
    }

    void TC_019_2_CSMS() {
        CASE_SETUP(c);
        const auto response =
            c.command("GetConfiguration", {{"key", Json::array({"MeterValueSampleInterval"})}});
        CASE_VERIFY(c, response && response->outcome == contract::CommandOutcome::Completed);
        const auto keys = response->response.value("configurationKey", Json::array());
        CASE_VERIFY(c, keys.size() == 1 && keys[0].value("key", "") == "MeterValueSampleInterval");
    }

    void TC_021_CSMS() {
        CASE_SETUP(c);
        CASE_COMPARE(
            c, c.commandStatus("ChangeConfiguration", {{"key", "MeterValueSampleInterval"}, {"value", "15"}}),
            std::string("Accepted"));
        CASE_COMPARE(c, c.charger().snapshot().configuration.at("MeterValueSampleInterval"),
                     std::string("15"));
    }

    void TC_023_1_CSMS() { authorizeRefused(kUnknownTag, "Invalid"); }
    void TC_023_2_CSMS() { authorizeRefused(kExpiredTag, "Expired"); }
    void TC_023_3_CSMS() { authorizeRefused(kBlockedTag, "Blocked"); }

    void TC_024_CSMS() {
        // The cable lock fails at start: the charger reports ConnectorLockFailure, no transaction.
        CASE_SETUP(c, withBehaviour([](auto& b) {
                       b.mode = sim::ChargePointMode::Scripted;
                       b.lockFailsOnStart = true;
                   }));
        c.charger().plugIn(1);
        c.charger().presentIdTag(1, kValidTag);
        CASE_VERIFY(c, c.waitDb("SELECT error_code FROM connectors WHERE charger_id = '" + c.chargerId() +
                                    "' AND connector_id = 1",
                                "ConnectorLockFailure"));
        CASE_COMPARE(c, c.system().scalar("SELECT count(*) FROM transactions"), std::string("0"));
    }

    void TC_026_CSMS() {
        CASE_SETUP(c, withBehaviour([](auto& b) {
                       b.mode = sim::ChargePointMode::Scripted;
                       b.acceptRemoteStart = false;
                   }));
        CASE_COMPARE(c, c.commandStatus("RemoteStartTransaction", {{"connectorId", 1}, {"idTag", kValidTag}}),
                     std::string("Rejected"));
        CASE_VERIFY(c, c.waitDb("SELECT outcome FROM command_audit WHERE action = 'RemoteStartTransaction'",
                                "Rejected"));
    }

    void TC_028_CSMS() {
        CASE_SETUP(c, withBehaviour([](auto& b) {
                       b.mode = sim::ChargePointMode::Scripted;
                       b.acceptRemoteStop = false;
                   }));
        const auto tx = startSession(c, kValidTag);
        CASE_VERIFY(c, tx.has_value());
        CASE_COMPARE(c, c.commandStatus("RemoteStopTransaction", {{"transactionId", *tx}}),
                     std::string("Rejected"));
        CASE_VERIFY(c, c.charger().snapshot().activeTransaction(1) != nullptr);
    }

    void TC_030_CSMS() {
        CASE_SETUP(c, withBehaviour([](auto& b) {
                       b.mode = sim::ChargePointMode::Scripted;
                       b.unlockResult = sim::UnlockResult::UnlockFailed;
                   }));
        CASE_COMPARE(c, c.commandStatus("UnlockConnector", {{"connectorId", 1}}),
                     std::string("UnlockFailed"));
    }

    void TC_031_CSMS() {
        CASE_SETUP(c);
        CASE_COMPARE(c, c.commandStatus("UnlockConnector", {{"connectorId", 9}}),
                     std::string("NotSupported"));
    }

    void TC_032_1_CSMS() {
        // Power failure during a session: after the reboot the charger stops it with PowerLoss.
        CASE_SETUP(c);
        const auto tx = startSession(c, kValidTag);
        CASE_VERIFY(c, tx.has_value());
        c.charger().powerLoss();
        CASE_VERIFY(
            c, c.waitDb("SELECT stop_reason FROM transactions WHERE transaction_id = " + std::to_string(*tx),
                        "PowerLoss", std::chrono::seconds(20)));
    }

    void TC_037_1_CSMS() {
        // Offline start with a valid idTag from the local list; replayed after reconnect and accepted.
        CASE_SETUP(c);
        auto& cp = c.charger();
        CASE_COMPARE(c, c.commandStatus("SendLocalList", {{"listVersion", 1}, {"updateType", "Full"}}),
                     std::string("Accepted"));
        cp.goOffline();
        cp.plugIn(1);
        cp.presentIdTag(1, kValidTag);
        CASE_VERIFY(c, cp.waitUntil([](const auto& s) { return s.activeTransaction(1) != nullptr; }));
        cp.comeBack();
        const auto tx = c.waitStarted(1);
        CASE_VERIFY(c, tx.has_value());
        CASE_VERIFY(c, c.waitDb("SELECT id_tag_status FROM transactions WHERE transaction_id = " +
                                    std::to_string(*tx),
                                "Accepted"));
    }

    void TC_037_3_CSMS() {
        // Offline start with an idTag the CSMS finds invalid, StopTransactionOnInvalidId = true: the
        // replayed start is answered Invalid and the charger ends the session (DeAuthorized).
        CASE_SETUP(c, withBehaviour([](auto& b) {
                       b.mode = sim::ChargePointMode::Scripted;
                       b.allowOfflineTxForUnknownId = true;
                       b.stopTransactionOnInvalidId = true;
                   }));
        auto& cp = c.charger();
        cp.goOffline();
        cp.plugIn(1);
        cp.presentIdTag(1, kUnknownTag);
        CASE_VERIFY(c, cp.waitUntil([](const auto& s) { return s.activeTransaction(1) != nullptr; }));
        cp.comeBack();
        CASE_VERIFY(c, c.waitStopped(0, std::chrono::seconds(20)));
        CASE_VERIFY(c, c.waitDb("SELECT id_tag_status || '/' || stop_reason FROM transactions",
                                "Invalid/DeAuthorized"));
    }

    void TC_039_CSMS() {
        // A whole transaction while offline: start, meter values and stop are replayed in order, with
        // new message ids, and stored once.
        CASE_SETUP(c);
        auto& cp = c.charger();
        CASE_COMPARE(c, c.commandStatus("SendLocalList", {{"listVersion", 1}, {"updateType", "Full"}}),
                     std::string("Accepted"));
        cp.goOffline();
        cp.plugIn(1);
        cp.presentIdTag(1, kValidTag);
        CASE_VERIFY(c, cp.waitUntil([](const auto& s) { return s.activeTransaction(1) != nullptr; }));
        cp.stopTransaction(1, "Local");
        CASE_VERIFY(c, cp.waitUntil([](const auto& s) { return s.queuedTransactionMessages >= 2; }));
        cp.comeBack();
        CASE_VERIFY(c, c.waitStopped(0, std::chrono::seconds(20)));
        CASE_VERIFY(c, c.waitDb("SELECT count(*) || '/' || min(stop_reason) FROM transactions", "1/Local"));
    }

    void TC_040_1_CSMS() {
        CASE_SETUP(c);
        CASE_COMPARE(c,
                     c.commandStatus("ChangeConfiguration", {{"key", "VendorSpecificThing"}, {"value", "1"}}),
                     std::string("NotSupported"));
    }

    void TC_040_2_CSMS() {
        CASE_SETUP(c);
        CASE_COMPARE(
            c, c.commandStatus("ChangeConfiguration", {{"key", "MeterValueSampleInterval"}, {"value", "-5"}}),
            std::string("Rejected"));
    }

    void TC_061_CSMS() {
        CASE_SETUP(c);
        CASE_COMPARE(c, c.commandStatus("ClearCache", Json::object()), std::string("Accepted"));
        CASE_VERIFY(c, c.charger().waitUntil([](const auto& s) { return s.authorizationCacheSize == 0; }));
    }

    void TC_064_CSMS() {
        // A charger's DataTransfer: answered with a status (no vendor extension installed).
        CASE_SETUP(c);
        c.charger().sendCall("DataTransfer",
                             {{"vendorId", "com.example.vendor"}, {"messageId", "hello"}, {"data", "1"}});
        CASE_VERIFY(c, c.charger().waitUntil([](const auto& s) {
            return answerStatus(s.lastSent("DataTransfer")) == "UnknownVendorId";
        }));
    }

private:
    void resetEndsSessionAndReboots(const char* type, const char* stopReason) {
        CASE_SETUP(c);
        const auto tx = startSession(c, kValidTag);
        CASE_VERIFY(c, tx.has_value());
        CASE_COMPARE(c, c.commandStatus("Reset", {{"type", type}}), std::string("Accepted"));
        CASE_VERIFY(
            c, c.waitDb("SELECT stop_reason FROM transactions WHERE transaction_id = " + std::to_string(*tx),
                        stopReason, std::chrono::seconds(20)));
        CASE_VERIFY(c, c.charger().waitUntil([](const auto& s) { return s.bootCount >= 2 && s.accepted(); },
                                             std::chrono::seconds(20)));
    }

    void authorizeRefused(const char* tag, const char* status) {
        CASE_SETUP(c);
        auto& cp = c.charger();
        cp.plugIn(1);
        cp.presentIdTag(1, tag);
        CASE_VERIFY(
            c, cp.waitUntil([&](const auto& s) { return answerStatus(s.lastSent("Authorize")) == status; }));
        CASE_VERIFY(c, cp.snapshot().activeTransaction(1) == nullptr);
        CASE_COMPARE(c, c.system().scalar("SELECT count(*) FROM transactions"), std::string("0"));
    }
};

QTEST_GUILESS_MAIN(TstOcttCore)
#include "tst_octt_core.moc"
