// Id tags managed from a console while chargers are connected: a new card works at the next Authorize,
// a blocked one is refused, a deleted one is unknown; the change is stored, audited, and limited by role.
#include "tests/conformance/conformance_case.h"

#include <QtTest>

using namespace voltdesk;
using namespace voltdesk::testing;
using Json = nlohmann::json;

namespace {

std::string authorize(ConformanceCase& c, const std::string& tag) {
    auto& cp = c.charger();
    const int before = cp.snapshot().countSent("Authorize");
    cp.sendCall("Authorize", {{"idTag", tag}});
    std::string status = "<no answer>";
    cp.waitUntil([&](const sim::ChargePointSnapshot& s) {
        const auto* call = s.lastSent("Authorize");
        if (s.countSent("Authorize") <= before || call == nullptr || !call->result) {
            return false;
        }
        status = call->result->at("idTagInfo").value("status", "<none>");
        return true;
    });
    return status;
}

std::string agentCommand(ConformanceCase& c, const std::string& command, const Json& payload,
                         const std::string& role = "operator") {
    const auto response = c.system().command(command, "", payload, role);
    if (!response) {
        return "<no response>";
    }
    if (response->outcome != contract::CommandOutcome::Completed) {
        return std::string(contract::toString(response->outcome)) + ": " + response->description;
    }
    return contract::textField(response->response, "status");
}

} // namespace

class TstAgentIdTags : public QObject {
    Q_OBJECT

private slots:
    void idTagChangesTakeEffectAtOnce() {
        CASE_SETUP(c);
        const std::string card = "VD-NEW-CARD-1";
        CASE_COMPARE(c, authorize(c, card), std::string("Invalid"));

        CASE_COMPARE(c, agentCommand(c, "SetIdTag", {{"idTag", card}, {"parentIdTag", kGroupTag}}),
                     std::string("Accepted"));
        CASE_COMPARE(c, authorize(c, card), std::string("Accepted"));
        CASE_COMPARE(c, c.system().scalar("SELECT parent_id_tag FROM id_tags WHERE id_tag = '" + card + "'"),
                     std::string(kGroupTag));

        CASE_COMPARE(c, agentCommand(c, "SetIdTag", {{"idTag", card}, {"blocked", true}}),
                     std::string("Accepted"));
        CASE_COMPARE(c, authorize(c, card), std::string("Blocked"));
        CASE_COMPARE(c,
                     agentCommand(c, "SetIdTag", {{"idTag", card}, {"expiryDate", "2020-01-01T00:00:00Z"}}),
                     std::string("Accepted"));
        CASE_COMPARE(c, authorize(c, card), std::string("Expired"));

        CASE_COMPARE(c, agentCommand(c, "DeleteIdTag", {{"idTag", card}}), std::string("Accepted"));
        CASE_COMPARE(c, authorize(c, card), std::string("Invalid"));
        CASE_COMPARE(c, c.system().scalar("SELECT count(*) FROM id_tags WHERE id_tag = '" + card + "'"),
                     std::string("0"));
        CASE_COMPARE(c, agentCommand(c, "DeleteIdTag", {{"idTag", card}}), std::string("Rejected"));

        // Refused: bad input, and a role that may not.
        CASE_VERIFY(c,
                    agentCommand(c, "SetIdTag", {{"idTag", std::string(21, 'X')}}).rfind("Refused", 0) == 0);
        CASE_VERIFY(
            c, agentCommand(c, "SetIdTag", {{"idTag", card}, {"blocked", "yes"}}).rfind("Refused", 0) == 0);
        CASE_VERIFY(c, agentCommand(c, "SetIdTag", {{"idTag", card}}, "viewer").rfind("Refused", 0) == 0);
        CASE_COMPARE(c, authorize(c, card), std::string("Invalid"));
        // Every one of them is in the audit log with its outcome.
        CASE_VERIFY(c,
                    c.waitDb("SELECT count(*) FROM command_audit WHERE action IN ('SetIdTag', 'DeleteIdTag') "
                             "AND outcome IS NOT NULL",
                             "8"));
    }
};

QTEST_GUILESS_MAIN(TstAgentIdTags)
#include "tst_agent_id_tags.moc"
