#include "widgets/window_layout.h"

#include <QMainWindow>
#include <QSettings>

namespace voltdesk::widgets {

namespace {

const QString kGeometry = QStringLiteral("/geometry");
const QString kState = QStringLiteral("/state");

} // namespace

QString WindowLayout::group(const QString& user) {
    // '/' separates QSettings groups; a user name may contain one.
    QString key = user.isEmpty() ? QStringLiteral("default") : user;
    key.replace(QLatin1Char('/'), QLatin1Char('_'));
    return QStringLiteral("layout/") + key;
}

void WindowLayout::save(const QMainWindow& window, QSettings& settings, const QString& user) {
    const QString g = group(user);
    settings.setValue(g + kGeometry, window.saveGeometry());
    settings.setValue(g + kState, window.saveState(kVersion));
}

bool WindowLayout::restore(QMainWindow& window, QSettings& settings, const QString& user) {
    const QString g = group(user);
    const QByteArray state = settings.value(g + kState).toByteArray();
    if (state.isEmpty()) {
        return false;
    }
    const QByteArray geometry = settings.value(g + kGeometry).toByteArray();
    if (!geometry.isEmpty()) {
        window.restoreGeometry(geometry);
    }
    return window.restoreState(state, kVersion);
}

} // namespace voltdesk::widgets
