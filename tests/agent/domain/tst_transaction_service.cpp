// IdTagRegistry's answers and TransactionService's decisions (ConcurrentTx, replays, the open index)
// over an in-memory ledger that answers when the test says so.
#include "domain/id_tag_registry.h"
#include "domain/transaction_service.h"
#include "tests/agent/memory_ledger.h"

#include <QtTest>
#include <map>
#include <optional>
#include <set>

using namespace voltdesk;
using namespace voltdesk::domain;
using voltdesk::testing::MemoryLedger;

namespace {

constexpr contract::EpochMs kNow = 1'800'000'000'000;

TransactionStart startOf(const std::string& charger, int connector, const std::string& tag, EpochMs at) {
    TransactionStart s;
    s.chargerId = charger;
    s.connectorId = connector;
    s.idTag = tag;
    s.meterStartWh = 1000;
    s.timestamp = at;
    s.receivedAt = at;
    return s;
}

TransactionStartResult started(TransactionService& service, TransactionStart s) {
    std::optional<TransactionStartResult> result;
    service.start(std::move(s), [&](LedgerResult<TransactionStartResult> r) {
        result = std::get<TransactionStartResult>(r);
    });
    return result.value();
}

} // namespace

class TstTransactionService : public QObject {
    Q_OBJECT

private slots:
    void registryAnswers() {
        IdTagRegistry tags;
        tags.load({
            IdTag{"FLEET", std::nullopt, kNow + 1000, false},
            IdTag{"CARD-1", std::string("FLEET"), std::nullopt, false},
            IdTag{"CARD-2", std::nullopt, kNow - 1, false},
            IdTag{"CARD-3", std::nullopt, std::nullopt, true},
            IdTag{"BLOCKED-GROUP", std::nullopt, std::nullopt, true},
            IdTag{"CARD-4", std::string("BLOCKED-GROUP"), std::nullopt, false},
        });
        const IdTagInfo member = tags.authorize("CARD-1", kNow);
        QVERIFY(member.status == AuthorizationStatus::Accepted);
        QCOMPARE(member.parentIdTag, std::optional<std::string>("FLEET"));
        QCOMPARE(member.expiryDate, std::optional<EpochMs>(kNow + 1000)); // the group's expiry bounds it
        QVERIFY(tags.authorize("CARD-1", kNow + 1000).status ==
                AuthorizationStatus::Expired); // group expired
        QVERIFY(tags.authorize("CARD-2", kNow).status == AuthorizationStatus::Expired);
        QVERIFY(tags.authorize("CARD-3", kNow).status == AuthorizationStatus::Blocked);
        QVERIFY(tags.authorize("CARD-4", kNow).status == AuthorizationStatus::Blocked);
        QVERIFY(tags.authorize("card-1", kNow).status == AuthorizationStatus::Invalid);
        QVERIFY(tags.authorize("NOBODY", kNow).status == AuthorizationStatus::Invalid);

        const auto before = tags.version();
        tags.upsert(IdTag{"CARD-3", std::nullopt, std::nullopt, false});
        QVERIFY(tags.version() > before);
        QVERIFY(tags.authorize("CARD-3", kNow).status == AuthorizationStatus::Accepted);
        QVERIFY(tags.remove("CARD-3"));
        QVERIFY(!tags.remove("CARD-3"));
        QVERIFY(tags.authorize("CARD-3", kNow).status == AuthorizationStatus::Invalid);
        QCOMPARE(tags.all().size(), std::size_t(5));
        QVERIFY(tags.find("FLEET").has_value());
    }

    void startDecidesAndRecords() {
        IdTagRegistry tags;
        tags.load({IdTag{"CARD-1", std::nullopt, std::nullopt, false}});
        MemoryLedger ledger;
        TransactionService service(tags, ledger, [] { return kNow; });

        const auto first = started(service, startOf("CP-1", 1, "CARD-1", kNow));
        QVERIFY(first.idTagInfo.status == AuthorizationStatus::Accepted);
        QCOMPARE(service.active().size(), std::size_t(1));

        // The same start again (a retry with a new message id) is not a concurrent transaction.
        const auto replay = started(service, startOf("CP-1", 1, "CARD-1", kNow));
        QVERIFY(replay.replay);
        QCOMPARE(replay.transactionId, first.transactionId);
        QVERIFY(replay.idTagInfo.status == AuthorizationStatus::Accepted);

        // The same card elsewhere while the first is open.
        const auto elsewhere = started(service, startOf("CP-2", 1, "CARD-1", kNow + 60'000));
        QVERIFY(elsewhere.idTagInfo.status == AuthorizationStatus::ConcurrentTx);
        QVERIFY(ledger.starts.back().idTagInfo.status ==
                AuthorizationStatus::ConcurrentTx); // recorded as decided

        // Unknown cards still get a transaction (the charger has started already), marked Invalid.
        const auto unknown = started(service, startOf("CP-3", 1, "STRANGER", kNow));
        QVERIFY(unknown.idTagInfo.status == AuthorizationStatus::Invalid);
        QVERIFY(unknown.transactionId != first.transactionId);
    }

    void stopClosesOnlyOnce() {
        IdTagRegistry tags;
        tags.load({IdTag{"CARD-1", std::nullopt, std::nullopt, false}});
        MemoryLedger ledger;
        TransactionService service(tags, ledger, [] { return kNow; });
        const auto tx = started(service, startOf("CP-1", 1, "CARD-1", kNow));

        TransactionStop stop;
        stop.chargerId = "CP-1";
        stop.transactionId = tx.transactionId;
        stop.idTag = "CARD-1";
        stop.meterStopWh = 5000;
        stop.timestamp = kNow + 3'600'000;

        ledger.failNext = true;
        std::optional<LedgerResult<TransactionStopResult>> failed;
        service.stop(stop, [&](LedgerResult<TransactionStopResult> r) { failed = r; });
        QVERIFY(std::holds_alternative<LedgerFailure>(*failed));
        QCOMPARE(service.active().size(), std::size_t(1)); // still open: the charger will retry

        std::vector<StopOutcome> outcomes;
        for (int i = 0; i < 2; ++i) {
            service.stop(stop, [&](LedgerResult<TransactionStopResult> r) {
                outcomes.push_back(std::get<TransactionStopResult>(r).outcome);
            });
        }
        QCOMPARE(outcomes.size(), std::size_t(2));
        QVERIFY(outcomes[0] == StopOutcome::Stopped);
        QVERIFY(outcomes[1] == StopOutcome::Replay);
        QVERIFY(service.active().empty());
        QVERIFY(ledger.stops.back().idTagInfo.has_value());
        QVERIFY(ledger.stops.back().idTagInfo->status == AuthorizationStatus::Accepted);

        // A replayed start of the stopped transaction must not reopen it.
        const auto again = started(service, startOf("CP-1", 1, "CARD-1", kNow));
        QVERIFY(again.replay);
        QVERIFY(service.active().empty());
        // ... and the card is free for a new session elsewhere.
        const auto next = started(service, startOf("CP-2", 1, "CARD-1", kNow + 7'200'000));
        QVERIFY(next.idTagInfo.status == AuthorizationStatus::Accepted);
    }

    void observersHearOfStartsStopsAndMeterValues() {
        struct Recorder final : TransactionObserver {
            std::vector<std::string> calls;
            void onMeterValues(const MeterValuesReport& r) override {
                calls.push_back("meter " + std::to_string(r.readings.size()));
            }
            void onTransactionStarted(const ActiveTransaction& t) override {
                calls.push_back("start " + std::to_string(t.transactionId) + " c" +
                                std::to_string(t.connectorId));
            }
            void onTransactionStopped(const ActiveTransaction& t, const TransactionStop& stop) override {
                calls.push_back("stop " + std::to_string(t.transactionId) + " c" +
                                std::to_string(t.connectorId) + " " + std::to_string(stop.meterStopWh) +
                                " data " + std::to_string(stop.transactionData.size()));
            }
        } recorder;
        IdTagRegistry tags;
        MemoryLedger ledger;
        TransactionService service(tags, ledger, [] { return kNow; });
        service.addObserver(&recorder);
        const auto tx = started(service, startOf("CP-1", 2, "ANYONE", kNow));
        const auto id = std::to_string(tx.transactionId);
        // The replay of a start still open is told again (setting a session twice is harmless).
        QVERIFY(started(service, startOf("CP-1", 2, "ANYONE", kNow)).replay);

        MeterValuesReport report;
        report.chargerId = "CP-1";
        report.connectorId = 2;
        report.readings.resize(3);
        service.meterValues(report, [](const LedgerResult<bool>&) {});

        TransactionStop stop;
        stop.chargerId = "CP-1";
        stop.transactionId = tx.transactionId;
        stop.meterStopWh = 4321;
        stop.transactionData.resize(5);
        ledger.failNext = true;
        service.stop(stop, [](const LedgerResult<TransactionStopResult>&) {}); // not stored: not told
        service.stop(stop, [](const LedgerResult<TransactionStopResult>&) {});
        service.stop(stop, [](const LedgerResult<TransactionStopResult>&) {}); // a replay: not told
        // The stopped one's replayed start reopens nothing and is not told.
        QVERIFY(started(service, startOf("CP-1", 2, "ANYONE", kNow)).replay);

        const std::vector<std::string> expected{"start " + id + " c2", "start " + id + " c2", "meter 3",
                                                "stop " + id + " c2 4321 data 0"};
        QCOMPARE(recorder.calls, expected);
    }

    void loadActiveAfterRestart() {
        IdTagRegistry tags;
        tags.load({IdTag{"CARD-1", std::nullopt, std::nullopt, false}});
        MemoryLedger ledger;
        TransactionService service(tags, ledger, [] { return kNow; });
        service.loadActive({ActiveTransaction{7, "CP-9", 2, "CARD-1", 0, kNow - 1000}});
        QVERIFY(started(service, startOf("CP-1", 1, "CARD-1", kNow)).idTagInfo.status ==
                AuthorizationStatus::ConcurrentTx);
    }
};

QTEST_APPLESS_MAIN(TstTransactionService)
#include "tst_transaction_service.moc"
