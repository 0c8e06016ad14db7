// BrokerLink against a real Mosquitto: retained states arrive on the Qt thread, in chunks, and the
// link notices a lost broker and comes back by itself.
#include "models/broker_link.h"
#include "models/charger_model.h"
#include "tests/console/model_fixtures.h"
#include "tests/support/test_services.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <deque>
#include <mqtt/async_client.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace voltdesk;
using models::BrokerLink;
using models::ChargerModel;
using CS = contract::ConnectorStatus;

namespace {

constexpr int kBurst = 2000;

/// A free loopback TCP port (bound once by the kernel, then released).
int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
        port = ntohs(addr.sin_port);
    }
    ::close(fd);
    return port;
}

/// A test's own publisher, as the agent would be.
class Publisher {
public:
    explicit Publisher(const QString& uri)
        : m_client(uri.toStdString(),
                   "voltdesk-test-publisher-" + std::to_string(QCoreApplication::applicationPid())) {
        m_client.connect(mqtt::connect_options_builder().clean_session(true).finalize())->wait();
    }
    ~Publisher() {
        try {
            m_client.disconnect()->wait();
        } catch (const mqtt::exception&) {
        }
    }
    void publish(const models::MqttMessage& m, bool retained = true) {
        const QByteArray topic = m.topic.toUtf8();
        // Paho buffers only so many unacknowledged messages; keep a bounded window in flight.
        if (m_inFlight.size() >= 50) {
            m_inFlight.front()->wait();
            m_inFlight.pop_front();
        }
        m_inFlight.push_back(m_client.publish(topic.toStdString(), m.payload.constData(),
                                              static_cast<std::size_t>(m.payload.size()), 1, retained));
    }
    void flush() {
        for (const auto& token : m_inFlight) {
            token->wait();
        }
        m_inFlight.clear();
    }

private:
    mqtt::async_client m_client;
    std::deque<mqtt::delivery_token_ptr> m_inFlight;
};

/// A private Mosquitto the test may kill, so the shared one of the fixture stays up for others.
class PrivateBroker {
public:
    bool start(int port) {
        m_port = port;
        const QString exe = QStandardPaths::findExecutable(
            QStringLiteral("mosquitto"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        if (exe.isEmpty() || !m_dir.isValid()) {
            return false;
        }
        QFile conf(m_dir.filePath(QStringLiteral("mosquitto.conf")));
        if (!conf.open(QIODevice::WriteOnly)) {
            return false;
        }
        conf.write(QStringLiteral("listener %1 127.0.0.1\nallow_anonymous true\npersistence false\n")
                       .arg(port)
                       .toUtf8());
        conf.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(exe, {QStringLiteral("-c"), conf.fileName()});
        return m_process.waitForStarted(5000);
    }
    void kill() {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    QString uri() const { return QStringLiteral("tcp://127.0.0.1:%1").arg(m_port); }
    ~PrivateBroker() { kill(); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
};

} // namespace

class TestBrokerLink : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        m_uri = voltdesk::testing::testServices().mqtt;
        if (m_uri.isEmpty()) {
            QFAIL("no Mosquitto from the services fixture (VOLTDESK_TEST_SERVICES_DIR/services.env)");
        }
        m_site = "tst-broker-link-" + std::to_string(QCoreApplication::applicationPid());
    }

    void cleanupTestCase() {
        if (m_uri.isEmpty() || m_published.isEmpty()) {
            return;
        }
        // Retained messages outlive this test; clear them so other tests see a clean broker.
        Publisher publisher(m_uri);
        for (const QString& topic : std::as_const(m_published)) {
            publisher.publish({topic, QByteArray()});
        }
        publisher.flush();
    }

    void deliversRetainedBurstOnTheQtThread() {
        {
            Publisher publisher(m_uri);
            for (int i = 0; i < kBurst; ++i) {
                const auto m = voltdesk::testing::stateMessage(m_site, "CP-" + std::to_string(i),
                                                               {i % 3 == 0 ? CS::Charging : CS::Available});
                publisher.publish(m);
                m_published << m.topic;
            }
            const auto site = voltdesk::testing::siteMessage(m_site, "Test site");
            publisher.publish(site);
            m_published << site.topic;
            publisher.flush();
        }

        BrokerLink link(BrokerLink::Options{.uri = m_uri});
        ChargerModel model;
        int chunks = 0;
        int largestChunk = 0;
        bool offThread = false;
        connect(&link, &BrokerLink::messagesReceived, &model, [&](const models::MqttMessages& messages) {
            offThread |= QThread::currentThread() != qApp->thread();
            ++chunks;
            largestChunk = std::max(largestChunk, static_cast<int>(messages.size()));
            model.applyMessages(messages);
        });
        int single = 0;
        connect(&link, &BrokerLink::messageReceived, &model, [&](const QString&, const QByteArray&) {
            offThread |= QThread::currentThread() != qApp->thread();
            ++single;
        });
        connect(&link, &BrokerLink::connectionChanged, &model, [&](bool connected) {
            offThread |= QThread::currentThread() != qApp->thread();
            model.setBrokerConnected(connected);
        });
        QSignalSpy connected(&link, &BrokerLink::connectionChanged);
        QVERIFY(link.start());
        QTRY_VERIFY_WITH_TIMEOUT(link.isConnected(), 10000);
        QVERIFY(link.stateText().contains(m_uri));
        QCOMPARE(connected.count(), 1);

        // Other tests' retained chargers may be on the shared broker too; count only ours.
        const auto ours = [&] {
            int n = 0;
            for (int r = 0; r < model.rowCount(); ++r) {
                n += model.stateAt(r).siteId == m_site ? 1 : 0;
            }
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(ours(), kBurst, 20000);
        QVERIFY2(!offThread, "a signal of BrokerLink arrived off the Qt thread");
        QVERIFY(largestChunk <= BrokerLink::kDeliveryChunk);
        QVERIFY2(chunks < kBurst / 10,
                 qPrintable(QStringLiteral("%1 chunks for %2 messages").arg(chunks).arg(kBurst)));
        QVERIFY(single >= kBurst);
        // Other tests' agents may have left an "offline" presence on the shared broker; our chargers,
        // which name no agent, are current as long as the link is up.
        QCOMPARE(model.index(model.rowOf(QStringLiteral("CP-0"))).data(ChargerModel::StaleRole).toBool(),
                 false);
        QCOMPARE(model.index(model.rowOf(QStringLiteral("CP-0"))).data(ChargerModel::SiteNameRole).toString(),
                 QStringLiteral("Test site"));

        // A live change reaches the model.
        {
            Publisher publisher(m_uri);
            publisher.publish(voltdesk::testing::stateMessage(m_site, "CP-1", {CS::Faulted}));
            publisher.publish(voltdesk::testing::removalMessage(m_site, "CP-2"));
            publisher.flush();
        }
        QTRY_COMPARE_WITH_TIMEOUT(testing::name(model.statusAt(model.rowOf(QStringLiteral("CP-1")))),
                                  testing::name(contract::ChargerStatus::Faulted), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowOf(QStringLiteral("CP-2")), -1, 10000);
        QCOMPARE(model.malformedCount(), 0);

        link.stop();
        QVERIFY(!link.isConnected());
        QVERIFY(model.isStale());
    }

    void detectsBrokerLossAndReconnects() {
        const int port = freePort();
        QVERIFY(port > 0);
        auto broker = std::make_unique<PrivateBroker>();
        QVERIFY2(broker->start(port), "cannot start a private mosquitto");

        BrokerLink link(BrokerLink::Options{.uri = broker->uri(), .minBackoffMs = 100, .maxBackoffMs = 400});
        ChargerModel model;
        connect(&link, &BrokerLink::connectionChanged, &model, &ChargerModel::setBrokerConnected);
        connect(&link, &BrokerLink::messagesReceived, &model, &ChargerModel::applyMessages);
        QSignalSpy changes(&link, &BrokerLink::connectionChanged);
        QVERIFY(link.start());
        QTRY_VERIFY_WITH_TIMEOUT(link.isConnected(), 10000);
        {
            Publisher publisher(broker->uri());
            publisher.publish(voltdesk::testing::stateMessage("S1", "CP-1", {CS::Charging}));
            publisher.flush();
        }
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 10000);
        QVERIFY(!model.isStale());

        broker->kill();
        QTRY_VERIFY_WITH_TIMEOUT(!link.isConnected(), 10000);
        QVERIFY(model.isStale());
        QCOMPARE(model.index(0).data(ChargerModel::StaleRole).toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(link.stateText().contains(QStringLiteral("retrying")), 5000);

        // The broker comes back (empty: it had no persistence); the link finds it by itself.
        broker = std::make_unique<PrivateBroker>();
        QVERIFY(broker->start(port));
        QTRY_VERIFY_WITH_TIMEOUT(link.isConnected(), 15000);
        QVERIFY(!model.isStale());
        QCOMPARE(changes.count(), 3);
        {
            Publisher publisher(broker->uri());
            publisher.publish(voltdesk::testing::stateMessage("S1", "CP-1", {CS::Available}));
            publisher.flush();
        }
        QTRY_COMPARE_WITH_TIMEOUT(testing::name(model.statusAt(0)),
                                  testing::name(contract::ChargerStatus::Available), 10000);
    }

    void retriesWhileNothingListens() {
        BrokerLink link(BrokerLink::Options{.uri = QStringLiteral("tcp://127.0.0.1:%1").arg(freePort()),
                                            .minBackoffMs = 100,
                                            .maxBackoffMs = 200});
        QSignalSpy texts(&link, &BrokerLink::stateTextChanged);
        QVERIFY(link.start());
        QTRY_VERIFY_WITH_TIMEOUT(texts.count() >= 4, 10000); // connecting, failed, connecting, failed ...
        QVERIFY(!link.isConnected());
        link.stop();
        QCOMPARE(link.stateText(), QStringLiteral("Disconnected"));
    }

    void refusesAnUnusableUri() {
        BrokerLink link(BrokerLink::Options{.uri = QStringLiteral("carrier-pigeon://nowhere")});
        QVERIFY(!link.start());
        QVERIFY(!link.isConnected());
        QVERIFY(link.stateText().contains(QStringLiteral("carrier-pigeon://nowhere")));
    }

private:
    QString m_uri;
    std::string m_site;
    QStringList m_published;
};

QTEST_GUILESS_MAIN(TestBrokerLink)
#include "tst_broker_link.moc"
