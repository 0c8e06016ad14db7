// Every CALL of the central system answered as the behaviour knobs say: Core actions, configuration
// keys, reservations, local list, triggers, firmware and diagnostics flows with their notifications.
#include "charge_point_harness.h"

using namespace voltdesk;
using namespace voltdesk::sim;
using namespace voltdesk::sim::testing;

namespace {

Json accepted(int transactionId) {
    return Json{{"transactionId", transactionId}, {"idTagInfo", {{"status", "Accepted"}}}};
}

void startSession(Harness& h, int connector, const std::string& tag, int transactionId) {
    h.cp().plugIn(connector, h.now());
    h.cp().presentIdTag(connector, tag, h.now());
    h.answer(h.expect("StartTransaction"), accepted(transactionId));
    QVERIFY(h.idle());
}

} // namespace

class TestChargePointCalls : public QObject {
    Q_OBJECT

private slots:
    void remoteStartWaitsForThePlugAndTimesOut() {
        auto b = Harness::scripted();
        b.connectionTimeOutSeconds = 30;
        Harness h(b);
        h.connectAndBoot();
        QCOMPARE(h.call("RemoteStartTransaction", {{"connectorId", 1}, {"idTag", "REMOTE-1"}})["status"],
                 Json("Accepted"));
        QVERIFY(h.idle()); // Authorize answered by the harness
        h.settle();
        QCOMPARE(QString::fromStdString(h.statuses.back()), QString("Preparing"));
        h.run(31'000);
        QVERIFY(h.idle());
        QCOMPARE(QString::fromStdString(h.statuses.back()), QString("Available"));

        QCOMPARE(h.call("RemoteStartTransaction", {{"idTag", "REMOTE-2"}})["status"], Json("Accepted"));
        h.cp().plugIn(1, h.now());
        const auto start = h.expect("StartTransaction");
        QCOMPARE(start.payload["idTag"], Json("REMOTE-2"));
        h.answer(start, accepted(3));
        QCOMPARE(h.call("RemoteStopTransaction", {{"transactionId", 4}})["status"], Json("Rejected"));
        QCOMPARE(h.call("RemoteStopTransaction", {{"transactionId", 3}})["status"], Json("Accepted"));
        QCOMPARE(h.expect("StopTransaction").payload["reason"], Json("Remote"));
    }

    void knobsRejectRemoteActionsResetAndUnlock() {
        auto b = Harness::scripted();
        b.acceptRemoteStart = false;
        b.acceptRemoteStop = false;
        b.acceptReset = false;
        b.unlockResult = UnlockResult::UnlockFailed;
        Harness h(b);
        h.connectAndBoot();
        QCOMPARE(h.call("RemoteStartTransaction", {{"idTag", "X"}})["status"], Json("Rejected"));
        startSession(h, 1, "CARD", 8);
        QCOMPARE(h.call("RemoteStopTransaction", {{"transactionId", 8}})["status"], Json("Rejected"));
        QCOMPARE(h.call("Reset", {{"type", "Soft"}})["status"], Json("Rejected"));
        QCOMPARE(h.call("UnlockConnector", {{"connectorId", 1}})["status"], Json("UnlockFailed"));
        QCOMPARE(h.call("UnlockConnector", {{"connectorId", 7}})["status"], Json("NotSupported"));
        QCOMPARE(h.call("Reset", {{"type", "Bogus"}})["error"], Json("PropertyConstraintViolation"));

        auto fixed = Harness::scripted();
        fixed.fixedCable = true;
        Harness f(fixed);
        f.connectAndBoot();
        QCOMPARE(f.call("UnlockConnector", {{"connectorId", 1}})["status"], Json("NotSupported"));
    }

    void resetStopsSessionsAndReboots() {
        Harness h;
        h.connectAndBoot();
        startSession(h, 1, "CARD", 21);
        QCOMPARE(h.call("Reset", {{"type", "Hard"}})["status"], Json("Accepted"));
        const auto stop = h.expect("StopTransaction");
        QCOMPARE(stop.payload["reason"], Json("HardReset"));
        h.answer(stop, Json::object());
        QVERIFY(!h.cp().takeReconnectRequest());
        h.advance(1'000);
        QVERIFY(h.cp().takeReconnectRequest());
        h.disconnect();
        h.connectAndBoot();
        QCOMPARE(h.cp().snapshot(h.now()).bootCount, 2);
    }

    void unlockStopsTheSessionAndAvailabilityIsScheduled() {
        Harness h;
        h.connectAndBoot();
        startSession(h, 1, "CARD", 5);
        QCOMPARE(h.call("ChangeAvailability", {{"connectorId", 1}, {"type", "Inoperative"}})["status"],
                 Json("Scheduled"));
        QCOMPARE(h.call("ChangeAvailability", {{"connectorId", 2}, {"type", "Inoperative"}})["status"],
                 Json("Accepted"));
        QCOMPARE(h.call("UnlockConnector", {{"connectorId", 1}})["status"], Json("Unlocked"));
        QCOMPARE(h.expect("StopTransaction").payload["reason"], Json("UnlockCommand"));
        const auto snap = h.cp().snapshot(h.now());
        QVERIFY(snap.connector(1)->status == contract::ConnectorStatus::Unavailable);
        QVERIFY(snap.connector(2)->status == contract::ConnectorStatus::Unavailable);
        QCOMPARE(h.call("ChangeAvailability", {{"connectorId", 5}, {"type", "Operative"}})["status"],
                 Json("Rejected"));
    }

    void configurationKeys() {
        Harness h;
        h.connectAndBoot();
        const auto all = h.call("GetConfiguration", Json::object());
        QVERIFY(all["configurationKey"].size() > 40);
        const auto some =
            h.call("GetConfiguration", {{"key", {"HeartbeatInterval", "NoSuchKey", "NumberOfConnectors"}}});
        QCOMPARE(some["configurationKey"].size(), std::size_t(2));
        QCOMPARE(some["unknownKey"][0], Json("NoSuchKey"));
        QCOMPARE(some["configurationKey"][1]["readonly"], Json(true));
        QCOMPARE(
            h.call("ChangeConfiguration", {{"key", "MeterValueSampleInterval"}, {"value", "15"}})["status"],
            Json("Accepted"));
        QCOMPARE(
            h.call("ChangeConfiguration", {{"key", "MeterValueSampleInterval"}, {"value", "-3"}})["status"],
            Json("Rejected"));
        QCOMPARE(h.call("ChangeConfiguration",
                        {{"key", "StopTransactionOnInvalidId"}, {"value", "maybe"}})["status"],
                 Json("Rejected"));
        QCOMPARE(h.call("ChangeConfiguration", {{"key", "MeterValuesSampledData"},
                                                {"value", "Energy.Active.Import.Register,Bogus"}})["status"],
                 Json("Rejected"));
        QCOMPARE(h.call("ChangeConfiguration", {{"key", "NumberOfConnectors"}, {"value", "4"}})["status"],
                 Json("Rejected"));
        QCOMPARE(h.call("ChangeConfiguration", {{"key", "NoSuchKey"}, {"value", "1"}})["status"],
                 Json("NotSupported"));
        QCOMPARE(h.cp().snapshot(h.now()).configuration["MeterValueSampleInterval"], std::string("15"));
        // AuthorizationKey is write-only, and a new one makes the charger connect again.
        QCOMPARE(h.call("ChangeConfiguration",
                        {{"key", "AuthorizationKey"}, {"value", "0123456789abcdef0123"}})["status"],
                 Json("Accepted"));
        const auto key = h.call("GetConfiguration", {{"key", {"AuthorizationKey"}}});
        QVERIFY(!key["configurationKey"][0].contains("value"));
        h.advance(1'000);
        QVERIFY(h.cp().takeReconnectRequest());
        QCOMPARE(QString::fromStdString(h.cp().authorizationKey()), QString("0123456789abcdef0123"));
    }

    void reservations() {
        auto b = Harness::scripted();
        Harness h(b);
        h.connectAndBoot();
        const auto expiry = contract::toIso8601(h.now() + 60'000);
        QCOMPARE(h.call("ReserveNow", {{"connectorId", 1},
                                       {"expiryDate", expiry},
                                       {"idTag", "RES-1"},
                                       {"reservationId", 1}})["status"],
                 Json("Accepted"));
        h.settle();
        QCOMPARE(QString::fromStdString(h.statuses.back()), QString("Reserved"));
        QCOMPARE(h.call("ReserveNow", {{"connectorId", 1},
                                       {"expiryDate", expiry},
                                       {"idTag", "RES-2"},
                                       {"reservationId", 2}})["status"],
                 Json("Occupied"));
        h.cp().fault(2, "GroundFailure", h.now());
        QCOMPARE(h.call("ReserveNow", {{"connectorId", 2},
                                       {"expiryDate", expiry},
                                       {"idTag", "RES-2"},
                                       {"reservationId", 2}})["status"],
                 Json("Faulted"));
        h.cp().clearFault(2, h.now());
        // Another idTag cannot use the reserved connector; the right one starts with the reservation id.
        h.cp().plugIn(1, h.now());
        h.cp().presentIdTag(1, "SOMEONE-ELSE", h.now());
        QVERIFY(h.idle());
        h.cp().presentIdTag(1, "RES-1", h.now());
        const auto start = h.expect("StartTransaction");
        QCOMPARE(start.payload["reservationId"], Json(1));
        h.answer(start, accepted(1));
        // Expiry and cancellation.
        QCOMPARE(h.call("ReserveNow", {{"connectorId", 2},
                                       {"expiryDate", contract::toIso8601(h.now() + 5'000)},
                                       {"idTag", "R"},
                                       {"reservationId", 3}})["status"],
                 Json("Accepted"));
        h.run(6'000);
        QVERIFY(!h.cp().snapshot(h.now()).connector(2)->reservationId);
        QCOMPARE(
            h.call(
                "ReserveNow",
                {{"connectorId", 2}, {"expiryDate", expiry}, {"idTag", "R"}, {"reservationId", 4}})["status"],
            Json("Accepted"));
        QCOMPARE(h.call("CancelReservation", {{"reservationId", 4}})["status"], Json("Accepted"));
        QCOMPARE(h.call("CancelReservation", {{"reservationId", 4}})["status"], Json("Rejected"));

        auto none = Harness::scripted();
        none.reservationSupported = false;
        Harness n(none);
        n.connectAndBoot();
        QCOMPARE(
            n.call(
                "ReserveNow",
                {{"connectorId", 1}, {"expiryDate", expiry}, {"idTag", "R"}, {"reservationId", 1}})["status"],
            Json("Rejected"));
    }

    void localListAndOfflineAuthorization() {
        Harness h;
        h.connectAndBoot();
        QCOMPARE(h.call("GetLocalListVersion", Json::object())["listVersion"], Json(0));
        const Json list = Json::array({{{"idTag", "LOCAL-1"}, {"idTagInfo", {{"status", "Accepted"}}}},
                                       {{"idTag", "LOCAL-2"}, {"idTagInfo", {{"status", "Blocked"}}}}});
        QCOMPARE(
            h.call("SendLocalList",
                   {{"listVersion", 3}, {"updateType", "Full"}, {"localAuthorizationList", list}})["status"],
            Json("Accepted"));
        QCOMPARE(h.call("GetLocalListVersion", Json::object())["listVersion"], Json(3));
        QCOMPARE(h.call("SendLocalList", {{"listVersion", 2}, {"updateType", "Differential"}})["status"],
                 Json("VersionMismatch"));
        QCOMPARE(h.call("SendLocalList",
                        {{"listVersion", 4},
                         {"updateType", "Differential"},
                         {"localAuthorizationList", Json::array({{{"idTag", "LOCAL-2"}}})}})["status"],
                 Json("Accepted"));
        // Offline: LOCAL-1 starts from the list, an unknown idTag does not.
        h.disconnect();
        h.cp().plugIn(1, h.now());
        h.cp().presentIdTag(1, "UNKNOWN", h.now());
        QVERIFY(!h.cp().snapshot(h.now()).activeTransaction(1));
        h.cp().presentIdTag(1, "LOCAL-1", h.now());
        QVERIFY(h.cp().snapshot(h.now()).activeTransaction(1));

        auto unsupported = Harness::scripted();
        unsupported.localListSupported = false;
        Harness u(unsupported);
        u.connectAndBoot();
        QCOMPARE(u.call("GetLocalListVersion", Json::object())["listVersion"], Json(-1));
        QCOMPARE(u.call("SendLocalList", {{"listVersion", 1}, {"updateType", "Full"}})["status"],
                 Json("NotSupported"));
        auto failing = Harness::scripted();
        failing.sendLocalListFails = true;
        Harness f(failing);
        f.connectAndBoot();
        QCOMPARE(f.call("SendLocalList", {{"listVersion", 1}, {"updateType", "Full"}})["status"],
                 Json("Failed"));
    }

    void triggersAndDataTransfer() {
        Harness h;
        h.connectAndBoot();
        QCOMPARE(h.call("TriggerMessage", {{"requestedMessage", "Heartbeat"}})["status"], Json("Accepted"));
        QVERIFY(h.idle()); // the harness answers the Heartbeat
        QCOMPARE(h.cp().snapshot(h.now()).countSent("Heartbeat"), 1);
        QCOMPARE(h.call("TriggerMessage",
                        {{"requestedMessage", "StatusNotification"}, {"connectorId", 2}})["status"],
                 Json("Accepted"));
        QCOMPARE(h.call("TriggerMessage",
                        {{"requestedMessage", "StatusNotification"}, {"connectorId", 9}})["status"],
                 Json("Rejected"));
        QCOMPARE(
            h.call("TriggerMessage", {{"requestedMessage", "MeterValues"}, {"connectorId", 1}})["status"],
            Json("Accepted"));
        QCOMPARE(h.expect("MeterValues").payload["meterValue"][0]["sampledValue"][0]["context"],
                 Json("Trigger"));
        QCOMPARE(h.call("DataTransfer", {{"vendorId", "acme"}})["status"], Json("UnknownVendorId"));
        QCOMPARE(
            h.call("ExtendedTriggerMessage", {{"requestedMessage", "SignChargePointCertificate"}})["status"],
            Json("Accepted"));

        auto b = Harness::scripted();
        b.acceptTriggerMessage = false;
        Harness r(b);
        r.connectAndBoot();
        QCOMPARE(r.call("TriggerMessage", {{"requestedMessage", "Heartbeat"}})["status"], Json("Rejected"));
    }

    void firmwareUpdateRunsToInstalledAfterAReboot() {
        Harness h;
        h.connectAndBoot();
        const auto answer = h.call("UpdateFirmware", {{"location", "https://fw.example/x.bin"},
                                                      {"retrieveDate", contract::toIso8601(h.now())}});
        QCOMPARE(answer, Json::object());
        std::vector<std::string> seen;
        for (int i = 0; i < 6 && !h.cp().takeReconnectRequest(); ++i) {
            h.advance(1'000);
            while (!h.idle()) {
                const auto n = h.expect("FirmwareStatusNotification");
                seen.push_back(n.payload["status"].get<std::string>());
                h.answer(n, Json::object());
            }
        }
        QCOMPARE(seen, (std::vector<std::string>{"Downloading", "Downloaded", "Installing"}));
        h.disconnect();
        h.connectAndBoot();
        QCOMPARE(h.cp().snapshot(h.now()).firmwareVersion, std::string("2.0.0-sim"));
        h.advance(10);
        QCOMPARE(h.expect("FirmwareStatusNotification").payload["status"], Json("Installed"));

        auto b = Harness::scripted();
        b.firmwareOutcome = FirmwareOutcome::DownloadFailed;
        Harness f(b);
        f.connectAndBoot();
        (void)f.call("UpdateFirmware", {{"location", "https://fw.example/x.bin"},
                                        {"retrieveDate", contract::toIso8601(f.now())}});
        f.advance(0);
        f.answer(f.expect("FirmwareStatusNotification"), Json::object());
        f.advance(1'000);
        QCOMPARE(f.expect("FirmwareStatusNotification").payload["status"], Json("DownloadFailed"));
    }

    void diagnosticsAndLogsUpload() {
        auto b = Harness::scripted();
        b.diagnosticsUploadFails = true;
        Harness h(b);
        h.connectAndBoot();
        const auto answer = h.call("GetDiagnostics", {{"location", "ftp://logs.example/"}});
        QVERIFY(answer["fileName"].get<std::string>().ends_with(".zip"));
        h.advance(1'000);
        auto n = h.expect("DiagnosticsStatusNotification");
        QCOMPARE(n.payload["status"], Json("Uploading"));
        h.answer(n, Json::object());
        h.advance(1'000);
        QCOMPARE(h.expect("DiagnosticsStatusNotification").payload["status"], Json("UploadFailed"));

        Harness l;
        l.connectAndBoot();
        const auto log = l.call("GetLog", {{"logType", "SecurityLog"},
                                           {"requestId", 7},
                                           {"log", {{"remoteLocation", "https://logs.example/"}}}});
        QCOMPARE(log["status"], Json("Accepted"));
        l.advance(1'000);
        auto u = l.expect("LogStatusNotification");
        QCOMPARE(u.payload["requestId"], Json(7));
        l.answer(u, Json::object());
        l.advance(1'000);
        QCOMPARE(l.expect("LogStatusNotification").payload["status"], Json("Uploaded"));
    }

    void certificates() {
        Harness h;
        h.connectAndBoot();
        const std::string pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        QCOMPARE(h.call("InstallCertificate", {{"certificateType", "CentralSystemRootCertificate"},
                                               {"certificate", pem}})["status"],
                 Json("Accepted"));
        const auto ids =
            h.call("GetInstalledCertificateIds", {{"certificateType", "CentralSystemRootCertificate"}});
        QCOMPARE(ids["status"], Json("Accepted"));
        QCOMPARE(h.call("GetInstalledCertificateIds",
                        {{"certificateType", "ManufacturerRootCertificate"}})["status"],
                 Json("NotFound"));
        QCOMPARE(
            h.call("DeleteCertificate", {{"certificateHashData", ids["certificateHashData"][0]}})["status"],
            Json("Accepted"));
        QCOMPARE(
            h.call("DeleteCertificate", {{"certificateHashData", ids["certificateHashData"][0]}})["status"],
            Json("NotFound"));
        QCOMPARE(h.call("CertificateSigned", {{"certificateChain", "garbage"}})["status"], Json("Rejected"));
        QCOMPARE(h.expect("SecurityEventNotification").payload["type"],
                 Json("InvalidChargePointCertificate"));
    }
};

QTEST_APPLESS_MAIN(TestChargePointCalls)
#include "tst_charge_point_calls.moc"
