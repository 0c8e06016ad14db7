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

    void sessionsFromStartToStop() {
        contract::ChargerState s;
        applyEvent(s, status(1, ConnectorStatus::Preparing, 1000));
        applyEvent(s, status(2, ConnectorStatus::Available, 1000));
        applyEvent(s, SessionStarted{"CP", 1, 42, "TAG-1", 1500, 1000});
        QCOMPARE(s.lastSeen, 1000); // a replayed start says nothing about the link
        QVERIFY(s.connectors[0].session.has_value());
        QCOMPARE(s.connectors[0].session->transactionId, 42);
        QCOMPARE(s.connectors[0].session->idTag, std::string("TAG-1"));
        QCOMPARE(s.connectors[0].session->startedAt, EpochMs(1500));
        QCOMPARE(s.connectors[0].session->meterStartWh, std::int64_t(1000));
        QVERIFY(s.connectors[0].status == ConnectorStatus::Preparing); // statuses come from their reports
        QVERIFY(!s.connectors[1].session.has_value());

        // The session outlives status changes and the link going down.
        applyEvent(s, status(1, ConnectorStatus::SuspendedEV, 2000));
        applyEvent(s, ChargerDisconnected{"CP", "bye", 2500});
        QCOMPARE(s.connectors[0].session->transactionId, 42);

        applyEvent(s, SessionEnded{"CP", 41}); // another transaction: nothing changes
        QVERIFY(s.connectors[0].session.has_value());
        applyEvent(s, SessionEnded{"CP", 42});
        QVERIFY(!s.connectors[0].session.has_value());
    }

    void aNewStartReplacesAnUnstoppedSession() {
        contract::ChargerState s;
        applyEvent(s, SessionStarted{"CP", 1, 1, "A", 1000, 0});
        applyEvent(s, SessionStarted{"CP", 1, 2, "B", 2000, 10});
        QCOMPARE(s.connectors.size(), std::size_t(1));
        QCOMPARE(s.connectors[0].session->transactionId, 2);
    }

    void aStartOnAnUnreportedConnectorCreatesIt() {
        contract::ChargerState s;
        applyEvent(s, status(3, ConnectorStatus::Available, 1000));
        applyEvent(s, SessionStarted{"CP", 2, 7, "A", 5000, 0});
        QCOMPARE(s.connectors.size(), std::size_t(2));
        QCOMPARE(s.connectors[0].id, 2);
        QVERIFY(s.connectors[0].status == ConnectorStatus::Charging);
        QCOMPARE(s.connectors[0].since, EpochMs(5000));
        QCOMPARE(s.connectors[0].session->transactionId, 7);
        // Connector 0 is the charger itself and takes no session; absurd ids are ignored too.
        applyEvent(s, SessionStarted{"CP", 0, 8, "A", 5000, 0});
        applyEvent(s, SessionStarted{"CP", kMaxConnectorId + 1, 9, "A", 5000, 0});
        QCOMPARE(s.connectors.size(), std::size_t(2));
    }
};

QTEST_APPLESS_MAIN(TstChargerStateUpdate)
#include "tst_charger_state_update.moc"
