// Sessions of a scripted charger on a fake clock: a transaction start to stop with meter values whose
// energy follows the power drawn, the offline queue replayed with new message ids and the central
// system's transactionId filled in, retries of transaction messages, charging profiles limiting power.
#include "charge_point_harness.h"

#include <set>

using namespace voltdesk;
using namespace voltdesk::sim;
using namespace voltdesk::sim::testing;

namespace {

double sampled(const Json& meterValues, const std::string& measurand) {
    for (const auto& mv : meterValues) {
        for (const auto& s : mv["sampledValue"]) {
            if (s.value("measurand", "") == measurand) {
                return std::stod(s["value"].get<std::string>());
            }
        }
    }
    return -1;
}

Json accepted(int transactionId) {
    return Json{{"transactionId", transactionId}, {"idTagInfo", {{"status", "Accepted"}}}};
}

} // namespace

class TestChargePointSessions : public QObject {
    Q_OBJECT

private slots:
    void transactionFromPlugInToStopWithMeterValues() {
        Harness h;
        h.connectAndBoot();
        h.cp().plugIn(1, h.now());
        h.settle();
        QCOMPARE(QString::fromStdString(h.statuses.back()), QString("Preparing"));
        h.autoAuthorize = false;
        h.cp().presentIdTag(1, "CARD-1", h.now());
        const auto authorize = h.expect("Authorize");
        QCOMPARE(authorize.payload["idTag"].get<std::string>(), std::string("CARD-1"));
        h.answer(authorize, Json{{"idTagInfo", {{"status", "Accepted"}}}});
        const auto start = h.expect("StartTransaction");
        QCOMPARE(start.payload["connectorId"].get<int>(), 1);
        const auto meterStart = start.payload["meterStart"].get<long long>();
        h.answer(start, accepted(42));
        QVERIFY(h.idle());
        QCOMPARE(QString::fromStdString(h.statuses.back()), QString("Charging"));
        auto snap = h.cp().snapshot(h.now());
        QVERIFY(snap.activeTransaction(1));
        QCOMPARE(snap.activeTransaction(1)->transactionId.value_or(0), 42);
        QVERIFY(snap.activeTransaction(1)->startAcknowledged);
        QCOMPARE(snap.connector(1)->powerW, 22'000.0);

        h.run(60'000); // MeterValueSampleInterval
        const auto mv = h.expect("MeterValues");
        QCOMPARE(mv.payload["transactionId"].get<int>(), 42);
        const double energy = sampled(mv.payload["meterValue"], "Energy.Active.Import.Register");
        // 22 kW for 60 s is 366.7 Wh.
        QVERIFY2(std::abs(energy - static_cast<double>(meterStart) - 366.7) < 2,
                 qPrintable(QString::number(energy)));
        QCOMPARE(sampled(mv.payload["meterValue"], "Power.Active.Import"), 22'000.0);
        QCOMPARE(sampled(mv.payload["meterValue"], "Voltage"), 230.0);
        QVERIFY(sampled(mv.payload["meterValue"], "Current.Import") > 31);
        QVERIFY(sampled(mv.payload["meterValue"], "Temperature") > 0);
        h.answer(mv, Json::object());

        h.cp().presentIdTag(1, "CARD-1", h.now());
        const auto stop = h.expect("StopTransaction");
        QCOMPARE(stop.payload["transactionId"].get<int>(), 42);
        QCOMPARE(stop.payload["reason"].get<std::string>(), std::string("Local"));
        QVERIFY(stop.payload["meterStop"].get<long long>() >= meterStart + 366);
        QCOMPARE(static_cast<int>(stop.payload["transactionData"].size()), 2);
        h.answer(stop, Json{{"idTagInfo", {{"status", "Accepted"}}}});
        QVERIFY(h.idle());
        QCOMPARE(QString::fromStdString(h.statuses.back()), QString("Finishing"));
        h.cp().unplug(1, h.now());
        h.settle();
        QCOMPARE(QString::fromStdString(h.statuses.back()), QString("Available"));
        snap = h.cp().snapshot(h.now());
        QCOMPARE(static_cast<int>(snap.transactions.size()), 1);
        QVERIFY(snap.transactions[0].stopAcknowledged);
        QCOMPARE(snap.transactions[0].meterValuesAcknowledged, 1);
    }

    void offlineTransactionsReplayWithNewIdsAndTheRealTransactionId() {
        auto b = Harness::scripted();
        b.allowOfflineTxForUnknownId = true;
        b.meterValueSampleIntervalSeconds = 30;
        Harness h(b);
        h.connectAndBoot();
        h.disconnect();
        h.cp().plugIn(1, h.now());
        h.cp().presentIdTag(1, "OFFLINE-1", h.now());
        auto snap = h.cp().snapshot(h.now());
        QVERIFY(snap.activeTransaction(1));
        QVERIFY(snap.activeTransaction(1)->startedOffline);
        h.run(65'000); // two periodic samples while offline
        h.cp().stopTransaction(1, "Local", h.now());
        QCOMPARE(h.cp().snapshot(h.now()).queuedTransactionMessages, std::size_t(4));

        const std::size_t idsBefore = h.messageIds.size();
        h.connectAndBoot();
        const auto start = h.expect("StartTransaction");
        QCOMPARE(start.payload["idTag"].get<std::string>(), std::string("OFFLINE-1"));
        QVERIFY(!start.payload.contains("transactionId"));
        h.answer(start, accepted(77));
        for (int i = 0; i < 2; ++i) {
            const auto mv = h.expect("MeterValues");
            QCOMPARE(mv.payload["transactionId"].get<int>(), 77);
            h.answer(mv, Json::object());
        }
        const auto stop = h.expect("StopTransaction");
        QCOMPARE(stop.payload["transactionId"].get<int>(), 77);
        h.answer(stop, Json::object());
        QVERIFY(h.idle());
        // Every CALL ever sent had its own id.
        const std::set<std::string> unique(h.messageIds.begin(), h.messageIds.end());
        QCOMPARE(unique.size(), h.messageIds.size());
        QVERIFY(h.messageIds.size() > idsBefore);
        snap = h.cp().snapshot(h.now());
        QVERIFY(snap.transactions[0].startAcknowledged && snap.transactions[0].stopAcknowledged);
        QCOMPARE(snap.queuedTransactionMessages, std::size_t(0));
    }

    void anUnansweredStartIsSentAgainWithANewIdAfterReconnect() {
        Harness h;
        h.connectAndBoot();
        h.cp().plugIn(1, h.now());
        h.cp().presentIdTag(1, "CARD-2", h.now());
        const auto first = h.expect("StartTransaction");
        h.disconnect(); // the answer never comes
        h.advance(5'000);
        h.connectAndBoot();
        const auto second = h.expect("StartTransaction");
        QVERIFY(second.messageId != first.messageId);
        QCOMPARE(second.payload["timestamp"], first.payload["timestamp"]);
        QCOMPARE(second.payload["meterStart"], first.payload["meterStart"]);
        h.answer(second, accepted(5));
        QCOMPARE(h.cp().snapshot(h.now()).transactions.size(), std::size_t(1));
        QCOMPARE(h.cp().snapshot(h.now()).transactions[0].transactionId.value_or(0), 5);
    }

    void transactionMessagesAreRetriedThenRecordedAsGivenUp() {
        auto b = Harness::scripted();
        b.transactionMessageAttempts = 3;
        b.transactionMessageRetryIntervalSeconds = 10;
        Harness h(b, acCharger(), ChargePointTiming{.callTimeoutMs = 5'000});
        h.connectAndBoot();
        h.cp().plugIn(1, h.now());
        h.cp().presentIdTag(1, "CARD-3", h.now());
        const auto start = h.expect("StartTransaction");
        h.answerError(start, ocpp::ErrorCode::InternalError);
        QVERIFY(h.idle());
        h.run(9'000);
        QVERIFY(h.idle()); // waits TransactionMessageRetryInterval
        h.advance(1'000);
        const auto retry = h.expect("StartTransaction");
        QVERIFY(retry.messageId != start.messageId);
        h.drop(retry); // no answer: times out after 5 s, then waits 2 x 10 s
        h.run(5'000 + 19'000);
        QVERIFY(h.idle());
        h.advance(1'000);
        const auto third = h.expect("StartTransaction");
        h.answerError(third, ocpp::ErrorCode::InternalError);
        QVERIFY(h.idle());
        const auto snap = h.cp().snapshot(h.now());
        QCOMPARE(snap.transactions.size(), std::size_t(1));
        QVERIFY(!snap.transactions[0].startAcknowledged);
        QCOMPARE(snap.transactions[0].dropped.size(), std::size_t(1));
        QCOMPARE(h.stats.transactionMessagesDropped.load(), std::uint64_t(1));
    }

    void startAnsweredInvalidStopsTheTransaction() {
        auto b = Harness::scripted();
        b.authorizeBeforeStart = false;
        Harness h(b);
        h.connectAndBoot();
        h.cp().plugIn(1, h.now());
        h.cp().presentIdTag(1, "BAD", h.now());
        const auto start = h.expect("StartTransaction");
        h.answer(start, Json{{"transactionId", 9}, {"idTagInfo", {{"status", "Invalid"}}}});
        const auto stop = h.expect("StopTransaction");
        QCOMPARE(stop.payload["reason"].get<std::string>(), std::string("DeAuthorized"));
        QCOMPARE(stop.payload["transactionId"].get<int>(), 9);
    }

    void chargingProfilesLimitThePowerDrawn() {
        Harness h;
        h.connectAndBoot();
        h.cp().plugIn(1, h.now());
        h.cp().presentIdTag(1, "CARD-4", h.now());
        h.answer(h.expect("StartTransaction"), accepted(11));
        QCOMPARE(h.cp().snapshot(h.now()).connector(1)->powerW, 22'000.0);

        // A TxProfile of 10 A on three phases: 6.9 kW, then 0 A after 60 s (SuspendedEVSE).
        const Json profile{
            {"chargingProfileId", 1},
            {"transactionId", 11},
            {"stackLevel", 0},
            {"chargingProfilePurpose", "TxProfile"},
            {"chargingProfileKind", "Relative"},
            {"chargingSchedule",
             {{"chargingRateUnit", "A"},
              {"chargingSchedulePeriod", Json::array({{{"startPeriod", 0}, {"limit", 10.0}},
                                                      {{"startPeriod", 60}, {"limit", 0.0}}})}}}};
        QCOMPARE(
            h.call("SetChargingProfile", {{"connectorId", 1}, {"csChargingProfiles", profile}})["status"],
            Json("Accepted"));
        QCOMPARE(h.cp().snapshot(h.now()).connector(1)->powerW, 6'900.0);
        const double before = h.cp().snapshot(h.now()).connector(1)->energyWh;
        h.run(30'000);
        const double after = h.cp().snapshot(h.now()).connector(1)->energyWh;
        QVERIFY2(std::abs(after - before - 57.5) < 0.5, qPrintable(QString::number(after - before)));

        const auto composite = h.call("GetCompositeSchedule",
                                      {{"connectorId", 1}, {"duration", 120}, {"chargingRateUnit", "W"}});
        QCOMPARE(composite["status"], Json("Accepted"));
        const auto& periods = composite["chargingSchedule"]["chargingSchedulePeriod"];
        QCOMPARE(static_cast<int>(periods.size()), 2);
        QCOMPARE(periods[0]["limit"].get<double>(), 6'900.0);
        QCOMPARE(periods[1]["startPeriod"].get<int>(), 30);
        QCOMPARE(periods[1]["limit"].get<double>(), 0.0);

        h.run(31'000);
        QCOMPARE(h.cp().snapshot(h.now()).connector(1)->powerW, 0.0);
        QVERIFY(h.cp().snapshot(h.now()).connector(1)->status == contract::ConnectorStatus::SuspendedEVSE);

        // A TxDefaultProfile does not override a TxProfile; clearing the TxProfile lets it apply.
        auto txDefault = profile;
        txDefault["chargingProfileId"] = 2;
        txDefault.erase("transactionId");
        txDefault["chargingProfilePurpose"] = "TxDefaultProfile";
        txDefault["chargingProfileKind"] = "Absolute";
        txDefault["chargingSchedule"]["chargingRateUnit"] = "W";
        txDefault["chargingSchedule"]["chargingSchedulePeriod"] =
            Json::array({{{"startPeriod", 0}, {"limit", 11000.0}}});
        QCOMPARE(
            h.call("SetChargingProfile", {{"connectorId", 0}, {"csChargingProfiles", txDefault}})["status"],
            Json("Accepted"));
        QCOMPARE(h.cp().snapshot(h.now()).connector(1)->powerW, 0.0);
        QCOMPARE(h.call("ClearChargingProfile", {{"id", 1}})["status"], Json("Accepted"));
        QCOMPARE(h.cp().snapshot(h.now()).connector(1)->powerW, 11'000.0);
        QCOMPARE(h.call("ClearChargingProfile", {{"id", 99}})["status"], Json("Unknown"));
        // A TxProfile without a transaction is rejected.
        QCOMPARE(
            h.call("SetChargingProfile", {{"connectorId", 2}, {"csChargingProfiles", profile}})["status"],
            Json("Rejected"));
    }
};

QTEST_APPLESS_MAIN(TestChargePointSessions)
#include "tst_charge_point_sessions.moc"
