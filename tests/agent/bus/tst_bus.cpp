// The bus publisher against a real Mosquitto: retained presence, sites and charger states, coalescing,
// a site change, the last will when the link dies, the republish after a reconnect, a clean stop.
#include "bus/bus_publisher.h"
#include "contract/agent_presence.h"
#include "contract/topics.h"
#include "tests/support/test_services.h"

#include <QtTest>
#include <boost/asio.hpp>
#include <map>
#include <mqtt/async_client.h>
#include <thread>

using namespace voltdesk;
using namespace std::chrono_literals;

namespace {

/// A TCP relay between the publisher and the broker that the test can cut, as a network fault would:
/// the broker then sees the agent vanish without a DISCONNECT and sends its last will.
class TcpRelay {
public:
    TcpRelay(std::uint16_t targetPort) : m_target(boost::asio::ip::make_address("127.0.0.1"), targetPort) {
        m_acceptor.open(boost::asio::ip::tcp::v4());
        m_acceptor.bind({boost::asio::ip::make_address("127.0.0.1"), 0});
        m_acceptor.listen();
        accept();
        m_thread = std::thread([this] { m_ioc.run(); });
    }
    ~TcpRelay() {
        m_ioc.stop();
        m_thread.join();
    }
    std::uint16_t port() const { return m_acceptor.local_endpoint().port(); }
    /// Closes every relayed connection at once (both ends).
    void cut() {
        boost::asio::post(m_ioc, [this] {
            for (auto& weak : m_pipes) {
                if (auto pipe = weak.lock()) {
                    boost::system::error_code ignored;
                    pipe->a.close(ignored);
                    pipe->b.close(ignored);
                }
            }
            m_pipes.clear();
        });
    }

private:
    struct Pipe {
        explicit Pipe(boost::asio::io_context& ioc) : a(ioc), b(ioc) {}
        boost::asio::ip::tcp::socket a, b;
        std::array<char, 4096> ab{}, ba{};
    };

    void accept() {
        auto pipe = std::make_shared<Pipe>(m_ioc);
        m_acceptor.async_accept(pipe->a, [this, pipe](boost::system::error_code ec) {
            if (ec) {
                return;
            }
            pipe->b.async_connect(m_target, [this, pipe](boost::system::error_code connectError) {
                if (connectError) {
                    return;
                }
                m_pipes.push_back(pipe);
                relay(pipe, pipe->a, pipe->b, pipe->ab);
                relay(pipe, pipe->b, pipe->a, pipe->ba);
            });
            accept();
        });
    }
    void relay(std::shared_ptr<Pipe> pipe, boost::asio::ip::tcp::socket& from,
               boost::asio::ip::tcp::socket& to, std::array<char, 4096>& buffer) {
        from.async_read_some(boost::asio::buffer(buffer), [this, pipe, &from, &to, &buffer](
                                                              boost::system::error_code ec, std::size_t n) {
            if (ec) {
                boost::system::error_code ignored;
                to.close(ignored);
                return;
            }
            boost::asio::async_write(
                to, boost::asio::buffer(buffer.data(), n),
                [this, pipe, &from, &to, &buffer](boost::system::error_code writeError, std::size_t) {
                    if (!writeError) {
                        relay(pipe, from, to, buffer);
                    }
                });
        });
    }

    boost::asio::io_context m_ioc;
    boost::asio::ip::tcp::endpoint m_target;
    boost::asio::ip::tcp::acceptor m_acceptor{m_ioc};
    std::vector<std::weak_ptr<Pipe>> m_pipes;
    std::thread m_thread;
};

/// The console's side, reduced to a Paho client that collects what it receives.
class Subscriber {
public:
    Subscriber(const std::string& uri, const std::string& topic)
        : m_client(uri, "tst-bus-sub-" + std::to_string(QCoreApplication::applicationPid()) + "-" +
                            std::to_string(++s_count)) {
        m_client.start_consuming();
        m_client.connect(mqtt::connect_options_builder().clean_session(true).finalize())->wait();
        m_client.subscribe(topic, 1)->wait();
    }
    ~Subscriber() {
        try {
            m_client.disconnect()->wait_for(2s);
        } catch (const mqtt::exception&) {
        }
    }
    /// Messages until predicate(message) holds or the timeout passes; returns that message or null.
    mqtt::const_message_ptr waitFor(const std::function<bool(const mqtt::message&)>& predicate,
                                    std::chrono::milliseconds timeout = 5000ms) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            mqtt::const_message_ptr message;
            if (m_client.try_consume_message_for(&message, 100ms) && message) {
                m_received.push_back(message);
                if (predicate(*message)) {
                    return message;
                }
            }
        }
        return nullptr;
    }
    /// Everything that arrives within the window.
    std::vector<mqtt::const_message_ptr> drain(std::chrono::milliseconds window) {
        waitFor([](const mqtt::message&) { return false; }, window);
        return std::exchange(m_received, {});
    }

private:
    static inline int s_count = 0;
    mqtt::async_client m_client;
    std::vector<mqtt::const_message_ptr> m_received;
};

contract::ChargerState chargerState(const std::string& id, const std::string& site,
                                    contract::EpochMs lastSeen) {
    contract::ChargerState s;
    s.chargerId = id;
    s.siteId = site;
    s.location = contract::GeoPoint{52.5, 13.4};
    s.vendor = "ACME";
    s.protocol = "ocpp1.6";
    s.online = true;
    s.registration = "Accepted";
    s.lastSeen = lastSeen;
    s.connectors = {
        contract::ConnectorState{1, contract::ConnectorStatus::Charging, "NoError", "", "", lastSeen}};
    return s;
}

std::string uniqueAgentId(const char* name) {
    return std::string("tst-bus-") + name + "-" + std::to_string(QCoreApplication::applicationPid());
}

} // namespace

class TestBus : public QObject {
    Q_OBJECT

private:
    std::string m_uri;

private slots:
    void initTestCase() {
        const auto services = testing::testServices();
        QVERIFY2(!services.mqtt.isEmpty(), "the services fixture did not run");
        m_uri = services.mqtt.toStdString();
    }

    void publishesRetainedPresenceSitesAndStates() {
        bus::BusOptions options;
        options.serverUri = m_uri;
        options.agentId = uniqueAgentId("retained");
        options.agentVersion = "0.1.0";
        bus::BusPublisher publisher(options);
        contract::SiteInfo site;
        site.siteId = "site-r";
        site.name = "Retained Site";
        site.location = {48.1, 11.5};
        const auto a = chargerState("CP/r1", "site-r", 1000);
        const auto b = chargerState("CP-r2", "site-r", 2000);
        publisher.start({site}, {a, b});
        QTRY_VERIFY_WITH_TIMEOUT(publisher.isConnected(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(publisher.stats().statePublishes >= 2, 5000);

        // A console that connects later gets everything from the broker's retained store.
        Subscriber late(m_uri, "voltdesk/v1/#");
        const auto presence = late.waitFor([&](const mqtt::message& m) {
            return m.get_topic() == contract::agentStatusTopic(options.agentId);
        });
        QVERIFY(presence);
        QVERIFY(presence->is_retained());
        const auto decodedPresence = contract::decodeAgentPresence(presence->to_string());
        QVERIFY2(decodedPresence, decodedPresence.error().c_str());
        QVERIFY(decodedPresence.value().online);
        QCOMPARE(decodedPresence.value().version, std::string("0.1.0"));

        const auto siteMessage = late.waitFor(
            [&](const mqtt::message& m) { return m.get_topic() == contract::siteInfoTopic("site-r"); });
        QVERIFY(siteMessage);
        QVERIFY(siteMessage->is_retained());
        QVERIFY(contract::decodeSiteInfo(siteMessage->to_string()).value() == site);

        const auto stateMessage = late.waitFor([&](const mqtt::message& m) {
            return m.get_topic() == contract::chargerStateTopic("site-r", "CP/r1");
        });
        QVERIFY(stateMessage);
        QVERIFY(stateMessage->is_retained());
        QCOMPARE(stateMessage->get_qos(), 1);
        const auto decoded = contract::decodeChargerState(stateMessage->to_string());
        QVERIFY2(decoded, decoded.error().c_str());
        auto expected = a;
        expected.agentId = options.agentId; // every state names the agent whose presence vouches for it
        QVERIFY(decoded.value() == expected);
    }

    void coalescesBurstsToTheLatestState() {
        bus::BusOptions options;
        options.serverUri = m_uri;
        options.agentId = uniqueAgentId("coalesce");
        options.publishInterval = 400ms;
        bus::BusPublisher publisher(options);
        publisher.start({}, {});
        QTRY_VERIFY_WITH_TIMEOUT(publisher.isConnected(), 5000);
        const std::string topic = contract::chargerStateTopic("site-c", "CP-c");
        Subscriber console(m_uri, topic);
        for (int i = 1; i <= 200; ++i) {
            publisher.update(chargerState("CP-c", "site-c", i));
        }
        const auto received = console.drain(1500ms);
        QVERIFY2(!received.empty() && received.size() <= 3,
                 qPrintable(QStringLiteral("%1 messages for a burst of 200").arg(received.size())));
        const auto last = contract::decodeChargerState(received.back()->to_string());
        QVERIFY(last);
        QCOMPARE(last.value().lastSeen, contract::EpochMs(200));
        QVERIFY(publisher.stats().statePublishes <= 3);
    }

    void clearsTheOldTopicWhenASiteChanges() {
        bus::BusOptions options;
        options.serverUri = m_uri;
        options.agentId = uniqueAgentId("move");
        options.publishInterval = 50ms;
        bus::BusPublisher publisher(options);
        publisher.start({}, {chargerState("CP-m", "unassigned", 1)});
        QTRY_VERIFY_WITH_TIMEOUT(publisher.stats().statePublishes >= 1, 5000);
        const std::string oldTopic = contract::chargerStateTopic("unassigned", "CP-m");
        Subscriber console(m_uri, "voltdesk/v1/sites/+/chargers/CP-m/state");
        QVERIFY(console.waitFor([&](const mqtt::message& m) { return m.get_topic() == oldTopic; }));
        publisher.update(chargerState("CP-m", "site-m", 2));
        QVERIFY(console.waitFor(
            [&](const mqtt::message& m) { return m.get_topic() == oldTopic && m.get_payload().empty(); }));
        QVERIFY(console.waitFor([&](const mqtt::message& m) {
            return m.get_topic() == contract::chargerStateTopic("site-m", "CP-m") && !m.get_payload().empty();
        }));
        // Nothing is retained on the old topic any more.
        Subscriber late(m_uri, oldTopic);
        QVERIFY(late.drain(700ms).empty());
    }

    void lastWillThenRepublishAfterReconnect() {
        TcpRelay relay(static_cast<std::uint16_t>(QUrl(QString::fromStdString(m_uri)).port()));
        bus::BusOptions options;
        options.serverUri = "tcp://127.0.0.1:" + std::to_string(relay.port());
        options.agentId = uniqueAgentId("will");
        options.keepAlive = 2s;
        bus::BusPublisher publisher(options);
        publisher.start({}, {chargerState("CP-w", "site-w", 7)});
        QTRY_VERIFY_WITH_TIMEOUT(publisher.isConnected(), 5000);
        const std::string presenceTopic = contract::agentStatusTopic(options.agentId);
        const std::string stateTopic = contract::chargerStateTopic("site-w", "CP-w");
        Subscriber console(m_uri, "voltdesk/v1/#");
        const auto isPresence = [&](bool online) {
            return [&, online](const mqtt::message& m) {
                if (m.get_topic() != presenceTopic) {
                    return false;
                }
                const auto p = contract::decodeAgentPresence(m.to_string());
                return p && p.value().online == online;
            };
        };
        QVERIFY(console.waitFor(isPresence(true)));

        relay.cut(); // the agent vanishes without a DISCONNECT: the broker sends the will
        QVERIFY(console.waitFor(isPresence(false), 5000ms));
        // Paho reconnects through the relay; everything is published again.
        QVERIFY(console.waitFor(isPresence(true), 10000ms));
        QVERIFY(console.waitFor([&](const mqtt::message& m) { return m.get_topic() == stateTopic; }, 5000ms));
        QTRY_VERIFY(publisher.stats().connects >= 2);
    }

    void stopPublishesOfflineAndPendingStates() {
        bus::BusOptions options;
        options.serverUri = m_uri;
        options.agentId = uniqueAgentId("stop");
        options.publishInterval = 10s; // only stop() can send the second state in time
        bus::BusPublisher publisher(options);
        publisher.start({}, {chargerState("CP-s", "site-s", 1)});
        QTRY_VERIFY_WITH_TIMEOUT(publisher.stats().statePublishes >= 1, 5000);
        publisher.update(chargerState("CP-s", "site-s", 2));
        publisher.stop();
        QVERIFY(!publisher.isConnected());

        Subscriber late(m_uri, "voltdesk/v1/#");
        const auto presence = late.waitFor([&](const mqtt::message& m) {
            return m.get_topic() == contract::agentStatusTopic(options.agentId);
        });
        QVERIFY(presence);
        QVERIFY(!contract::decodeAgentPresence(presence->to_string()).value().online);
        const auto state = late.waitFor([&](const mqtt::message& m) {
            return m.get_topic() == contract::chargerStateTopic("site-s", "CP-s");
        });
        QVERIFY(state);
        QCOMPARE(contract::decodeChargerState(state->to_string()).value().lastSeen, contract::EpochMs(2));
    }

    void publishMessageFromManyThreads() {
        bus::BusOptions options;
        options.serverUri = m_uri;
        options.agentId = uniqueAgentId("messages");
        bus::BusPublisher publisher(options);
        publisher.start({}, {});
        QTRY_VERIFY_WITH_TIMEOUT(publisher.isConnected(), 5000);
        const std::string root = "voltdesk/v1/tst-bus/" + options.agentId + "/";
        Subscriber console(m_uri, root + "#");
        constexpr int kThreads = 4;
        constexpr int kEach = 500;
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < kEach; ++i) {
                    publisher.publishMessage(root + "live/" + std::to_string(t), std::to_string(i), 1, false);
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        std::map<std::string, int> next; // per topic, order is kept
        int received = 0;
        const auto all = console.waitFor(
            [&](const mqtt::message& m) {
                if (m.is_retained()) {
                    return false;
                }
                const int expected = next[m.get_topic()]++;
                if (m.to_string() != std::to_string(expected)) {
                    qWarning("%s: %s instead of %d", m.get_topic().c_str(), m.to_string().c_str(), expected);
                }
                return ++received == kThreads * kEach;
            },
            10000ms);
        QVERIFY2(all, qPrintable(QStringLiteral("%1 of %2 messages").arg(received).arg(kThreads * kEach)));
        for (const auto& [topic, count] : next) {
            QCOMPARE(count, kEach);
        }
        QCOMPARE(publisher.stats().messagesPublished, std::uint64_t(kThreads * kEach));
        QCOMPARE(publisher.stats().messagesDropped, std::uint64_t(0));

        // Retained: the broker keeps the latest for a console that subscribes later.
        publisher.publishMessage(root + "kept", "first", 1, true);
        publisher.publishMessage(root + "kept", "second", 1, true);
        QTRY_VERIFY_WITH_TIMEOUT(publisher.stats().messagesPublished >= std::uint64_t(kThreads * kEach + 1),
                                 5000);
        Subscriber late(m_uri, root + "kept");
        const auto kept = late.waitFor([](const mqtt::message& m) { return m.to_string() == "second"; });
        QVERIFY(kept);
        QVERIFY(kept->is_retained());
        publisher.publishMessage(root + "kept", "", 1, true); // clears it
    }

    void retainedMessagesAreSentAgainAfterReconnect() {
        TcpRelay relay(static_cast<std::uint16_t>(QUrl(QString::fromStdString(m_uri)).port()));
        bus::BusOptions options;
        options.serverUri = "tcp://127.0.0.1:" + std::to_string(relay.port());
        options.agentId = uniqueAgentId("resend");
        options.keepAlive = 2s;
        bus::BusPublisher publisher(options);
        const std::string root = "voltdesk/v1/tst-bus/" + options.agentId + "/";
        // Before the first connection: the retained one waits, the other is dropped.
        publisher.publishMessage(root + "profile", "early", 1, true);
        publisher.publishMessage(root + "live", "lost", 0, false);
        QCOMPARE(publisher.stats().messagesDropped, std::uint64_t(1));
        Subscriber console(m_uri, root + "#");
        publisher.start({}, {});
        QTRY_VERIFY_WITH_TIMEOUT(publisher.isConnected(), 5000);
        QVERIFY(console.waitFor([](const mqtt::message& m) { return m.to_string() == "early"; }));
        publisher.publishMessage(root + "profile", "latest", 1, true);
        QVERIFY(console.waitFor([](const mqtt::message& m) { return m.to_string() == "latest"; }));

        relay.cut();
        QTRY_VERIFY_WITH_TIMEOUT(!publisher.isConnected(), 5000);
        publisher.publishMessage(root + "live", "lost too", 0, false);
        QTRY_VERIFY_WITH_TIMEOUT(publisher.stats().connects >= 2, 10000);
        // The console, subscribed all along, sees the latest retained payload forwarded once more.
        QVERIFY(console.waitFor([](const mqtt::message& m) { return m.to_string() == "latest"; }, 5000ms));
        QVERIFY(publisher.stats().messagesDropped >= 2);
        publisher.publishMessage(root + "profile", "", 1, true);
        publisher.stop();
    }

    void unreachableBrokerDoesNotBlock() {
        bus::BusOptions options;
        options.serverUri = "tcp://127.0.0.1:1";
        options.agentId = uniqueAgentId("down");
        bus::BusPublisher publisher(options);
        QElapsedTimer timer;
        timer.start();
        publisher.start({}, {});
        for (int i = 0; i < 1000; ++i) {
            publisher.update(chargerState("CP-d", "site-d", i));
            publisher.publishMessage("voltdesk/v1/tst-bus/down", "x", 0, false);
        }
        QVERIFY(timer.elapsed() < 500);
        QTest::qWait(300);
        QVERIFY(!publisher.isConnected());
        QCOMPARE(publisher.stats().messagesDropped, std::uint64_t(1000));
        publisher.stop(1000ms);
        QVERIFY(timer.elapsed() < 3000);
    }
};

QTEST_GUILESS_MAIN(TestBus)
#include "tst_bus.moc"
