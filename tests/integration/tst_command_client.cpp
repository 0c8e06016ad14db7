// The console's CommandClient over its BrokerLink against the real agent, Mosquitto and a simulated
// charger: a soft reset is answered by the charger, an unknown charger at once by the agent, silence
// ends in a timeout, and the broker's refusal (PUBACK 0x87) and the agent's role check reach the call.
#include "models/broker_link.h"
#include "models/command_client.h"
#include "tests/integration/await_command.h"
#include "tests/support/agent_with_chargers.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <mqtt/async_client.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace voltdesk;
using contract::CommandOutcome;
using models::BrokerLink;
using models::CommandCall;
using models::CommandClient;
using models::CommandResult;

namespace {

int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
        port = ntohs(addr.sin_port);
    }
    ::close(fd);
    return port;
}

/// A Mosquitto of the test's own whose ACL lets anonymous clients read everything and write nothing.
class ReadOnlyBroker {
public:
    bool start() {
        m_port = freePort();
        const QString exe = QStandardPaths::findExecutable(
            QStringLiteral("mosquitto"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        QFile acl(m_dir.filePath(QStringLiteral("acl")));
        QFile conf(m_dir.filePath(QStringLiteral("mosquitto.conf")));
        if (exe.isEmpty() || !acl.open(QIODevice::WriteOnly) || !conf.open(QIODevice::WriteOnly)) {
            return false;
        }
        acl.write("topic read #\n");
        acl.close();
        // Mosquitto started as root reads its ACL file after dropping to its own user.
        QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                QFileDevice::ExeOther);
        acl.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        conf.write(
            QStringLiteral("listener %1 127.0.0.1\nallow_anonymous true\npersistence false\nacl_file %2\n")
                .arg(m_port)
                .arg(acl.fileName())
                .toUtf8());
        conf.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(exe, {QStringLiteral("-c"), conf.fileName()});
        return m_process.waitForStarted(5000);
    }
    QString uri() const { return QStringLiteral("tcp://127.0.0.1:%1").arg(m_port); }
    QString output() { return QString::fromUtf8(m_process.readAll()); }
    ~ReadOnlyBroker() {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
};

} // namespace

class TestCommandClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        m_system = std::make_unique<testing::AgentWithChargers>(QStringLiteral("cmd_client"), 1);
        QVERIFY2(m_system->ok(), qPrintable(m_system->why()));
        m_link = std::make_unique<BrokerLink>(BrokerLink::Options{.uri = m_system->mqtt()});
        m_client = std::make_unique<CommandClient>(*m_link);
        m_client->setFallbackRole(contract::Role::Operator);
        QVERIFY(m_link->start());
        QTRY_VERIFY_WITH_TIMEOUT(m_link->isConnected(), 10000);
        // The response topic's subscription is on its way with the others; give it a moment.
        QTest::qWait(300);
    }

    void cleanupTestCase() {
        m_client.reset();
        m_link.reset();
        m_system.reset();
    }

    void softResetIsAnsweredByTheCharger() {
        const QString charger = m_system->chargerId(0);
        CommandCall* call = m_client->send(m_system->agentId(), charger, QStringLiteral("Reset"),
                                           {{QStringLiteral("type"), QStringLiteral("Soft")}}, 15000);
        QVERIFY(call != nullptr);
        QVERIFY(!call->isFinished());
        QCOMPARE(m_client->pendingCount(), 1);
        const auto result = testing::awaitCommand(call, 20000);
        QVERIFY2(result, qPrintable(m_system->agentOutput()));
        QVERIFY2(result->outcome == CommandOutcome::Completed, qPrintable(result->description));
        QCOMPARE(result->chargerId, charger);
        QCOMPARE(result->command, QStringLiteral("Reset"));
        QCOMPARE(result->response.value(QStringLiteral("status")).toString(), QStringLiteral("Accepted"));
        QCOMPARE(m_client->pendingCount(), 0);
        // The charger really got it: it reboots and boots again.
        QVERIFY(m_system->charger(0).waitUntil([](const auto& s) { return s.accepted(); }));
    }

    void anUnknownChargerIsAnsweredAtOnce() {
        QElapsedTimer clock;
        clock.start();
        const auto result = testing::awaitCommand(
            m_client->send(m_system->agentId(), QStringLiteral("NOT-CONNECTED-1"), QStringLiteral("Reset"),
                           {{QStringLiteral("type"), QStringLiteral("Soft")}}, 15000),
            15000);
        QVERIFY(result);
        QVERIFY2(result->outcome == CommandOutcome::Offline, qPrintable(result->description));
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    }

    void silenceEndsInATimeout() {
        QElapsedTimer clock;
        clock.start();
        const auto result = testing::awaitCommand(
            m_client->send(QStringLiteral("no-such-agent"), QStringLiteral("CP-1"), QStringLiteral("Reset"),
                           {{QStringLiteral("type"), QStringLiteral("Soft")}}, 1500),
            10000);
        QVERIFY(result);
        QVERIFY(result->outcome == CommandOutcome::Timeout);
        QCOMPARE(result->errorCode, QStringLiteral("NoAnswer"));
        QVERIFY(clock.elapsed() >= 1400);
        QCOMPARE(m_client->pendingCount(), 0);
    }

    void theAgentRefusesWhatTheRoleMayNotSend() {
        // On this anonymous listener the agent takes the role from the request (no users file).
        m_client->setFallbackRole(contract::Role::Viewer);
        QVERIFY(
            m_client->refusal(QStringLiteral("Reset"), {{QStringLiteral("type"), QStringLiteral("Soft")}}));
        const auto result = testing::awaitCommand(
            m_client->send(m_system->agentId(), m_system->chargerId(0), QStringLiteral("Reset"),
                           {{QStringLiteral("type"), QStringLiteral("Soft")}}, 10000),
            15000);
        m_client->setFallbackRole(contract::Role::Operator);
        QVERIFY(result);
        QVERIFY(result->outcome == CommandOutcome::Refused);
        QVERIFY2(result->description.contains(QStringLiteral("viewer")), qPrintable(result->description));
    }

    void withoutTheBrokerNothingIsSent() {
        BrokerLink idle(BrokerLink::Options{.uri = m_system->mqtt()});
        CommandClient client(idle);
        client.setFallbackRole(contract::Role::Operator);
        CommandCall* call = client.send(m_system->agentId(), m_system->chargerId(0), QStringLiteral("Reset"),
                                        {{QStringLiteral("type"), QStringLiteral("Soft")}});
        QVERIFY(!call->isFinished()); // finishes from the event loop, after the caller connected
        const auto result = testing::awaitCommand(call, 5000);
        QVERIFY(result);
        QVERIFY(result->outcome == CommandOutcome::Refused);
        QCOMPARE(result->errorCode, QStringLiteral("NotConnected"));
    }

    void theBrokersRefusalEndsTheCall() {
        ReadOnlyBroker broker;
        QVERIFY(broker.start());
        BrokerLink link(BrokerLink::Options{.uri = broker.uri(), .minBackoffMs = 100, .maxBackoffMs = 400});
        CommandClient client(link);
        client.setFallbackRole(contract::Role::Supervisor);
        QVERIFY(link.start());
        QTRY_VERIFY2_WITH_TIMEOUT(link.isConnected(), qPrintable(broker.output()), 10000);
        QSignalSpy refused(&link, &BrokerLink::publishRefused);
        QElapsedTimer clock;
        clock.start();
        const auto result = testing::awaitCommand(
            client.send(QStringLiteral("agent-1"), QStringLiteral("CP-1"), QStringLiteral("Reset"),
                        {{QStringLiteral("type"), QStringLiteral("Hard")}}, 10000),
            12000);
        QVERIFY(result);
        QVERIFY2(result->outcome == CommandOutcome::Refused, qPrintable(result->description));
        QCOMPARE(result->errorCode, QStringLiteral("NotAuthorized"));
        QVERIFY2(result->description.contains(QStringLiteral("0x87")), qPrintable(result->description));
        QVERIFY2(clock.elapsed() < 3000, "the PUBACK, not the timeout, ended the call");
        QCOMPARE(refused.count(), 1);
        QCOMPARE(refused.at(0).at(1).toInt(), 0x87);
    }

    void theRoleComesFromTheRetainedProfile() {
        const QString user = QStringLiteral("tst-alice-%1").arg(QCoreApplication::applicationPid());
        BrokerLink link(BrokerLink::Options{.uri = m_system->mqtt(), .username = user, .password = {}});
        QCOMPARE(link.profileTopic(), QStringLiteral("voltdesk/v1/users/%1/profile").arg(user));
        QVERIFY(link.responseTopic().startsWith(QStringLiteral("voltdesk/v1/users/%1/").arg(user)));
        CommandClient client(link);
        QCOMPARE(client.user(), user);
        QVERIFY(!client.role());
        QVERIFY(client.refusal(QStringLiteral("GetConfiguration"), {}));
        publishRetained(link.profileTopic(),
                        QStringLiteral(R"({"v":1,"user":"%1","role":"dispatcher","displayName":"Alice"})")
                            .arg(user)
                            .toUtf8());
        QSignalSpy changed(&client, &CommandClient::roleChanged);
        QVERIFY(link.start());
        QTRY_VERIFY_WITH_TIMEOUT(client.role().has_value(), 10000);
        QVERIFY(*client.role() == contract::Role::Dispatcher);
        QCOMPARE(client.displayName(), QStringLiteral("Alice"));
        QCOMPARE(changed.count(), 1);
        QVERIFY(!client.refusal(QStringLiteral("ChangeAvailability"), {}));
        QVERIFY(client.refusal(QStringLiteral("Reset"), {{QStringLiteral("type"), QStringLiteral("Soft")}}));
        publishRetained(link.profileTopic(), {});
        QTRY_VERIFY_WITH_TIMEOUT(!client.role().has_value(), 10000);
    }

private:
    void publishRetained(const QString& topic, const QByteArray& payload) {
        mqtt::async_client publisher(m_system->mqtt().toStdString(),
                                     "tst-command-client-pub-" +
                                         std::to_string(QCoreApplication::applicationPid()));
        publisher.connect()->wait();
        publisher
            .publish(topic.toStdString(), payload.constData(), static_cast<std::size_t>(payload.size()), 1,
                     true)
            ->wait();
        publisher.disconnect()->wait();
    }

    std::unique_ptr<testing::AgentWithChargers> m_system;
    std::unique_ptr<BrokerLink> m_link;
    std::unique_ptr<CommandClient> m_client;
};

QTEST_GUILESS_MAIN(TestCommandClient)
#include "tst_command_client.moc"
