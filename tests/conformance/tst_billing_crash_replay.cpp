// Billing through a crash: a busy run of simulated sessions under tariffs set by a console, the agent
// killed with SIGKILL in the middle and started again. Afterwards every finished transaction has exactly
// one CDR version 1, with the amount the rating engine gives for its stored readings; the last live cost
// a console saw for a session is its CDR; the cost topics are cleared; roles hold for the billing commands.
#include "app/session_rater.h"
#include "contract/charge_detail_record.h"
#include "contract/inventory.h"
#include "contract/topics.h"
#include "simulator/core/fleet.h"
#include "store/billing_store.h"
#include "tests/conformance/conformance_case.h"

#include <QtTest>
#include <fstream>
#include <map>
#include <mqtt/async_client.h>
#include <mutex>
#include <set>
#include <thread>

using namespace voltdesk;
using namespace voltdesk::testing;
using namespace std::chrono_literals;

namespace {

constexpr int kChargers = 20;

/// Every session-cost and CDR message, in arrival order.
class BillingWatcher {
public:
    struct Message {
        std::string topic;
        std::string payload;
    };

    explicit BillingWatcher(const std::string& uri, const std::string& name) : m_client(uri, name) {
        m_client.set_message_callback([this](const mqtt::const_message_ptr& message) {
            std::lock_guard lock(m_mutex);
            m_messages.push_back({message->get_topic(), message->to_string()});
        });
        m_client.connect(mqtt::connect_options_builder().clean_session(true).finalize())->wait();
        m_client.subscribe(std::string(contract::kAllSessionCosts), 1)->wait();
        m_client.subscribe(std::string(contract::kAllCdrs), 1)->wait();
    }
    ~BillingWatcher() {
        try {
            m_client.disconnect()->wait_for(2s);
        } catch (const mqtt::exception&) {
        }
    }
    std::vector<Message> messages() {
        std::lock_guard lock(m_mutex);
        return m_messages;
    }

private:
    mqtt::async_client m_client;
    std::mutex m_mutex;
    std::vector<Message> m_messages;
};

std::string tariffJson(const std::string& id, const std::string& energyPrice) {
    return R"({"id":")" + id +
           R"(","currency":"EUR","periods":[)"
           R"({"name":"peak","energyPrice":")" +
           energyPrice +
           R"(","serviceFee":"0.0500"},{"name":"offpeak","energyPrice":"0.2000","serviceFee":"0.0500"}],)"
           R"("dayTypes":[{"name":"day","schedule":[{"from":"00:00","to":"08:00","period":"offpeak"},)"
           R"({"from":"08:00","to":"20:00","period":"peak"},{"from":"20:00","to":"24:00","period":"offpeak"}]}],)"
           R"("week":{"monday":"day","tuesday":"day","wednesday":"day","thursday":"day","friday":"day",)"
           R"("saturday":"day","sunday":"day"},"timePricePerMinute":"0.0100","sessionFee":"0.30","taxPercent":"19.0000"})";
}

void drive(ConformanceCase& c, std::chrono::milliseconds duration,
           std::map<int, contract::EpochMs>& startedAt) {
    const auto end = std::chrono::steady_clock::now() + duration;
    while (std::chrono::steady_clock::now() < end) {
        for (int i = 0; i < c.fleet().size(); ++i) {
            auto& cp = c.charger(i);
            const auto s = cp.snapshot();
            const auto* connector = s.connector(1);
            if (connector == nullptr) {
                continue;
            }
            const auto* active = s.activeTransaction(1);
            const auto now = contract::nowMs();
            if (active == nullptr && !connector->plugged) {
                cp.plugIn(1);
                cp.presentIdTag(1, i % 2 == 0 ? kValidTag : kOtherValidTag);
                startedAt[i] = now;
            } else if (active != nullptr && now - startedAt[i] > 1500 + (i % 5) * 300) {
                cp.stopTransaction(1, "Local");
                cp.unplug(1);
            } else if (active == nullptr && connector->plugged && now - startedAt[i] > 3000) {
                cp.unplug(1);
            }
        }
        std::this_thread::sleep_for(50ms);
    }
}

bool completed(const std::optional<contract::CommandResponse>& r) {
    return r && r->outcome == contract::CommandOutcome::Completed;
}

std::string describe(const std::optional<contract::CommandResponse>& r) {
    return r ? std::string(contract::toString(r->outcome)) + ": " + r->description + " " + r->response.dump()
             : std::string("<no response>");
}

} // namespace

class TstBillingCrashReplay : public QObject {
    Q_OBJECT

private slots:
    void everyFinishedSessionHasOneRightCdrAfterSigkill() {
        const std::string prefix = "BL-" + std::to_string(QCoreApplication::applicationPid() % 100000) + "-";
        const auto fleet =
            sim::generateFleet({.seed = 1, .count = kChargers, .firstIndex = 1, .idPrefix = prefix});
        const std::string inventoryPath =
            QDir::temp().filePath(QString::fromStdString(prefix + "inventory.json")).toStdString();
        std::ofstream(inventoryPath) << contract::encodeInventory(sim::toInventory(fleet));

        CaseOptions options;
        options.fleet.count = kChargers;
        options.fleet.idPrefix = prefix;
        options.fleet.behaviour.mode = sim::ChargePointMode::Scripted;
        options.fleet.behaviour.authorizeBeforeStart = false;
        options.fleet.behaviour.allowOfflineTxForUnknownId = true;
        options.fleet.behaviour.meterValueSampleIntervalSeconds = 1;
        options.fleet.behaviour.transactionMessageAttempts = 1000;
        options.fleet.behaviour.transactionMessageRetryIntervalSeconds = 1;
        options.fleet.connection.minBackoff = 200ms;
        options.fleet.connection.maxBackoff = 1000ms;
        options.system.extraArguments = {"--inventory", inventoryPath};
        CASE_SETUP(c, options);
        BillingWatcher watcher(c.system().mqtt(), prefix + "watcher");

        // A console sets the prices: a supervisor may, a viewer may not.
        const auto put = [&](const std::string& role, const std::string& id, const std::string& price) {
            return c.system().command("PutTariff", "",
                                      {{"tariff", nlohmann::json::parse(tariffJson(id, price))}}, role);
        };
        const auto viewerPut = put("viewer", "all", "0.4000");
        QVERIFY2(viewerPut && viewerPut->outcome == contract::CommandOutcome::Refused,
                 describe(viewerPut).c_str());
        QVERIFY2(completed(put("supervisor", "all", "0.4000")), "PutTariff as supervisor");
        QVERIFY2(completed(put("supervisor", "fleet", "0.3000")), "PutTariff as supervisor");
        std::vector<std::string> chargers;
        for (int i = 0; i < kChargers; ++i) {
            chargers.push_back(c.chargerId(i));
        }
        const auto group = c.system().command(
            "AssignTariff", "",
            {{"scope", "chargerGroup"}, {"key", "all"}, {"tariffId", "all"}, {"chargers", chargers}});
        QVERIFY2(completed(group), describe(group).c_str());
        const auto customer = c.system().command(
            "AssignTariff", "", {{"scope", "customerGroup"}, {"key", kGroupTag}, {"tariffId", "fleet"}});
        QVERIFY2(completed(customer), describe(customer).c_str());
        const auto viewerAssign = c.system().command(
            "AssignTariff", "", {{"scope", "site"}, {"key", "x"}, {"tariffId", "all"}}, "viewer");
        QVERIFY(viewerAssign && viewerAssign->outcome == contract::CommandOutcome::Refused);

        std::map<int, contract::EpochMs> startedAt;
        drive(c, 5s, startedAt);
        c.system().killAgent();
        drive(c, 4s, startedAt);
        QVERIFY(c.system().restartAgent());
        drive(c, 5s, startedAt);
        for (int i = 0; i < c.fleet().size(); ++i) {
            auto& cp = c.charger(i);
            if (cp.snapshot().activeTransaction(1) != nullptr) {
                cp.stopTransaction(1, "Local");
            }
            cp.unplug(1);
        }
        for (int i = 0; i < c.fleet().size(); ++i) {
            CASE_VERIFY(c, c.charger(i).waitUntil(
                               [](const sim::ChargePointSnapshot& s) {
                                   if (s.queuedTransactionMessages != 0) {
                                       return false;
                                   }
                                   for (const auto& r : s.transactions) {
                                       if (!r.startAcknowledged || !r.stopAcknowledged) {
                                           return false;
                                       }
                                   }
                                   return true;
                               },
                               30s));
        }

        // Every finished transaction gets its record (live at the stop, or by the restart's sweep).
        const auto transactions =
            c.system().scalar("SELECT count(*) FROM transactions WHERE stop_received_at IS NOT NULL");
        QTRY_COMPARE_WITH_TIMEOUT(c.system().scalar("SELECT count(DISTINCT transaction_id) FROM cdrs"),
                                  transactions, 20'000);
        QCOMPARE(c.system().scalar("SELECT count(*) FROM cdrs"), transactions); // no second version
        QCOMPARE(c.system().scalar("SELECT count(*) FROM cdrs WHERE NOT rated"), std::string("0"));
        QVERIFY(std::stoi(transactions) > kChargers);
        const int grouped =
            std::stoi(c.system().scalar("SELECT count(*) FROM cdrs WHERE customer_group <> ''"));
        QVERIFY(grouped > 0);

        // The amount of each is what the engine gives for the readings stored for it.
        store::BillingStore billing(c.system().postgres());
        int rated = 0;
        for (const auto& row : c.system().rows("SELECT transaction_id, record::text FROM cdrs")) {
            const auto stored = contract::decodeChargeDetailRecord(row[1]);
            CASE_VERIFY(c, stored);
            const auto facts = billing.sessionFacts(std::stoi(row[0]));
            CASE_VERIFY(c, facts.has_value());
            const auto expected = app::rateStoredSession(billing, *facts, 1, "stop", c.system().agentId(), 0);
            CASE_COMPARE(c, std::to_string(stored.value().total), std::to_string(expected.total));
            CASE_COMPARE(c, std::to_string(stored.value().subtotal), std::to_string(expected.subtotal));
            CASE_VERIFY(c, stored.value().lines == expected.lines);
            CASE_COMPARE(c, stored.value().lines.front().tariffId,
                         std::string(stored.value().customerGroup.empty() ? "all" : "fleet"));
            rated += stored.value().total > 0 ? 1 : 0;
        }
        QVERIFY(rated > 0);

        // What a console saw: each CDR, and the final live cost (reason "stop") equal to it; then the
        // cost topics cleared.
        std::this_thread::sleep_for(3s); // the clears follow 2 s after each record
        std::map<std::string, contract::ChargeDetailRecord> cdrs;
        std::map<std::string, contract::ChargeDetailRecord> finalCosts;
        std::map<std::string, std::string> lastCostPayload;
        // The broker is shared with the tests running alongside: only this case's chargers count.
        const std::set<std::string> ours(chargers.begin(), chargers.end());
        for (const auto& m : watcher.messages()) {
            if (contract::parseSiteCdrTopic(m.topic)) {
                auto d = contract::decodeChargeDetailRecord(m.payload);
                CASE_VERIFY(c, d);
                if (ours.contains(d.value().chargerId)) {
                    cdrs[d.value().cdrId] = d.value();
                }
            } else if (const auto ids = contract::parseSessionCostTopic(m.topic);
                       ids && ours.contains(ids->chargerId)) {
                lastCostPayload[m.topic] = m.payload;
                if (m.payload.empty()) {
                    continue;
                }
                auto d = contract::decodeChargeDetailRecord(m.payload);
                CASE_VERIFY(c, d);
                CASE_VERIFY(c, d.value().provisional);
                if (d.value().reason == "stop") {
                    finalCosts[d.value().cdrId] = d.value();
                }
            }
        }
        int compared = 0;
        for (const auto& [cdrId, cost] : finalCosts) {
            const auto it = cdrs.find(cdrId);
            CASE_VERIFY(c, it != cdrs.end());
            CASE_COMPARE(c, std::to_string(cost.total), std::to_string(it->second.total));
            CASE_VERIFY(c, cost.lines == it->second.lines);
            ++compared;
        }
        QVERIFY2(compared >= std::stoi(transactions) / 2, "too few final live costs were seen to compare");
        for (const auto& [topic, payload] : lastCostPayload) {
            QVERIFY2(payload.empty(), ("not cleared: " + topic).c_str());
        }

        // A viewer reads sessions and a record with all its versions.
        const auto sessions =
            c.system().command("GetSessions", "", {{"status", "finished"}, {"limit", 5}}, "viewer");
        QVERIFY2(completed(sessions), describe(sessions).c_str());
        QCOMPARE(std::to_string(sessions->response["matching"].get<int>()), transactions);
        QCOMPARE(sessions->response["sessions"].size(), std::size_t(5));
        const auto cdrId = sessions->response["sessions"][0]["cdrId"].get<std::string>();
        const auto cdr = c.system().command("GetCdr", "", {{"cdrId", cdrId}}, "viewer");
        QVERIFY2(completed(cdr), describe(cdr).c_str());
        QCOMPARE(cdr->response["versions"].size(), std::size_t(1));
        const auto viewerRerate =
            c.system().command("RerateSession", "", {{"cdrId", cdrId}, {"note", "test"}}, "viewer");
        QVERIFY(viewerRerate && viewerRerate->outcome == contract::CommandOutcome::Refused);
        qInfo("%s finished transactions, one CDR each; %d final live costs compared", transactions.c_str(),
              compared);
    }
};

QTEST_GUILESS_MAIN(TstBillingCrashReplay)
#include "tst_billing_crash_replay.moc"
