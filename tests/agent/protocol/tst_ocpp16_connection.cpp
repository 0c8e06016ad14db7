// Ocpp16Connection driven frame by frame with a fake domain: replies, events, the boot rules, every
// class of malformed input (the connection must answer and stay usable), and a randomized robustness loop.
#include "fake_charge_point_services.h"
#include "protocol/ocpp16-wire/rpc_frame.h"
#include "protocol/ocpp16/ocpp16_connection.h"

#include <QtTest>
#include <nlohmann/json.hpp>
#include <random>

using namespace voltdesk;
using namespace voltdesk::ocpp16;
using Json = nlohmann::json;

namespace {

constexpr contract::EpochMs kNow = 1795686025123;

const std::string kBoot =
    "[2,\"b1\",\"BootNotification\",{\"chargePointVendor\":\"Alpitronic\",\"chargePointModel\":\"HYC300\","
    "\"chargePointSerialNumber\":\"SN-1\",\"firmwareVersion\":\"1.0\"}]";
const std::string kHeartbeat = "[2,\"h1\",\"Heartbeat\",{}]";

/// The rate limit has a test of its own; the robustness loop sends thousands of CALLs at one instant.
ConnectionLimits unlimited() {
    ConnectionLimits limits;
    limits.callsPerSecond = 0;
    return limits;
}

struct Harness {
    testing::FakeChargePointServices services;
    std::vector<std::string> sent;
    std::unique_ptr<Ocpp16Connection> connection;

    explicit Harness(ConnectionLimits limits = unlimited()) {
        connection = std::make_unique<Ocpp16Connection>(
            "CP-1", services, [this](std::string frame) { sent.push_back(std::move(frame)); }, limits,
            [] { return kNow; });
    }

    /// Sends one text frame and returns the only reply (fails the test if not exactly one).
    ParsedFrame exchange(std::string_view frame) {
        const std::size_t before = sent.size();
        connection->onText(frame);
        if (sent.size() != before + 1) {
            qWarning("expected one reply, got %d", static_cast<int>(sent.size() - before));
            return FrameError{};
        }
        return parseFrame(sent.back());
    }
};

CallError errorOf(const ParsedFrame& reply) {
    const auto* error = std::get_if<CallError>(&reply);
    return error != nullptr ? *error : makeCallError("<not a CALLERROR>", ErrorCode::GenericError, "");
}

Json resultOf(const ParsedFrame& reply, const std::string& id) {
    const auto* result = std::get_if<CallResult>(&reply);
    if (result == nullptr || result->messageId != id) {
        return Json("<not the CALLRESULT of " + id + ">");
    }
    return result->payload;
}

} // namespace

class TstOcpp16Connection : public QObject {
    Q_OBJECT

private slots:
    void openReportsConnected() {
        Harness h;
        h.connection->onOpen("10.0.0.7:51234");
        const auto events = h.services.eventsOf<domain::ChargerConnected>();
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events[0].chargerId, std::string("CP-1"));
        QCOMPARE(events[0].protocol, std::string("ocpp1.6"));
        QCOMPARE(events[0].remoteAddress, std::string("10.0.0.7:51234"));
        QCOMPARE(events[0].at, kNow);
        QVERIFY(h.sent.empty());
    }

    void closeReportsDisconnectedOnce() {
        Harness h;
        h.connection->onOpen("a");
        h.connection->onClose("going away");
        h.connection->onClose("again");
        const auto events = h.services.eventsOf<domain::ChargerDisconnected>();
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events[0].reason, std::string("going away"));
    }

    void closeWithoutOpenReportsNothing() {
        Harness h;
        h.connection->onClose("x");
        QVERIFY(h.services.events.empty());
    }

    void bootAccepted() {
        Harness h;
        const Json conf = resultOf(h.exchange(kBoot), "b1");
        QCOMPARE(
            conf,
            Json({{"status", "Accepted"}, {"currentTime", contract::toIso8601(kNow)}, {"interval", 300}}));
        const auto booted = h.services.eventsOf<domain::ChargerBooted>();
        QCOMPARE(booted.size(), std::size_t(1));
        QCOMPARE(booted[0].vendor, std::string("Alpitronic"));
        QCOMPARE(booted[0].model, std::string("HYC300"));
        QCOMPARE(booted[0].serialNumber, std::string("SN-1"));
        QCOMPARE(booted[0].firmwareVersion, std::string("1.0"));
        QVERIFY(h.connection->registration() == domain::RegistrationStatus::Accepted);
    }

    void heartbeatWithoutBootIsServed() {
        Harness h;
        const Json conf = resultOf(h.exchange(kHeartbeat), "h1");
        QCOMPARE(conf, Json({{"currentTime", contract::toIso8601(kNow)}}));
        QCOMPARE(h.services.eventsOf<domain::HeartbeatReceived>().size(), std::size_t(1));
    }

    void statusNotificationUsesChargerTimestampOrReceipt() {
        Harness h;
        QCOMPARE(resultOf(h.exchange(
                              "[2,\"s1\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\","
                              "\"status\":\"Charging\",\"timestamp\":\"2026-11-26T09:00:00.000Z\"}]"),
                          "s1"),
                 Json::object());
        QCOMPARE(resultOf(h.exchange(
                              "[2,\"s2\",\"StatusNotification\",{\"connectorId\":2,\"errorCode\":\"NoError\","
                              "\"status\":\"Available\"}]"),
                          "s2"),
                 Json::object());
        const auto reports = h.services.eventsOf<domain::ConnectorStatusReported>();
        QCOMPARE(reports.size(), std::size_t(2));
        QCOMPARE(reports[0].at, *contract::parseIso8601("2026-11-26T09:00:00.000Z"));
        QCOMPARE(reports[0].receivedAt, kNow);
        QVERIFY(reports[0].status == contract::ConnectorStatus::Charging);
        QCOMPARE(reports[1].at, kNow);
        QCOMPARE(reports[1].connectorId, 2);
    }

    void rejectedChargerMayOnlyBoot() {
        Harness h;
        h.services.decision = {domain::RegistrationStatus::Rejected, std::chrono::seconds(600)};
        QCOMPARE(resultOf(h.exchange(kBoot), "b1")["status"], Json("Rejected"));
        QVERIFY(errorOf(h.exchange(kHeartbeat)).code == ErrorCode::SecurityError);
        QCOMPARE(errorOf(h.exchange(kHeartbeat)).messageId, std::string("h1"));
        QVERIFY(errorOf(h.exchange("[2,\"a1\",\"Authorize\",{\"idTag\":\"x\"}]")).code ==
                ErrorCode::SecurityError);
        QCOMPARE(h.services.eventsOf<domain::HeartbeatReceived>().size(), std::size_t(0));
        // Booting again is allowed, and an Accepted boot lifts the restriction.
        h.services.decision = {domain::RegistrationStatus::Accepted, std::chrono::seconds(300)};
        QCOMPARE(resultOf(h.exchange(kBoot), "b1")["status"], Json("Accepted"));
        QCOMPARE(resultOf(h.exchange(kHeartbeat), "h1").contains("currentTime"), true);
    }

    void pendingChargerIsServed() {
        Harness h;
        h.services.decision = {domain::RegistrationStatus::Pending, std::chrono::seconds(60)};
        QCOMPARE(resultOf(h.exchange(kBoot), "b1")["interval"], Json(60));
        QVERIFY(resultOf(h.exchange(kHeartbeat), "h1").contains("currentTime"));
    }

    void unknownActionIsNotImplemented() {
        Harness h;
        const CallError e = errorOf(h.exchange("[2,\"u1\",\"MakeCoffee\",{}]"));
        QVERIFY(e.code == ErrorCode::NotImplemented);
        QCOMPARE(e.messageId, std::string("u1"));
        QVERIFY(errorOf(h.exchange("[2,\"u2\",\"heartbeat\",{}]")).code == ErrorCode::NotImplemented);
    }

    void knownActionNotHandledIsNotSupported() {
        Harness h;
        for (const char* action : {"Authorize", "StartTransaction", "MeterValues", "DataTransfer",
                                   "RemoteStartTransaction", "FirmwareStatusNotification"}) {
            const CallError e = errorOf(h.exchange("[2,\"n1\",\"" + std::string(action) + "\",{}]"));
            QVERIFY2(e.code == ErrorCode::NotSupported, action);
        }
    }

    void invalidPayloadGetsSchemaCode() {
        Harness h;
        QVERIFY(errorOf(h.exchange("[2,\"v1\",\"BootNotification\",{\"chargePointVendor\":\"x\"}]")).code ==
                ErrorCode::OccurenceConstraintViolation);
        QVERIFY(errorOf(h.exchange("[2,\"v2\",\"StatusNotification\",{\"connectorId\":\"1\",\"errorCode\":"
                                   "\"NoError\",\"status\":\"Available\"}]"))
                    .code == ErrorCode::TypeConstraintViolation);
        QVERIFY(errorOf(h.exchange("[2,\"v3\",\"StatusNotification\",{\"connectorId\":-1,\"errorCode\":"
                                   "\"NoError\",\"status\":\"Available\"}]"))
                    .code == ErrorCode::PropertyConstraintViolation);
        QVERIFY(h.services.events.empty());
    }

    void malformedInputIsAnsweredAndConnectionStaysUsable_data() {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("id");
        QTest::newRow("truncated json")
            << QByteArray("[2,\"t1\",\"Heartbeat\",{") << "FormationViolation" << "t1";
        QTest::newRow("garbage") << QByteArray("\x01\x02 garbage") << "FormationViolation" << "-1";
        QTest::newRow("wrong types") << QByteArray("[2,\"w1\",42,{}]") << "FormationViolation" << "w1";
        QTest::newRow("wrong message type id")
            << QByteArray("[7,\"m1\",\"Heartbeat\",{}]") << "FormationViolation"
            << "m1";
        QTest::newRow("empty array") << QByteArray("[]") << "ProtocolError" << "-1";
        QTest::newRow("id too long") << QByteArray("[2,\"" + QByteArray(40, 'x') + "\",\"Heartbeat\",{}]")
                                     << "FormationViolation" << "-1";
        QTest::newRow("nested garbage") << QByteArray(2000, '[') << "FormationViolation" << "-1";
        QTest::newRow("unknown action")
            << QByteArray("[2,\"x1\",\"Teleport\",{}]") << "NotImplemented" << "x1";
    }

    void malformedInputIsAnsweredAndConnectionStaysUsable() {
        QFETCH(QByteArray, frame);
        QFETCH(QString, code);
        QFETCH(QString, id);
        Harness h;
        h.connection->onOpen("a");
        const CallError e = errorOf(h.exchange(frame.toStdString()));
        QCOMPARE(QString::fromStdString(std::string(toString(e.code))), code);
        QCOMPARE(QString::fromStdString(e.messageId), id);
        QVERIFY(resultOf(h.exchange(kHeartbeat), "h1").contains("currentTime"));
        QCOMPARE(h.services.eventsOf<domain::ChargerDisconnected>().size(), std::size_t(0));
    }

    void hugeFrameIsRefusedWithItsId() {
        Harness h;
        const std::string frame = "[2,\"big\",\"DataTransfer\",{\"vendorId\":\"v\",\"data\":\"" +
                                  std::string(65 * 1024, 'z') + "\"}]";
        const CallError e = errorOf(h.exchange(frame));
        QVERIFY(e.code == ErrorCode::FormationViolation);
        QCOMPARE(e.messageId, std::string("big"));
        QVERIFY(resultOf(h.exchange(kHeartbeat), "h1").contains("currentTime"));
    }

    void frameLimitIsConfigurable() {
        Harness h(ConnectionLimits{32});
        const CallError e = errorOf(h.exchange(kBoot));
        QVERIFY(e.code == ErrorCode::FormationViolation);
        QCOMPARE(e.messageId, std::string("b1"));
        QVERIFY(h.services.events.empty());
        QVERIFY(resultOf(h.exchange("[2,\"h\",\"Heartbeat\",{}]"), "h").contains("currentTime"));
    }

    void binaryFramesAreRefused() {
        Harness h;
        h.connection->onBinary(kHeartbeat);
        QCOMPARE(h.sent.size(), std::size_t(1));
        CallError e = errorOf(parseFrame(h.sent.back()));
        QVERIFY(e.code == ErrorCode::FormationViolation);
        QCOMPARE(e.messageId, std::string("h1"));
        QVERIFY(h.services.events.empty()); // nothing in a binary frame is acted on
        h.connection->onBinary(std::string("\x00\xff\x10", 3));
        QCOMPARE(h.sent.size(), std::size_t(2));
        e = errorOf(parseFrame(h.sent.back()));
        QVERIFY(e.code == ErrorCode::FormationViolation);
        QCOMPARE(e.messageId, std::string("-1"));
        QVERIFY(resultOf(h.exchange(kHeartbeat), "h1").contains("currentTime"));
    }

    void unsolicitedAnswersAreIgnored() {
        Harness h;
        h.connection->onText("[3,\"nobody-asked\",{}]");
        h.connection->onText("[4,\"nobody-asked\",\"GenericError\",\"x\",{}]");
        h.connection->onText("[3,\"broken\"]");
        h.connection->onBinary("[3,\"bin\",{}]");
        QVERIFY(h.sent.empty());
        QVERIFY(h.services.events.empty());
    }

    void serviceFailureBecomesInternalError() {
        Harness h;
        h.services.failure = testing::FakeChargePointServices::Failure::StdException;
        std::vector<std::string> log;
        h.connection->setErrorLog([&](std::string_view m) { log.emplace_back(m); });
        CallError e = errorOf(h.exchange(kHeartbeat));
        QVERIFY(e.code == ErrorCode::InternalError);
        QCOMPARE(e.messageId, std::string("h1"));
        QVERIFY(!log.empty());
        QVERIFY(log.back().find("store unavailable") != std::string::npos);
        h.services.failure = testing::FakeChargePointServices::Failure::NonStdException;
        e = errorOf(h.exchange(kBoot));
        QVERIFY(e.code == ErrorCode::InternalError);
        QCOMPARE(e.messageId, std::string("b1"));
        h.connection->onOpen("a"); // must not throw
        h.connection->onClose("b");
        h.services.failure = testing::FakeChargePointServices::Failure::None;
        QVERIFY(resultOf(h.exchange(kHeartbeat), "h1").contains("currentTime"));
    }

    void failingSendDoesNotEscape() {
        testing::FakeChargePointServices services;
        Ocpp16Connection connection("CP-1", services,
                                    [](std::string) { throw std::runtime_error("socket gone"); });
        connection.onText(kHeartbeat);
        connection.onText("garbage");
        connection.onBinary("x");
        QCOMPARE(services.eventsOf<domain::HeartbeatReceived>().size(), std::size_t(1));
    }

    void sendMayReenterTheConnection() {
        testing::FakeChargePointServices services;
        std::vector<std::string> sent;
        std::unique_ptr<Ocpp16Connection> connection;
        connection = std::make_unique<Ocpp16Connection>("CP-1", services, [&](std::string frame) {
            sent.push_back(frame);
            if (sent.size() == 1) {
                connection->onText("[2,\"inner\",\"Heartbeat\",{}]");
            }
        });
        connection->onText(kHeartbeat);
        QCOMPARE(sent.size(), std::size_t(2));
    }

    // Thousands of random and mutated frames: the connection never throws, answers every frame that
    // is or may be a CALL with exactly one well-formed reply carrying the right id, and never answers
    // CALLRESULTs or CALLERRORs.
    void survivesRandomAndMutatedFrames() {
        const std::vector<std::string> seeds{
            kBoot,
            kHeartbeat,
            "[2,\"s\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":"
            "\"Charging\","
            "\"timestamp\":\"2026-11-26T09:00:00Z\",\"info\":\"x\"}]",
            "[3,\"r\",{\"status\":\"Accepted\"}]",
            "[4,\"e\",\"GenericError\",\"d\",{}]",
            "[2,\"a\",\"Authorize\",{\"idTag\":\"ABC\"}]",
        };
        const std::string alphabet = "[]{}\",:0123456789-.eE truefalsnul\\\x01\xff\xc3\xa9"
                                     "abcXYZ";
        std::mt19937 rng(20261126);
        Harness h;
        h.connection->onOpen("fuzz");
        int answeredCalls = 0;
        for (int i = 0; i < 20000; ++i) {
            std::string frame = seeds[rng() % seeds.size()];
            const int mutations = 1 + static_cast<int>(rng() % 6);
            for (int m = 0; m < mutations && !frame.empty(); ++m) {
                const std::size_t pos = rng() % frame.size();
                switch (rng() % 5) {
                case 0:
                    frame[pos] = alphabet[rng() % alphabet.size()];
                    break;
                case 1:
                    frame.insert(pos, 1, alphabet[rng() % alphabet.size()]);
                    break;
                case 2:
                    frame.erase(pos, 1 + rng() % 8);
                    break;
                case 3:
                    frame.resize(pos); // truncate
                    break;
                default:
                    frame.insert(pos, frame.substr(0, rng() % frame.size()));
                    break;
                }
            }
            if (i % 500 == 0) {
                frame = std::string(70 * 1024 + rng() % 1000, alphabet[rng() % alphabet.size()]);
            }
            const ParsedFrame expected = parseFrame(frame);
            const bool mustAnswer =
                std::holds_alternative<Call>(expected) || (std::holds_alternative<FrameError>(expected) &&
                                                           std::get<FrameError>(expected).shouldReply());
            const std::size_t before = h.sent.size();
            try {
                if (i % 7 == 0) {
                    h.connection->onBinary(frame);
                } else {
                    h.connection->onText(frame);
                }
            } catch (...) {
                QFAIL(("threw on frame: " + frame).c_str());
            }
            QCOMPARE(h.sent.size(), before + (mustAnswer ? 1 : 0));
            if (!mustAnswer) {
                continue;
            }
            ++answeredCalls;
            const ParsedFrame reply = parseFrame(h.sent.back());
            const std::string wantedId = std::holds_alternative<Call>(expected)
                                             ? std::get<Call>(expected).messageId
                                             : std::get<FrameError>(expected).reply.messageId;
            if (const auto* result = std::get_if<CallResult>(&reply)) {
                QCOMPARE(result->messageId, wantedId);
            } else if (const auto* error = std::get_if<CallError>(&reply)) {
                QCOMPARE(error->messageId, wantedId);
            } else {
                QFAIL(("reply is not a well-formed CALLRESULT or CALLERROR: " + h.sent.back()).c_str());
            }
        }
        QVERIFY(answeredCalls > 10000);
        QVERIFY(resultOf(h.exchange(kHeartbeat), "h1").contains("currentTime"));
    }
};

QTEST_APPLESS_MAIN(TstOcpp16Connection)
#include "tst_ocpp16_connection.moc"
