// Which language the console speaks: the .qm files built in under :/i18n, chosen by --lang or locale.
#pragma once

#include <QString>

class QCoreApplication;

namespace voltdesk::app {

/// Installs the console's translation for `language` ("en", "zh_CN"), or for the system's UI languages
/// when it is empty, plus Qt's own translation for standard dialogs when the system has it.
/// Returns the language installed ("zh_CN", "en"), or empty when none matched (source strings,
/// which are English, are then shown).
QString installTranslations(QCoreApplication& app, const QString& language);

} // namespace voltdesk::app
