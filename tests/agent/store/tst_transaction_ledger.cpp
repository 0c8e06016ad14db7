// The PostgreSQL transaction ledger against a real database: deduplication by content (starts, stops,
// meter values), review of unknown stops, late and early meter values, batching, concurrency and an
// unreachable server.
#include "store/pg_transaction_ledger.h"
#include "store/store.h"
#include "tests/agent/store/store_test_base.h"
#include "tests/support/test_services.h"

#include <QtTest>
#include <atomic>
#include <future>
#include <limits>
#include <pqxx/pqxx>
#include <set>
#include <thread>

using namespace voltdesk;
using namespace std::chrono_literals;

namespace {

constexpr contract::EpochMs kT0 = 1'790'000'000'000;
constexpr contract::EpochMs kMinute = 60'000;
constexpr contract::EpochMs kHour = 60 * kMinute;

domain::TransactionStart makeStart(const std::string& charger, int connector, const std::string& tag,
                                   std::int64_t meter, contract::EpochMs at) {
    domain::TransactionStart s;
    s.chargerId = charger;
    s.connectorId = connector;
    s.idTag = tag;
    s.meterStartWh = meter;
    s.timestamp = at;
    s.idTagInfo.status = domain::AuthorizationStatus::Accepted;
    s.receivedAt = at + 100;
    return s;
}

domain::TransactionStop makeStop(const std::string& charger, int id, std::int64_t meter,
                                 contract::EpochMs at) {
    domain::TransactionStop s;
    s.chargerId = charger;
    s.transactionId = id;
    s.meterStopWh = meter;
    s.timestamp = at;
    s.reason = "EVDisconnected";
    s.receivedAt = at + 100;
    return s;
}

domain::MeterReading reading(contract::EpochMs at, const std::string& wh) {
    domain::MeterReading r;
    r.timestamp = at;
    domain::MeterSample energy;
    energy.value = wh;
    energy.measurand = "Energy.Active.Import.Register";
    energy.unit = "Wh";
    domain::MeterSample power;
    power.value = "7400";
    power.measurand = "Power.Active.Import";
    power.unit = "W";
    r.samples = {energy, power};
    return r;
}

domain::MeterValuesReport meterReport(const std::string& charger, int connector, std::optional<int> tx,
                                      std::vector<domain::MeterReading> readings) {
    domain::MeterValuesReport m;
    m.chargerId = charger;
    m.connectorId = connector;
    m.transactionId = tx;
    m.readings = std::move(readings);
    m.receivedAt = contract::nowMs();
    return m;
}

/// Waits for one callback; the ledger answers on its own thread.
template <typename T> class Answer {
public:
    std::function<void(domain::LedgerResult<T>)> callback() {
        return [this](domain::LedgerResult<T> r) { m_promise.set_value(std::move(r)); };
    }
    domain::LedgerResult<T> get() {
        if (m_future.wait_for(20s) != std::future_status::ready) {
            return domain::LedgerFailure{"test: no answer within 20 s"};
        }
        return m_future.get();
    }
    T value() {
        auto r = get();
        if (const auto* failure = std::get_if<domain::LedgerFailure>(&r)) {
            qWarning("ledger failure: %s", failure->reason.c_str());
            return T{};
        }
        return std::get<T>(r);
    }

private:
    std::promise<domain::LedgerResult<T>> m_promise;
    std::future<domain::LedgerResult<T>> m_future = m_promise.get_future();
};

domain::TransactionStartResult startNow(store::PgTransactionLedger& ledger, domain::TransactionStart s) {
    Answer<domain::TransactionStartResult> a;
    ledger.start(std::move(s), a.callback());
    return a.value();
}

domain::StopOutcome stopNow(store::PgTransactionLedger& ledger, domain::TransactionStop s) {
    Answer<domain::TransactionStopResult> a;
    ledger.stop(std::move(s), a.callback());
    auto r = a.get();
    return std::holds_alternative<domain::LedgerFailure>(r)
               ? domain::StopOutcome::Stopped
               : std::get<domain::TransactionStopResult>(r).outcome;
}

bool meterNow(store::PgTransactionLedger& ledger, domain::MeterValuesReport m) {
    Answer<bool> a;
    ledger.meterValues(std::move(m), a.callback());
    return !std::holds_alternative<domain::LedgerFailure>(a.get());
}

} // namespace

class TestTransactionLedger : public testing::StoreTestBase {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(openScratchDatabase(QStringLiteral("tst_ledger")),
                 "no scratch database: did the services fixture run?");
        const auto report = store::Store(m_uri).migrate();
        QVERIFY(report.toVersion >= 2);
    }

    void replayedStartGetsTheSameIdAndStoredDecision() {
        store::PgTransactionLedger ledger(m_uri);
        auto first = makeStart("CP-1", 1, "TAG-1", 1000, kT0);
        first.reservationId = 7;
        first.idTagInfo.expiryDate = kT0 + 24 * kHour;
        first.idTagInfo.parentIdTag = "FLEET";
        const auto a = startNow(ledger, first);
        QVERIFY(a.transactionId > 0);
        QVERIFY(!a.replay);
        QCOMPARE(a.idTagInfo, first.idTagInfo);

        // The charger retries with a new message id, later; meanwhile the tag was blocked.
        auto again = first;
        again.receivedAt += 30'000;
        again.idTagInfo = domain::IdTagInfo{domain::AuthorizationStatus::Blocked, std::nullopt, std::nullopt};
        const auto b = startNow(ledger, again);
        QCOMPARE(b.transactionId, a.transactionId);
        QVERIFY(b.replay);
        QCOMPARE(b.idTagInfo, first.idTagInfo); // the decision stored with the first copy

        // Any difference in content is another transaction.
        const auto c = startNow(ledger, makeStart("CP-1", 1, "TAG-1", 1001, kT0));
        QVERIFY(c.transactionId != a.transactionId);
        QVERIFY(!c.replay);
        QCOMPARE(count("SELECT count(*) FROM transactions WHERE charger_id = 'CP-1'"), 2LL);
        QCOMPARE(count("SELECT reservation_id FROM transactions WHERE transaction_id = " +
                       std::to_string(a.transactionId)),
                 7LL);
        QCOMPARE(ledger.stats().replays, std::uint64_t(1));
    }

    void aRetriedWriteOfTheSameCallIsNotAReplay() {
        // What a batch written again after a commit lost in transit sees: its own rows.
        store::PgTransactionLedger ledger(m_uri);
        const auto start = makeStart("CP-12", 1, "TAG-12", 0, kT0);
        const auto first = startNow(ledger, start);
        const auto again = startNow(ledger, start);
        QCOMPARE(again.transactionId, first.transactionId);
        QVERIFY(!again.replay);
        const auto stop = makeStop("CP-12", first.transactionId, 10, kT0 + kMinute);
        QCOMPARE(stopNow(ledger, stop), domain::StopOutcome::Stopped);
        QCOMPARE(stopNow(ledger, stop), domain::StopOutcome::Stopped);
        auto replayed = stop;
        replayed.receivedAt += 1;
        QCOMPARE(stopNow(ledger, replayed), domain::StopOutcome::Replay);
    }

    void identicalStartsInOneBatchShareAnId() {
        store::PgTransactionLedger ledger(m_uri);
        QVERIFY(startNow(ledger, makeStart("CP-2", 1, "warm-up", 0, kT0)).transactionId > 0);
        const auto batchesBefore = ledger.stats().batches;
        // Calls made while the writer runs callbacks all wait for the next batch together.
        Answer<domain::TransactionStartResult> first, second, third;
        ledger.meterValues(
            meterReport("CP-2", 2, std::nullopt, {reading(kT0, "1")}), [&](domain::LedgerResult<bool>) {
                ledger.start(makeStart("CP-2", 1, "TAG-2", 500, kT0 + kMinute), first.callback());
                ledger.start(makeStart("CP-2", 1, "TAG-2", 500, kT0 + kMinute), second.callback());
                ledger.start(makeStart("CP-2", 2, "TAG-2", 500, kT0 + kMinute), third.callback());
            });
        const auto a = first.value();
        const auto b = second.value();
        const auto c = third.value();
        QVERIFY(a.transactionId > 0);
        QCOMPARE(b.transactionId, a.transactionId);
        QVERIFY(!a.replay);
        QVERIFY(b.replay);
        QVERIFY(c.transactionId != a.transactionId);
        QVERIFY(ledger.flush(5s));
        QCOMPARE(ledger.stats().batches, batchesBefore + 2); // the trigger's batch, then the three starts
        QCOMPARE(count("SELECT count(*) FROM transactions WHERE id_tag = 'TAG-2'"), 2LL);
    }

    void replayedStopChangesNothing() {
        store::PgTransactionLedger ledger(m_uri);
        const int id = startNow(ledger, makeStart("CP-3", 1, "TAG-3", 2000, kT0)).transactionId;
        auto stop = makeStop("CP-3", id, 9000, kT0 + kHour);
        stop.idTag = "TAG-3";
        stop.idTagInfo = domain::IdTagInfo{domain::AuthorizationStatus::Accepted, std::nullopt, std::nullopt};
        stop.transactionData = {reading(kT0 + 30 * kMinute, "5000")};
        QCOMPARE(stopNow(ledger, stop), domain::StopOutcome::Stopped);
        auto replay = stop;
        replay.receivedAt += 60'000;
        QCOMPARE(stopNow(ledger, replay), domain::StopOutcome::Replay);
        auto different = makeStop("CP-3", id, 9999, kT0 + 2 * kHour);
        QCOMPARE(stopNow(ledger, different), domain::StopOutcome::Replay);
        const std::string where = " FROM transactions WHERE transaction_id = " + std::to_string(id);
        QCOMPARE(count("SELECT meter_stop_wh" + where), 9000LL);
        QCOMPARE(text("SELECT stop_reason || '/' || stop_id_tag || '/' || stop_id_tag_status" + where),
                 std::string("EVDisconnected/TAG-3/Accepted"));
        QCOMPARE(count("SELECT (extract(epoch FROM stop_time) * 1000)::int8" + where),
                 static_cast<long long>(kT0 + kHour));
        QCOMPARE(count("SELECT count(*) FROM meter_values WHERE transaction_id = " + std::to_string(id)),
                 2LL);
        QCOMPARE(count("SELECT count(*) FROM transaction_review WHERE charger_id = 'CP-3'"), 0LL);
        QCOMPARE(ledger.stats().replays, std::uint64_t(2));
    }

    void unknownStopIsAnsweredAndKeptForReview() {
        store::PgTransactionLedger ledger(m_uri);
        auto stop = makeStop("CP-4", 987'654, 100, kT0);
        stop.transactionData = {reading(kT0 - kMinute, "90")};
        QCOMPARE(stopNow(ledger, stop), domain::StopOutcome::UnknownTransaction);
        stop.receivedAt += 5'000;
        QCOMPARE(stopNow(ledger, stop), domain::StopOutcome::UnknownTransaction); // replayed: one row
        // Another charger's transaction is unknown to this one.
        const int other = startNow(ledger, makeStart("CP-4-neighbour", 1, "TAG", 0, kT0)).transactionId;
        QCOMPARE(stopNow(ledger, makeStop("CP-4", other, 100, kT0 + kMinute)),
                 domain::StopOutcome::UnknownTransaction);
        QCOMPARE(count("SELECT count(*) FROM transaction_review WHERE charger_id = 'CP-4'"), 2LL);
        QCOMPARE(text("SELECT reason || '/' || (content->>'transactionId') || '/' || "
                      "(content->'transactionData'->0->'sampledValue'->0->>'value') FROM transaction_review "
                      "WHERE charger_id = 'CP-4' AND content->>'transactionId' = '987654'"),
                 std::string("UnknownTransaction/987654/90"));
        QVERIFY(
            count("SELECT count(*) FROM transactions WHERE stop_received_at IS NULL AND transaction_id = " +
                  std::to_string(other)) == 1);
        QCOMPARE(ledger.stats().reviews, std::uint64_t(3));
    }

    void stopInTheSameBatchAsItsStart() {
        store::PgTransactionLedger ledger(m_uri);
        const int last = startNow(ledger, makeStart("CP-5", 1, "TAG-5", 0, kT0)).transactionId;
        const int next = last + 1; // one writer, no other ids handed out meanwhile
        Answer<domain::TransactionStartResult> started;
        Answer<domain::TransactionStopResult> stopped;
        Answer<domain::TransactionStopResult> stoppedAgain;
        const auto batchesBefore = ledger.stats().batches;
        ledger.meterValues(meterReport("CP-5", 1, std::nullopt, {}), [&](domain::LedgerResult<bool>) {
            ledger.start(makeStart("CP-5", 2, "TAG-5", 0, kT0 + kHour), started.callback());
            ledger.stop(makeStop("CP-5", next, 100, kT0 + 2 * kHour), stopped.callback());
            ledger.stop(makeStop("CP-5", next, 100, kT0 + 2 * kHour), stoppedAgain.callback());
        });
        QCOMPARE(started.value().transactionId, next);
        QCOMPARE(stopped.value().outcome, domain::StopOutcome::Stopped);
        QCOMPARE(stoppedAgain.value().outcome, domain::StopOutcome::Replay);
        QVERIFY(ledger.flush(5s));
        QCOMPARE(ledger.stats().batches, batchesBefore + 2);
    }

    void meterValuesBeforeTheStartAreAttachedWhenItArrives() {
        store::PgTransactionLedger ledger(m_uri);
        const contract::EpochMs t = kT0 + 10 * kHour;
        QVERIFY(meterNow(ledger, meterReport("CP-6", 1, std::nullopt, {reading(t - kMinute, "10")})));
        QVERIFY(meterNow(ledger, meterReport("CP-6", 1, std::nullopt,
                                             {reading(t + kMinute, "20"), reading(t + 2 * kMinute, "30")})));
        QVERIFY(meterNow(ledger, meterReport("CP-6", 2, std::nullopt, {reading(t + kMinute, "99")})));
        QCOMPARE(
            count("SELECT count(*) FROM meter_values WHERE charger_id = 'CP-6' AND transaction_id IS NULL"),
            8LL);
        const int id = startNow(ledger, makeStart("CP-6", 1, "TAG-6", 10, t)).transactionId;
        const std::string attached =
            "SELECT count(*) FROM meter_values WHERE transaction_id = " + std::to_string(id);
        QCOMPARE(count(attached), 4LL); // the two readings after the start on connector 1
        QCOMPARE(
            count("SELECT count(*) FROM meter_values WHERE charger_id = 'CP-6' AND transaction_id IS NULL"),
            4LL);
        // Later readings without an id attach to the open transaction of their connector.
        QVERIFY(meterNow(ledger, meterReport("CP-6", 1, std::nullopt, {reading(t + 3 * kMinute, "40")})));
        QCOMPARE(count(attached), 6LL);
        // Readings of the next session that came before the stop move there once the stop says so.
        QVERIFY(meterNow(ledger, meterReport("CP-6", 1, std::nullopt, {reading(t + 20 * kMinute, "50")})));
        QCOMPARE(count(attached), 8LL);
        QCOMPARE(stopNow(ledger, makeStop("CP-6", id, 45, t + 10 * kMinute)), domain::StopOutcome::Stopped);
        QCOMPARE(count(attached), 6LL);
        const int second =
            startNow(ledger, makeStart("CP-6", 1, "TAG-6", 45, t + 15 * kMinute)).transactionId;
        QCOMPARE(count("SELECT count(*) FROM meter_values WHERE transaction_id = " + std::to_string(second)),
                 2LL);
        // A start whose predecessor never stopped takes the readings from its own start on.
        const int lost = startNow(ledger, makeStart("CP-6", 3, "TAG-6", 0, t)).transactionId;
        QVERIFY(meterNow(ledger, meterReport("CP-6", 3, std::nullopt, {reading(t + 5 * kMinute, "1")})));
        QVERIFY(meterNow(ledger, meterReport("CP-6", 3, std::nullopt, {reading(t + 50 * kMinute, "2")})));
        const int next = startNow(ledger, makeStart("CP-6", 3, "TAG-6", 2, t + 40 * kMinute)).transactionId;
        QCOMPARE(count("SELECT count(*) FROM meter_values WHERE transaction_id = " + std::to_string(lost)),
                 2LL);
        QCOMPARE(count("SELECT count(*) FROM meter_values WHERE transaction_id = " + std::to_string(next)),
                 2LL);
    }

    void offlineReplayHoursOldIsStoredAndAttached() {
        store::PgTransactionLedger ledger(m_uri);
        const contract::EpochMs then = contract::nowMs() - 5 * kHour;
        // A charger back from hours offline sends its queue: the readings before the start it had not
        // been able to send, then the start, the rest of the readings and the stop.
        QVERIFY(meterNow(ledger, meterReport("CP-7", 1, std::nullopt, {reading(then + kMinute, "100")})));
        const int id = startNow(ledger, makeStart("CP-7", 1, "TAG-7", 0, then)).transactionId;
        QVERIFY(meterNow(ledger, meterReport("CP-7", 1, id, {reading(then + 30 * kMinute, "3000")})));
        QVERIFY(
            meterNow(ledger, meterReport("CP-7", 1, std::nullopt, {reading(then + 40 * kMinute, "4000")})));
        auto stop = makeStop("CP-7", id, 6000, then + kHour);
        stop.transactionData = {reading(then + 50 * kMinute, "5000"), reading(then + 30 * kMinute, "3000")};
        stop.receivedAt = contract::nowMs();
        QCOMPARE(stopNow(ledger, stop), domain::StopOutcome::Stopped);
        QCOMPARE(count("SELECT count(*) FROM meter_values WHERE transaction_id = " + std::to_string(id)),
                 8LL);
        QCOMPARE(
            count("SELECT count(*) FROM meter_values WHERE charger_id = 'CP-7' AND transaction_id IS NULL"),
            0LL);
        QCOMPARE(
            count(
                "SELECT count(*) FROM meter_values WHERE charger_id = 'CP-7' AND reported_transaction_id = " +
                std::to_string(id)),
            4LL); // named by the charger: the MeterValues with an id and the new transaction data
        QVERIFY(count("SELECT count(*) FROM meter_values WHERE charger_id = 'CP-7' AND "
                      "received_at - charger_time > interval '3 hours'") == 8);
    }

    void duplicateMeterValuesAreStoredOnce() {
        store::PgTransactionLedger ledger(m_uri);
        auto report = meterReport("CP-8", 1, std::nullopt,
                                  {reading(kT0, "1"), reading(kT0, "1"), reading(kT0 + 1, "2")});
        QVERIFY(meterNow(ledger, report));
        report.receivedAt += 10'000;
        QVERIFY(meterNow(ledger, report));
        QCOMPARE(count("SELECT count(*) FROM meter_values WHERE charger_id = 'CP-8'"), 4LL);
        // A signed value far longer than an index entry may be.
        domain::MeterReading signedReading;
        signedReading.timestamp = kT0 + 2;
        signedReading.samples = {domain::MeterSample{
            std::string(20'000, 'S'), "Energy.Active.Import.Register", "Wh", "", "", "", "SignedData"}};
        QVERIFY(meterNow(ledger, meterReport("CP-8", 1, std::nullopt, {signedReading})));
        QVERIFY(meterNow(ledger, meterReport("CP-8", 1, std::nullopt, {signedReading})));
        QCOMPARE(count("SELECT count(*) FROM meter_values WHERE charger_id = 'CP-8'"), 5LL);
    }

    void concurrentProducersRecordEveryStartOnce() {
        store::PgTransactionLedger ledger(m_uri);
        constexpr int kThreads = 8;
        constexpr int kChargers = 60;
        std::mutex mutex;
        std::map<std::string, std::vector<int>> ids; // charger -> ids of its start and replays
        std::atomic<int> answered{0}, failed{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int c = 0; c < kChargers; ++c) {
                    const std::string charger = "load-" + std::to_string(t) + "-" + std::to_string(c);
                    auto start = makeStart(charger, 1, "TAG", c, kT0 + t);
                    for (int copy = 0; copy < 3; ++copy) {
                        ++start.receivedAt; // each copy is another message from the charger
                        ledger.start(
                            start, [&, charger](domain::LedgerResult<domain::TransactionStartResult> r) {
                                if (const auto* ok = std::get_if<domain::TransactionStartResult>(&r)) {
                                    std::lock_guard lock(mutex);
                                    ids[charger].push_back(ok->transactionId);
                                } else {
                                    ++failed;
                                }
                                ++answered;
                            });
                    }
                    ledger.meterValues(meterReport(charger, 1, std::nullopt, {reading(kT0 + t + 1, "1")}),
                                       nullptr);
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        QVERIFY(ledger.flush(60s));
        QCOMPARE(answered.load(), kThreads * kChargers * 3);
        QCOMPARE(failed.load(), 0);
        std::set<int> unique;
        for (const auto& [charger, list] : ids) {
            QCOMPARE(list.size(), std::size_t(3));
            QVERIFY2(list[0] == list[1] && list[1] == list[2], charger.c_str());
            unique.insert(list[0]);
        }
        QCOMPARE(unique.size(), std::size_t(kThreads * kChargers));
        QCOMPARE(count("SELECT count(*) FROM transactions WHERE charger_id LIKE 'load-%'"),
                 static_cast<long long>(kThreads * kChargers));
        QCOMPARE(count("SELECT count(*) FROM meter_values WHERE charger_id LIKE 'load-%' AND transaction_id "
                       "IS NOT NULL"),
                 static_cast<long long>(kThreads * kChargers * 2));
        QVERIFY2(ledger.stats().batches < std::uint64_t(kThreads * kChargers), "calls were not batched");
        QCOMPARE(ledger.stats().replays, std::uint64_t(kThreads * kChargers * 2));
    }

    void refusedDataFailsOnlyItsOwnCall() {
        store::PgTransactionLedger ledger(m_uri);
        std::vector<std::unique_ptr<Answer<domain::TransactionStartResult>>> answers;
        for (int i = 0; i < 9; ++i) {
            answers.push_back(std::make_unique<Answer<domain::TransactionStartResult>>());
        }
        ledger.meterValues(meterReport("CP-9", 1, std::nullopt, {}), [&](domain::LedgerResult<bool>) {
            for (int i = 0; i < 9; ++i) {
                // Year 294,000: beyond PostgreSQL's timestamps, refused by the database.
                const contract::EpochMs at = i == 4 ? std::numeric_limits<std::int64_t>::max() / 2 : kT0 + i;
                ledger.start(makeStart("CP-9", 1, "TAG-9", i, at),
                             answers[static_cast<std::size_t>(i)]->callback());
            }
        });
        for (int i = 0; i < 9; ++i) {
            const auto r = answers[static_cast<std::size_t>(i)]->get();
            QCOMPARE(std::holds_alternative<domain::LedgerFailure>(r), i == 4);
        }
        QCOMPARE(count("SELECT count(*) FROM transactions WHERE charger_id = 'CP-9'"), 8LL);
        QCOMPARE(ledger.stats().failures, std::uint64_t(1));
    }

    void activeTransactionsAreTheOpenOnes() {
        store::PgTransactionLedger ledger(m_uri);
        const int open = startNow(ledger, makeStart("CP-10", 2, "TAG-10", 77, kT0)).transactionId;
        const int closed = startNow(ledger, makeStart("CP-10", 1, "TAG-10", 0, kT0)).transactionId;
        QCOMPARE(stopNow(ledger, makeStop("CP-10", closed, 1, kT0 + 1)), domain::StopOutcome::Stopped);
        const auto active = ledger.activeTransactions();
        const auto it = std::find_if(active.begin(), active.end(),
                                     [&](const auto& a) { return a.transactionId == open; });
        QVERIFY(it != active.end());
        QCOMPARE(it->chargerId, std::string("CP-10"));
        QCOMPARE(it->connectorId, 2);
        QCOMPARE(it->idTag, std::string("TAG-10"));
        QCOMPARE(it->meterStartWh, std::int64_t(77));
        QCOMPARE(it->startedAt, kT0);
        QVERIFY(std::none_of(active.begin(), active.end(),
                             [&](const auto& a) { return a.transactionId == closed; }));
    }

    void unreachableDatabaseFailsEveryCallAfterTheDeadline() {
        store::PgTransactionLedgerOptions options;
        options.unreachableDeadline = 1s;
        options.maxQueued = 50;
        store::PgTransactionLedger ledger("postgresql://voltdesk@127.0.0.1:1/nowhere", options);
        std::atomic<int> failures{0}, successes{0};
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 100; ++i) {
            const auto tally = [&](const auto& r) {
                (std::holds_alternative<domain::LedgerFailure>(r) ? failures : successes)++;
            };
            if (i % 3 == 0) {
                ledger.start(makeStart("lost", 1, "T", i, kT0), tally);
            } else if (i % 3 == 1) {
                ledger.stop(makeStop("lost", i, 1, kT0), tally);
            } else {
                ledger.meterValues(meterReport("lost", 1, std::nullopt, {reading(kT0, "1")}), tally);
            }
        }
        QVERIFY(timer.elapsed() < 100); // the caller never waits for the database
        QVERIFY(ledger.flush(15s));
        QCOMPARE(failures.load(), 100);
        QCOMPARE(successes.load(), 0);
        QVERIFY2(timer.elapsed() >= 900, "calls failed before the deadline");
        QCOMPARE(ledger.stats().failures, std::uint64_t(100));
        ledger.shutdown();
        Answer<domain::TransactionStartResult> late;
        ledger.start(makeStart("lost", 1, "T", 0, kT0), late.callback());
        QVERIFY(std::holds_alternative<domain::LedgerFailure>(late.get()));
    }

    void shutdownAnswersWhatIsQueued() {
        auto ledger = std::make_unique<store::PgTransactionLedger>(m_uri);
        std::atomic<int> answered{0};
        for (int i = 0; i < 200; ++i) {
            ledger->start(makeStart("CP-11", 1, "TAG-11", i, kT0), [&](const auto&) { ++answered; });
        }
        ledger.reset();
        QCOMPARE(answered.load(), 200);
        QCOMPARE(count("SELECT count(*) FROM transactions WHERE charger_id = 'CP-11'"), 200LL);
    }
};

QTEST_GUILESS_MAIN(TestTransactionLedger)
#include "tst_transaction_ledger.moc"
