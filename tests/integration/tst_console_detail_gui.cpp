// Done-when of the charger detail view: the real console window (under Xvfb) against the real agent,
// Mosquitto's password listener and a simulated charger. The operator sets the charger's meter
// sample interval and an id tag through the console's command client, a session starts, and the
// detail view opened from the window shows the session, loads the charger's history from the agent
// (PostgreSQL behind it) and its live plots keep moving as MeterValues arrive.
#include "models/broker_link.h"
#include "models/charger_model.h"
#include "models/command_client.h"
#include "models/telemetry_model.h"
#include "tests/integration/await_command.h"
#include "tests/support/agent_with_chargers.h"
#include "tests/support/test_services.h"
#include "widgets/detail/charger_detail_view.h"
#include "widgets/detail/live_plot.h"
#include "widgets/main_window.h"

#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QtTest>

using namespace voltdesk;
using contract::CommandOutcome;
using models::CommandResult;

namespace {

constexpr const char* kCard = "DETAIL-CARD-1";

QString describe(const std::optional<CommandResult>& result) {
    if (!result) {
        return QStringLiteral("no answer");
    }
    return QStringLiteral("%1 %2 %3")
        .arg(QString::fromStdString(std::string(contract::toString(result->outcome))), result->errorCode,
             result->description);
}

} // namespace

class TestConsoleDetailGui : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        m_services = testing::testServices();
        QVERIFY2(!m_services.mqttAuth.isEmpty() && !m_services.consoleUsersFile.isEmpty(),
                 "the services fixture has no password listener (is voltdesk-agent built?)");
        m_system = std::make_unique<testing::AgentWithChargers>(
            QStringLiteral("detail_gui"), 1,
            QStringList{QStringLiteral("--console-users"), m_services.consoleUsersFile});
        QVERIFY2(m_system->ok(), qPrintable(m_system->why()));
    }

    void cleanupTestCase() { m_system.reset(); }

    void detailViewShowsHistoryAndPlotsMove() {
        const QString user = QStringLiteral("tst-operator");
        models::ChargerModel chargers;
        models::TelemetryModel telemetry;
        models::BrokerLink link(models::BrokerLink::Options{.uri = m_services.mqttAuth,
                                                            .username = user,
                                                            .password = testing::testBrokerPassword(user),
                                                            .clientId = {},
                                                            .minBackoffMs = 200,
                                                            .maxBackoffMs = 1000});
        models::CommandClient client(link);
        QObject::connect(&link, &models::BrokerLink::messagesReceived, &chargers,
                         &models::ChargerModel::applyMessages);
        QObject::connect(&link, &models::BrokerLink::messagesReceived, &telemetry,
                         &models::TelemetryModel::applyMessages);
        widgets::MainWindow window(chargers, link, widgets::MapOptions{});
        window.setDetailViewFactory([&](const QString& chargerId, QWidget* parent) -> QWidget* {
            return new widgets::ChargerDetailView(chargerId, chargers, telemetry, &client, parent);
        });
        window.resize(1600, 1000);
        window.show();
        link.start();

        const QString charger = m_system->chargerId(0);
        QTRY_VERIFY_WITH_TIMEOUT(client.role() == contract::Role::Operator, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(
            chargers.rowOf(charger) >= 0 && chargers.stateAt(chargers.rowOf(charger)).online, 15000);
        const QString agent = QString::fromStdString(chargers.stateAt(chargers.rowOf(charger)).agentId);

        // Through the console, as an operator would: one sample a second, and a card the agent knows.
        auto answer =
            testing::awaitCommand(client.send(agent, charger, QStringLiteral("ChangeConfiguration"),
                                              {{"key", "MeterValueSampleInterval"}, {"value", "1"}}),
                                  20000);
        QVERIFY2(answer && answer->outcome == CommandOutcome::Completed &&
                     answer->response.value(QStringLiteral("status")).toString() ==
                         QStringLiteral("Accepted"),
                 qPrintable(describe(answer)));
        answer = testing::awaitCommand(
            client.send(agent, QString(), QStringLiteral("SetIdTag"), {{"idTag", kCard}}), 20000);
        QVERIFY2(answer && answer->outcome == CommandOutcome::Completed, qPrintable(describe(answer)));

        auto& cp = m_system->charger(0);
        cp.plugIn(1);
        cp.presentIdTag(1, kCard);

        QDockWidget* dock = window.openDetailView(charger);
        QVERIFY(dock != nullptr);
        auto* view = qobject_cast<widgets::ChargerDetailView*>(dock->widget());
        QVERIFY(view != nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(view->isVisible(), 5000);

        // The session from the retained state, the history from the agent.
        QTRY_VERIFY_WITH_TIMEOUT(
            chargers.stateAt(chargers.rowOf(charger)).connectors.size() > 1 &&
                chargers.stateAt(chargers.rowOf(charger)).connectors[1].session.has_value(),
            20000);
        QTRY_VERIFY_WITH_TIMEOUT(view->history().hasHistory(), 20000);
        QVERIFY(!view->history().statusChanges().isEmpty());

        // The power plot keeps moving: points arrive, and the newest one moves on in time.
        widgets::LivePlot* power = view->plot(models::Quantity::Power);
        QVERIFY(power != nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(power->seriesCount() > 0 && power->pointCount(0) >= 2, 20000);
        const QPointF first = *power->lastPoint(0);
        const double firstUpper = power->xUpper();
        QTRY_VERIFY_WITH_TIMEOUT(power->lastPoint(0)->x() > first.x() + 1.5, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(power->xUpper() > firstUpper, 5000);
        QVERIFY(power->lastPoint(0)->y() > 0);

        const QDir dir(qEnvironmentVariable("VOLTDESK_BUILD_DIR") + QStringLiteral("-scratch"));
        if (QDir().mkpath(dir.path())) {
            window.grab().save(dir.filePath(QStringLiteral("detail-live.png")));
        }
        cp.stopTransaction(1);
    }

private:
    testing::TestServices m_services;
    std::unique_ptr<testing::AgentWithChargers> m_system;
};

QTEST_MAIN(TestConsoleDetailGui)
#include "tst_console_detail_gui.moc"
