// After a restart the fleet shows every charger's last known state, offline, rebuilt by the domain.
#include "app/state_restore.h"

#include <QtTest>

using namespace voltdesk;
using namespace std::chrono_literals;

class TestStateRestore : public QObject {
    Q_OBJECT

private:
    static contract::ChargerState stored(const std::string& id) {
        contract::ChargerState s;
        s.chargerId = id;
        s.siteId = "depot";
        s.vendor = "ACME";
        s.model = "Wallbox";
        s.serialNumber = "SN-9";
        s.firmwareVersion = "2.0";
        s.protocol = "ocpp1.6";
        s.registration = "Accepted";
        s.lastSeen = 5'000;
        s.connectors = {{1, contract::ConnectorStatus::Charging, "NoError", "", "", 4'000},
                        {2, contract::ConnectorStatus::Faulted, "GroundFailure", "leak", "E7", 3'000}};
        return s;
    }

private slots:
    void rebuildsIdentityAndConnectorsOffline() {
        contract::Inventory inventory;
        inventory.sites = {contract::SiteInfo{"depot", "Depot", "", "", {52.5, 13.4}}};
        inventory.chargers = {contract::InventoryCharger{"CP-1", "depot", std::nullopt, 22, 2}};
        domain::CentralSystem fleet(domain::UnknownChargerPolicy::Accept, 300s,
                                    [] { return contract::EpochMs(9'000); });
        fleet.loadInventory(inventory);
        QCOMPARE(app::restoreFleet(fleet, {stored("CP-1")}), std::size_t(1));
        const auto state = fleet.charger("CP-1");
        QVERIFY(state);
        QVERIFY(!state->online);
        QCOMPARE(state->vendor, std::string("ACME"));
        QCOMPARE(state->firmwareVersion, std::string("2.0"));
        QCOMPARE(state->protocol, std::string("ocpp1.6"));
        QCOMPARE(state->lastSeen, contract::EpochMs(5'000));
        QCOMPARE(state->siteId, std::string("depot"));
        QCOMPARE(state->maxPowerKw, 22.0);
        QCOMPARE(state->connectors.size(), std::size_t(2));
        QVERIFY(state->connectors[1].status == contract::ConnectorStatus::Faulted);
        QCOMPARE(state->connectors[1].errorCode, std::string("GroundFailure"));
        QCOMPARE(state->connectors[1].since, contract::EpochMs(3'000));
        QVERIFY(state->overall() == contract::ChargerStatus::Offline);
    }

    void aChargerNeverHeardFromNeedsNoEvents() {
        contract::ChargerState s;
        s.chargerId = "quiet";
        QVERIFY(app::restoreEvents(s).empty());
    }

    void rejectPolicySkipsChargersNoLongerKnown() {
        domain::CentralSystem fleet(domain::UnknownChargerPolicy::Reject, 300s);
        QCOMPARE(app::restoreFleet(fleet, {stored("stranger")}), std::size_t(0));
        QVERIFY(!fleet.charger("stranger"));
    }
};

QTEST_APPLESS_MAIN(TestStateRestore)
#include "tst_state_restore.moc"
