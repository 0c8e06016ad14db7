// ChargerModel without any UI: rows from MQTT messages, removal, malformed input, counts, staleness.
#include "models/charger_model.h"
#include "models/status_names.h"
#include "tests/console/model_fixtures.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

using namespace voltdesk;
using models::ChargerModel;
using CS = contract::ConnectorStatus;
using contract::ChargerStatus;
using testing::removalMessage;
using testing::stateMessage;

namespace {

int countOf(const ChargerModel& m, ChargerStatus s) {
    return m.statusCounts().at(static_cast<int>(s));
}

QVariant roleAt(const ChargerModel& m, const QString& chargerId, int role) {
    return m.index(m.rowOf(chargerId)).data(role);
}

} // namespace

class TestChargerModel : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_model = std::make_unique<ChargerModel>();
        // Checks every signal the model emits for consistency with its row count and data.
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup() {
        m_tester.reset();
        m_model.reset();
    }

    void insertsUpdatesAndRemoves() {
        ChargerModel& m = *m_model;
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);

        const auto insert = stateMessage("S1", "CP-1", {CS::Available});
        m.applyMessage(insert.topic, insert.payload);
        QCOMPARE(m.rowCount(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(m.rowOf(QStringLiteral("CP-1")), 0);
        QCOMPARE(testing::name(m.statusAt(0)), testing::name(ChargerStatus::Available));
        QCOMPARE(m.stateAt(0).chargerId, std::string("CP-1"));

        const auto update = stateMessage("S1", "CP-1", {CS::Charging});
        m.applyMessage(update.topic, update.payload);
        QCOMPARE(m.rowCount(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(testing::name(m.statusAt(0)), testing::name(ChargerStatus::Charging));
        QCOMPARE(roleAt(m, QStringLiteral("CP-1"), ChargerModel::StatusRole).toInt(),
                 static_cast<int>(ChargerStatus::Charging));

        const auto remove = removalMessage("S1", "CP-1");
        m.applyMessage(remove.topic, remove.payload);
        QCOMPARE(m.rowCount(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(m.rowOf(QStringLiteral("CP-1")), -1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(m.malformedCount(), 0);
    }

    void removingUnknownChargerIsHarmless() {
        const auto remove = removalMessage("S1", "nobody");
        m_model->applyMessage(remove.topic, remove.payload);
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->malformedCount(), 0);
    }

    void removalInTheMiddleKeepsLookupsRight() {
        ChargerModel& m = *m_model;
        models::MqttMessages batch;
        for (int i = 0; i < 5; ++i) {
            batch << stateMessage("S1", "CP-" + std::to_string(i), {CS::Available});
        }
        m.applyMessages(batch);
        const auto remove = removalMessage("S1", "CP-2");
        m.applyMessage(remove.topic, remove.payload);
        QCOMPARE(m.rowCount(), 4);
        for (int r = 0; r < m.rowCount(); ++r) {
            QCOMPARE(m.rowOf(m.chargerIdAt(r)), r);
            QCOMPARE(QString::fromStdString(m.stateAt(r).chargerId), m.chargerIdAt(r));
        }
        QCOMPARE(m.rowOf(QStringLiteral("CP-4")), 3);
    }

    void insertsABatchAtOnce() {
        ChargerModel& m = *m_model;
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy countsChanged(&m, &ChargerModel::countsChanged);
        models::MqttMessages batch;
        for (int i = 0; i < 300; ++i) {
            batch << stateMessage("S" + std::to_string(i % 7), "CP-" + std::to_string(i), {CS::Available});
        }
        batch << stateMessage("S0", "CP-0", {CS::Faulted}); // a second message for a new charger
        m.applyMessages(batch);
        QCOMPARE(m.rowCount(), 300);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 299);
        QCOMPARE(countsChanged.count(), 1);
        QCOMPARE(testing::name(m.statusAt(m.rowOf(QStringLiteral("CP-0")))),
                 testing::name(ChargerStatus::Faulted));
        QCOMPARE(countOf(m, ChargerStatus::Faulted), 1);
        QCOMPARE(countOf(m, ChargerStatus::Available), 299);
    }

    void insertAndRemoveInOneBatch() {
        ChargerModel& m = *m_model;
        m.applyMessages({stateMessage("S1", "A", {CS::Available}), stateMessage("S1", "B", {CS::Available}),
                         removalMessage("S1", "A"), stateMessage("S1", "C", {CS::Charging})});
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.rowOf(QStringLiteral("A")), -1);
        QCOMPARE(m.rowOf(QStringLiteral("B")), 0);
        QCOMPARE(m.rowOf(QStringLiteral("C")), 1);
        QCOMPARE(countOf(m, ChargerStatus::Available), 1);
        QCOMPARE(countOf(m, ChargerStatus::Charging), 1);
    }

    void dataChangedPerChangedRowOnly() {
        ChargerModel& m = *m_model;
        models::MqttMessages batch;
        for (int i = 0; i < 10; ++i) {
            batch << stateMessage("S1", "CP-" + std::to_string(i), {CS::Available});
        }
        m.applyMessages(batch);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&m, &QAbstractItemModel::layoutChanged);
        // Row 3 changes twice in one batch, row 7 once, row 5 is re-sent unchanged.
        m.applyMessages(
            {stateMessage("S1", "CP-3", {CS::Preparing}), stateMessage("S1", "CP-7", {CS::Faulted}),
             stateMessage("S1", "CP-3", {CS::Charging}), stateMessage("S1", "CP-5", {CS::Available})});
        QCOMPARE(changed.count(), 2);
        QSet<int> rows;
        for (const auto& args : changed) {
            const auto top = args.at(0).value<QModelIndex>();
            const auto bottom = args.at(1).value<QModelIndex>();
            QCOMPARE(top.row(), bottom.row());
            rows.insert(top.row());
        }
        QCOMPARE(rows, (QSet<int>{3, 7}));
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(layout.count(), 0);
        QCOMPARE(testing::name(m.statusAt(3)), testing::name(ChargerStatus::Charging));
    }

    void unchangedStateEmitsNothing() {
        ChargerModel& m = *m_model;
        const auto msg = stateMessage("S1", "CP-1", {CS::Charging});
        m.applyMessage(msg.topic, msg.payload);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy counts(&m, &ChargerModel::countsChanged);
        m.applyMessage(msg.topic, msg.payload); // retained states arrive again after a reconnect
        QCOMPARE(changed.count(), 0);
        QCOMPARE(counts.count(), 0);
    }

    void malformedPayloadsAreCountedAndIgnored_data() {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QByteArray>("payload");
        const QString cp1 = QString::fromStdString(contract::chargerStateTopic("S1", "CP-1"));
        const auto other = stateMessage("S1", "CP-2", {CS::Faulted});
        const auto elsewhere = stateMessage("S9", "CP-1", {CS::Faulted});
        QTest::newRow("garbage") << cp1 << QByteArray("not json");
        QTest::newRow("truncated") << cp1 << stateMessage("S1", "CP-1", {CS::Faulted}).payload.left(40);
        QTest::newRow("wrong types")
            << cp1 << QByteArray(R"({"v":1,"chargerId":5,"siteId":"S1","online":true,"connectors":[]})");
        QTest::newRow("binary") << cp1 << QByteArray("\x00\x01\xff\xfe", 4);
        QTest::newRow("another charger's payload") << cp1 << other.payload;
        QTest::newRow("another site's payload") << cp1 << elsewhere.payload;
        QTest::newRow("too large") << cp1 << QByteArray(ChargerModel::kMaxPayloadBytes + 1, ' ');
        QTest::newRow("unknown topic")
            << QStringLiteral("voltdesk/v1/sites/S1/chargers/CP-1/oops") << other.payload;
        QTest::newRow("bad escape in topic")
            << QStringLiteral("voltdesk/v1/sites/S1/chargers/CP%G1/state") << other.payload;
        QTest::newRow("bad site info")
            << QString::fromStdString(contract::siteInfoTopic("S1")) << QByteArray("[]");
        QTest::newRow("site info of other site") << QString::fromStdString(contract::siteInfoTopic("S1"))
                                                 << testing::siteMessage("S2", "x").payload;
        QTest::newRow("bad presence") << QString::fromStdString(contract::agentStatusTopic("a1"))
                                      << QByteArray(R"({"agentId":"a1","state":"sleepy"})");
    }
    void malformedPayloadsAreCountedAndIgnored() {
        QFETCH(QString, topic);
        QFETCH(QByteArray, payload);
        ChargerModel& m = *m_model;
        const auto good = stateMessage("S1", "CP-1", {CS::Charging});
        m.applyMessage(good.topic, good.payload);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy rejected(&m, &ChargerModel::malformedMessage);

        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^ignoring message on .+ - .+")));
        // The bad message sits between two good ones of the same batch; both good ones must land.
        m.applyMessages({stateMessage("S1", "CP-0", {CS::Available}),
                         {topic, payload},
                         stateMessage("S1", "CP-3", {CS::Reserved})});
        QCOMPARE(m.malformedCount(), 1);
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(rejected.at(0).at(0).toString(), topic);
        QVERIFY(!rejected.at(0).at(1).toString().isEmpty());
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(testing::name(m.statusAt(m.rowOf(QStringLiteral("CP-1")))),
                 testing::name(ChargerStatus::Charging));
        QCOMPARE(testing::name(m.statusAt(m.rowOf(QStringLiteral("CP-3")))),
                 testing::name(ChargerStatus::Reserved));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(countOf(m, ChargerStatus::Charging), 1);
    }

    // Telemetry, health, live costs and CDRs reach this model through the same link; they belong to
    // other models and must neither change a row nor be counted as malformed.
    void otherModelsTopicsAreNotMistakes() {
        ChargerModel& m = *m_model;
        const auto good = stateMessage("S1", "CP-1", {CS::Charging});
        m.applyMessage(good.topic, good.payload);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        const QByteArray anything(R"({"v":1})");
        m.applyMessages({
            {QString::fromStdString(contract::chargerTelemetryTopic("S1", "CP-1")), anything},
            {QString::fromStdString(contract::chargerHealthTopic("S1", "CP-1")), anything},
            {QString::fromStdString(contract::sessionCostTopic("S1", "CP-1", 1)), anything},
            {QString::fromStdString(contract::sessionCostTopic("unassigned", "CP/9", 2)), {}},
            {QString::fromStdString(contract::siteCdrTopic("S1")), anything},
            {QStringLiteral("voltdesk/v1/users/alice/profile"), anything},
        });
        QCOMPARE(m.malformedCount(), 0);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(m.rowCount(), 1);

        // A near miss of those topics still is a mistake.
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^ignoring message on .+ - .+")));
        m.applyMessage(QStringLiteral("voltdesk/v1/sites/S1/chargers/CP-1/connectors/x/session-cost"),
                       anything);
        QCOMPARE(m.malformedCount(), 1);
    }

    void floodOfMalformedMessagesIsSurvived() {
        ChargerModel& m = *m_model;
        for (int i = 0; i < 20; ++i) {
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^ignoring message on")));
        }
        models::MqttMessages batch;
        for (int i = 0; i < 999; ++i) {
            batch << models::MqttMessage{
                QString::fromStdString(contract::chargerStateTopic("S", std::to_string(i))), QByteArray("{")};
        }
        m.applyMessages(batch); // only the first 20 are logged
        QCOMPARE(m.malformedCount(), 999);
        QCOMPARE(m.rowCount(), 0);
    }

    void statusCounts() {
        ChargerModel& m = *m_model;
        QCOMPARE(m.statusCounts().size(), contract::kChargerStatusCount);
        m.applyMessages({stateMessage("S1", "A", {CS::Available, CS::Available}),
                         stateMessage("S1", "B", {CS::Charging, CS::Available}),
                         stateMessage("S1", "C", {CS::SuspendedEV}), stateMessage("S1", "D", {CS::Reserved}),
                         stateMessage("S1", "E", {CS::Unavailable}), stateMessage("S1", "F", {CS::Faulted}),
                         stateMessage("S1", "G", {CS::Available}, false), stateMessage("S1", "H", {})});
        for (int s = 0; s < contract::kChargerStatusCount; ++s) {
            QCOMPARE(m.statusCounts().at(s), 1);
        }
        QSignalSpy counts(&m, &ChargerModel::countsChanged);
        m.applyMessages({stateMessage("S1", "A", {CS::Charging}), removalMessage("S1", "F")});
        QCOMPARE(counts.count(), 1);
        QCOMPARE(countOf(m, ChargerStatus::Available), 0);
        QCOMPARE(countOf(m, ChargerStatus::Charging), 2);
        QCOMPARE(countOf(m, ChargerStatus::Faulted), 0);
        int total = 0;
        for (const int c : m.statusCounts()) {
            total += c;
        }
        QCOMPARE(total, m.rowCount());
    }

    void staleWhileBrokerIsDown() {
        ChargerModel& m = *m_model;
        QVERIFY(m.isStale()); // nothing is known to be current before the link is up
        m.applyMessages({stateMessage("S1", "A", {CS::Available}), stateMessage("S1", "B", {CS::Charging})});
        QSignalSpy stale(&m, &ChargerModel::staleChanged);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);

        m.setBrokerConnected(true);
        QVERIFY(!m.isStale());
        QCOMPARE(stale.count(), 1);
        QCOMPARE(stale.at(0).at(0).toBool(), false);
        QCOMPARE(changed.count(), 1); // one range over all rows, StaleRole only
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 1);
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int>{ChargerModel::StaleRole});
        QCOMPARE(roleAt(m, QStringLiteral("A"), ChargerModel::StaleRole).toBool(), false);

        m.setBrokerConnected(false);
        QVERIFY(m.isStale());
        QCOMPARE(stale.count(), 2);
        QCOMPARE(roleAt(m, QStringLiteral("A"), ChargerModel::StaleRole).toBool(), true);
        QCOMPARE(roleAt(m, QStringLiteral("B"), ChargerModel::StaleRole).toBool(), true);
        // The last known status is kept; views draw it as stale.
        QCOMPARE(testing::name(m.statusAt(m.rowOf(QStringLiteral("B")))),
                 testing::name(ChargerStatus::Charging));
        m.setBrokerConnected(false);
        QCOMPARE(stale.count(), 2);
    }

    void staleWhileItsAgentIsOffline() {
        ChargerModel& m = *m_model;
        m.setBrokerConnected(true);
        auto a = testing::chargerState("S1", "A", {CS::Available});
        a.agentId = "agent-1";
        auto b = testing::chargerState("S1", "B", {CS::Charging});
        b.agentId = "agent-2";
        m.applyMessages({stateMessage(a), stateMessage(b)});
        QVERIFY(!m.isStale()); // no presence known yet: nothing says the data is old
        QSignalSpy stale(&m, &ChargerModel::staleChanged);
        const auto offline1 = testing::presenceMessage("agent-1", false);
        m.applyMessage(offline1.topic, offline1.payload); // agent-1's last will
        QVERIFY(m.isStale());
        QCOMPARE(roleAt(m, QStringLiteral("A"), ChargerModel::StaleRole).toBool(), true);
        // Only agent-1's chargers are old news; agent-2 has said nothing against its own.
        QCOMPARE(roleAt(m, QStringLiteral("B"), ChargerModel::StaleRole).toBool(), false);
        const auto online1 = testing::presenceMessage("agent-1", true);
        m.applyMessage(online1.topic, online1.payload);
        QVERIFY(!m.isStale());
        QCOMPARE(stale.count(), 2);
        QCOMPARE(roleAt(m, QStringLiteral("A"), ChargerModel::StaleRole).toBool(), false);

        const auto offline2 = testing::presenceMessage("agent-2", false);
        m.applyMessage(offline2.topic, offline2.payload);
        QVERIFY(m.isStale()); // the status bar: some agent is down
        QCOMPARE(roleAt(m, QStringLiteral("A"), ChargerModel::StaleRole).toBool(), false);
        QCOMPARE(roleAt(m, QStringLiteral("B"), ChargerModel::StaleRole).toBool(), true);
        // A charger that arrives from the offline agent is stale at once.
        auto c = testing::chargerState("S1", "C", {CS::Available});
        c.agentId = "agent-2";
        m.applyMessages({stateMessage(c)});
        QCOMPARE(roleAt(m, QStringLiteral("C"), ChargerModel::StaleRole).toBool(), true);
    }

    void stateWithoutAgentIsJudgedByTheBrokerLinkAlone() {
        ChargerModel& m = *m_model;
        m.setBrokerConnected(true);
        m.applyMessages(
            {stateMessage("S1", "Z", {CS::Available})}); // published by something that names no agent
        const auto offline = testing::presenceMessage("agent-2", false);
        m.applyMessages({offline});
        QCOMPARE(roleAt(m, QStringLiteral("Z"), ChargerModel::StaleRole).toBool(), false);
        m.setBrokerConnected(false);
        QCOMPARE(roleAt(m, QStringLiteral("Z"), ChargerModel::StaleRole).toBool(), true);
    }

    void roles() {
        ChargerModel& m = *m_model;
        m.setBrokerConnected(true);
        contract::ChargerState s = testing::chargerState("S1", "CP-9", {CS::Charging, CS::Faulted});
        s.connectors[1].errorCode = "GroundFailure";
        s.connectors[1].info = "earth leak";
        s.maxPowerKw = 150;
        const auto msg = testing::stateMessage(s);
        m.applyMessage(msg.topic, msg.payload);
        const QModelIndex idx = m.index(0);
        QCOMPARE(idx.data(Qt::DisplayRole).toString(), QStringLiteral("CP-9"));
        QCOMPARE(idx.data(ChargerModel::ChargerIdRole).toString(), QStringLiteral("CP-9"));
        QCOMPARE(idx.data(ChargerModel::SiteIdRole).toString(), QStringLiteral("S1"));
        QCOMPARE(idx.data(ChargerModel::SiteNameRole).toString(), QStringLiteral("S1")); // no site info yet
        QCOMPARE(idx.data(ChargerModel::StatusRole).toInt(), static_cast<int>(ChargerStatus::Faulted));
        QCOMPARE(idx.data(ChargerModel::StatusTextRole).toString(),
                 models::statusDisplayName(ChargerStatus::Faulted));
        QCOMPARE(idx.data(ChargerModel::StatusTextRole).toString(), QStringLiteral("Faulted"));
        QCOMPARE(idx.data(ChargerModel::LatitudeRole).toDouble(), s.location->lat);
        QCOMPARE(idx.data(ChargerModel::LongitudeRole).toDouble(), s.location->lon);
        QCOMPARE(idx.data(ChargerModel::HasLocationRole).toBool(), true);
        QCOMPARE(idx.data(ChargerModel::StaleRole).toBool(), false);
        QCOMPARE(idx.data(ChargerModel::OnlineRole).toBool(), true);
        QCOMPARE(idx.data(ChargerModel::VendorRole).toString(), QStringLiteral("ABB"));
        QCOMPARE(idx.data(ChargerModel::ModelRole).toString(), QStringLiteral("Terra 54"));
        QCOMPARE(idx.data(ChargerModel::FirmwareRole).toString(), QStringLiteral("1.6.0"));
        QCOMPARE(idx.data(ChargerModel::SerialRole).toString(), QStringLiteral("SN-CP-9"));
        QCOMPARE(idx.data(ChargerModel::MaxPowerKwRole).toDouble(), 150.0);
        const QDateTime lastSeen = idx.data(ChargerModel::LastSeenRole).toDateTime();
        QCOMPARE(lastSeen.toMSecsSinceEpoch(), qint64(1795686025123));
        QCOMPARE(lastSeen.timeSpec(), Qt::UTC);

        const QVariantList connectors = idx.data(ChargerModel::ConnectorsRole).toList();
        QCOMPARE(connectors.size(), 2);
        const QVariantMap c2 = connectors.at(1).toMap();
        QCOMPARE(c2.value(QStringLiteral("id")).toInt(), 2);
        QCOMPARE(c2.value(QStringLiteral("status")).toString(), QStringLiteral("Faulted"));
        QCOMPARE(c2.value(QStringLiteral("statusText")).toString(), QStringLiteral("Faulted"));
        QCOMPARE(c2.value(QStringLiteral("errorCode")).toString(), QStringLiteral("GroundFailure"));
        QCOMPARE(c2.value(QStringLiteral("info")).toString(), QStringLiteral("earth leak"));
        QCOMPARE(c2.value(QStringLiteral("since")).toDateTime().toMSecsSinceEpoch(), qint64(1795686000000));

        const auto names = m.roleNames();
        QCOMPARE(names.value(ChargerModel::ChargerIdRole), QByteArray("chargerId"));
        QCOMPARE(names.value(ChargerModel::StatusRole), QByteArray("status"));
        QCOMPARE(names.value(ChargerModel::LatitudeRole), QByteArray("latitude"));
        QCOMPARE(names.value(ChargerModel::ConnectorsRole), QByteArray("connectors"));
        QCOMPARE(names.value(ChargerModel::StaleRole), QByteArray("stale"));
        QVERIFY(!m.index(1).data(ChargerModel::ChargerIdRole).isValid());
    }

    void chargerWithoutLocation() {
        contract::ChargerState s = testing::chargerState("S1", "unplaced", {CS::Available});
        s.location.reset();
        const auto msg = testing::stateMessage(s);
        m_model->applyMessage(msg.topic, msg.payload);
        QCOMPARE(m_model->index(0).data(ChargerModel::HasLocationRole).toBool(), false);
    }

    void siteNamesFollowSiteInfo() {
        ChargerModel& m = *m_model;
        m.applyMessages({stateMessage("S1", "A", {CS::Available}), stateMessage("S2", "B", {CS::Available}),
                         stateMessage("S1", "C", {CS::Available})});
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        const auto site = testing::siteMessage("S1", "Alexanderplatz");
        m.applyMessage(site.topic, site.payload);
        QCOMPARE(roleAt(m, QStringLiteral("A"), ChargerModel::SiteNameRole).toString(),
                 QStringLiteral("Alexanderplatz"));
        QCOMPARE(roleAt(m, QStringLiteral("B"), ChargerModel::SiteNameRole).toString(), QStringLiteral("S2"));
        QCOMPARE(changed.count(), 2); // rows A and C
        QVERIFY(m.sites().find(QStringLiteral("S1")) != nullptr);
        m.applyMessage(site.topic, site.payload);
        QCOMPARE(changed.count(), 2); // unchanged site info
        m.applyMessage(site.topic, QByteArray());
        QCOMPARE(roleAt(m, QStringLiteral("C"), ChargerModel::SiteNameRole).toString(), QStringLiteral("S1"));
    }

    void percentEncodedIdsRoundTrip_data() {
        QTest::addColumn<QString>("siteId");
        QTest::addColumn<QString>("chargerId");
        QTest::newRow("slash and wildcards") << "berlin/mitte" << "CP/1+#";
        QTest::newRow("percent") << "100%" << "%2F";
        QTest::newRow("chinese") << "北京 朝阳" << "充电桩-01";
        QTest::newRow("control") << "S\t1" << "CP\n1";
    }
    void percentEncodedIdsRoundTrip() {
        QFETCH(QString, siteId);
        QFETCH(QString, chargerId);
        ChargerModel& m = *m_model;
        const auto msg = stateMessage(siteId.toStdString(), chargerId.toStdString(), {CS::Charging});
        QVERIFY(!msg.topic.contains(chargerId)); // it really was encoded
        m.applyMessage(msg.topic, msg.payload);
        QCOMPARE(m.malformedCount(), 0);
        QCOMPARE(m.rowOf(chargerId), 0);
        QCOMPARE(m.index(0).data(ChargerModel::ChargerIdRole).toString(), chargerId);
        QCOMPARE(m.index(0).data(ChargerModel::SiteIdRole).toString(), siteId);
        const auto remove = removalMessage(siteId.toStdString(), chargerId.toStdString());
        m.applyMessage(remove.topic, remove.payload);
        QCOMPARE(m.rowCount(), 0);
    }

    void chargerMovedToAnotherSite() {
        ChargerModel& m = *m_model;
        m.applyMessages({stateMessage("S1", "CP-1", {CS::Available})});
        // The agent publishes the new site's state, then clears the old topic.
        m.applyMessages({stateMessage("S2", "CP-1", {CS::Charging}), removalMessage("S1", "CP-1")});
        QCOMPARE(m.rowCount(), 1);
        QCOMPARE(roleAt(m, QStringLiteral("CP-1"), ChargerModel::SiteIdRole).toString(),
                 QStringLiteral("S2"));
        QCOMPARE(testing::name(m.statusAt(0)), testing::name(ChargerStatus::Charging));
    }

    void tenThousandChargersStayCheap() {
        ChargerModel& m = *m_model;
        m_tester.reset(); // the tester walks the whole model on every signal
        models::MqttMessages burst;
        for (int i = 0; i < 10000; ++i) {
            burst << stateMessage("S" + std::to_string(i % 100), "CP-" + std::to_string(i), {CS::Available});
        }
        QElapsedTimer timer;
        timer.start();
        for (qsizetype i = 0; i < burst.size(); i += 500) {
            m.applyMessages(burst.mid(i, 500));
        }
        const qint64 insertMs = timer.elapsed();
        QCOMPARE(m.rowCount(), 10000);

        models::MqttMessages updates;
        for (int i = 0; i < 1000; ++i) {
            updates << stateMessage("S" + std::to_string((i * 7) % 100), "CP-" + std::to_string(i * 7),
                                    {CS::Charging});
        }
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        timer.restart();
        m.applyMessages(updates);
        const qint64 updateMs = timer.elapsed();
        QCOMPARE(changed.count(), 1000);
        QCOMPARE(countOf(m, ChargerStatus::Charging), 1000);
        qInfo("10k inserted in %lld ms, 1000 updates in %lld ms", insertMs, updateMs);
        QVERIFY2(insertMs < 5000, "inserting 10k chargers took too long");
        QVERIFY2(updateMs < 1000, "1000 updates took too long");
    }

private:
    std::unique_ptr<ChargerModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(TestChargerModel)
#include "tst_charger_model.moc"
