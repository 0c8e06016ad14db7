// Done-when of remote operations: the real console window (under Xvfb) against the real agent,
// Mosquitto (its password listener with the generated ACL) and simulated chargers. An operator sends
// a soft reset through the command menu and sees the charger's answer; a viewer finds the command
// disabled, and when it is forced through the client, the broker refuses it (PUBACK 0x87); a request
// naming a viewer that passes the broker is refused by the agent; a bulk run lists every charger.
#include "models/broker_link.h"
#include "models/charger_model.h"
#include "models/command_client.h"
#include "tests/integration/await_command.h"
#include "tests/support/agent_with_chargers.h"
#include "tests/support/test_services.h"
#include "widgets/commands/bulk_progress_dialog.h"
#include "widgets/commands/charger_actions.h"
#include "widgets/commands/command_dialog.h"
#include "widgets/commands/command_progress_dialog.h"
#include "widgets/main_window.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QtTest>

using namespace voltdesk;
using contract::CommandOutcome;
using models::CommandResult;
using widgets::ChargerActions;

namespace {

/// One console: its link (logged in as user on uri), model, command client, window and actions.
struct Console {
    Console(const QString& uri, const QString& user)
        : link(models::BrokerLink::Options{.uri = uri,
                                           .username = user,
                                           .password =
                                               user.isEmpty() ? QString() : testing::testBrokerPassword(user),
                                           .clientId = {},
                                           .minBackoffMs = 200,
                                           .maxBackoffMs = 1000}),
          client(link), window(chargers, link, widgets::MapOptions{}), actions(client, chargers, &window) {
        QObject::connect(&link, &models::BrokerLink::messagesReceived, &chargers,
                         &models::ChargerModel::applyMessages);
        QObject::connect(&window, &widgets::MainWindow::contextMenuRequested, &actions,
                         &ChargerActions::popupMenu);
        window.resize(1280, 800);
        window.show();
        link.start();
    }
    bool knows(const QString& chargerId) const {
        const int row = chargers.rowOf(chargerId);
        return row >= 0 && !chargers.stateAt(row).agentId.empty() && chargers.stateAt(row).online;
    }

    models::ChargerModel chargers;
    models::BrokerLink link;
    models::CommandClient client;
    widgets::MainWindow window;
    ChargerActions actions;
};

/// Where screenshots of the dialogs go, for people to look at (not compared).
void saveShot(QWidget* w, const QString& name) {
    QDir dir(qEnvironmentVariable("VOLTDESK_BUILD_DIR") + QStringLiteral("-scratch"));
    if (dir.mkpath(QStringLiteral("."))) {
        w->grab().save(dir.filePath(name + QStringLiteral(".png")));
    }
}

} // namespace

class TestConsoleCommandsGui : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        m_services = testing::testServices();
        QVERIFY2(!m_services.mqttAuth.isEmpty() && !m_services.consoleUsersFile.isEmpty(),
                 "the services fixture has no password listener (is voltdesk-agent built?)");
        m_system = std::make_unique<testing::AgentWithChargers>(
            QStringLiteral("cmd_gui"), 3,
            QStringList{QStringLiteral("--console-users"), m_services.consoleUsersFile});
        QVERIFY2(m_system->ok(), qPrintable(m_system->why()));
    }

    void cleanupTestCase() { m_system.reset(); }

    void anOperatorSoftResetsThroughTheWindow() {
        Console console(m_services.mqttAuth, QStringLiteral("tst-operator"));
        const QString charger = m_system->chargerId(0);
        QTRY_VERIFY_WITH_TIMEOUT(console.client.role() == contract::Role::Operator, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(console.knows(charger), 15000);

        console.window.selectCharger(charger);
        console.actions.setChargers(console.window.selectedChargers());
        QAction* soft = console.actions.action(QStringLiteral("Reset.Soft"));
        QAction* hard = console.actions.action(QStringLiteral("Reset.Hard"));
        QVERIFY(soft->isEnabled());
        QVERIFY(!hard->isEnabled());
        QVERIFY2(hard->toolTip().contains(QStringLiteral("supervisor")), qPrintable(hard->toolTip()));

        soft->trigger();
        widgets::CommandDialog* dialog = console.actions.openDialog();
        QVERIFY(dialog != nullptr);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY2(dialog->consequenceText().contains(charger), qPrintable(dialog->consequenceText()));
        QVERIFY(dialog->windowTitle().contains(charger));
        saveShot(dialog, QStringLiteral("command-confirmation"));
        dialog->accept(); // the operator confirms

        widgets::CommandProgressDialog* progress = console.actions.lastProgressDialog();
        QVERIFY(progress != nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(progress->hasResult(), 20000);
        QVERIFY2(progress->answerText().contains(QStringLiteral("Accepted")),
                 qPrintable(progress->answerText()));
        saveShot(progress, QStringLiteral("command-answer"));
        // The charger really reboots and comes back.
        QVERIFY(m_system->charger(0).waitUntil([](const auto& s) { return s.accepted(); }));
    }

    void aViewerIsStoppedByTheWindowAndTheBroker() {
        Console console(m_services.mqttAuth, QStringLiteral("tst-viewer"));
        const QString charger = m_system->chargerId(1);
        QTRY_VERIFY_WITH_TIMEOUT(console.client.role() == contract::Role::Viewer, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(console.knows(charger), 15000);
        console.actions.setChargers({charger});
        QAction* soft = console.actions.action(QStringLiteral("Reset.Soft"));
        QVERIFY(!soft->isEnabled());
        QVERIFY2(soft->toolTip().contains(QStringLiteral("operator")) &&
                     soft->toolTip().contains(QStringLiteral("viewer")),
                 qPrintable(soft->toolTip()));
        QVERIFY(console.actions.action(QStringLiteral("GetConfiguration"))->isEnabled()); // a read
        console.actions.setForbidden(ChargerActions::Forbidden::Hidden);
        QVERIFY(!soft->isVisible());

        // Forced through the client: the broker's ACL refuses the topic before the agent sees it.
        const int row = console.chargers.rowOf(charger);
        const QString agent = QString::fromStdString(console.chargers.stateAt(row).agentId);
        widgets::CommandProgressDialog view(QStringLiteral("Soft reset"), charger, &console.window);
        view.show();
        models::CommandCall* call =
            console.client.send(agent, charger, QStringLiteral("Reset"),
                                {{QStringLiteral("type"), QStringLiteral("Soft")}}, 10000);
        connect(call, &models::CommandCall::finished, &view, &widgets::CommandProgressDialog::showResult);
        const auto result = testing::awaitCommand(call, 12000);
        QVERIFY(result);
        QVERIFY2(result->outcome == CommandOutcome::Refused, qPrintable(result->description));
        QCOMPARE(result->errorCode, QStringLiteral("NotAuthorized"));
        QTRY_VERIFY(view.hasResult());
        QVERIFY2(view.answerText().contains(QStringLiteral("Refused")) &&
                     view.answerText().contains(QStringLiteral("0x87")),
                 qPrintable(view.answerText()));
        saveShot(&view, QStringLiteral("command-refused-by-broker"));
    }

    void aViewerNamedInTheTopicIsRefusedByTheAgent() {
        // The anonymous test listener lets anything through; the topic names tst-viewer, whose role
        // the agent takes from its users file.
        Console console(m_services.mqtt, QStringLiteral("tst-viewer"));
        const QString charger = m_system->chargerId(1);
        QTRY_VERIFY_WITH_TIMEOUT(console.link.isConnected(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(console.knows(charger), 15000);
        QTest::qWait(300); // the response topic's subscription
        const int row = console.chargers.rowOf(charger);
        const QString agent = QString::fromStdString(console.chargers.stateAt(row).agentId);
        widgets::CommandProgressDialog view(QStringLiteral("Soft reset"), charger, &console.window);
        view.show();
        console.client.setFallbackRole(contract::Role::Operator); // claims more than the users file says
        models::CommandCall* call =
            console.client.send(agent, charger, QStringLiteral("Reset"),
                                {{QStringLiteral("type"), QStringLiteral("Soft")}}, 10000);
        connect(call, &models::CommandCall::finished, &view, &widgets::CommandProgressDialog::showResult);
        const auto result = testing::awaitCommand(call, 12000);
        QVERIFY(result);
        QVERIFY2(result->outcome == CommandOutcome::Refused, qPrintable(result->description));
        QVERIFY2(result->errorCode.isEmpty(), "the agent answered, not the broker");
        QVERIFY2(result->description.contains(QStringLiteral("viewer")), qPrintable(result->description));
        QTRY_VERIFY(view.hasResult());
        QVERIFY(view.answerText().contains(QStringLiteral("Refused")));
    }

    void aBulkRunListsEveryCharger() {
        Console console(m_services.mqttAuth, QStringLiteral("tst-operator"));
        QStringList all;
        for (int i = 0; i < 3; ++i) {
            all << m_system->chargerId(i);
        }
        QTRY_VERIFY_WITH_TIMEOUT(console.client.role() == contract::Role::Operator, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(all.begin(), all.end(), [&](const QString& id) { return console.knows(id); }), 20000);
        console.actions.setBulkOptions(
            {.pilotCount = 1, .pilotFailuresAllowed = 0, .maxInFlight = 2, .maxFailures = 0});
        console.actions.setChargers(all);
        console.actions.action(QStringLiteral("TriggerMessage"))->trigger();
        widgets::CommandDialog* dialog = console.actions.openDialog();
        QVERIFY(dialog != nullptr);
        QVERIFY2(dialog->consequenceText().contains(QStringLiteral("3 chargers")),
                 qPrintable(dialog->consequenceText()));
        dialog->accept();
        widgets::BulkProgressDialog* bulk = console.actions.lastBulkDialog();
        QVERIFY(bulk != nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(bulk->runner()->run().isDone(), 30000);
        QCOMPARE(bulk->runner()->run().count(models::BulkCommandRun::ItemState::Succeeded), 3);
        QCOMPARE(bulk->runner()->rowCount(), 3);
        QCOMPARE(bulk->runner()->index(2, models::BulkCommandRunner::AnswerColumn).data().toString(),
                 QStringLiteral("Accepted"));
        saveShot(bulk, QStringLiteral("command-bulk"));
    }

private:
    testing::TestServices m_services;
    std::unique_ptr<testing::AgentWithChargers> m_system;
};

QTEST_MAIN(TestConsoleCommandsGui)
#include "tst_console_commands_gui.moc"
