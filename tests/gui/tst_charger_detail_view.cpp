// The charger detail view fed by the real models: header, the running session with live values,
// plots that move as telemetry arrives, history into the event table, timeline and plots, the
// configuration keys and the command bar slot. No broker: history arrives through setHistory().
#include "models/broker_link.h"
#include "models/charger_model.h"
#include "models/command_client.h"
#include "models/telemetry_model.h"
#include "tests/console/model_fixtures.h"
#include "widgets/detail/charger_detail_view.h"
#include "widgets/detail/connector_table.h"
#include "widgets/detail/live_plot.h"
#include "widgets/detail/status_timeline.h"
#include "widgets/theme.h"

#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace voltdesk;
using models::Quantity;
using widgets::ChargerDetailView;
using widgets::ConnectorTable;
using CS = contract::ConnectorStatus;

namespace {

constexpr qint64 kMinute = 60'000;

QString iso(qint64 ms) {
    return QString::fromStdString(contract::toIso8601(ms));
}

QString screenshotPath(const QString& name) {
    const QString dir =
        qEnvironmentVariable("VOLTDESK_BUILD_DIR", QDir::currentPath()) + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

} // namespace

class TestChargerDetailView : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_now = contract::nowMs();
        m_chargers = std::make_unique<models::ChargerModel>();
        m_chargers->setBrokerConnected(true);
        m_telemetry = std::make_unique<models::TelemetryModel>();
        auto state = testing::chargerState("S1", "CP-7", {CS::Charging, CS::Available});
        state.agentId = "agent-1";
        state.lastSeen = m_now - 5000;
        state.connectors[0].since = m_now - 30 * kMinute;
        state.connectors[0].session = contract::ConnectorSession{42, "RFID-0042", m_now - 30 * kMinute, 1000};
        m_chargers->applyMessages({testing::siteMessage("S1", "Depot North"), testing::stateMessage(state)});
        m_view =
            std::make_unique<ChargerDetailView>(QStringLiteral("CP-7"), *m_chargers, *m_telemetry, nullptr);
        m_view->resize(1100, 1000);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }
    void cleanup() {
        m_view.reset();
        m_telemetry.reset();
        m_chargers.reset();
    }

    void showsHeaderAndSession() {
        const QString header = m_view->headerText();
        QVERIFY2(header.contains(QStringLiteral("CP-7 · Depot North")), qPrintable(header));
        QVERIFY2(header.contains(QStringLiteral("ABB Terra 54 · firmware 1.6.0")), qPrintable(header));
        QVERIFY2(header.contains(QStringLiteral("Online · last message 5 s ago")), qPrintable(header));

        m_telemetry->addSample(QStringLiteral("CP-7"), reading(1, m_now - 1000, 7200, 6000, 63, 42));
        ConnectorTable* t = m_view->connectorTable();
        QCOMPARE(t->rowCount(), 2);
        QCOMPARE(t->cellText(0, ConnectorTable::IdTagColumn), QStringLiteral("RFID-0042"));
        QCOMPARE(t->cellText(0, ConnectorTable::DurationColumn), QStringLiteral("0:30"));
        QCOMPARE(t->cellText(0, ConnectorTable::EnergyColumn), QStringLiteral("5.00"));
        QCOMPARE(t->cellText(0, ConnectorTable::PowerColumn), QStringLiteral("7.2"));
        QCOMPARE(t->cellText(0, ConnectorTable::SocColumn), QStringLiteral("63"));
        QCOMPARE(t->cellText(1, ConnectorTable::IdTagColumn), QString()); // no session on connector 2

        // The session ends: the row empties.
        auto state = m_chargers->stateAt(0);
        state.connectors[0].session.reset();
        state.connectors[0].status = CS::Finishing;
        m_chargers->applyMessages({testing::stateMessage(state)});
        QCOMPARE(t->cellText(0, ConnectorTable::IdTagColumn), QString());
        QCOMPARE(t->cellText(0, ConnectorTable::PowerColumn), QString());
    }

    void plotsMoveAsTelemetryArrives() {
        widgets::LivePlot* power = m_view->plot(Quantity::Power);
        QVERIFY(power != nullptr);
        m_telemetry->addSample(QStringLiteral("CP-7"), reading(1, m_now - 60'000, 7000, 5000, 60, 42));
        QTRY_VERIFY_WITH_TIMEOUT(power->lastPoint(0).has_value(), 2000);
        QCOMPARE(power->lastPoint(0)->y(), 7.0); // kW
        // Following: the newest point plus 2 % of the 15 min window at the right edge.
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(power->xUpper() - (double(m_now - 60'000) / 1000 + 18)) < 1e-6, 2000);
        const double upper = power->xUpper();

        m_telemetry->addSample(QStringLiteral("CP-7"), reading(1, m_now, 7400, 5100, 61, 42));
        QTRY_VERIFY_WITH_TIMEOUT(power->xUpper() >= upper + 59, 2000);
        QCOMPARE(power->lastPoint(0)->y(), 7.4);
        QCOMPARE(power->pointCount(0), 2);
        QCOMPARE(m_view->plot(Quantity::Soc)->lastPoint(0)->y(), 61.0);
        QCOMPARE(m_view->plot(Quantity::Voltage)->seriesCount(), 0); // never measured
    }

    void historyFillsEventsTimelineAndPlots() {
        QJsonArray samples;
        for (int i = 1; i <= 30; ++i) {
            samples << QJsonObject{{QStringLiteral("connectorId"), 1},
                                   {QStringLiteral("at"), iso(m_now - (90 - i) * kMinute)},
                                   {QStringLiteral("powerW"), 3000.0 + i * 100},
                                   {QStringLiteral("temperatureC"), 30.0 + i * 0.2}};
        }
        const QJsonArray changes{
            QJsonObject{{QStringLiteral("connectorId"), 1},
                        {QStringLiteral("status"), QStringLiteral("Faulted")},
                        {QStringLiteral("errorCode"), QStringLiteral("HighTemperature")},
                        {QStringLiteral("info"), QString()},
                        {QStringLiteral("vendorErrorCode"), QString()},
                        {QStringLiteral("at"), iso(m_now - 50 * kMinute)}},
            QJsonObject{{QStringLiteral("connectorId"), 1},
                        {QStringLiteral("status"), QStringLiteral("Available")},
                        {QStringLiteral("errorCode"), QStringLiteral("NoError")},
                        {QStringLiteral("at"), iso(m_now - 40 * kMinute)}},
        };
        m_view->setHistory(QJsonObject{{QStringLiteral("samples"), samples},
                                       {QStringLiteral("statusChanges"), changes},
                                       {QStringLiteral("securityEvents"), QJsonArray()},
                                       {QStringLiteral("maintenance"), QJsonArray()}});
        QCOMPARE(m_view->history().rowCount(), 1);
        const QString explanation =
            m_view->history().index(0, models::ChargerHistoryModel::ExplanationColumn).data().toString();
        QVERIFY2(explanation.contains(QStringLiteral("Too hot")), qPrintable(explanation));

        // The timeline: faulted, available, then the live Charging state since 30 min ago.
        const widgets::StatusTimeline* timeline = m_view->timeline();
        QCOMPARE(int(timeline->bandAt(1, m_now - 45 * kMinute)->status),
                 int(contract::ChargerStatus::Faulted));
        QCOMPARE(int(timeline->bandAt(1, m_now - 35 * kMinute)->status),
                 int(contract::ChargerStatus::Available));
        QCOMPARE(int(timeline->bandAt(1, m_now - 10 * kMinute)->status),
                 int(contract::ChargerStatus::Charging));

        QTRY_COMPARE_WITH_TIMEOUT(m_view->plot(Quantity::Power)->pointCount(0), 30, 2000);
        QCOMPARE(m_view->plot(Quantity::Temperature)->pointCount(0), 30);
        // History is the past: it fills the plots, not the connector's live values.
        QCOMPARE(m_view->connectorTable()->cellText(0, ConnectorTable::PowerColumn), QString());
    }

    void configurationAndCommandBar() {
        m_view->setConfiguration(
            QJsonObject{{QStringLiteral("configurationKey"),
                         QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("HeartbeatInterval")},
                                                {QStringLiteral("readonly"), false},
                                                {QStringLiteral("value"), QStringLiteral("300")}}}}});
        QCOMPARE(m_view->configuration().rowCount(), 1);

        auto* bar = new QPushButton(QStringLiteral("Soft reset"));
        m_view->setCommandBar(bar);
        QCOMPARE(m_view->commandBar(), bar);
        QVERIFY(bar->isVisible());
        QVERIFY(bar->parent() == m_view.get());
        m_view->setCommandBar(nullptr);
        QVERIFY(m_view->commandBar() == nullptr);
    }

    void asksTheAgentThroughTheCommandClient() {
        // A link that never connects: every call finishes at once with NotConnected, which the view
        // must show instead of waiting forever.
        models::BrokerLink link(models::BrokerLink::Options{});
        models::CommandClient commands(link);
        ChargerDetailView view(QStringLiteral("CP-7"), *m_chargers, *m_telemetry, &commands);
        const auto labelSays = [&view](const QString& text) {
            for (const QLabel* label : view.findChildren<QLabel*>()) {
                if (label->text().contains(text)) {
                    return true;
                }
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(labelSays(QStringLiteral("History not available: NotConnected")), 3000);
        QTRY_VERIFY_WITH_TIMEOUT(labelSays(QStringLiteral("Configuration not available: NotConnected")),
                                 3000);
        QCOMPARE(commands.pendingCount(), 0);
    }

    void screenshot() {
        for (int i = 0; i < 120; ++i) {
            const double w = 7000 + 800 * std::sin(i / 9.0);
            m_telemetry->addSample(QStringLiteral("CP-7"), reading(1, m_now - (120 - i) * 5000, w,
                                                                   1000 + i * 10.0, 40 + i * 0.2, 42));
        }
        QTest::qWait(400);
        QVERIFY(m_view->grab().save(screenshotPath(QStringLiteral("charger_detail_view_light.png"))));
        // The console's default look: the whole view, plots included, follows the application palette.
        widgets::applyTheme(widgets::Theme::Dark);
        QTest::qWait(400);
        const QImage dark = m_view->grab().toImage();
        QVERIFY(dark.save(screenshotPath(QStringLiteral("charger_detail_view_dark.png"))));
        const widgets::LivePlot* power = m_view->plot(Quantity::Power);
        const QPoint inPlot = power->mapTo(m_view.get(), QPoint(power->width() / 2, 8));
        QVERIFY2(dark.pixelColor(inPlot).lightness() < 100, qPrintable(dark.pixelColor(inPlot).name()));
    }

private:
    static models::TelemetryReading reading(int connectorId, qint64 atMs, double powerW, double energyWh,
                                            double soc, int transactionId) {
        models::TelemetryReading r;
        r.connectorId = connectorId;
        r.atMs = atMs;
        r.transactionId = transactionId;
        r.setValue(Quantity::Power, powerW);
        r.setValue(Quantity::Energy, energyWh);
        r.setValue(Quantity::Soc, soc);
        r.setValue(Quantity::Current, powerW / 230.0);
        return r;
    }

    qint64 m_now = 0;
    std::unique_ptr<models::ChargerModel> m_chargers;
    std::unique_ptr<models::TelemetryModel> m_telemetry;
    std::unique_ptr<ChargerDetailView> m_view;
};

QTEST_MAIN(TestChargerDetailView)
#include "tst_charger_detail_view.moc"
