// Dock layouts saved and restored per broker user, so each operator finds the window as they left it.
#pragma once

#include <QByteArray>
#include <QString>

class QMainWindow;
class QSettings;

namespace voltdesk::widgets {

/// Reads and writes a main window's geometry and dock state under "layout/<user>/" in QSettings.
class WindowLayout {
public:
    /// Bump when the set of docks changes so an old state is not applied to a new window.
    static constexpr int kVersion = 2;

    /// user: the broker user name; empty is stored as "default".
    static QString group(const QString& user);
    static void save(const QMainWindow& window, QSettings& settings, const QString& user);
    /// False if nothing usable was saved for this user.
    static bool restore(QMainWindow& window, QSettings& settings, const QString& user);
};

} // namespace voltdesk::widgets
