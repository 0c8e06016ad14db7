// One charger's OCPP conversation, played against a scripted central system: boot until accepted,
// every connector reported, heartbeats at the given interval, one CALL at a time, timeouts, retries.
#include "chargepoint/charge_point.h"
#include "chargepoint/ws_url.h"
#include "core/status_transitions.h"
#include "protocol/ocpp16-wire/core.h"
#include "protocol/ocpp16-wire/rpc_frame.h"

#include <QtTest>
#include <map>

using namespace voltdesk;
using namespace voltdesk::sim;
namespace ocpp = voltdesk::ocpp16;

namespace {

SimCharger makeCharger(int connectors) {
    SimCharger c;
    c.chargerId = "VD-BER-00007";
    c.number = 7;
    c.connectorCount = connectors;
    c.vendor = "ABB";
    c.model = "Terra 54";
    c.serialNumber = "T54-2311-000123";
    c.firmwareVersion = "1.8.22";
    c.dc = true;
    c.maxPowerKw = 50;
    return c;
}

ocpp::Call onlyCall(ChargePoint& cp) {
    const auto out = cp.takeOutgoing();
    if (out.size() != 1) {
        qFatal("expected one frame, got %d", int(out.size()));
    }
    auto frame = ocpp::parseFrame(out.front());
    if (!std::holds_alternative<ocpp::Call>(frame)) {
        qFatal("expected a CALL: %s", out.front().c_str());
    }
    return std::get<ocpp::Call>(frame);
}

std::string bootAnswer(const std::string& id, ocpp::RegistrationStatus status, int interval, EpochMs now) {
    return ocpp::serialize(
        ocpp::CallResult{id, ocpp::encode(ocpp::BootNotificationConfirmation{status, now, interval})});
}

std::string emptyAnswer(const std::string& id) {
    return ocpp::serialize(ocpp::CallResult{id, nlohmann::json::object()});
}

/// What a central system would plausibly answer to any of the charger's CALLs.
std::string answerTo(const ocpp::Call& call, int transactionId = 1) {
    nlohmann::json payload = nlohmann::json::object();
    if (call.action == "StartTransaction") {
        payload = {{"transactionId", transactionId}, {"idTagInfo", {{"status", "Accepted"}}}};
    } else if (call.action == "Authorize") {
        payload = {{"idTagInfo", {{"status", "Accepted"}}}};
    } else if (call.action == "Heartbeat") {
        payload = {{"currentTime", contract::toIso8601(contract::nowMs())}};
    }
    return ocpp::serialize(ocpp::CallResult{call.messageId, payload});
}

} // namespace

class TestChargePoint : public QObject {
    Q_OBJECT

private slots:
    void bootsThenReportsEveryConnectorThenHeartbeats() {
        const EpochMs t0 = contract::nowMs();
        const SimClock clock(t0, t0, 1);
        const auto charger = makeCharger(3);
        SimStats stats;
        ChargePoint cp(charger, 1, clock, &stats);
        QVERIFY(cp.registration() == Registration::Disconnected);
        QVERIFY(cp.takeOutgoing().empty());

        cp.onConnected(t0);
        const auto boot = onlyCall(cp);
        QCOMPARE(QString::fromStdString(boot.action), QString("BootNotification"));
        const auto req = ocpp::decode<ocpp::BootNotificationRequest>(boot.payload);
        QVERIFY(req);
        QCOMPARE(QString::fromStdString(req.value().chargePointVendor), QString("ABB"));
        QCOMPARE(QString::fromStdString(req.value().chargePointModel), QString("Terra 54"));
        QCOMPARE(QString::fromStdString(req.value().chargePointSerialNumber.value()),
                 QString("T54-2311-000123"));
        QCOMPARE(QString::fromStdString(req.value().firmwareVersion.value()), QString("1.8.22"));

        cp.onText(bootAnswer(boot.messageId, ocpp::RegistrationStatus::Accepted, 60, t0), t0);
        QVERIFY(cp.registration() == Registration::Accepted);
        QCOMPARE(stats.accepted.load(), 1);
        for (int connector = 0; connector <= 3; ++connector) {
            const auto call = onlyCall(cp); // one at a time: the next only after the answer
            QCOMPARE(QString::fromStdString(call.action), QString("StatusNotification"));
            const auto status = ocpp::decode<ocpp::StatusNotificationRequest>(call.payload);
            QVERIFY2(status, status ? "" : status.error().description.c_str());
            QCOMPARE(status.value().connectorId, connector);
            QVERIFY(status.value().timestamp.has_value());
            QVERIFY(cp.takeOutgoing().empty());
            cp.onText(emptyAnswer(call.messageId), t0);
        }
        QVERIFY(cp.takeOutgoing().empty());
        QVERIFY(cp.nextWakeup() <= t0 + 60'000);

        cp.onTimer(t0 + 60'000);
        auto hb = onlyCall(cp);
        while (hb.action != "Heartbeat") { // the day may have moved on in the meantime
            cp.onText(answerTo(hb), t0 + 60'000);
            hb = onlyCall(cp);
        }
        QCOMPARE(QString::fromStdString(hb.action), QString("Heartbeat"));
        QCOMPARE(stats.heartbeats.load(), std::uint64_t(1));
        QCOMPARE(stats.bootNotifications.load(), std::uint64_t(1));
    }

    void pendingAndRejectedRetryAfterTheInterval() {
        const EpochMs t0 = contract::nowMs();
        const SimClock clock(t0, t0, 1);
        const auto charger = makeCharger(1);
        ChargePoint cp(charger, 1, clock, nullptr);
        cp.onConnected(t0);
        auto boot = onlyCall(cp);
        cp.onText(bootAnswer(boot.messageId, ocpp::RegistrationStatus::Pending, 10, t0), t0);
        QVERIFY(cp.registration() == Registration::Pending);
        QVERIFY(cp.takeOutgoing().empty());
        QCOMPARE(cp.nextWakeup(), t0 + 10'000);
        cp.onTimer(t0 + 9'999);
        QVERIFY(cp.takeOutgoing().empty());
        cp.onTimer(t0 + 10'000);
        boot = onlyCall(cp);
        QCOMPARE(QString::fromStdString(boot.action), QString("BootNotification"));

        cp.onText(bootAnswer(boot.messageId, ocpp::RegistrationStatus::Rejected, 0, t0), t0 + 10'000);
        QVERIFY(cp.registration() == Registration::Rejected);
        cp.onTimer(t0 + 39'999); // interval 0: the default of 30 s
        QVERIFY(cp.takeOutgoing().empty());
        cp.onTimer(t0 + 40'000);
        QCOMPARE(QString::fromStdString(onlyCall(cp).action), QString("BootNotification"));
    }

    void unansweredCallsTimeOut() {
        const EpochMs t0 = contract::nowMs();
        const SimClock clock(t0, t0, 1);
        const auto charger = makeCharger(1);
        SimStats stats;
        ChargePoint cp(charger, 1, clock, &stats, ChargePointTiming{.callTimeoutMs = 5'000});
        cp.onConnected(t0);
        const auto first = onlyCall(cp);
        cp.onTimer(t0 + 4'999);
        QVERIFY(cp.takeOutgoing().empty());
        cp.onTimer(t0 + 5'000);
        const auto second = onlyCall(cp);
        QCOMPARE(QString::fromStdString(second.action), QString("BootNotification"));
        QVERIFY(second.messageId != first.messageId);
        QCOMPARE(stats.timeouts.load(), std::uint64_t(1));
        // A late answer to the first boot is ignored.
        cp.onText(bootAnswer(first.messageId, ocpp::RegistrationStatus::Accepted, 60, t0), t0 + 5'001);
        QVERIFY(cp.registration() != Registration::Accepted);
    }

    void answersCallsItDoesNotSupport() {
        const EpochMs t0 = contract::nowMs();
        const SimClock clock(t0, t0, 1);
        const auto charger = makeCharger(1);
        ChargePoint cp(charger, 1, clock, nullptr);
        cp.onConnected(t0);
        (void)cp.takeOutgoing();
        cp.onText(R"([2,"a1","Authorize",{"idTag":"X"}])", t0); // a charger's CALL, not ours to answer
        cp.onText(R"([2,"a2","Frobnicate",{}])", t0);
        cp.onText(R"([2,"a3",)", t0);
        const auto out = cp.takeOutgoing();
        QCOMPARE(out.size(), std::size_t(3));
        const auto e1 = std::get<ocpp::CallError>(ocpp::parseFrame(out[0]));
        QCOMPARE(QString::fromStdString(e1.messageId), QString("a1"));
        QVERIFY(e1.code == ocpp::ErrorCode::NotSupported);
        const auto e2 = std::get<ocpp::CallError>(ocpp::parseFrame(out[1]));
        QVERIFY(e2.code == ocpp::ErrorCode::NotImplemented);
        const auto e3 = std::get<ocpp::CallError>(ocpp::parseFrame(out[2]));
        QCOMPARE(QString::fromStdString(e3.messageId), QString("a3"));
    }

    void reportsTheDayAsItUnfolds() {
        // An hour of wall time at 3600x: a few simulated days of one busy DC charger.
        const EpochMs t0 = contract::nowMs();
        const SimClock clock(t0, t0, 3600);
        const auto charger = makeCharger(3);
        ChargePoint cp(charger, 3, clock, nullptr, ChargePointTiming{.defaultHeartbeatSeconds = 300});
        cp.onConnected(t0);
        cp.onText(bootAnswer(onlyCall(cp).messageId, ocpp::RegistrationStatus::Accepted, 300, t0), t0);
        std::map<int, ocpp::ChargePointStatus> last;
        int statuses = 0;
        int heartbeats = 0;
        int starts = 0;
        int stops = 0;
        for (EpochMs now = t0; now < t0 + 3'600'000; now += 1'000) {
            cp.onTimer(now);
            for (;;) {
                const auto out = cp.takeOutgoing();
                if (out.empty()) {
                    break;
                }
                QCOMPARE(out.size(), std::size_t(1));
                const auto call = std::get<ocpp::Call>(ocpp::parseFrame(out.front()));
                if (call.action == "Heartbeat") {
                    ++heartbeats;
                } else if (call.action == "StartTransaction") {
                    ++starts;
                } else if (call.action == "StopTransaction") {
                    ++stops;
                    QVERIFY(call.payload.value("transactionId", 0) >= 1 &&
                            call.payload.value("transactionId", 0) <= starts);
                } else if (call.action == "MeterValues") {
                    QVERIFY(call.payload.contains("transactionId"));
                } else {
                    const auto s = ocpp::decode<ocpp::StatusNotificationRequest>(call.payload).value();
                    const auto it = last.find(s.connectorId);
                    if (it != last.end() && s.connectorId > 0) {
                        const auto from =
                            static_cast<contract::ConnectorStatus>(static_cast<int>(it->second));
                        const auto to = static_cast<contract::ConnectorStatus>(static_cast<int>(s.status));
                        QVERIFY(isValidTransition(from, to));
                    }
                    QCOMPARE(s.status == ocpp::ChargePointStatus::Faulted,
                             s.errorCode != ocpp::ChargePointErrorCode::NoError);
                    last[s.connectorId] = s.status;
                    ++statuses;
                }
                cp.onText(answerTo(call, starts), now);
            }
        }
        QVERIFY2(statuses > 40, qPrintable(QString::number(statuses)));
        QVERIFY2(starts > 3 && stops > 0 && stops <= starts,
                 qPrintable(QString("%1 %2").arg(starts).arg(stops)));
        QCOMPARE(heartbeats, 11); // every 300 s over 3600 s, after the first interval
    }

    void reconnectBootsAgain() {
        const EpochMs t0 = contract::nowMs();
        const SimClock clock(t0, t0, 1);
        const auto charger = makeCharger(2);
        SimStats stats;
        ChargePoint cp(charger, 1, clock, &stats);
        cp.onConnected(t0);
        cp.onText(bootAnswer(onlyCall(cp).messageId, ocpp::RegistrationStatus::Accepted, 60, t0), t0);
        QCOMPARE(stats.accepted.load(), 1);
        cp.onDisconnected(t0 + 1);
        QVERIFY(cp.registration() == Registration::Disconnected);
        QCOMPARE(stats.accepted.load(), 0);
        QVERIFY(cp.takeOutgoing().empty());
        cp.onConnected(t0 + 2);
        QCOMPARE(QString::fromStdString(onlyCall(cp).action), QString("BootNotification"));
    }

    void parsesUrls() {
        const auto u = parseWsUrl("ws://127.0.0.1:8180/ocpp/");
        QVERIFY(u);
        QCOMPARE(QString::fromStdString(u->host), QString("127.0.0.1"));
        QCOMPARE(QString::fromStdString(u->port), QString("8180"));
        QCOMPARE(QString::fromStdString(u->targetFor("VD-BER-00001")), QString("/ocpp/VD-BER-00001"));
        const auto noSlash = parseWsUrl("ws://localhost:9000/ocpp");
        QVERIFY(noSlash);
        QCOMPARE(QString::fromStdString(noSlash->targetFor("X")), QString("/ocpp/X"));
        const auto v6 = parseWsUrl("ws://[::1]:8180/");
        QVERIFY(v6);
        QCOMPARE(QString::fromStdString(v6->host), QString("::1"));
        QCOMPARE(QString::fromStdString(parseWsUrl("ws://host/")->port), QString("80"));
        QVERIFY(!parseWsUrl("http://host/"));
        QVERIFY(!parseWsUrl("ws://:80/"));
        QVERIFY(!parseWsUrl("ws://host:port/"));
    }
};

QTEST_APPLESS_MAIN(TestChargePoint)
#include "tst_charge_point.moc"
