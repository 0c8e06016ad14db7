// OCPP 1.6 Firmware Management cases of the OCA test tool's CSMS list: the CSMS starts a firmware
// update or a diagnostics upload, answers every progress notification, and keeps the progress.
#include "tests/conformance/conformance_case.h"

#include <QtTest>

using namespace voltdesk;
using namespace voltdesk::testing;
using Json = nlohmann::json;

namespace {

constexpr const char* kFirmwareUrl = "https://firmware.example.com/voltdesk/fw-2.0.0.bin";

CaseOptions firmwareCase(sim::FirmwareOutcome outcome) {
    CaseOptions options;
    options.fleet.behaviour.firmwareOutcome = outcome;
    options.fleet.behaviour.flowStepMs = 500;
    return options;
}

/// Every notification of that action the charger sent was answered with a CALLRESULT.
bool allAnswered(const sim::ChargePointSnapshot& s, std::string_view action) {
    int n = 0;
    for (const auto& call : s.sent) {
        if (call.action == action) {
            ++n;
            if (!call.result || !call.errorCode.empty()) {
                return false;
            }
        }
    }
    return n > 0;
}

std::string progressSql(ConformanceCase& c, const std::string& kind) {
    return "SELECT string_agg(status, ',' ORDER BY id) FROM maintenance_history WHERE charger_id = '" +
           c.chargerId() + "' AND kind = '" + kind + "'";
}

/// Sends UpdateFirmware (retrieve now) and checks what the CSMS sent and how it took the answer.
bool updateFirmware(ConformanceCase& c) {
    const Json request{
        {"location", kFirmwareUrl}, {"retrieveDate", contract::toIso8601(contract::nowMs())}, {"retries", 2}};
    const auto response = c.command("UpdateFirmware", request);
    if (!response || response->outcome != contract::CommandOutcome::Completed) {
        return false;
    }
    const auto s = c.charger().snapshot();
    const auto* call = s.lastReceived("UpdateFirmware");
    return call != nullptr && call->payload == request &&
           c.waitDb("SELECT outcome FROM command_audit WHERE action = 'UpdateFirmware'", "Completed");
}

} // namespace

class TstOcttFirmware : public QObject {
    Q_OBJECT

private slots:
    void TC_044_1_CSMS() {
        // Download and install: every FirmwareStatusNotification is answered and kept in order, the
        // charger reboots, and the CSMS takes the new firmware version from its BootNotification.
        CASE_SETUP(c, firmwareCase(sim::FirmwareOutcome::Installed));
        const std::string before = c.charger().snapshot().firmwareVersion;
        CASE_VERIFY(
            c, c.waitDb("SELECT firmware_version FROM chargers WHERE id = '" + c.chargerId() + "'", before));
        CASE_VERIFY(c, updateFirmware(c));
        CASE_VERIFY(c, c.waitDb(progressSql(c, "firmware"), "Downloading,Downloaded,Installing,Installed",
                                std::chrono::seconds(30)));
        const auto s = c.charger().snapshot();
        CASE_VERIFY(c, s.bootCount >= 2 && s.accepted());
        CASE_COMPARE(c, s.firmwareVersion, std::string("2.0.0-sim"));
        CASE_VERIFY(c, before != s.firmwareVersion);
        CASE_VERIFY(c, allAnswered(s, "FirmwareStatusNotification"));
        CASE_VERIFY(c, c.waitDb("SELECT firmware_version FROM chargers WHERE id = '" + c.chargerId() + "'",
                                "2.0.0-sim"));
    }

    void TC_044_2_CSMS() {
        // The download fails: Downloading, DownloadFailed; no reboot, the firmware version stays.
        CASE_SETUP(c, firmwareCase(sim::FirmwareOutcome::DownloadFailed));
        const std::string before = c.charger().snapshot().firmwareVersion;
        CASE_VERIFY(c, updateFirmware(c));
        CASE_VERIFY(c, c.waitDb(progressSql(c, "firmware"), "Downloading,DownloadFailed"));
        const auto s = c.charger().snapshot();
        CASE_VERIFY(c, allAnswered(s, "FirmwareStatusNotification"));
        CASE_VERIFY(c, s.bootCount == 1);
        CASE_COMPARE(
            c, c.system().scalar("SELECT firmware_version FROM chargers WHERE id = '" + c.chargerId() + "'"),
            before);
    }

    void TC_044_3_CSMS() {
        // The installation fails: Downloading, Downloaded, Installing, InstallationFailed; no reboot.
        CASE_SETUP(c, firmwareCase(sim::FirmwareOutcome::InstallationFailed));
        const std::string before = c.charger().snapshot().firmwareVersion;
        CASE_VERIFY(c, updateFirmware(c));
        CASE_VERIFY(
            c, c.waitDb(progressSql(c, "firmware"), "Downloading,Downloaded,Installing,InstallationFailed"));
        const auto s = c.charger().snapshot();
        CASE_VERIFY(c, allAnswered(s, "FirmwareStatusNotification"));
        CASE_VERIFY(c, s.bootCount == 1);
        CASE_COMPARE(
            c, c.system().scalar("SELECT firmware_version FROM chargers WHERE id = '" + c.chargerId() + "'"),
            before);
    }

    void TC_045_1_CSMS() {
        // Get diagnostics: the charger names the file it uploads, the CSMS hands it to the console and
        // the audit, answers Uploading and Uploaded, and keeps them.
        CASE_SETUP(c, firmwareCase(sim::FirmwareOutcome::Installed));
        const Json request{{"location", "ftp://diagnostics.example.com/uploads/"},
                           {"startTime", contract::toIso8601(contract::nowMs() - 3'600'000)},
                           {"stopTime", contract::toIso8601(contract::nowMs())}};
        const auto response = c.command("GetDiagnostics", request);
        CASE_VERIFY(c, response && response->outcome == contract::CommandOutcome::Completed);
        const std::string file = response->response.value("fileName", "");
        CASE_VERIFY(c, file.starts_with(c.chargerId()) && file.ends_with(".zip"));
        const auto sent = c.charger().snapshot();
        const auto* call = sent.lastReceived("GetDiagnostics");
        CASE_VERIFY(c, call != nullptr && call->payload == request);
        CASE_VERIFY(c, c.waitDb("SELECT outcome || '/' || (response->>'fileName') FROM command_audit "
                                "WHERE action = 'GetDiagnostics'",
                                "Completed/" + file));
        CASE_VERIFY(c, c.waitDb(progressSql(c, "diagnostics"), "Uploading,Uploaded"));
        const auto s = c.charger().snapshot();
        CASE_VERIFY(c, allAnswered(s, "DiagnosticsStatusNotification"));
        CASE_COMPARE(c, s.diagnosticsStatus, std::string("Uploaded"));
    }
};

QTEST_GUILESS_MAIN(TstOcttFirmware)
#include "tst_octt_firmware.moc"
