#include "app/command_line.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>

namespace voltdesk::app {

// Translated through QCoreApplication::translate("CommandLine", ...), the form lupdate reads.
QStringList availableLanguages() {
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString languageArgument(const QStringList& arguments) {
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        if ((a == QLatin1String("--lang") || a == QLatin1String("-lang")) && i + 1 < arguments.size()) {
            return arguments.at(i + 1);
        }
        if (a.startsWith(QLatin1String("--lang="))) {
            return a.mid(7);
        }
    }
    return {};
}

CommandLine parseCommandLine(const QStringList& arguments, const QString& passwordFromEnv) {
    CommandLine result;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "Voltdesk: live operations console for EV charging networks."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption broker(
        QStringLiteral("broker"), QCoreApplication::translate("CommandLine", "MQTT broker to connect to."),
        QCoreApplication::translate("CommandLine", "uri"), QStringLiteral("tcp://127.0.0.1:1883"));
    const QCommandLineOption user(
        QStringLiteral("user"), QCoreApplication::translate("CommandLine", "User name for the MQTT broker."),
        QCoreApplication::translate("CommandLine", "name"));
    const QCommandLineOption password(
        QStringLiteral("password"),
        QCoreApplication::translate(
            "CommandLine",
            "Password for the MQTT broker (or set VOLTDESK_MQTT_PASSWORD, which other users cannot see)."),
        QCoreApplication::translate("CommandLine", "password"));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QCoreApplication::translate("CommandLine", "User interface language: en or zh_CN (default: system)."),
        QCoreApplication::translate("CommandLine", "language"));
    const QCommandLineOption theme(
        QStringLiteral("theme"),
        QCoreApplication::translate("CommandLine",
                                    "Colour theme: dark or light (default: the last one chosen, else dark)."),
        QCoreApplication::translate("CommandLine", "theme"));
    const QCommandLineOption tiles(
        QStringLiteral("tile-server"),
        QCoreApplication::translate(
            "CommandLine", "OpenStreetMap tile server URL; without it the map has no tiles and needs no "
                           "network."),
        QCoreApplication::translate("CommandLine", "url"));
    const QCommandLineOption center(
        QStringLiteral("center"),
        QCoreApplication::translate(
            "CommandLine", "Where the map starts, as latitude,longitude (default: fit all chargers)."),
        QCoreApplication::translate("CommandLine", "lat,lon"));
    const QCommandLineOption zoom(
        QStringLiteral("zoom"), QCoreApplication::translate("CommandLine", "Zoom level used with --center."),
        QCoreApplication::translate("CommandLine", "level"), QStringLiteral("12"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("CommandLine",
                                    "Render the main window to this PNG file once the data has settled, "
                                    "then exit."),
        QCoreApplication::translate("CommandLine", "file"));
    const QCommandLineOption delay(
        QStringLiteral("screenshot-delay"),
        QCoreApplication::translate("CommandLine", "Wait at least this long before taking the screenshot."),
        QCoreApplication::translate("CommandLine", "ms"), QStringLiteral("3000"));
    const QCommandLineOption role(
        QStringLiteral("role"),
        QCoreApplication::translate("CommandLine",
                                    "Role to assume until the agent publishes the user's profile: viewer, "
                                    "dispatcher, operator or supervisor (default: viewer). The agent checks "
                                    "every command again."),
        QCoreApplication::translate("CommandLine", "role"));
    for (const auto* option :
         {&broker, &user, &password, &role, &lang, &theme, &tiles, &center, &zoom, &screenshot, &delay}) {
        parser.addOption(*option);
    }

    if (!parser.parse(arguments)) {
        result.text = parser.errorText();
        return result;
    }
    if (parser.isSet(help)) {
        result.outcome = CommandLine::Outcome::Help;
        result.text = parser.helpText();
        return result;
    }
    if (parser.isSet(version)) {
        result.outcome = CommandLine::Outcome::Version;
        result.text =
            QCoreApplication::applicationName() + QLatin1Char(' ') + QCoreApplication::applicationVersion();
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.text = QCoreApplication::translate("CommandLine", "Unexpected argument: %1")
                          .arg(parser.positionalArguments().constFirst());
        return result;
    }

    ConsoleOptions& o = result.options;
    o.broker.uri = parser.value(broker);
    const QUrl brokerUrl(o.broker.uri);
    if (!brokerUrl.isValid() || brokerUrl.scheme().isEmpty() || brokerUrl.host().isEmpty()) {
        result.text = QCoreApplication::translate(
                          "CommandLine", "The broker must be a URI like tcp://host:1883, not \"%1\".")
                          .arg(o.broker.uri);
        return result;
    }
    o.broker.username = parser.value(user);
    o.broker.password = parser.isSet(password) ? parser.value(password) : passwordFromEnv;

    o.assumedRole = contract::Role::Viewer;
    if (parser.isSet(role)) {
        o.assumedRole = contract::roleFromString(parser.value(role).toStdString());
        if (!o.assumedRole) {
            result.text =
                QCoreApplication::translate(
                    "CommandLine", "Unknown role \"%1\"; use viewer, dispatcher, operator or supervisor.")
                    .arg(parser.value(role));
            return result;
        }
    }

    o.language = parser.value(lang);
    if (!o.language.isEmpty() && !availableLanguages().contains(o.language)) {
        result.text = QCoreApplication::translate("CommandLine", "Unknown language \"%1\"; available: %2.")
                          .arg(o.language, availableLanguages().join(QStringLiteral(", ")));
        return result;
    }

    if (parser.isSet(theme)) {
        o.theme = widgets::themeFromName(parser.value(theme));
        if (!o.theme) {
            result.text =
                QCoreApplication::translate("CommandLine", "Unknown theme \"%1\"; use dark or light.")
                    .arg(parser.value(theme));
            return result;
        }
    }

    o.map.tileServerUrl = parser.value(tiles);
    if (!o.map.tileServerUrl.isEmpty()) {
        const QUrl url(o.map.tileServerUrl);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            result.text = QCoreApplication::translate(
                              "CommandLine", "The tile server must be an http or https URL, not \"%1\".")
                              .arg(o.map.tileServerUrl);
            return result;
        }
    }
    if (parser.isSet(center)) {
        const QStringList parts = parser.value(center).split(QLatin1Char(','));
        bool latOk = false, lonOk = false;
        const double lat = parts.size() == 2 ? parts[0].trimmed().toDouble(&latOk) : 0;
        const double lon = parts.size() == 2 ? parts[1].trimmed().toDouble(&lonOk) : 0;
        if (!latOk || !lonOk || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            result.text = QCoreApplication::translate(
                "CommandLine", "The center must be latitude,longitude in degrees, e.g. 52.52,13.40.");
            return result;
        }
        o.map.center = QGeoCoordinate(lat, lon);
    }
    bool zoomOk = false;
    o.map.zoomLevel = parser.value(zoom).toDouble(&zoomOk);
    if (!zoomOk || o.map.zoomLevel < 0 || o.map.zoomLevel > 22) {
        result.text =
            QCoreApplication::translate("CommandLine", "The zoom level must be a number from 0 to 22.");
        return result;
    }

    o.screenshotFile = parser.value(screenshot);
    bool delayOk = false;
    o.screenshotDelayMs = parser.value(delay).toInt(&delayOk);
    if (!delayOk || o.screenshotDelayMs < 0) {
        result.text = QCoreApplication::translate(
            "CommandLine", "The screenshot delay must be a whole number of milliseconds.");
        return result;
    }
    result.outcome = CommandLine::Outcome::Run;
    return result;
}

} // namespace voltdesk::app
