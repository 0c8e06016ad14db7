// CentralSystem: registration policy, inventory, live state, listener delivery and thread safety.
#include "domain/central_system.h"

#include <QtTest>
#include <atomic>
#include <map>
#include <thread>

using namespace voltdesk;
using namespace voltdesk::domain;

namespace {

contract::Inventory sampleInventory() {
    contract::Inventory inv;
    contract::SiteInfo site;
    site.siteId = "mitte";
    site.name = "Mitte";
    site.location = {52.52, 13.40};
    inv.sites.push_back(site);
    inv.chargers.push_back({"CP-A", "mitte", contract::GeoPoint{52.53, 13.41}, 150, 2});
    inv.chargers.push_back({"CP-B", "mitte", std::nullopt, 22, 1});
    return inv;
}

ChargerBooted booted(const std::string& id) {
    return ChargerBooted{id, "V", "M", "SN", "FW", 1000};
}

ConnectorStatusReported status(const std::string& id, int connector, ConnectorStatus s, EpochMs at = 1000) {
    ConnectorStatusReported e;
    e.chargerId = id;
    e.connectorId = connector;
    e.status = s;
    e.errorCode = "NoError";
    e.at = at;
    e.receivedAt = at;
    return e;
}

struct RecordingListener : FleetListener {
    void onChargerEvent(const ChargePointEvent& event, const contract::ChargerState& after) override {
        std::lock_guard lock(mutex);
        events.push_back(event);
        states.push_back(after);
    }
    std::mutex mutex;
    std::vector<ChargePointEvent> events;
    std::vector<contract::ChargerState> states;
};

} // namespace

class TstCentralSystem : public QObject {
    Q_OBJECT

private slots:
    void policyFromString() {
        QVERIFY(unknownChargerPolicyFromString("accept") == UnknownChargerPolicy::Accept);
        QVERIFY(unknownChargerPolicyFromString("pending") == UnknownChargerPolicy::Pending);
        QVERIFY(unknownChargerPolicyFromString("reject") == UnknownChargerPolicy::Reject);
        QVERIFY(!unknownChargerPolicyFromString("Accept"));
        QVERIFY(!unknownChargerPolicyFromString(""));
        QVERIFY(!unknownChargerPolicyFromString("deny"));
    }

    void admission() {
        CentralSystem reject(UnknownChargerPolicy::Reject, std::chrono::seconds(300));
        reject.loadInventory(sampleInventory());
        QVERIFY(reject.admits("CP-A"));
        QVERIFY(!reject.admits("CP-X"));
        CentralSystem pending(UnknownChargerPolicy::Pending, std::chrono::seconds(300));
        QVERIFY(pending.admits("CP-X"));
        CentralSystem accept(UnknownChargerPolicy::Accept, std::chrono::seconds(300));
        QVERIFY(accept.admits("CP-X"));
    }

    void knownChargerIsAccepted() {
        CentralSystem cs(UnknownChargerPolicy::Reject, std::chrono::seconds(120));
        cs.loadInventory(sampleInventory());
        const BootDecision d = cs.boot(booted("CP-A"));
        QVERIFY(d.status == RegistrationStatus::Accepted);
        QCOMPARE(d.interval.count(), 120);
        QCOMPARE(cs.heartbeatInterval().count(), 120);
        const auto s = cs.charger("CP-A");
        QVERIFY(s);
        QCOMPARE(s->registration, std::string("Accepted"));
        QCOMPARE(s->vendor, std::string("V"));
    }

    void unknownChargerPerPolicy() {
        CentralSystem accept(UnknownChargerPolicy::Accept, std::chrono::seconds(300));
        QVERIFY(accept.boot(booted("CP-X")).status == RegistrationStatus::Accepted);
        auto s = accept.charger("CP-X");
        QVERIFY(s);
        QCOMPARE(s->siteId, std::string(kUnassignedSiteId));
        QVERIFY(!s->location);
        QCOMPARE(s->registration, std::string("Accepted"));

        CentralSystem pending(UnknownChargerPolicy::Pending, std::chrono::seconds(300));
        QVERIFY(pending.boot(booted("CP-X")).status == RegistrationStatus::Pending);
        QCOMPARE(pending.charger("CP-X")->registration, std::string("Pending"));

        CentralSystem reject(UnknownChargerPolicy::Reject, std::chrono::seconds(300));
        RecordingListener listener;
        reject.addListener(&listener);
        QVERIFY(reject.boot(booted("CP-X")).status == RegistrationStatus::Rejected);
        reject.report(ChargerConnected{"CP-X", "ocpp1.6", "x", 1});
        QVERIFY(!reject.charger("CP-X")); // a rejected stranger leaves no trace in the fleet
        QVERIFY(reject.snapshot().empty());
        QVERIFY(listener.events.empty());
    }

    void inventoryChargersStartOffline() {
        CentralSystem cs(UnknownChargerPolicy::Accept, std::chrono::seconds(300));
        cs.loadInventory(sampleInventory());
        const auto all = cs.snapshot();
        QCOMPARE(all.size(), std::size_t(2));
        QCOMPARE(all[0].chargerId, std::string("CP-A"));
        QCOMPARE(all[0].siteId, std::string("mitte"));
        QVERIFY(all[0].location == (contract::GeoPoint{52.53, 13.41}));
        QCOMPARE(all[0].maxPowerKw, 150.0);
        QVERIFY(!all[0].online);
        QVERIFY(all[0].connectors.empty());
        QVERIFY(all[0].overall() == contract::ChargerStatus::Offline);
        QCOMPARE(all[1].chargerId, std::string("CP-B"));
        QVERIFY(all[1].location == (contract::GeoPoint{52.52, 13.40})); // the site's location
        QCOMPARE(cs.sites().size(), std::size_t(1));
        QCOMPARE(cs.sites()[0].siteId, std::string("mitte"));
    }

    void liveStateFollowsReports() {
        CentralSystem cs(UnknownChargerPolicy::Accept, std::chrono::seconds(300),
                         [] { return EpochMs(4242); });
        cs.loadInventory(sampleInventory());
        cs.report(ChargerConnected{"CP-A", "ocpp1.6", "10.0.0.1", 900});
        auto s = *cs.charger("CP-A");
        QVERIFY(s.online);
        QCOMPARE(s.protocol, std::string("ocpp1.6"));
        QVERIFY(s.overall() == contract::ChargerStatus::Unknown); // connected, nothing reported yet
        QCOMPARE(s.updatedAt, 4242);
        cs.report(status("CP-A", 1, ConnectorStatus::Available));
        QVERIFY(cs.charger("CP-A")->overall() == contract::ChargerStatus::Available);
        cs.report(status("CP-A", 2, ConnectorStatus::Charging, 2000));
        s = *cs.charger("CP-A");
        QVERIFY(s.overall() == contract::ChargerStatus::Charging);
        QCOMPARE(s.connectors.size(), std::size_t(2));
        QCOMPARE(s.lastSeen, 2000);
        cs.report(ChargerDisconnected{"CP-A", "bye", 3000});
        QVERIFY(cs.charger("CP-A")->overall() == contract::ChargerStatus::Offline);
    }

    void lateDisconnectOfOldLinkKeepsChargerOnline() {
        CentralSystem cs(UnknownChargerPolicy::Accept, std::chrono::seconds(300));
        cs.report(ChargerConnected{"CP-A", "ocpp1.6", "old", 1});
        cs.report(ChargerConnected{"CP-A", "ocpp1.6", "new", 2}); // charger reconnected first
        cs.report(ChargerDisconnected{"CP-A", "old link timed out", 3});
        QVERIFY(cs.charger("CP-A")->online);
        cs.report(ChargerDisconnected{"CP-A", "bye", 4});
        QVERIFY(!cs.charger("CP-A")->online);
    }

    void listenerSeesEveryEventWithResultingState() {
        CentralSystem cs(UnknownChargerPolicy::Accept, std::chrono::seconds(300));
        RecordingListener listener;
        cs.addListener(&listener);
        cs.report(ChargerConnected{"CP-A", "ocpp1.6", "a", 1});
        cs.boot(booted("CP-A"));
        cs.report(status("CP-A", 1, ConnectorStatus::Faulted));
        QCOMPARE(listener.events.size(), std::size_t(3));
        QVERIFY(std::holds_alternative<ChargerConnected>(listener.events[0]));
        QVERIFY(std::holds_alternative<ChargerBooted>(listener.events[1]));
        QCOMPARE(listener.states[1].registration, std::string("Accepted"));
        QVERIFY(listener.states[2].overall() == contract::ChargerStatus::Faulted);
        QCOMPARE(chargerIdOf(listener.events[2]), std::string("CP-A"));
    }

    void listenerMayReadTheFleet() {
        struct Reader : FleetListener {
            explicit Reader(CentralSystem& c) : cs(c) {}
            void onChargerEvent(const ChargePointEvent&, const contract::ChargerState&) override {
                seen = std::max(seen, cs.snapshot().size());
                if (!reentered) {
                    reentered = true;
                    cs.report(HeartbeatReceived{"CP-Z", 1}); // even re-entering is safe
                }
            }
            CentralSystem& cs;
            std::size_t seen = 0;
            bool reentered = false;
        };
        CentralSystem cs(UnknownChargerPolicy::Accept, std::chrono::seconds(300));
        Reader reader(cs);
        cs.addListener(&reader);
        cs.report(HeartbeatReceived{"CP-A", 1});
        QCOMPARE(reader.seen, std::size_t(2));
    }

    void throwingListenerDoesNotCorruptState() {
        struct Thrower : FleetListener {
            void onChargerEvent(const ChargePointEvent&, const contract::ChargerState&) override {
                ++calls;
                throw std::runtime_error("bus down");
            }
            int calls = 0;
        };
        CentralSystem cs(UnknownChargerPolicy::Accept, std::chrono::seconds(300));
        Thrower thrower;
        RecordingListener recorder;
        cs.addListener(&thrower);
        cs.addListener(&recorder);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, cs.report(HeartbeatReceived{"CP-A", 1}));
        QCOMPARE(recorder.events.size(), std::size_t(1)); // later listeners still ran
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, cs.report(HeartbeatReceived{"CP-A", 2}));
        QCOMPARE(thrower.calls, 2);
        QCOMPARE(recorder.events.size(), std::size_t(2));
        QCOMPARE(cs.charger("CP-A")->lastSeen, 2);
    }

    void manyThreadsReporting() {
        std::atomic<EpochMs> clock{0};
        CentralSystem cs(UnknownChargerPolicy::Accept, std::chrono::seconds(300), [&] { return ++clock; });
        // Checks per charger that states arrive in the order they were applied (updatedAt rises).
        struct OrderListener : FleetListener {
            void onChargerEvent(const ChargePointEvent& e, const contract::ChargerState& after) override {
                std::lock_guard lock(mutex);
                auto& last = lastUpdate[chargerIdOf(e)];
                if (after.updatedAt <= last) {
                    outOfOrder = true;
                }
                last = after.updatedAt;
                ++count;
            }
            std::mutex mutex;
            std::map<std::string, EpochMs> lastUpdate;
            bool outOfOrder = false;
            int count = 0;
        } listener;
        cs.addListener(&listener);
        constexpr int kThreads = 8;
        constexpr int kChargersPerThread = 50;
        constexpr int kRounds = 20;
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int c = 0; c < kChargersPerThread; ++c) {
                    const std::string id = "CP-" + std::to_string(t) + "-" + std::to_string(c);
                    cs.report(ChargerConnected{id, "ocpp1.6", "x", 1});
                    cs.boot(booted(id));
                }
                for (int r = 0; r < kRounds; ++r) {
                    for (int c = 0; c < kChargersPerThread; ++c) {
                        const std::string id = "CP-" + std::to_string(t) + "-" + std::to_string(c);
                        cs.report(status(id, 1 + r % 2,
                                         r % 3 == 0 ? ConnectorStatus::Charging : ConnectorStatus::Available,
                                         r));
                        // Every thread also hammers one shared charger, like two links of one charger.
                        cs.report(HeartbeatReceived{"CP-shared", r});
                    }
                    (void)cs.snapshot();
                }
            });
        }
        for (auto& th : threads) {
            th.join();
        }
        const auto all = cs.snapshot();
        QCOMPARE(all.size(), std::size_t(kThreads * kChargersPerThread + 1));
        for (const auto& s : all) {
            if (s.chargerId == "CP-shared") {
                continue;
            }
            QVERIFY(s.online);
            QCOMPARE(s.connectors.size(), std::size_t(2));
            QCOMPARE(s.registration, std::string("Accepted"));
        }
        const int expected = kThreads * kChargersPerThread * (2 + 2 * kRounds);
        QCOMPARE(listener.count, expected);
        QVERIFY(!listener.outOfOrder);
    }
};

QTEST_APPLESS_MAIN(TstCentralSystem)
#include "tst_central_system.moc"
