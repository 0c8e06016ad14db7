// The in-memory status history: what it keeps, pruning to the window and closing connections.
#include "domain/health/status_history_cache.h"

#include <QtTest>

using namespace voltdesk;
using domain::StatusRecord;

namespace {

std::string describe(std::span<const StatusRecord> records) {
    std::string text;
    for (const auto& r : records) {
        text += (text.empty() ? "" : ",") + std::to_string(r.connectorId) + ":" + r.status + "@" +
                std::to_string(r.at);
    }
    return text;
}

} // namespace

class TestStatusHistoryCache : public QObject {
    Q_OBJECT

private slots:
    void dropsRecordsThatChangeNothing() {
        domain::StatusHistoryCache cache;
        cache.add("A", {0, "Online", "", 1});
        cache.add("A", {1, "Available", "NoError", 2});
        cache.add("A", {1, "Preparing", "NoError", 3});
        cache.add("A", {1, "Charging", "NoError", 4});
        cache.add("A", {1, "Faulted", "GroundFailure", 5});
        cache.add("A", {1, "Available", "NoError", 6});
        cache.add("A", {1, "Charging", "OverCurrentFailure", 7});
        cache.add("A", {2, "Charging", "", 8});
        cache.add("A", {0, "Online", "", 9});
        QCOMPARE(
            describe(cache.records("A")),
            std::string(
                "0:Online@1,1:Available@2,1:Faulted@5,1:Available@6,1:Charging@7,2:Charging@8,0:Online@9"));
        QCOMPARE(cache.recordCount(), std::size_t(7));
        QVERIFY(cache.records("nobody").empty());
    }

    void aLateRecordTakesItsPlace() {
        domain::StatusHistoryCache cache;
        cache.add("A", {1, "Faulted", "", 10});
        cache.add("A", {0, "Offline", "", 5});
        QCOMPARE(describe(cache.records("A")), std::string("0:Offline@5,1:Faulted@10"));
    }

    void pruneKeepsTheStateAtTheCutoff() {
        domain::StatusHistoryCache cache;
        cache.add("A", {0, "Online", "", 1});
        cache.add("A", {1, "Faulted", "", 2});
        cache.add("A", {1, "Available", "", 3});
        cache.add("A", {0, "Offline", "", 4});
        cache.add("A", {0, "Online", "", 5});
        cache.add("A", {2, "Unavailable", "", 6});
        cache.add("A", {1, "Faulted", "", 20});
        cache.prune(10);
        QCOMPARE(describe(cache.records("A")),
                 std::string("1:Available@3,0:Online@5,2:Unavailable@6,1:Faulted@20"));
        cache.prune(10); // nothing more to drop
        QCOMPARE(cache.recordCount(), std::size_t(4));
    }

    void closeConnectionsOnlyWhereTheLastWasOnline() {
        domain::StatusHistoryCache cache;
        cache.add("up", {0, "Online", "", 1});
        cache.add("up", {0, "Online", "", 200}); // reconnected after the agent started
        cache.add("down", {0, "Online", "", 1});
        cache.add("down", {0, "Offline", "", 2});
        cache.add("silent", {1, "Available", "", 1});
        cache.closeConnectionsAt(100);
        QCOMPARE(describe(cache.records("up")), std::string("0:Online@1,0:Offline@100,0:Online@200"));
        QCOMPARE(describe(cache.records("down")), std::string("0:Online@1,0:Offline@2"));
        QCOMPARE(describe(cache.records("silent")), std::string("1:Available@1"));
    }
};

QTEST_GUILESS_MAIN(TestStatusHistoryCache)
#include "tst_status_history_cache.moc"
