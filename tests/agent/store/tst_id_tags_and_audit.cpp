// Id tags (load, upsert with who changed them, delete) and the command audit log (request, then
// outcome; odd payloads; an unreachable server) against a real PostgreSQL.
#include "store/command_audit_log.h"
#include "store/id_tag_store.h"
#include "store/store.h"
#include "tests/agent/store/store_test_base.h"
#include "tests/support/test_services.h"

#include <QtTest>
#include <pqxx/pqxx>

using namespace voltdesk;
using namespace std::chrono_literals;

class TestIdTagsAndAudit : public testing::StoreTestBase {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(openScratchDatabase(QStringLiteral("tst_idtags")),
                 "no scratch database: did the services fixture run?");
        store::Store(m_uri).migrate();
    }

    void idTagsUpsertLoadAndDelete() {
        store::IdTagStore tags(m_uri);
        QVERIFY(tags.loadAll().empty());
        const domain::IdTag card{"CARD-1", std::string("FLEET"), contract::EpochMs(1'790'000'000'123), false};
        const domain::IdTag app{"APP-7", std::nullopt, std::nullopt, true};
        tags.upsert(card, "alice");
        tags.upsert(app, "bob");
        auto loaded = tags.loadAll();
        QCOMPARE(loaded.size(), std::size_t(2));
        QCOMPARE(loaded[0], app); // ordered by id tag
        QCOMPARE(loaded[1], card);
        QCOMPARE(text("SELECT updated_by FROM id_tags WHERE id_tag = 'CARD-1'"), std::string("alice"));

        domain::IdTag changed = card;
        changed.blocked = true;
        changed.parentIdTag.reset();
        changed.expiryDate.reset();
        tags.upsert(changed, "carol");
        loaded = tags.loadAll();
        QCOMPARE(loaded.size(), std::size_t(2));
        QCOMPARE(loaded[1], changed);
        QCOMPARE(text("SELECT updated_by FROM id_tags WHERE id_tag = 'CARD-1'"), std::string("carol"));

        QVERIFY(tags.remove("APP-7"));
        QVERIFY(!tags.remove("APP-7"));
        QCOMPARE(tags.loadAll().size(), std::size_t(1));
    }

    void idTagStoreReportsAnUnreachableServer() {
        store::IdTagStore tags("postgresql://voltdesk@127.0.0.1:1/nowhere");
        QVERIFY_THROWS_EXCEPTION(store::StoreError, tags.loadAll());
    }

    void auditRecordsRequestThenOutcome() {
        store::CommandAuditLog audit(m_uri);
        store::CommandRequestRecord request;
        request.requestId = "req-1";
        request.operatorId = "alice";
        request.role = "operator";
        request.chargerId = "CP-1";
        request.action = "RemoteStartTransaction";
        request.request = {{"connectorId", 1}, {"idTag", "CARD-1"}};
        request.requestedAt = 1'790'000'000'000;
        audit.recordRequest(request);
        audit.recordOutcome("req-1", "Accepted", nlohmann::json{{"status", "Accepted"}});

        request.requestId = "req-2";
        request.action = "Reset";
        request.request = {{"type", "Hard"}};
        audit.recordRequest(request);
        audit.recordOutcome("req-2", std::string(store::toString(store::CommandFailure::Timeout)), nullptr,
                            "no answer within 30 s");
        // An outcome whose request record was lost still leaves a row.
        audit.recordOutcome("req-orphan", std::string(store::toString(store::CommandFailure::Offline)),
                            nullptr, "charger offline");
        // Text jsonb refuses must not lose the record.
        request.requestId = "req-3";
        request.request = {{"note", std::string("nul\0inside", 10)}};
        audit.recordRequest(request);
        QVERIFY(audit.flush(10s));

        QCOMPARE(count("SELECT count(*) FROM command_audit"), 4LL);
        QCOMPARE(text("SELECT operator || '/' || role || '/' || charger_id || '/' || action || '/' || "
                      "outcome || '/' "
                      "|| (request->>'idTag') || '/' || (response->>'status') FROM command_audit "
                      "WHERE request_id = 'req-1'"),
                 std::string("alice/operator/CP-1/RemoteStartTransaction/Accepted/CARD-1/Accepted"));
        QCOMPARE(count("SELECT count(*) FROM command_audit WHERE request_id = 'req-1' AND completed_at >= "
                       "requested_at"),
                 1LL);
        QCOMPARE(text("SELECT outcome || '/' || error FROM command_audit WHERE request_id = 'req-2'"),
                 std::string("Timeout/no answer within 30 s"));
        QCOMPARE(count("SELECT count(*) FROM command_audit WHERE request_id = 'req-2' AND response IS NULL"),
                 1LL);
        QCOMPARE(text("SELECT outcome FROM command_audit WHERE request_id = 'req-orphan'"),
                 std::string("Offline"));
        QCOMPARE(text("SELECT request->>'note' FROM command_audit WHERE request_id = 'req-3'"),
                 std::string("nulinside"));
        QCOMPARE(count("SELECT count(*) FROM command_audit WHERE request_id = 'req-3' AND outcome IS NULL"),
                 1LL);
        QCOMPARE(audit.stats().written, std::uint64_t(6));
        QCOMPARE(audit.stats().rejected, std::uint64_t(0));
    }

    void auditBatchesManyRecords() {
        store::CommandAuditLog audit(m_uri);
        for (int i = 0; i < 1000; ++i) {
            const std::string id = "bulk-" + std::to_string(i);
            audit.recordRequest({id, "bot", "admin", "CP-" + std::to_string(i % 10), "TriggerMessage",
                                 nlohmann::json{{"requestedMessage", "StatusNotification"}}, 0});
            audit.recordOutcome(id, i % 2 == 0 ? "Accepted" : "Rejected");
        }
        QVERIFY(audit.flush(20s));
        QCOMPARE(
            count(
                "SELECT count(*) FROM command_audit WHERE request_id LIKE 'bulk-%' AND outcome IS NOT NULL"),
            1000LL);
        QVERIFY2(audit.stats().batches < 100, "records were not batched");
    }

    void auditNeverBlocksOnAnUnreachableServer() {
        store::CommandAuditOptions options;
        options.unreachableDeadline = 500ms;
        options.maxQueued = 20;
        store::CommandAuditLog audit("postgresql://voltdesk@127.0.0.1:1/nowhere", options);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 50; ++i) {
            audit.recordOutcome("lost-" + std::to_string(i), "Accepted");
        }
        QVERIFY(timer.elapsed() < 100);
        QVERIFY(audit.flush(10s));
        QCOMPARE(audit.stats().dropped, std::uint64_t(50));
        QCOMPARE(audit.stats().written, std::uint64_t(0));
        audit.stop();
    }
};

QTEST_GUILESS_MAIN(TestIdTagsAndAudit)
#include "tst_id_tags_and_audit.moc"
