// OCPP 1.6 Smart Charging cases of the OCA test tool's CSMS list: the CSMS sets default and
// transaction profiles, starts a transaction with one, reads the composite schedule and clears
// profiles; the limits show in the power the charger draws and the meter values the CSMS stores.
#include "tests/conformance/conformance_case.h"

#include <QtTest>

using namespace voltdesk;
using namespace voltdesk::testing;
using Json = nlohmann::json;

namespace {

/// Well below any simulated charger's hardware limit, so the power drawn is exactly the limit.
constexpr double kLimitW = 4000;

CaseOptions smartCharging() {
    CaseOptions options;
    options.fleet.behaviour.meterValueSampleIntervalSeconds = 1;
    return options;
}

Json profile(int id, const std::string& purpose, std::optional<int> transactionId = std::nullopt) {
    Json p{{"chargingProfileId", id},
           {"stackLevel", 0},
           {"chargingProfilePurpose", purpose},
           {"chargingProfileKind", "Relative"},
           {"chargingSchedule",
            {{"chargingRateUnit", "W"},
             {"chargingSchedulePeriod", Json::array({{{"startPeriod", 0}, {"limit", kLimitW}}})}}}};
    if (transactionId) {
        p["transactionId"] = *transactionId;
    }
    return p;
}

std::optional<int> startSession(ConformanceCase& c, int connector = 1) {
    c.charger().plugIn(connector);
    c.charger().presentIdTag(connector, kValidTag);
    return c.waitStarted(connector);
}

/// The latest Power.Active.Import the CSMS stored for the transaction.
std::string latestPowerSql(int transactionId) {
    return "SELECT value FROM meter_values WHERE transaction_id = " + std::to_string(transactionId) +
           " AND measurand = 'Power.Active.Import' ORDER BY charger_time DESC, id DESC LIMIT 1";
}

bool limitedTo(ConformanceCase& c, int connector, double watts) {
    return c.charger().waitUntil([&](const sim::ChargePointSnapshot& s) {
        const auto* conn = s.connector(connector);
        return conn != nullptr && conn->limitW == watts && conn->powerW == watts;
    });
}

} // namespace

class TstOcttSmartCharging : public QObject {
    Q_OBJECT

private slots:
    void TC_056_CSMS() {
        // A TxDefaultProfile for every connector (connector 0): Accepted, and the next transaction
        // charges at its limit, which the stored meter values show.
        CASE_SETUP(c, smartCharging());
        const Json request{{"connectorId", 0}, {"csChargingProfiles", profile(1, "TxDefaultProfile")}};
        CASE_COMPARE(c, c.commandStatus("SetChargingProfile", request), std::string("Accepted"));
        const auto sent = c.charger().snapshot();
        const auto* call = sent.lastReceived("SetChargingProfile");
        CASE_VERIFY(c, call != nullptr && call->payload == request);
        CASE_VERIFY(
            c, c.waitDb("SELECT outcome FROM command_audit WHERE action = 'SetChargingProfile'", "Accepted"));
        const auto tx = startSession(c);
        CASE_VERIFY(c, tx.has_value());
        CASE_VERIFY(c, limitedTo(c, 1, kLimitW));
        CASE_VERIFY(c, c.waitDb(latestPowerSql(*tx), "4000"));
    }

    void TC_057_CSMS() {
        // A TxProfile for the running transaction (its transactionId): Accepted, and the power drops
        // to the limit from then on, as the stored meter values show.
        CASE_SETUP(c, smartCharging());
        const auto tx = startSession(c);
        CASE_VERIFY(c, tx.has_value());
        CASE_VERIFY(c, c.charger().waitUntil([](const auto& s) { return s.connector(1)->powerW > kLimitW; }));
        CASE_VERIFY(c, c.waitDb("SELECT (max(value::numeric) > 4000)::text FROM meter_values WHERE "
                                "measurand = 'Power.Active.Import' AND transaction_id = " +
                                    std::to_string(*tx),
                                "true"));
        CASE_COMPARE(
            c,
            c.commandStatus("SetChargingProfile",
                            {{"connectorId", 1}, {"csChargingProfiles", profile(2, "TxProfile", *tx)}}),
            std::string("Accepted"));
        CASE_VERIFY(c, limitedTo(c, 1, kLimitW));
        CASE_VERIFY(c, c.waitDb(latestPowerSql(*tx), "4000"));
    }

    void TC_059_CSMS() {
        // Remote start with a TxProfile: the charger starts under that profile, and the CSMS stores the
        // transaction and its limited power.
        CASE_SETUP(c, smartCharging());
        const Json request{
            {"connectorId", 1}, {"idTag", kValidTag}, {"chargingProfile", profile(3, "TxProfile")}};
        CASE_COMPARE(c, c.commandStatus("RemoteStartTransaction", request), std::string("Accepted"));
        const auto sent = c.charger().snapshot();
        const auto* call = sent.lastReceived("RemoteStartTransaction");
        CASE_VERIFY(c, call != nullptr && call->payload == request);
        c.charger().plugIn(1);
        const auto tx = c.waitStarted(1);
        CASE_VERIFY(c, tx.has_value());
        CASE_VERIFY(c, limitedTo(c, 1, kLimitW));
        CASE_VERIFY(c, c.waitDb(latestPowerSql(*tx), "4000"));
        CASE_VERIFY(c,
                    c.waitDb("SELECT id_tag FROM transactions WHERE transaction_id = " + std::to_string(*tx),
                             kValidTag));
    }

    void TC_066_CSMS() {
        // Get the composite schedule of a connector: the charger's answer, with its schedule, reaches
        // the console and the audit as it came.
        CASE_SETUP(c, smartCharging());
        CASE_COMPARE(
            c,
            c.commandStatus("SetChargingProfile",
                            {{"connectorId", 0}, {"csChargingProfiles", profile(1, "TxDefaultProfile")}}),
            std::string("Accepted"));
        const auto response = c.command("GetCompositeSchedule",
                                        {{"connectorId", 1}, {"duration", 600}, {"chargingRateUnit", "W"}});
        CASE_VERIFY(c, response && response->outcome == contract::CommandOutcome::Completed);
        const auto& answer = response->response;
        CASE_COMPARE(c, answer.value("status", ""), std::string("Accepted"));
        CASE_VERIFY(c, answer.value("connectorId", -1) == 1);
        CASE_VERIFY(c, answer.contains("scheduleStart"));
        const auto schedule = answer.value("chargingSchedule", Json::object());
        CASE_COMPARE(c, schedule.value("chargingRateUnit", ""), std::string("W"));
        const auto periods = schedule.value("chargingSchedulePeriod", Json::array());
        CASE_VERIFY(c, !periods.empty());
        CASE_VERIFY(c, periods[0].value("startPeriod", -1) == 0 && periods[0].value("limit", 0.0) == kLimitW);
        CASE_VERIFY(c, c.waitDb("SELECT outcome || '/' || (response->'chargingSchedule'->"
                                "'chargingSchedulePeriod'->0->>'limit')::numeric::int FROM command_audit "
                                "WHERE action = 'GetCompositeSchedule'",
                                "Accepted/4000"));
    }

    void TC_067_CSMS() {
        // Clear a charging profile by its id: Accepted, the limit is gone and the power rises again; a
        // second clear finds nothing (Unknown), which is an answer too.
        CASE_SETUP(c, smartCharging());
        CASE_COMPARE(
            c,
            c.commandStatus("SetChargingProfile",
                            {{"connectorId", 0}, {"csChargingProfiles", profile(7, "TxDefaultProfile")}}),
            std::string("Accepted"));
        const auto tx = startSession(c);
        CASE_VERIFY(c, tx.has_value());
        CASE_VERIFY(c, limitedTo(c, 1, kLimitW));
        CASE_COMPARE(c, c.commandStatus("ClearChargingProfile", {{"id", 7}}), std::string("Accepted"));
        CASE_VERIFY(c, c.charger().waitUntil([](const auto& s) {
            return !s.connector(1)->limitW.has_value() && s.connector(1)->powerW > kLimitW;
        }));
        CASE_VERIFY(c, c.waitDb("SELECT (" + latestPowerSql(*tx) + ")::numeric > 4000", "t"));
        CASE_COMPARE(c, c.commandStatus("ClearChargingProfile", {{"id", 7}}), std::string("Unknown"));
        CASE_VERIFY(c, c.waitDb("SELECT string_agg(outcome, ',' ORDER BY id) FROM command_audit WHERE "
                                "action = 'ClearChargingProfile'",
                                "Accepted,Unknown"));
    }
};

QTEST_GUILESS_MAIN(TstOcttSmartCharging)
#include "tst_octt_smart_charging.moc"
