// The console's command line: broker, credentials, language, map tiles, and the screenshot mode.
#pragma once

#include "contract/command_policy.h"
#include "models/broker_link.h"
#include "widgets/map_options.h"
#include "widgets/theme.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace voltdesk::app {

struct ConsoleOptions {
    models::BrokerLink::Options broker;
    QString language; ///< "en", "zh_CN", or empty for the system locale
    widgets::MapOptions map;
    std::optional<widgets::Theme> theme; ///< --theme; nullopt: the saved choice, else dark
    /// --role: the role assumed until the agent's profile of the user arrives (a broker without
    /// per-user accounts has none); the agent checks every command again.
    std::optional<contract::Role> assumedRole;
    QString screenshotFile; ///< non-empty: render the main window once the data settles, save, exit
    int screenshotDelayMs = 3000;
};

struct CommandLine {
    enum class Outcome { Run, Help, Version, Error };
    Outcome outcome = Outcome::Error;
    ConsoleOptions options;
    QString text; ///< help or version text, or the error in one line
};

/// The languages built into the program.
QStringList availableLanguages();

/// Parses arguments (arguments[0] is the program). The password may also come from the environment
/// variable VOLTDESK_MQTT_PASSWORD (passed in `passwordFromEnv`), which keeps it out of `ps`.
CommandLine parseCommandLine(const QStringList& arguments, const QString& passwordFromEnv = {});

/// The value of --lang if present, before full parsing (the help text is translated).
QString languageArgument(const QStringList& arguments);

} // namespace voltdesk::app
