// voltdesk: the operations console. Connects to the broker, keeps the charger model current and
// shows it on the map; --help lists the options.
#include "app/command_line.h"
#include "app/screenshot.h"
#include "app/tile_server_probe.h"
#include "app/translations.h"
#include "models/billing/billing_client.h"
#include "models/billing/sessions_model.h"
#include "models/broker_link.h"
#include "models/charger_model.h"
#include "models/command_client.h"
#include "models/fleet_table_model.h"
#include "models/telemetry_model.h"
#include "widgets/billing/billing_docks.h"
#include "widgets/commands/bulk_progress_dialog.h" // ChargerActions' QPointer members need them whole
#include "widgets/commands/charger_actions.h"
#include "widgets/commands/command_dialog.h"
#include "widgets/commands/command_progress_dialog.h"
#include "widgets/detail/charger_detail_view.h"
#include "widgets/fleet_table_view.h"
#include "widgets/main_window.h"

#include <QApplication>
#include <cstdio>

using namespace voltdesk;

namespace {

void setApplicationNames() {
    QCoreApplication::setApplicationName(QStringLiteral("voltdesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("Voltdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VOLTDESK_VERSION));
}

/// Without a display QApplication aborts with a long message about platform plugins; say it plainly.
bool haveDisplay() {
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

} // namespace

int main(int argc, char* argv[]) {
    app::CommandLine commandLine;
    {
        // The command line is handled before any window system is touched, so --help and mistakes
        // work without a display; translated, because --lang is looked at first.
        QCoreApplication preflight(argc, argv);
        setApplicationNames();
        const QStringList arguments = QCoreApplication::arguments();
        app::installTranslations(preflight, app::languageArgument(arguments));
        commandLine = app::parseCommandLine(arguments, qEnvironmentVariable("VOLTDESK_MQTT_PASSWORD"));
        switch (commandLine.outcome) {
        case app::CommandLine::Outcome::Help:
        case app::CommandLine::Outcome::Version:
            std::fputs(qPrintable(commandLine.text + QLatin1Char('\n')), stdout);
            return 0;
        case app::CommandLine::Outcome::Error:
            std::fprintf(stderr, "voltdesk: %s\n%s\n", qPrintable(commandLine.text),
                         qPrintable(QCoreApplication::translate("CommandLine", "Try 'voltdesk --help'.")));
            return 2;
        case app::CommandLine::Outcome::Run:
            break;
        }
        if (!haveDisplay()) {
            std::fprintf(
                stderr, "voltdesk: %s\n",
                qPrintable(QCoreApplication::translate(
                    "CommandLine", "No display found. Set DISPLAY, or run it under xvfb-run (scripts/demo "
                                   "--headless does), or set QT_QPA_PLATFORM=offscreen.")));
            return 2;
        }
    }

    QApplication application(argc, argv);
    setApplicationNames();
    app::installTranslations(application, commandLine.options.language);
    app::ConsoleOptions& options = commandLine.options;
    if (!options.map.tileServerUrl.isEmpty() && !app::tileServerAnswers(options.map.tileServerUrl, 3000)) {
        const QString reason =
            QCoreApplication::translate("Console", "Offline map: tile server %1 does not answer")
                .arg(options.map.tileServerUrl);
        std::fprintf(stderr, "voltdesk: %s\n", qPrintable(reason));
        options.map.tileServerUrl.clear();
        options.map.offlineReason = reason;
    }

    // Declared before the window, which refers to both.
    models::ChargerModel chargers;
    models::BrokerLink link(options.broker);
    QObject::connect(&link, &models::BrokerLink::messagesReceived, &chargers,
                     &models::ChargerModel::applyMessages);

    // The models the detail views and command widgets use, declared before the window that holds them.
    models::TelemetryModel telemetry;
    QObject::connect(&link, &models::BrokerLink::messagesReceived, &telemetry,
                     &models::TelemetryModel::applyMessages);
    models::CommandClient commands(link);
    commands.setFallbackRole(options.assumedRole);

    // Billing: sessions with their live cost, tariffs and revenue, asked of any agent that is up.
    models::billing::SessionsModel sessions;
    QObject::connect(&link, &models::BrokerLink::messagesReceived, &sessions,
                     &models::billing::SessionsModel::applyMessages);
    models::billing::BillingClient billing(commands, models::billing::agentOfFirstCharger(chargers));

    widgets::MainWindow window(chargers, link, options.map);
    window.fleetTable()->tableModel().setTelemetry(&telemetry); // power now, not a minute ago
    // Before the layout is restored, so that the billing docks get their saved places too.
    widgets::BillingDocks billingDocks(
        billing, sessions, window,
        *window.addMenuBeforeHelp(QCoreApplication::translate("Console", "&Billing")));
    window.addShortcutActions(billingDocks.actions());
    billingDocks.setChargers(chargers); // sites and chargers offered when assigning tariffs
    billingDocks.tabWithDockOf(window.fleetTable());
    // A theme given on the command line is for this run; the menu's choice is kept for the next.
    window.setTheme(options.theme.value_or(widgets::MainWindow::savedTheme().value_or(widgets::Theme::Dark)),
                    false);
    // The operator's own layout (per broker user) wins over the default size; it is saved on close.
    // Screenshots always show the default layout.
    const bool restored = options.screenshotFile.isEmpty() && window.restoreLayout();
    if (!restored && window.prefersMaximized()) {
        window.showMaximized();
    } else {
        window.show();
    }
    // Commands: the context menu of table rows and markers; what the role may not send is disabled.
    widgets::ChargerActions actions(commands, chargers, &window);
    QObject::connect(&window, &widgets::MainWindow::contextMenuRequested, &actions,
                     &widgets::ChargerActions::popupMenu);
    // Detail views: a dock per charger, opened from the table or the map, with its command buttons.
    window.setDetailViewFactory([&](const QString& chargerId, QWidget* parent) -> QWidget* {
        auto* view = new widgets::ChargerDetailView(chargerId, chargers, telemetry, &commands, parent);
        auto* viewActions = new widgets::ChargerActions(commands, chargers, view); // owned by the view
        viewActions->setChargers({chargerId});
        view->setCommandBar(viewActions->createButtonBar(view));
        return view;
    });
    link.start(); // on a bad URI the status bar says why; the window stays useful for the operator

    app::ScreenshotTaker screenshot(window, chargers, options.screenshotFile, options.screenshotDelayMs);
    if (!options.screenshotFile.isEmpty()) {
        QObject::connect(
            &screenshot, &app::ScreenshotTaker::finished, &application, [](bool ok, const QString& file) {
                if (ok) {
                    std::printf("screenshot: %s\n", qPrintable(file));
                } else {
                    std::fprintf(stderr, "voltdesk: could not write the screenshot %s\n", qPrintable(file));
                }
                std::fflush(stdout);
                QApplication::exit(ok ? 0 : 1);
            });
        screenshot.start();
    }
    return QApplication::exec();
}
