// A simulated day billed through a crash: autonomous chargers live a day from midnight to midnight
// (drivers arriving in the morning and evening peaks, charging, idling, faults) at 960 times the wall
// clock under time-of-use tariffs set by a console; the agent is killed with SIGKILL at midday while
// the chargers go on, and started again. Every finished session has exactly one CDR with the amount
// the rating engine gives for its stored readings.
#include "app/session_rater.h"
#include "contract/charge_detail_record.h"
#include "contract/inventory.h"
#include "contract/topics.h"
#include "simulator/core/fleet.h"
#include "store/billing_store.h"
#include "tests/conformance/conformance_case.h"

#include <QtTest>
#include <array>
#include <cstdio>
#include <format>
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

constexpr int kChargers = 32;
/// A simulated day in 90 s of wall time.
constexpr double kSpeed = 960;
constexpr auto kDay = 90s;
constexpr auto kMidday = kDay / 2;
/// How long the agent stays down: about two simulated hours of the early afternoon.
constexpr auto kDown = 8s;
/// Tuesday 2026-03-10, 00:00 in Berlin, where the simulated sites are.
constexpr const char* kDayStart = "2026-03-09T23:00:00Z";
/// More id tags per charger than its busiest day has sessions (checked: every start is Accepted).
constexpr int kTagsPerCharger = 30;

/// The id tag the autonomous day presents for a charger's n-th session (charge_point_day.cpp).
std::string dayTag(int chargerNumber, int session) {
    std::array<char, 24> tag{};
    std::snprintf(tag.data(), tag.size(), "SIM-%05d-%04d", chargerNumber % 100'000, session % 10'000);
    return tag.data();
}

/// The agent bills what the chargers report, and they stamp their messages with the wall clock however
/// fast their day runs, so a tariff's periods must change within the wall time of the test: this one
/// goes valley, flat, peak, valley, ... every minute, and a session that runs over a minute's end is
/// split. The prices are high because the energy is small: a simulated hour of charging lasts 3.75 s.
nlohmann::json minuteTariff(const std::string& id, const std::string& peakPrice) {
    constexpr std::array<const char*, 3> kPeriods{"valley", "flat", "peak"};
    nlohmann::json schedule = nlohmann::json::array();
    for (int m = 0; m < 24 * 60; ++m) {
        schedule.push_back({{"from", std::format("{:02}:{:02}", m / 60, m % 60)},
                            {"to", std::format("{:02}:{:02}", (m + 1) / 60, (m + 1) % 60)},
                            {"period", kPeriods.at(static_cast<std::size_t>(m % 3))}});
    }
    nlohmann::json week;
    for (const char* day : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
        week[day] = "day";
    }
    return {{"id", id},
            {"currency", "EUR"},
            {"periods",
             {{{"name", "valley"}, {"energyPrice", "20.0000"}, {"serviceFee", "5.0000"}},
              {{"name", "flat"}, {"energyPrice", "30.0000"}, {"serviceFee", "5.0000"}},
              {{"name", "peak"}, {"energyPrice", peakPrice}, {"serviceFee", "5.0000"}}}},
            {"dayTypes", {{{"name", "day"}, {"schedule", schedule}}}},
            {"week", week},
            {"timePricePerMinute", "1.0000"},
            {"sessionFee", "0.30"},
            {"idleFee", {{"perMinute", "2.0000"}, {"graceMinutes", 0}}},
            {"taxPercent", "19.0000"}};
}

/// Every CDR message on the (shared) broker, in arrival order.
class CdrWatcher {
public:
    explicit CdrWatcher(const std::string& uri, const std::string& name) : m_client(uri, name) {
        m_client.set_message_callback([this](const mqtt::const_message_ptr& message) {
            std::lock_guard lock(m_mutex);
            m_messages.emplace_back(message->get_topic(), message->to_string());
        });
        m_client.connect(mqtt::connect_options_builder().clean_session(true).finalize())->wait();
        m_client.subscribe(std::string(contract::kAllCdrs), 1)->wait();
    }
    ~CdrWatcher() {
        try {
            m_client.disconnect()->wait_for(2s);
        } catch (const mqtt::exception&) { // NOLINT(bugprone-empty-catch): the broker went away first
        }
    }
    CdrWatcher(const CdrWatcher&) = delete;
    CdrWatcher& operator=(const CdrWatcher&) = delete;

    std::vector<std::pair<std::string, std::string>> messages() {
        std::lock_guard lock(m_mutex);
        return m_messages;
    }

private:
    mqtt::async_client m_client;
    std::mutex m_mutex;
    std::vector<std::pair<std::string, std::string>> m_messages;
};

bool completed(const std::optional<contract::CommandResponse>& r) {
    return r && r->outcome == contract::CommandOutcome::Completed;
}

std::string describe(const std::optional<contract::CommandResponse>& r) {
    return r ? std::string(contract::toString(r->outcome)) + ": " + r->description + " " + r->response.dump()
             : std::string("<no response>");
}

bool settled(const sim::ChargePointSnapshot& s) {
    if (s.queuedTransactionMessages != 0) {
        return false;
    }
    return std::ranges::all_of(s.transactions, [](const sim::TransactionRecord& r) {
        return !r.active() && r.startAcknowledged && r.stopAcknowledged;
    });
}

} // namespace

class TstBillingDayReplay : public QObject {
    Q_OBJECT

private slots:
    void everySessionOfADayHasOneRightCdrAfterSigkill() {
        const std::string prefix = "DR-" + std::to_string(QCoreApplication::applicationPid() % 100000) + "-";
        const sim::FleetOptions fleetOptions{
            .seed = 7, .count = kChargers, .firstIndex = 1, .idPrefix = prefix};
        const auto fleet = sim::generateFleet(fleetOptions);
        const std::string inventoryPath =
            QDir::temp().filePath(QString::fromStdString(prefix + "inventory.json")).toStdString();
        std::ofstream(inventoryPath) << contract::encodeInventory(sim::toInventory(fleet));

        // The day's drivers: every other charger's cards belong to a fleet customer with its own tariff.
        ConformanceOptions options;
        options.idTags.push_back(domain::IdTag{kGroupTag, std::nullopt, std::nullopt, false});
        std::vector<std::string> chargers;
        for (const auto& charger : fleet.chargers) {
            chargers.push_back(charger.chargerId);
            for (int n = 1; n <= kTagsPerCharger; ++n) {
                options.idTags.push_back(domain::IdTag{
                    dayTag(charger.number, n),
                    charger.number % 2 == 0 ? std::optional<std::string>(kGroupTag) : std::nullopt,
                    std::nullopt, false});
            }
        }
        options.extraArguments = {"--inventory", inventoryPath};
        const auto setupBegan = std::chrono::steady_clock::now();
        ConformanceSystem system(QTest::currentTestFunction(), options);
        QVERIFY2(system.ok(), system.why().c_str());
        qInfo("the database and the agent with %zu id tags took %lld ms", options.idTags.size(),
              static_cast<long long>((std::chrono::steady_clock::now() - setupBegan) / 1ms));
        CdrWatcher watcher(system.mqtt(), prefix + "watcher");
        const auto diagnostics = [&system] { return "\n" + system.agentOutput().toStdString(); };

        // A console sets the prices before the first charger connects: the day starts busy, and a
        // session that ended before its tariff was assigned would rightly be unrated.
        const auto put = [&](const std::string& id, const std::string& peakPrice) {
            return system.command("PutTariff", "", {{"tariff", minuteTariff(id, peakPrice)}});
        };
        QVERIFY2(completed(put("day-all", "45.0000")), "PutTariff day-all");
        QVERIFY2(completed(put("day-fleet", "35.0000")), "PutTariff day-fleet");
        const auto group = system.command(
            "AssignTariff", "",
            {{"scope", "chargerGroup"}, {"key", "day"}, {"tariffId", "day-all"}, {"chargers", chargers}});
        QVERIFY2(completed(group), describe(group).c_str());
        const auto customer = system.command(
            "AssignTariff", "", {{"scope", "customerGroup"}, {"key", kGroupTag}, {"tariffId", "day-fleet"}});
        QVERIFY2(completed(customer), describe(customer).c_str());

        sim::TestFleetOptions day;
        day.count = kChargers;
        day.idPrefix = prefix;
        day.seed = fleetOptions.seed;
        day.speed = kSpeed;
        day.simStart = contract::parseIso8601(kDayStart);
        day.behaviour.mode = sim::ChargePointMode::Autonomous;
        day.behaviour.meterValueSampleIntervalSeconds = 1;
        day.behaviour.transactionMessageAttempts = 1000;
        day.behaviour.transactionMessageRetryIntervalSeconds = 1;
        day.connection.minBackoff = 200ms;
        day.connection.maxBackoff = 1000ms;
        const auto dayBegan = std::chrono::steady_clock::now();
        const auto dayBeganMs = contract::nowMs();
        sim::TestFleet simulated(system.ocppUrl(), day);
        QVERIFY2(simulated.waitAllAccepted(20s),
                 ("the chargers' boots were not accepted" + diagnostics()).c_str());

        // Midday: the agent dies; the chargers go on charging, queueing their messages, for two hours.
        std::this_thread::sleep_until(dayBegan + kMidday);
        const auto killedAt = contract::nowMs();
        system.killAgent();
        std::this_thread::sleep_for(kDown);
        QVERIFY2(system.restartAgent(), ("the agent did not start again" + diagnostics()).c_str());
        const auto restartedAt = contract::nowMs();
        std::this_thread::sleep_until(dayBegan + kDay);

        // Midnight: the operator closes the chargers (no new session starts) and ends the running ones.
        for (int i = 0; i < simulated.size(); ++i) {
            const auto closed = system.command("ChangeAvailability", simulated.charger(i).id(),
                                               {{"connectorId", 0}, {"type", "Inoperative"}});
            QVERIFY2(completed(closed), (simulated.charger(i).id() + ": " + describe(closed)).c_str());
        }
        for (int i = 0; i < simulated.size(); ++i) {
            auto& cp = simulated.charger(i);
            for (const auto& t : cp.snapshot().transactions) {
                if (t.active()) {
                    cp.stopTransaction(t.connectorId, "Local");
                }
            }
        }
        const auto closedAt = std::chrono::steady_clock::now();
        std::vector<sim::TransactionRecord> sessions;
        std::size_t busiest = 0;
        for (int i = 0; i < simulated.size(); ++i) {
            auto& cp = simulated.charger(i);
            QVERIFY2(cp.waitUntil(settled, 30s), (cp.id() + " did not settle\n" + cp.traceText()).c_str());
            busiest = std::max(busiest, cp.snapshot().transactions.size());
            for (const auto& t : cp.snapshot().transactions) {
                QVERIFY2(t.dropped.empty(), (cp.id() + " dropped a message of a transaction").c_str());
                QVERIFY2(t.idTagStatus == "Accepted",
                         (cp.id() + ": " + t.idTag + " was " + t.idTagStatus).c_str());
                sessions.push_back(t);
            }
        }

        const auto settledAt = std::chrono::steady_clock::now();
        qInfo("closing the chargers took %lld ms, settling %lld ms",
              static_cast<long long>((closedAt - dayBegan - kDay) / 1ms),
              static_cast<long long>((settledAt - closedAt) / 1ms));

        // The day had a crash in it: sessions before, across and after it, and some begun while it lasted.
        const auto count = [&sessions](const auto& predicate) {
            return std::ranges::count_if(sessions, predicate);
        };
        const auto before = count([&](const sim::TransactionRecord& t) { return *t.stoppedAt < killedAt; });
        const auto across = count([&](const sim::TransactionRecord& t) {
            return t.startedAt < killedAt && *t.stoppedAt > killedAt;
        });
        const auto whileDown = count([&](const sim::TransactionRecord& t) {
            return t.startedAt > killedAt && t.startedAt < restartedAt;
        });
        const auto after = count([&](const sim::TransactionRecord& t) { return t.startedAt > restartedAt; });
        qInfo(
            "%zu sessions (%zu on the busiest charger): %td before the kill, %td across it, %td begun while "
            "the agent was down, %td after",
            sessions.size(), busiest, before, across, whileDown, after);
        // The day is the same in every run (the seed and the start fix it; only the wall clock's jitter
        // moves the kill by a few simulated minutes): 170 sessions, 49 before, 13 across, 15 while down,
        // 93 after. The bounds leave room for a loaded machine.
        QVERIFY(sessions.size() >= 130);
        QVERIFY(before >= 35);
        QVERIFY(across >= 5);
        QVERIFY(whileDown >= 5);
        QVERIFY(after >= 65);

        // Every session the chargers ran is stored, finished, and has exactly one CDR, rated.
        const auto transactions = std::to_string(sessions.size());
        QCOMPARE(system.scalar("SELECT count(*) FROM transactions WHERE stop_received_at IS NOT NULL"),
                 transactions);
        QCOMPARE(system.scalar("SELECT count(*) FROM transactions"), transactions);
        QTRY_COMPARE_WITH_TIMEOUT(system.scalar("SELECT count(DISTINCT transaction_id) FROM cdrs"),
                                  transactions, 20'000);
        QCOMPARE(system.scalar("SELECT count(*) FROM cdrs"), transactions);
        QCOMPARE(system.scalar("SELECT count(*) FROM cdrs WHERE NOT rated"), std::string("0"));
        QCOMPARE(system.scalar("SELECT count(*) FROM cdrs WHERE jsonb_array_length(record->'anomalies') > 0"),
                 std::string("0"));

        // Each one holds what its charger reported and the amount the engine gives for its stored readings.
        std::map<int, const sim::TransactionRecord*> byId;
        for (const auto& t : sessions) {
            byId[t.transactionId.value_or(0)] = &t;
        }
        store::BillingStore billing(system.postgres());
        std::map<std::string, contract::ChargeDetailRecord> stored;
        int multiPeriod = 0;
        int fleetRated = 0;
        for (const auto& row : system.rows("SELECT transaction_id, record::text FROM cdrs")) {
            const auto decoded = contract::decodeChargeDetailRecord(row[1]);
            QVERIFY(decoded);
            const auto& cdr = decoded.value();
            const auto it = byId.find(std::stoi(row[0]));
            QVERIFY2(it != byId.end(), ("a CDR of no charger's session: " + row[0]).c_str());
            const auto& session = *it->second;
            QCOMPARE(cdr.chargerId + "/" + std::to_string(cdr.connectorId) + " " + cdr.idTag,
                     cdr.chargerId + "/" + std::to_string(session.connectorId) + " " + session.idTag);
            QCOMPARE(cdr.start, session.startedAt);
            QCOMPARE(cdr.stop, session.stoppedAt.value_or(0));
            QCOMPARE(cdr.meterStartWh, static_cast<std::int64_t>(session.meterStartWh));
            QCOMPARE(cdr.meterStopWh, static_cast<std::int64_t>(session.meterStopWh.value_or(-1)));
            const auto facts = billing.sessionFacts(std::stoi(row[0]));
            if (!facts) {
                QFAIL(("no session facts for " + cdr.cdrId).c_str());
            }
            const auto expected = app::rateStoredSession(billing, *facts, 1, "stop", system.agentId(), 0);
            QCOMPARE(cdr.total, expected.total);
            QCOMPARE(cdr.subtotal, expected.subtotal);
            QVERIFY2(cdr.lines == expected.lines, (cdr.cdrId + ": the lines differ" + diagnostics()).c_str());
            QCOMPARE(cdr.lines.front().tariffId,
                     std::string(cdr.customerGroup.empty() ? "day-all" : "day-fleet"));
            std::set<std::string> periods;
            for (const auto& line : cdr.lines) {
                if (line.kind == "energy" && line.milliWh > 0) {
                    periods.insert(line.period);
                }
            }
            multiPeriod += periods.size() >= 2 ? 1 : 0;
            fleetRated += cdr.customerGroup.empty() ? 0 : 1;
            stored[cdr.cdrId] = cdr;
        }
        std::map<std::string, int> charged; // lines with an amount, by kind
        for (const auto& [id, cdr] : stored) {
            for (const auto& line : cdr.lines) {
                charged[line.kind] += line.amount != 0 ? 1 : 0;
            }
        }
        qInfo("%zu CDRs, %d with energy in two periods or more, %d under the fleet customer's tariff; lines "
              "with an amount: %d energy, %d charging time, %d idle time (the day began at second %lld of a "
              "minute)",
              stored.size(), multiPeriod, fleetRated, charged["energy"], charged["chargingTime"],
              charged["idleTime"], static_cast<long long>(dayBeganMs / 1000 % 60));
        // Cars that stay plugged in once full pay for their idle time (44 of them in this day).
        QVERIFY(charged["idleTime"] >= 10);
        // One minute's end at least falls in the busy hours (the day lasts 90 s), where about ten
        // sessions run at any moment.
        QVERIFY(multiPeriod >= 3);
        QVERIFY(fleetRated > 0 && fleetRated < static_cast<int>(stored.size()));

        // What a console saw of this case's chargers (the broker is shared with the tests alongside): only
        // stored records, and every record of a session that stopped once the agent was back (one stored
        // just before the SIGKILL may have died with the agent's outgoing queue).
        std::set<std::string> due;
        for (const auto& row :
             system.rows("SELECT charger_id || '/' || transaction_id FROM transactions WHERE "
                         "stop_received_at > to_timestamp(" +
                         std::to_string(restartedAt) + " / 1000.0)")) {
            due.insert(row[0]);
        }
        QVERIFY(!due.empty());
        const std::set<std::string> ours(chargers.begin(), chargers.end());
        std::set<std::string> seen;
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (!std::ranges::includes(seen, due) && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(100ms);
            seen.clear();
            for (const auto& [topic, payload] : watcher.messages()) {
                const auto decoded = contract::decodeChargeDetailRecord(payload);
                if (!contract::parseSiteCdrTopic(topic) || !decoded ||
                    !ours.contains(decoded.value().chargerId)) {
                    continue;
                }
                const auto& cdr = decoded.value();
                const auto it = stored.find(cdr.cdrId);
                QVERIFY2(it != stored.end(), ("published, not stored: " + cdr.cdrId).c_str());
                QCOMPARE(cdr.version, 1);
                QCOMPARE(cdr.total, it->second.total);
                QVERIFY(cdr.lines == it->second.lines);
                seen.insert(cdr.cdrId);
            }
        }
        for (const auto& cdrId : due) {
            QVERIFY2(seen.contains(cdrId), ("never published: " + cdrId).c_str());
        }
        qInfo("%zu CDRs seen on the bus", seen.size());
    }
};

QTEST_GUILESS_MAIN(TstBillingDayReplay)
#include "tst_billing_day_replay.moc"
