// OCPP 1.6 Local Auth List Management cases of the OCA test tool's CSMS list: the CSMS asks for the
// charger's list version and sends full and differential lists, and takes every answer a charger may give.
#include "tests/conformance/conformance_case.h"

#include <QtTest>
#include <map>

using namespace voltdesk;
using namespace voltdesk::testing;
using Json = nlohmann::json;

namespace {

CaseOptions withBehaviour(const std::function<void(sim::ChargePointBehaviour&)>& change) {
    CaseOptions options;
    change(options.fleet.behaviour);
    return options;
}

/// idTag -> idTagInfo.status of the last SendLocalList the charger received.
std::map<std::string, std::string> receivedList(const sim::ChargePointSnapshot& s) {
    std::map<std::string, std::string> out;
    const auto* call = s.lastReceived("SendLocalList");
    if (call == nullptr || !call->payload.contains("localAuthorizationList")) {
        return out;
    }
    for (const auto& item : call->payload.at("localAuthorizationList")) {
        out[item.value("idTag", "")] =
            item.contains("idTagInfo") ? item.at("idTagInfo").value("status", "<none>") : "<removed>";
    }
    return out;
}

} // namespace

class TstOcttLocalAuthList : public QObject {
    Q_OBJECT

private slots:
    void TC_042_1_CSMS() {
        // A charger without local list support answers GetLocalListVersion with -1; the CSMS takes it
        // as an answer (not as an invalid response) and audits it as completed.
        CASE_SETUP(c, withBehaviour([](auto& b) { b.localListSupported = false; }));
        const auto response = c.command("GetLocalListVersion", Json::object());
        CASE_VERIFY(c, response.has_value());
        CASE_COMPARE(c, std::string(contract::toString(response->outcome)), std::string("Completed"));
        CASE_VERIFY(c, response->response.value("listVersion", 0) == -1);
        CASE_VERIFY(c, c.charger().snapshot().countReceived("GetLocalListVersion") == 1);
        CASE_VERIFY(c, c.waitDb("SELECT outcome || '/' || (response->>'listVersion') FROM command_audit "
                                "WHERE action = 'GetLocalListVersion'",
                                "Completed/-1"));
    }

    void TC_042_2_CSMS() {
        // A charger whose local list is empty answers 0.
        CASE_SETUP(c);
        const auto response = c.command("GetLocalListVersion", Json::object());
        CASE_VERIFY(c, response && response->outcome == contract::CommandOutcome::Completed);
        CASE_VERIFY(c, response->response.contains("listVersion"));
        CASE_VERIFY(c, response->response.value("listVersion", -2) == 0);
        CASE_VERIFY(c, c.waitDb("SELECT response->>'listVersion' FROM command_audit "
                                "WHERE action = 'GetLocalListVersion'",
                                "0"));
    }

    void TC_043_1_CSMS() {
        // SendLocalList to a charger without local list support: NotSupported, recorded as such.
        CASE_SETUP(c, withBehaviour([](auto& b) { b.localListSupported = false; }));
        CASE_COMPARE(c, c.commandStatus("SendLocalList", {{"listVersion", 1}, {"updateType", "Full"}}),
                     std::string("NotSupported"));
        CASE_VERIFY(c, c.charger().snapshot().localListVersion == -1);
        CASE_VERIFY(
            c, c.waitDb("SELECT outcome FROM command_audit WHERE action = 'SendLocalList'", "NotSupported"));
    }

    void TC_043_3_CSMS() {
        // The charger cannot store the list: Failed, recorded as such; its list version is unchanged.
        CASE_SETUP(c, withBehaviour([](auto& b) { b.sendLocalListFails = true; }));
        CASE_COMPARE(c, c.commandStatus("SendLocalList", {{"listVersion", 1}, {"updateType", "Full"}}),
                     std::string("Failed"));
        CASE_VERIFY(c, c.charger().snapshot().localListVersion == 0);
        CASE_VERIFY(c,
                    c.waitDb("SELECT outcome FROM command_audit WHERE action = 'SendLocalList'", "Failed"));
    }

    void TC_043_4_CSMS() {
        // A full list: the CSMS fills it from its id tags (valid, blocked, expired each with its status,
        // the parent tag where there is one), the charger takes its version and authorizes from it
        // offline.
        CASE_SETUP(c);
        auto& cp = c.charger();
        CASE_COMPARE(c, c.commandStatus("SendLocalList", {{"listVersion", 1}, {"updateType", "Full"}}),
                     std::string("Accepted"));
        const auto s = cp.snapshot();
        const auto* call = s.lastReceived("SendLocalList");
        CASE_VERIFY(c, call != nullptr);
        CASE_COMPARE(c, call->payload.value("updateType", ""), std::string("Full"));
        const int version = call->payload.value("listVersion", 0);
        CASE_VERIFY(c, version >= 1);
        CASE_VERIFY(c, s.localListVersion == version);
        const auto list = receivedList(s);
        CASE_VERIFY(c, list.size() == defaultIdTags().size());
        CASE_COMPARE(c, list.at(kValidTag), std::string("Accepted"));
        CASE_COMPARE(c, list.at(kOtherValidTag), std::string("Accepted"));
        CASE_COMPARE(c, list.at(kBlockedTag), std::string("Blocked"));
        CASE_COMPARE(c, list.at(kExpiredTag), std::string("Expired"));
        for (const auto& item : call->payload.at("localAuthorizationList")) {
            if (item.value("idTag", "") == kValidTag) {
                CASE_COMPARE(c, item.at("idTagInfo").value("parentIdTag", ""), std::string(kGroupTag));
            }
        }
        CASE_VERIFY(c,
                    c.waitDb("SELECT outcome FROM command_audit WHERE action = 'SendLocalList'", "Accepted"));

        // The list is what the charger decides by when the CSMS cannot be asked.
        cp.goOffline();
        cp.plugIn(1);
        cp.presentIdTag(1, kBlockedTag);
        cp.presentIdTag(1, kValidTag);
        CASE_VERIFY(c, cp.waitUntil([](const auto& snap) {
            const auto* t = snap.activeTransaction(1);
            return t != nullptr && t->idTag == kValidTag;
        }));
        CASE_VERIFY(c, cp.snapshot().transactions.size() == 1);
        cp.comeBack();
        CASE_VERIFY(c, c.waitStarted(1).has_value());
    }

    void TC_043_5_CSMS() {
        // A differential update after a full list: one tag added, one removed, a higher version. The
        // CSMS sends it as given and the charger takes the new version.
        CASE_SETUP(c);
        auto& cp = c.charger();
        CASE_COMPARE(c, c.commandStatus("SendLocalList", {{"listVersion", 1}, {"updateType", "Full"}}),
                     std::string("Accepted"));
        const int full = cp.snapshot().localListVersion;
        CASE_VERIFY(c, full >= 1);
        const Json update{{"listVersion", full + 1},
                          {"updateType", "Differential"},
                          {"localAuthorizationList",
                           Json::array({{{"idTag", "VD-CARD-NEW"}, {"idTagInfo", {{"status", "Accepted"}}}},
                                        {{"idTag", kOtherValidTag}}})}};
        CASE_COMPARE(c, c.commandStatus("SendLocalList", update), std::string("Accepted"));
        const auto s = cp.snapshot();
        CASE_VERIFY(c, s.localListVersion == full + 1);
        const auto* call = s.lastReceived("SendLocalList");
        CASE_VERIFY(c, call != nullptr);
        CASE_VERIFY(c, call->payload == update);
        const auto list = receivedList(s);
        CASE_COMPARE(c, list.at("VD-CARD-NEW"), std::string("Accepted"));
        CASE_COMPARE(c, list.at(kOtherValidTag), std::string("<removed>"));
        CASE_VERIFY(c, c.waitDb("SELECT count(*) FROM command_audit WHERE action = 'SendLocalList' "
                                "AND outcome = 'Accepted' AND request->>'updateType' = 'Differential'",
                                "1"));
        // The same version again is not newer: the charger says VersionMismatch, and that is an answer.
        CASE_COMPARE(c, c.commandStatus("SendLocalList", update), std::string("VersionMismatch"));
        CASE_VERIFY(c, c.waitDb("SELECT string_agg(outcome, ',' ORDER BY id) FROM command_audit "
                                "WHERE action = 'SendLocalList'",
                                "Accepted,Accepted,VersionMismatch"));
    }
};

QTEST_GUILESS_MAIN(TstOcttLocalAuthList)
#include "tst_octt_local_auth_list.moc"
