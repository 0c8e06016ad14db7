// How single events change a charger's live state.
#include "domain/charger_state_update.h"

#include <QtTest>

using namespace voltdesk;
using namespace voltdesk::domain;

namespace {

ConnectorStatusReported status(int connector, ConnectorStatus s, EpochMs at, EpochMs receivedAt = 0) {
    ConnectorStatusReported e;
    e.chargerId = "CP";
    e.connectorId = connector;
    e.status = s;
    e.errorCode = "NoError";
    e.at = at;
    e.receivedAt = receivedAt == 0 ? at : receivedAt;
    return e;
}

} // namespace

class TstChargerStateUpdate : public QObject {
    Q_OBJECT

private slots:
    void connectAndDisconnect() {
        contract::ChargerState s;
        applyEvent(s, ChargerConnected{"CP", "ocpp1.6", "1.2.3.4", 1000});
        QVERIFY(s.online);
        QCOMPARE(s.protocol, std::string("ocpp1.6"));
        QCOMPARE(s.lastSeen, 1000);
        QVERIFY(s.overall() == contract::ChargerStatus::Unknown); // no connector reported yet
        applyEvent(s, ChargerDisconnected{"CP", "bye", 2000});
        QVERIFY(!s.online);
        QCOMPARE(s.lastSeen, 1000); // a disconnect is not a message from the charger
        QVERIFY(s.overall() == contract::ChargerStatus::Offline);
    }

    void bootSetsIdentity() {
        contract::ChargerState s;
        applyEvent(s, ChargerBooted{"CP", "V", "M", "SN", "FW", 500});
        QCOMPARE(s.vendor, std::string("V"));
        QCOMPARE(s.model, std::string("M"));
        QCOMPARE(s.serialNumber, std::string("SN"));
        QCOMPARE(s.firmwareVersion, std::string("FW"));
        QCOMPARE(s.lastSeen, 500);
    }

    void connectorsAppearSortedOnFirstReport() {
        contract::ChargerState s;
        applyEvent(s, status(2, ConnectorStatus::Charging, 10));
        applyEvent(s, status(0, ConnectorStatus::Available, 11));
        applyEvent(s, status(1, ConnectorStatus::Available, 12));
        QCOMPARE(s.connectors.size(), std::size_t(3));
        QCOMPARE(s.connectors[0].id, 0);
        QCOMPARE(s.connectors[1].id, 1);
        QCOMPARE(s.connectors[2].id, 2);
        QVERIFY(s.overall() == contract::ChargerStatus::Charging);
    }

    void sinceMovesOnlyWhenStatusChanges() {
        contract::ChargerState s;
        applyEvent(s, status(1, ConnectorStatus::Available, 100));
        auto again = status(1, ConnectorStatus::Available, 200);
        again.info = "still free";
        applyEvent(s, again);
        QCOMPARE(s.connectors[0].since, 100);
        QCOMPARE(s.connectors[0].info, std::string("still free"));
        applyEvent(s, status(1, ConnectorStatus::Faulted, 300));
        QCOMPARE(s.connectors[0].since, 300);
        QVERIFY(s.overall() == contract::ChargerStatus::Faulted);
    }

    void lastSeenUsesReceiptTimeAndNeverGoesBack() {
        contract::ChargerState s;
        applyEvent(s, status(1, ConnectorStatus::Available, 50, 1000)); // charger clock is behind
        QCOMPARE(s.lastSeen, 1000);
        applyEvent(s, HeartbeatReceived{"CP", 900});
        QCOMPARE(s.lastSeen, 1000);
    }

    void absurdConnectorIdsAreNotRecorded() {
        contract::ChargerState s;
        applyEvent(s, status(kMaxConnectorId + 1, ConnectorStatus::Available, 1));
        applyEvent(s, status(-1, ConnectorStatus::Available, 1));
        QVERIFY(s.connectors.empty());
        QCOMPARE(s.lastSeen, 1);
    }
};

QTEST_APPLESS_MAIN(TstChargerStateUpdate)
#include "tst_charger_state_update.moc"
