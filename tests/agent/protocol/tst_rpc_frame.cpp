// OCPP-J 1.6 framing: every frame type round-trips, and every way a frame can be broken yields the
// CALLERROR code and message id the agent answers with.
#include "protocol/ocpp16-wire/error_code.h"
#include "protocol/ocpp16-wire/rpc_frame.h"

#include <QtTest>
#include <nlohmann/json.hpp>

using namespace voltdesk::ocpp16;
using Json = nlohmann::json;

namespace {

std::string str(const QByteArray& b) {
    return std::string(b.constData(), static_cast<std::size_t>(b.size()));
}

std::string nested(int depth) {
    std::string s;
    for (int i = 0; i < depth; ++i) {
        s += "[";
    }
    for (int i = 0; i < depth; ++i) {
        s += "]";
    }
    return s;
}

} // namespace

class TstRpcFrame : public QObject {
    Q_OBJECT

private slots:
    void parsesCall() {
        const auto parsed =
            parseFrame("[2,\"19223201\",\"BootNotification\",{\"chargePointVendor\":\"VendorX\"}]");
        const auto* call = std::get_if<Call>(&parsed);
        QVERIFY(call != nullptr);
        QCOMPARE(call->messageId, std::string("19223201"));
        QCOMPARE(call->action, std::string("BootNotification"));
        QCOMPARE(call->payload, Json({{"chargePointVendor", "VendorX"}}));
    }

    void toleratesWhitespace() {
        const auto parsed = parseFrame(" \n[ 2 ,\t\"a1\" , \"Heartbeat\" , { } ]\r\n");
        const auto* call = std::get_if<Call>(&parsed);
        QVERIFY(call != nullptr);
        QCOMPARE(call->messageId, std::string("a1"));
        QCOMPARE(call->action, std::string("Heartbeat"));
    }

    void roundTripsCall() {
        const Call call{"id-1", "StatusNotification", Json{{"connectorId", 1}, {"info", "quote \" and \\"}}};
        const std::string text = serialize(call);
        const auto parsed = parseFrame(text);
        const auto* back = std::get_if<Call>(&parsed);
        QVERIFY(back != nullptr);
        QCOMPARE(back->messageId, call.messageId);
        QCOMPARE(back->action, call.action);
        QCOMPARE(back->payload, call.payload);
    }

    void serializesExactlyPerSpec() {
        QCOMPARE(serialize(Call{"1", "Heartbeat", Json::object()}),
                 std::string("[2,\"1\",\"Heartbeat\",{}]"));
        QCOMPARE(serialize(CallResult{"1", Json{{"currentTime", "2026-01-01T00:00:00.000Z"}}}),
                 std::string("[3,\"1\",{\"currentTime\":\"2026-01-01T00:00:00.000Z\"}]"));
        QCOMPARE(serialize(makeCallError("1", ErrorCode::NotImplemented, "unknown action")),
                 std::string("[4,\"1\",\"NotImplemented\",\"unknown action\",{}]"));
        // A default (null) payload is still sent as an object.
        CallResult empty;
        empty.messageId = "2";
        empty.payload = Json();
        QCOMPARE(serialize(empty), std::string("[3,\"2\",{}]"));
    }

    void roundTripsCallResult() {
        const CallResult result{"r-9", Json{{"status", "Accepted"}, {"interval", 300}}};
        const auto parsed = parseFrame(serialize(result));
        const auto* back = std::get_if<CallResult>(&parsed);
        QVERIFY(back != nullptr);
        QCOMPARE(back->messageId, result.messageId);
        QCOMPARE(back->payload, result.payload);
    }

    void roundTripsCallError() {
        CallError error =
            makeCallError("e-1", ErrorCode::OccurenceConstraintViolation, "chargePointModel is required");
        error.details = Json{{"field", "chargePointModel"}};
        const auto parsed = parseFrame(serialize(error));
        const auto* back = std::get_if<CallError>(&parsed);
        QVERIFY(back != nullptr);
        QCOMPARE(back->messageId, error.messageId);
        QVERIFY(back->code == ErrorCode::OccurenceConstraintViolation);
        QCOMPARE(back->description, error.description);
        QCOMPARE(back->details, error.details);
    }

    void acceptsCallErrorWithoutDetails() {
        const auto parsed = parseFrame("[4,\"e-2\",\"InternalError\",\"boom\"]");
        const auto* back = std::get_if<CallError>(&parsed);
        QVERIFY(back != nullptr);
        QVERIFY(back->code == ErrorCode::InternalError);
        QCOMPARE(back->details, Json::object());
    }

    void mapsUnknownPeerErrorCodeToGeneric() {
        const auto parsed = parseFrame("[4,\"e-3\",\"FormatViolation\",\"2.0.1 spelling\",{}]");
        const auto* back = std::get_if<CallError>(&parsed);
        QVERIFY(back != nullptr);
        QVERIFY(back->code == ErrorCode::GenericError);
    }

    void errorCodeNamesRoundTrip() {
        const std::vector<std::string_view> names{"NotImplemented",
                                                  "NotSupported",
                                                  "InternalError",
                                                  "ProtocolError",
                                                  "SecurityError",
                                                  "FormationViolation",
                                                  "PropertyConstraintViolation",
                                                  "OccurenceConstraintViolation",
                                                  "TypeConstraintViolation",
                                                  "GenericError"};
        for (const auto name : names) {
            const auto code = errorCodeFromString(name);
            QVERIFY2(code.has_value(), std::string(name).c_str());
            QCOMPARE(toString(*code), name);
        }
        QVERIFY(!errorCodeFromString("OccurrenceConstraintViolation")); // the spec's spelling only
        QVERIFY(!errorCodeFromString("notimplemented"));
    }

    void acceptsLongestValidId() {
        const std::string id(kMaxMessageIdLength, 'x');
        const auto parsed = parseFrame("[2,\"" + id + "\",\"Heartbeat\",{}]");
        QVERIFY(std::holds_alternative<Call>(parsed));
    }

    void brokenFrames_data() {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("reply");

        const QString fv = "FormationViolation";
        const QString pe = "ProtocolError";
        // Broken JSON: the id comes from the prefix when it is complete there.
        QTest::newRow("truncated after payload start")
            << QByteArray("[2,\"abc-1\",\"Heartbeat\",{") << fv << "abc-1" << true;
        QTest::newRow("truncated inside id") << QByteArray("[2,\"abc") << fv << "-1" << true;
        QTest::newRow("truncated after type") << QByteArray("[2,") << fv << "-1" << true;
        QTest::newRow("empty text") << QByteArray("") << fv << "-1" << true;
        QTest::newRow("only whitespace") << QByteArray("   ") << fv << "-1" << true;
        QTest::newRow("not json") << QByteArray("hello charger") << fv << "-1" << true;
        QTest::newRow("trailing garbage")
            << QByteArray("[2,\"t1\",\"Heartbeat\",{}] x") << fv << "t1" << true;
        QTest::newRow("two frames") << QByteArray("[2,\"t2\",\"Heartbeat\",{}][2,\"t3\",\"Heartbeat\",{}]")
                                    << fv << "t2" << true;
        QTest::newRow("single quotes") << QByteArray("[2,'q1','Heartbeat',{}]") << fv << "-1" << true;
        QTest::newRow("invalid utf8")
            << QByteArray("[2,\"u1\",\"Heartbeat\",{\"a\":\"\xff\xfe\"}]") << fv << "u1" << true;
        QTest::newRow("numeric id truncated") << QByteArray("[2,12") << fv << "-1" << true;
        QTest::newRow("numeric id complete") << QByteArray("[2,123,\"Heartbeat\",{") << fv << "123" << true;
        // Valid JSON that is not an OCPP-J frame.
        QTest::newRow("object") << QByteArray("{\"messageId\":\"o1\"}") << fv << "-1" << true;
        QTest::newRow("string") << QByteArray("\"[2,\\\"s1\\\",\\\"Heartbeat\\\",{}]\"") << fv << "-1"
                                << true;
        QTest::newRow("number") << QByteArray("2") << fv << "-1" << true;
        QTest::newRow("null") << QByteArray("null") << fv << "-1" << true;
        QTest::newRow("empty array") << QByteArray("[]") << pe << "-1" << true;
        QTest::newRow("type only") << QByteArray("[2]") << pe << "-1" << true;
        QTest::newRow("call without action") << QByteArray("[2,\"c1\"]") << pe << "c1" << true;
        QTest::newRow("call without payload") << QByteArray("[2,\"c2\",\"Heartbeat\"]") << pe << "c2" << true;
        QTest::newRow("call with extra element")
            << QByteArray("[2,\"c3\",\"Heartbeat\",{},{}]") << fv << "c3" << true;
        QTest::newRow("type 5") << QByteArray("[5,\"w1\",\"Heartbeat\",{}]") << fv << "w1" << true;
        QTest::newRow("type 0") << QByteArray("[0,\"w2\",\"Heartbeat\",{}]") << fv << "w2" << true;
        QTest::newRow("type -2") << QByteArray("[-2,\"w3\",\"Heartbeat\",{}]") << fv << "w3" << true;
        QTest::newRow("type as string")
            << QByteArray("[\"2\",\"w4\",\"Heartbeat\",{}]") << fv << "w4" << true;
        QTest::newRow("type as float") << QByteArray("[2.0,\"w5\",\"Heartbeat\",{}]") << fv << "w5" << true;
        QTest::newRow("type as bool") << QByteArray("[true,\"w6\",\"Heartbeat\",{}]") << fv << "w6" << true;
        QTest::newRow("numeric id") << QByteArray("[2,17,\"Heartbeat\",{}]") << fv << "17" << true;
        QTest::newRow("null id") << QByteArray("[2,null,\"Heartbeat\",{}]") << fv << "-1" << true;
        QTest::newRow("object id") << QByteArray("[2,{\"id\":1},\"Heartbeat\",{}]") << fv << "-1" << true;
        QTest::newRow("empty id") << QByteArray("[2,\"\",\"Heartbeat\",{}]") << fv << "-1" << true;
        QTest::newRow("id of 37 chars")
            << QByteArray("[2,\"" + QByteArray(37, 'i') + "\",\"Heartbeat\",{}]") << fv << "-1" << true;
        QTest::newRow("id with control char")
            << QByteArray("[2,\"a\\u0001b\",\"Heartbeat\",{}]") << fv << "-1" << true;
        QTest::newRow("action as number") << QByteArray("[2,\"a1\",5,{}]") << fv << "a1" << true;
        QTest::newRow("action as null") << QByteArray("[2,\"a2\",null,{}]") << fv << "a2" << true;
        QTest::newRow("payload as array") << QByteArray("[2,\"p1\",\"Heartbeat\",[]]") << fv << "p1" << true;
        QTest::newRow("payload as string")
            << QByteArray("[2,\"p2\",\"Heartbeat\",\"{}\"]") << fv << "p2" << true;
        QTest::newRow("payload as null") << QByteArray("[2,\"p3\",\"Heartbeat\",null]") << fv << "p3" << true;
        QTest::newRow("nested arrays") << QByteArray::fromStdString(nested(200)) << fv << "-1" << true;
        QTest::newRow("nested garbage in payload")
            << QByteArray::fromStdString("[2,\"n1\",\"Heartbeat\",{\"a\":" + nested(40) + "}]") << fv << "n1"
            << true;
        QTest::newRow("nested arrays as elements")
            << QByteArray("[[2],[\"x\"],[[]],{}]") << fv << "-1" << true;
        // Broken answers from the charger: reported, never answered.
        QTest::newRow("callresult without payload") << QByteArray("[3,\"r1\"]") << pe << "r1" << false;
        QTest::newRow("callresult payload array") << QByteArray("[3,\"r2\",[]]") << fv << "r2" << false;
        QTest::newRow("callresult extra element") << QByteArray("[3,\"r3\",{},{}]") << fv << "r3" << false;
        QTest::newRow("callerror code number") << QByteArray("[4,\"e1\",5,\"x\",{}]") << fv << "e1" << false;
        QTest::newRow("callerror details array")
            << QByteArray("[4,\"e2\",\"GenericError\",\"x\",[]]") << fv << "e2" << false;
        QTest::newRow("callerror too short")
            << QByteArray("[4,\"e3\",\"GenericError\"]") << pe << "e3" << false;
        QTest::newRow("truncated callresult") << QByteArray("[3,\"r4\",{\"status\":") << fv << "r4" << false;
    }

    void brokenFrames() {
        QFETCH(QByteArray, frame);
        QFETCH(QString, code);
        QFETCH(QString, id);
        QFETCH(bool, reply);
        const auto parsed = parseFrame(str(frame));
        const auto* error = std::get_if<FrameError>(&parsed);
        QVERIFY2(error != nullptr, "frame was not refused");
        QCOMPARE(QString::fromStdString(std::string(toString(error->reply.code))), code);
        QCOMPARE(QString::fromStdString(error->reply.messageId), id);
        QCOMPARE(error->shouldReply(), reply);
        QVERIFY(!error->reply.description.empty());
        // The answer itself is a well-formed CALLERROR.
        const auto answer = parseFrame(serialize(error->reply));
        QVERIFY(std::holds_alternative<CallError>(answer));
    }

    void refusesHugeFrameWithoutParsing() {
        std::string frame = "[2,\"big-1\",\"DataTransfer\",{\"vendorId\":\"x\",\"data\":\"";
        frame += std::string(70 * 1024, 'a');
        frame += "\"}]";
        const auto parsed = parseFrame(frame);
        const auto* error = std::get_if<FrameError>(&parsed);
        QVERIFY(error != nullptr);
        QVERIFY(error->reply.code == ErrorCode::FormationViolation);
        QCOMPARE(error->reply.messageId, std::string("big-1"));
        QVERIFY(error->reply.description.find("65536") != std::string::npos);
        QVERIFY(error->shouldReply());
    }

    void honoursConfiguredFrameLimit() {
        const std::string frame = "[2,\"lim-1\",\"Heartbeat\",{\"pad\":\"0123456789\"}]";
        QVERIFY(std::holds_alternative<Call>(parseFrame(frame, FrameLimits{frame.size()})));
        const auto parsed = parseFrame(frame, FrameLimits{frame.size() - 1});
        const auto* error = std::get_if<FrameError>(&parsed);
        QVERIFY(error != nullptr);
        QCOMPARE(error->reply.messageId, std::string("lim-1"));
    }

    void hugeGarbageGetsUnknownId() {
        const auto parsed = parseFrame(std::string(100 * 1024, '['));
        const auto* error = std::get_if<FrameError>(&parsed);
        QVERIFY(error != nullptr);
        QCOMPARE(error->reply.messageId, std::string(kUnknownMessageId));
    }

    void hugeCallResultIsNotAnswered() {
        const auto parsed = parseFrame("[3,\"r-big\",{\"x\":\"" + std::string(70 * 1024, 'b') + "\"}]");
        const auto* error = std::get_if<FrameError>(&parsed);
        QVERIFY(error != nullptr);
        QVERIFY(!error->shouldReply());
        QCOMPARE(error->reply.messageId, std::string("r-big"));
    }

    void scansPrefix() {
        auto p = scanFramePrefix("  [ 2 , \"abc\" ,");
        QVERIFY(p.messageType == MessageType::Call);
        QCOMPARE(p.messageId.value_or(""), std::string("abc"));
        p = scanFramePrefix("[3,\"x");
        QVERIFY(p.messageType == MessageType::CallResult);
        QVERIFY(!p.messageId);
        p = scanFramePrefix("[9,\"x\",");
        QVERIFY(!p.messageType);
        QCOMPARE(p.messageId.value_or(""), std::string("x"));
        p = scanFramePrefix("[2,\"a\\\"b\",");
        QVERIFY(!p.messageId); // escapes are not decoded, so not echoed
        p = scanFramePrefix("[2");
        QVERIFY(!p.messageType); // "[2" could still become "[23"
        p = scanFramePrefix("{\"2\"");
        QVERIFY(!p.messageType && !p.messageId);
        p = scanFramePrefix("[2.5,\"x\"");
        QVERIFY(!p.messageType && !p.messageId);
    }

    void serializeNeverThrowsOnInvalidUtf8() {
        const std::string text = serialize(makeCallError("x", ErrorCode::GenericError, "bad \xff byte"));
        QVERIFY(std::holds_alternative<CallError>(parseFrame(text)));
    }
};

QTEST_APPLESS_MAIN(TstRpcFrame)
#include "tst_rpc_frame.moc"
