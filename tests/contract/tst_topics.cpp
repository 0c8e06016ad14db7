// Topic names: percent-encoding of ids and recognising the contract's topics (and nothing else).
#include "contract/topics.h"

#include <QtTest>

using namespace voltdesk::contract;

class TestTopics : public QObject {
    Q_OBJECT

private slots:
    void encodesSegments_data() {
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<QByteArray>("segment");
        QTest::newRow("plain") << QByteArray("CP-001_a.b~c:d@e=f") << QByteArray("CP-001_a.b~c:d@e=f");
        QTest::newRow("slash") << QByteArray("a/b") << QByteArray("a%2Fb");
        QTest::newRow("wildcards") << QByteArray("a+b#c") << QByteArray("a%2Bb%23c");
        QTest::newRow("percent") << QByteArray("100%") << QByteArray("100%25");
        QTest::newRow("space") << QByteArray("a b") << QByteArray("a%20b");
        QTest::newRow("control") << QByteArray("a\nb\x01", 4) << QByteArray("a%0Ab%01");
        QTest::newRow("nul") << QByteArray("a\0b", 3) << QByteArray("a%00b");
        QTest::newRow("utf8") << QByteArray("充电") << QByteArray("%E5%85%85%E7%94%B5");
        QTest::newRow("empty") << QByteArray() << QByteArray();
    }
    void encodesSegments() {
        QFETCH(QByteArray, id);
        QFETCH(QByteArray, segment);
        const std::string_view idView(id.constData(), static_cast<std::size_t>(id.size()));
        const std::string encoded = encodeTopicSegment(idView);
        QCOMPARE(QByteArray::fromStdString(encoded), segment);
        const auto decoded = decodeTopicSegment(encoded);
        QVERIFY(decoded.has_value());
        QCOMPARE(QByteArray::fromStdString(*decoded), id);
    }

    void decodesLowercaseHex() {
        const auto decoded = decodeTopicSegment("a%2fb");
        QVERIFY(decoded.has_value());
        QCOMPARE(*decoded, std::string("a/b"));
    }

    void rejectsBadSegments_data() {
        QTest::addColumn<QString>("segment");
        QTest::newRow("lone percent") << "%";
        QTest::newRow("one hex digit") << "a%2";
        QTest::newRow("not hex") << "a%G1";
        QTest::newRow("not hex low") << "a%1x";
        QTest::newRow("plus") << "a+b";
        QTest::newRow("hash") << "a#";
    }
    void rejectsBadSegments() {
        QFETCH(QString, segment);
        QVERIFY(!decodeTopicSegment(segment.toStdString()).has_value());
    }

    void buildsTopics() {
        QCOMPARE(agentStatusTopic("agent-1"), std::string("voltdesk/v1/agents/agent-1/status"));
        QCOMPARE(siteInfoTopic("berlin/mitte"), std::string("voltdesk/v1/sites/berlin%2Fmitte/info"));
        QCOMPARE(chargerStateTopic("S1", "CP#1"), std::string("voltdesk/v1/sites/S1/chargers/CP%231/state"));
    }

    void parsesTheContractTopics() {
        auto agent = parseTopic("voltdesk/v1/agents/agent%2F1/status");
        QVERIFY(agent.has_value());
        QCOMPARE(agent->kind, TopicKind::AgentStatus);
        QCOMPARE(agent->agentId, std::string("agent/1"));

        auto site = parseTopic("voltdesk/v1/sites/S%201/info");
        QVERIFY(site.has_value());
        QCOMPARE(site->kind, TopicKind::SiteInfo);
        QCOMPARE(site->siteId, std::string("S 1"));

        auto charger = parseTopic("voltdesk/v1/sites/S1/chargers/CP%2B7/state");
        QVERIFY(charger.has_value());
        QCOMPARE(charger->kind, TopicKind::ChargerState);
        QCOMPARE(charger->siteId, std::string("S1"));
        QCOMPARE(charger->chargerId, std::string("CP+7"));
    }

    void roundTripsAwkwardIds_data() {
        QTest::addColumn<QByteArray>("siteId");
        QTest::addColumn<QByteArray>("chargerId");
        QTest::newRow("plain") << QByteArray("S1") << QByteArray("CP-1");
        QTest::newRow("slashes") << QByteArray("a/b/c") << QByteArray("/x/");
        QTest::newRow("wildcards") << QByteArray("+") << QByteArray("#");
        QTest::newRow("percent") << QByteArray("%2F") << QByteArray("%%");
        QTest::newRow("utf8") << QByteArray("北京站") << QByteArray("桩-01");
        QTest::newRow("controls") << QByteArray("\t\r\n") << QByteArray("\x7f\xff", 2);
    }
    void roundTripsAwkwardIds() {
        QFETCH(QByteArray, siteId);
        QFETCH(QByteArray, chargerId);
        const std::string topic = chargerStateTopic(siteId.toStdString(), chargerId.toStdString());
        QCOMPARE(std::count(topic.begin(), topic.end(), '/'), 6);
        QVERIFY(topic.find_first_of("+#") == std::string::npos);
        const auto parsed = parseTopic(topic);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->kind, TopicKind::ChargerState);
        QCOMPARE(QByteArray::fromStdString(parsed->siteId), siteId);
        QCOMPARE(QByteArray::fromStdString(parsed->chargerId), chargerId);

        const auto siteParsed = parseTopic(siteInfoTopic(siteId.toStdString()));
        QVERIFY(siteParsed.has_value());
        QCOMPARE(QByteArray::fromStdString(siteParsed->siteId), siteId);
        const auto agentParsed = parseTopic(agentStatusTopic(chargerId.toStdString()));
        QVERIFY(agentParsed.has_value());
        QCOMPARE(QByteArray::fromStdString(agentParsed->agentId), chargerId);
    }

    void ignoresOtherTopics_data() {
        QTest::addColumn<QString>("topic");
        QTest::newRow("empty") << "";
        QTest::newRow("root only") << "voltdesk/v1";
        QTest::newRow("root slash") << "voltdesk/v1/";
        QTest::newRow("other version") << "voltdesk/v2/sites/S1/info";
        QTest::newRow("root prefix") << "voltdesk/v10/sites/S1/info";
        QTest::newRow("unknown kind") << "voltdesk/v1/depots/S1/info";
        QTest::newRow("site too short") << "voltdesk/v1/sites/S1";
        QTest::newRow("site wrong leaf") << "voltdesk/v1/sites/S1/name";
        QTest::newRow("charger extra level") << "voltdesk/v1/sites/S1/chargers/C1/state/x";
        QTest::newRow("charger wrong leaf") << "voltdesk/v1/sites/S1/chargers/C1/status";
        QTest::newRow("charger wrong middle") << "voltdesk/v1/sites/S1/charger/C1/state";
        QTest::newRow("empty site") << "voltdesk/v1/sites//info";
        QTest::newRow("empty charger") << "voltdesk/v1/sites/S1/chargers//state";
        QTest::newRow("empty agent") << "voltdesk/v1/agents//status";
        QTest::newRow("bad escape") << "voltdesk/v1/sites/S%ZZ/info";
        QTest::newRow("wildcard filter") << "voltdesk/v1/sites/+/chargers/+/state";
        QTest::newRow("hash filter") << "voltdesk/v1/#";
        QTest::newRow("leading slash") << "/voltdesk/v1/sites/S1/info";
    }
    void ignoresOtherTopics() {
        QFETCH(QString, topic);
        QVERIFY(!parseTopic(topic.toStdString()).has_value());
    }

    void subscriptionsMatchBuiltTopics() {
        // MQTT filter matching with '+' only, which is all the console's subscriptions use.
        const auto matches = [](std::string_view filter, std::string_view topic) {
            while (true) {
                const auto fs = filter.find('/');
                const auto ts = topic.find('/');
                const auto f = filter.substr(0, fs);
                const auto t = topic.substr(0, ts);
                if (f != "+" && f != t) {
                    return false;
                }
                if (fs == std::string_view::npos || ts == std::string_view::npos) {
                    return fs == ts;
                }
                filter.remove_prefix(fs + 1);
                topic.remove_prefix(ts + 1);
            }
        };
        QVERIFY(matches(kAllChargerStates, chargerStateTopic("s/1", "c+2")));
        QVERIFY(matches(kAllSiteInfo, siteInfoTopic("s#1")));
        QVERIFY(matches(kAllAgentStatus, agentStatusTopic("a/b")));
        QVERIFY(!matches(kAllSiteInfo, chargerStateTopic("s", "c")));
        QVERIFY(!matches(kAllChargerStates, siteInfoTopic("s")));
    }
};

QTEST_APPLESS_MAIN(TestTopics)
#include "tst_topics.moc"
