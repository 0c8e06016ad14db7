// The command request/response contract: topics, round trips and every way a request is refused.
#include "contract/command.h"

#include <QtTest>

using namespace voltdesk::contract;

class TstCommand : public QObject {
    Q_OBJECT

private slots:
    void topics() {
        QCOMPARE(commandTopic("agent-1", "alice", "Reset", {{"type", "Soft"}}),
                 std::string("voltdesk/v1/agents/agent-1/commands/alice/Reset"));
        QCOMPARE(commandTopic("agent-1", "bob smith", "Reset", {{"type", "Hard"}}),
                 std::string("voltdesk/v1/agents/agent-1/commands/bob%20smith/Reset.Hard"));
        QCOMPARE(commandTopic("a", "u", "ChangeConfiguration", {{"key", "AuthorizationKey"}, {"value", "x"}}),
                 std::string("voltdesk/v1/agents/a/commands/u/ChangeConfiguration.Security"));
        QCOMPARE(commandSubscription("agent-1"), std::string("voltdesk/v1/agents/agent-1/commands/+/+"));
        const auto parsed =
            parseCommandTopic("voltdesk/v1/agents/agent%2F1/commands/bob%20smith/RemoteStartTransaction");
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->agentId, std::string("agent/1"));
        QCOMPARE(parsed->user, std::string("bob smith"));
        QCOMPARE(parsed->action, std::string("RemoteStartTransaction"));
        QVERIFY(!parseCommandTopic("voltdesk/v1/agents/a/status"));
        QVERIFY(!parseCommandTopic("voltdesk/v1/agents/a/commands/Reset"));
        QVERIFY(!parseCommandTopic("voltdesk/v1/agents/a/commands/u/Reset/extra"));
        QVERIFY(!parseCommandTopic("voltdesk/v1/agents/a/commands/u/"));
        QVERIFY(!parseCommandTopic("voltdesk/v1/agents/a/commands//Reset"));
        QVERIFY(!parseCommandTopic("other/v1/agents/a/commands/u/Reset"));
        QCOMPARE(responseTopic("alice", "console 7"),
                 std::string("voltdesk/v1/users/alice/consoles/console%207/responses"));
        QVERIFY(responseTopic("alice", "c").starts_with(userTopicPrefix("alice")));
        QVERIFY(!responseTopic("alice2", "c").starts_with(userTopicPrefix("alice")));
    }

    void requestRoundTrip() {
        CommandRequest r;
        r.requestId = "r-1";
        r.chargerId = "CP-1";
        r.requestedBy = {"alice", "supervisor"};
        r.payload = {{"type", "Hard"}};
        r.timeoutMs = 5000;
        r.responseTopic = "voltdesk/v1/consoles/c1/responses";
        const auto decoded = decodeCommandRequest(encodeCommandRequest(r));
        QVERIFY2(decoded, decoded.error().c_str());
        QVERIFY(decoded.value() == r);

        r.timeoutMs.reset();
        r.responseTopic.clear();
        const auto minimal = decodeCommandRequest(encodeCommandRequest(r));
        QVERIFY(minimal);
        QVERIFY(minimal.value() == r);
    }

    void requestRefusals_data() {
        QTest::addColumn<QString>("payload");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json") << "{" << "not a JSON object";
        QTest::newRow("array") << "[]" << "not a JSON object";
        QTest::newRow("no operator") << R"({"requestId":"r","chargerId":"c","payload":{}})"
                                     << "operator is missing";
        QTest::newRow("anonymous")
            << R"({"requestId":"r","chargerId":"c","operator":{"user":"","role":"viewer"}})"
            << "operator.user is empty";
        QTest::newRow("no role") << R"({"requestId":"r","chargerId":"c","operator":{"user":"a"}})"
                                 << "operator.role is missing";
        QTest::newRow("no request id") << R"({"requestId":"","operator":{"user":"a","role":"operator"}})"
                                       << "requestId must not be empty";
        QTest::newRow("charger id not text")
            << R"({"requestId":"r","chargerId":7,"operator":{"user":"a","role":"operator"}})"
            << "chargerId must be a string";
        QTest::newRow("payload array")
            << R"({"requestId":"r","chargerId":"c","operator":{"user":"a","role":"operator"},"payload":[]})"
            << "payload must be an object";
        QTest::newRow("timeout zero")
            << R"({"requestId":"r","chargerId":"c","operator":{"user":"a","role":"operator"},"timeoutMs":0})"
            << "timeoutMs must be between";
        QTest::newRow("timeout float")
            << R"({"requestId":"r","chargerId":"c","operator":{"user":"a","role":"operator"},"timeoutMs":1.5})"
            << "timeoutMs must be an integer";
    }

    void requestRefusals() {
        QFETCH(QString, payload);
        QFETCH(QString, error);
        const auto decoded = decodeCommandRequest(payload.toStdString());
        QVERIFY(!decoded);
        QVERIFY2(decoded.error().find(error.toStdString()) != std::string::npos, decoded.error().c_str());
    }

    void textFieldNeverThrows() {
        const nlohmann::json payload{{"key", nlohmann::json::array({"a"})}, {"type", "Hard"}, {"n", 3}};
        QCOMPARE(textField(payload, "type"), std::string("Hard"));
        QCOMPARE(textField(payload, "key"), std::string());
        QCOMPARE(textField(payload, "n"), std::string());
        QCOMPARE(textField(payload, "missing"), std::string());
        QCOMPARE(textField(nlohmann::json::array(), "type"), std::string());
    }

    void responseRoundTrip() {
        CommandResponse r;
        r.requestId = "r-1";
        r.chargerId = "CP-1";
        r.command = "Reset";
        r.outcome = CommandOutcome::ChargerError;
        r.errorCode = "NotSupported";
        r.description = "the charger does not support it";
        r.completedAt = 1795686025123;
        const auto decoded = decodeCommandResponse(encodeCommandResponse(r));
        QVERIFY2(decoded, decoded.error().c_str());
        QVERIFY(decoded.value() == r);

        r.outcome = CommandOutcome::Completed;
        r.errorCode.clear();
        r.description.clear();
        r.response = {{"status", "Accepted"}};
        const auto completed = decodeCommandResponse(encodeCommandResponse(r));
        QVERIFY(completed);
        QVERIFY(completed.value() == r);
        for (auto o : {CommandOutcome::Completed, CommandOutcome::ChargerError,
                       CommandOutcome::InvalidResponse, CommandOutcome::Timeout, CommandOutcome::Offline,
                       CommandOutcome::Disconnected, CommandOutcome::Refused}) {
            QVERIFY(commandOutcomeFromString(toString(o)) == o);
        }
        QVERIFY(
            !decodeCommandResponse(R"({"requestId":"r","chargerId":"c","command":"Reset","outcome":"Maybe",
            "completedAt":"2026-11-26T12:00:00Z"})"));
    }
};

QTEST_APPLESS_MAIN(TstCommand)
#include "tst_command.moc"
