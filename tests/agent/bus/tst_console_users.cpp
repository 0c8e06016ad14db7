// The agent's own check of a command after the broker's: the users file, and the authorizer's rules
// (topic and request agree, role from the file, the policy).
#include "bus/broker_acl.h"
#include "bus/command_authorizer.h"
#include "bus/console_users.h"
#include "contract/command_policy.h"

#include <QtTest>

using namespace voltdesk;

namespace {

contract::CommandRequest request(const std::string& user, const std::string& role, nlohmann::json payload) {
    contract::CommandRequest r;
    r.requestId = "r";
    r.chargerId = "CP-1";
    r.requestedBy = {user, role};
    r.payload = std::move(payload);
    return r;
}

bool throwsWith(std::string_view json, const std::string& words) {
    try {
        bus::ConsoleUsers::parse(json);
    } catch (const std::runtime_error& e) {
        return std::string(e.what()).find(words) != std::string::npos;
    }
    return false;
}

} // namespace

class TstConsoleUsers : public QObject {
    Q_OBJECT

private slots:
    void parse() {
        const auto users = bus::ConsoleUsers::parse(
            R"({"v":1,"users":[{"name":"alice","role":"operator","displayName":"Alice"},{"name":"v.1","role":"viewer"}]})");
        QCOMPARE(users.all().size(), std::size_t(2));
        QVERIFY(users.find("alice")->role == contract::Role::Operator);
        QCOMPARE(users.find("alice")->displayName, std::string("Alice"));
        QVERIFY(users.find("v.1")->role == contract::Role::Viewer);
        QVERIFY(users.find("bob") == nullptr);

        QVERIFY(throwsWith("[", "not a JSON object"));
        QVERIFY(throwsWith(R"({"v":1})", "users must be a list"));
        QVERIFY(throwsWith(R"({"users":[{"name":"a/b","role":"viewer"}]})", "letters, digits"));
        QVERIFY(throwsWith(R"({"users":[{"name":"a+","role":"viewer"}]})", "letters, digits"));
        QVERIFY(throwsWith(R"({"users":[{"role":"viewer"}]})", "letters, digits"));
        QVERIFY(throwsWith(R"({"users":[{"name":"a","role":"root"}]})", "not a role"));
        QVERIFY(throwsWith(R"({"users":[{"name":"a","role":7}]})", "role must be text"));
        QVERIFY(throwsWith(R"({"users":[{"name":"a","role":"viewer"},{"name":"a","role":"operator"}]})",
                           "listed twice"));
    }

    void withUsers() {
        const auto users = bus::ConsoleUsers::parse(
            R"({"users":[{"name":"olga","role":"operator"},{"name":"sam","role":"supervisor"},{"name":"vic","role":"viewer"}]})");
        const bus::CommandAuthorizer authorizer(&users);
        const contract::CommandTopic soft{"a", "olga", "Reset"};
        QVERIFY(!authorizer.refusal(soft, request("olga", "operator", {{"type", "Soft"}})));
        // The request's role must be the file's.
        QVERIFY(authorizer.refusal(soft, request("olga", "supervisor", {{"type", "Soft"}})));
        // The topic's user and the request's.
        QVERIFY(authorizer.refusal(soft, request("sam", "supervisor", {{"type", "Soft"}})));
        // The action must fit the payload.
        QVERIFY(authorizer.refusal({"a", "sam", "Reset"}, request("sam", "supervisor", {{"type", "Hard"}})));
        QVERIFY(!authorizer.refusal({"a", "sam", "Reset.Hard"},
                                    request("sam", "supervisor", {{"type", "Hard"}})));
        QVERIFY(
            authorizer.refusal({"a", "olga", "Reset.Hard"}, request("olga", "operator", {{"type", "Hard"}})));
        QVERIFY(
            authorizer.refusal({"a", "sam", "Reset.Soft"}, request("sam", "supervisor", {{"type", "Soft"}})));
        // Unknown users, and the policy.
        QVERIFY(authorizer.refusal({"a", "eve", "ClearCache"}, request("eve", "supervisor", {})));
        QVERIFY(authorizer.refusal({"a", "vic", "ClearCache"}, request("vic", "viewer", {})));
        QVERIFY(!authorizer.refusal({"a", "vic", "GetChargerHistory"}, request("vic", "viewer", {})));
    }

    void withoutUsers() {
        const bus::CommandAuthorizer authorizer(nullptr);
        QVERIFY(
            !authorizer.refusal({"a", "x", "Reset.Hard"}, request("x", "supervisor", {{"type", "Hard"}})));
        QVERIFY(authorizer.refusal({"a", "x", "Reset.Hard"}, request("x", "operator", {{"type", "Hard"}})));
        QVERIFY(authorizer.refusal({"a", "x", "ClearCache"}, request("x", "janitor", {})));
        QVERIFY(authorizer.refusal({"a", "x", "ClearCache"}, request("y", "operator", {})));
    }

    void answerTopics() {
        using bus::CommandAuthorizer;
        QVERIFY(CommandAuthorizer::mayAnswerOn("alice", contract::responseTopic("alice", "c1")));
        QVERIFY(!CommandAuthorizer::mayAnswerOn("alice", contract::responseTopic("bob", "c1")));
        QVERIFY(!CommandAuthorizer::mayAnswerOn("alice", "voltdesk/v1/users/alice/"));
        QVERIFY(!CommandAuthorizer::mayAnswerOn("alice", "voltdesk/v1/users/alice2/consoles/c/responses"));
        QVERIFY(!CommandAuthorizer::mayAnswerOn("alice", "voltdesk/v1/consoles/c/responses"));
    }

    void brokerAclFromThePolicy() {
        const auto users = bus::ConsoleUsers::parse(
            R"({"users":[{"name":"olga","role":"operator"},{"name":"sam","role":"supervisor"},{"name":"vic","role":"viewer"}]})");
        const std::string acl = bus::brokerAcl(users, "agent");
        const auto has = [&](const std::string& line) { return acl.find(line + "\n") != std::string::npos; };
        QVERIFY(has("user agent"));
        QVERIFY(has("topic readwrite voltdesk/v1/#"));
        QVERIFY(has("pattern read voltdesk/v1/users/%u/#"));
        QVERIFY(has("pattern read voltdesk/v1/sites/#"));
        QVERIFY(has("topic write voltdesk/v1/agents/+/commands/olga/Reset"));
        QVERIFY(!has("topic write voltdesk/v1/agents/+/commands/olga/Reset.Hard"));
        QVERIFY(!has("topic write voltdesk/v1/agents/+/commands/olga/UpdateFirmware"));
        QVERIFY(has("topic write voltdesk/v1/agents/+/commands/sam/Reset.Hard"));
        QVERIFY(has("topic write voltdesk/v1/agents/+/commands/sam/ChangeConfiguration.Security"));
        QVERIFY(has("topic write voltdesk/v1/agents/+/commands/vic/GetChargerHistory"));
        QVERIFY(!has("topic write voltdesk/v1/agents/+/commands/vic/Reset"));
        // Every action the policy knows is granted to the supervisor.
        for (const auto action : contract::CommandPolicy::actions()) {
            QVERIFY(has("topic write voltdesk/v1/agents/+/commands/sam/" + std::string(action)));
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bus::brokerAcl(users, "olga"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bus::brokerAcl(users, "a/b"));
    }
};

QTEST_APPLESS_MAIN(TstConsoleUsers)
#include "tst_console_users.moc"
