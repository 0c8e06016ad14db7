// TransactionBlock through a real Ocpp16Connection: Authorize answers, transaction messages answered
// only after the ledger's commit, replays with new message ids, unknown stops answered normally, and
// a ledger failure answered with an error so the charger retries.
#include "domain/transaction_service.h"
#include "fake_charge_point_services.h"
#include "protocol/ocpp16-wire/rpc_frame.h"
#include "protocol/ocpp16/ocpp16_connection.h"
#include "protocol/ocpp16/transaction_block.h"
#include "tests/agent/memory_ledger.h"

#include <QtTest>

using namespace voltdesk;
using namespace voltdesk::ocpp16;
using Json = nlohmann::json;

namespace {

constexpr contract::EpochMs kNow = 1'800'000'000'000;

struct Harness {
    testing::FakeChargePointServices services;
    domain::IdTagRegistry tags;
    testing::MemoryLedger ledger;
    domain::TransactionService transactions{tags, ledger, [] { return kNow; }};
    std::vector<std::string> sent;
    Ocpp16Connection connection{"CP-1", services,
                                [this](std::string frame) { sent.push_back(std::move(frame)); },
                                ConnectionLimits{}, [] { return kNow; }};

    Harness() {
        tags.load({domain::IdTag{"CARD-1", std::string("FLEET"), std::nullopt, false},
                   domain::IdTag{"FLEET", std::nullopt, std::nullopt, false},
                   domain::IdTag{"CARD-X", std::nullopt, std::nullopt, true}});
        connection.addBlock(std::make_unique<TransactionBlock>(transactions));
    }

    ParsedFrame exchange(const std::string& frame) {
        const std::size_t before = sent.size();
        connection.onText(frame);
        if (sent.size() != before + 1) {
            return FrameError{};
        }
        return parseFrame(sent.back());
    }
};

Json resultOf(const ParsedFrame& reply, const std::string& id) {
    const auto* result = std::get_if<CallResult>(&reply);
    if (result == nullptr || result->messageId != id) {
        return Json("<not the CALLRESULT of " + id + ">");
    }
    return result->payload;
}

std::string call(const std::string& id, const std::string& action, const Json& payload) {
    return serialize(Call{id, action, payload});
}

const Json kStart{
    {"connectorId", 1}, {"idTag", "CARD-1"}, {"meterStart", 1200}, {"timestamp", "2027-01-15T08:00:00Z"}};

} // namespace

class TstTransactionBlock : public QObject {
    Q_OBJECT

private slots:
    void authorizeAnswersFromTheRegistry() {
        Harness h;
        const Json accepted = resultOf(h.exchange(call("a1", "Authorize", {{"idTag", "CARD-1"}})), "a1");
        QCOMPARE(accepted["idTagInfo"]["status"], Json("Accepted"));
        QCOMPARE(accepted["idTagInfo"]["parentIdTag"], Json("FLEET"));
        QCOMPARE(
            resultOf(h.exchange(call("a2", "Authorize", {{"idTag", "CARD-X"}})), "a2")["idTagInfo"]["status"],
            Json("Blocked"));
        QCOMPARE(
            resultOf(h.exchange(call("a3", "Authorize", {{"idTag", "WHO"}})), "a3")["idTagInfo"]["status"],
            Json("Invalid"));
        const ParsedFrame tooLong = h.exchange(call("a4", "Authorize", {{"idTag", std::string(21, 'A')}}));
        QVERIFY(std::holds_alternative<CallError>(tooLong));
        QVERIFY(std::get<CallError>(tooLong).code == ErrorCode::PropertyConstraintViolation);
    }

    void startIsDedupedByContent() {
        Harness h;
        const Json first = resultOf(h.exchange(call("s1", "StartTransaction", kStart)), "s1");
        QCOMPARE(first["idTagInfo"]["status"], Json("Accepted"));
        QVERIFY(first["transactionId"].is_number_integer());
        // The charger did not get the answer and retries with a new message id.
        const Json retry = resultOf(h.exchange(call("s1-retry", "StartTransaction", kStart)), "s1-retry");
        QCOMPARE(retry["transactionId"], first["transactionId"]);
        QCOMPARE(h.ledger.byId.size(), std::size_t(1));
        QCOMPARE(h.ledger.starts.back().meterStartWh, std::int64_t(1200));
        QCOMPARE(h.ledger.starts.back().chargerId, std::string("CP-1"));
    }

    void stopsAreAlwaysAnsweredNormally() {
        Harness h;
        const int id =
            resultOf(h.exchange(call("s1", "StartTransaction", kStart)), "s1")["transactionId"].get<int>();
        const Json stop{
            {"transactionId", id},
            {"idTag", "CARD-1"},
            {"meterStop", 9000},
            {"timestamp", "2027-01-15T09:00:00Z"},
            {"reason", "EVDisconnected"},
            {"transactionData",
             Json::array({{{"timestamp", "2027-01-15T09:00:00Z"},
                           {"sampledValue", Json::array({{{"value", "9000"},
                                                          {"measurand", "Energy.Active.Import.Register"},
                                                          {"unit", "Wh"}}})}}})}};
        const Json answer = resultOf(h.exchange(call("t1", "StopTransaction", stop)), "t1");
        QCOMPARE(answer["idTagInfo"]["status"], Json("Accepted"));
        QCOMPARE(h.ledger.stops.back().reason, std::string("EVDisconnected"));
        QCOMPARE(h.ledger.stops.back().transactionData.at(0).samples.at(0).measurand,
                 std::string("Energy.Active.Import.Register"));
        // A replay and a stop of an unknown transaction: the same normal answer.
        QVERIFY(resultOf(h.exchange(call("t2", "StopTransaction", stop)), "t2").is_object());
        Json unknown = stop;
        unknown["transactionId"] = 424242;
        unknown.erase("idTag");
        QCOMPARE(resultOf(h.exchange(call("t3", "StopTransaction", unknown)), "t3"), Json::object());
    }

    void ledgerFailureIsAnErrorSoTheChargerRetries() {
        Harness h;
        h.ledger.failNext = true;
        const ParsedFrame reply = h.exchange(call("s1", "StartTransaction", kStart));
        QVERIFY(std::holds_alternative<CallError>(reply));
        QVERIFY(std::get<CallError>(reply).code == ErrorCode::InternalError);
        QVERIFY(resultOf(h.exchange(call("s2", "StartTransaction", kStart)), "s2").contains("transactionId"));
    }

    void meterValuesAreRecorded() {
        Harness h;
        const Json meter{
            {"connectorId", 2},
            {"transactionId", 7},
            {"meterValue", Json::array({{{"timestamp", "2027-01-15T08:30:00Z"},
                                         {"sampledValue", Json::array({{{"value", "21.5"},
                                                                        {"measurand", "Temperature"},
                                                                        {"unit", "Celcius"}}})}}})}};
        QCOMPARE(resultOf(h.exchange(call("m1", "MeterValues", meter)), "m1"), Json::object());
        QCOMPARE(h.ledger.meters.size(), std::size_t(1));
        QCOMPARE(h.ledger.meters[0].transactionId, std::optional<int>(7));
        QCOMPARE(h.ledger.meters[0].readings.at(0).samples.at(0).value, std::string("21.5"));
        QVERIFY(!h.ledger.meters[0].readings.at(0).samples.at(0).unit.empty());
        const ParsedFrame bad = h.exchange(call("m2", "MeterValues", {{"connectorId", 1}}));
        QVERIFY(std::holds_alternative<CallError>(bad));
        QVERIFY(std::get<CallError>(bad).code == ErrorCode::OccurenceConstraintViolation);
    }
};

QTEST_APPLESS_MAIN(TstTransactionBlock)
#include "tst_transaction_block.moc"
