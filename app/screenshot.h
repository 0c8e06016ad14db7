// Screenshot mode (--screenshot): render the main window once the data has settled, then exit.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QWidget;

namespace voltdesk::models {
class ChargerModel;
}

namespace voltdesk::app {

/// Waits at least `minDelayMs`, then until the charger model has been quiet for kQuietMs (a fleet's
/// retained states arrive in a burst), at most kMaxExtraWaitMs more; then grabs the window (widgets
/// and the map, which under Xvfb needs QT_QUICK_BACKEND=software) and saves it as PNG.
class ScreenshotTaker : public QObject {
    Q_OBJECT

public:
    static constexpr int kQuietMs = 1000;
    static constexpr int kMaxExtraWaitMs = 20000;

    ScreenshotTaker(QWidget& window, models::ChargerModel& chargers, QString file, int minDelayMs,
                    QObject* parent = nullptr);
    void start();

signals:
    /// ok: the file was written.
    void finished(bool ok, const QString& file);

private:
    void onModelActivity();
    void take();

    QPointer<QWidget> m_window;
    QString m_file;
    int m_minDelayMs;
    bool m_delayPassed = false;
    QTimer m_minDelay;
    QTimer m_quiet;
    QTimer m_deadline;
};

} // namespace voltdesk::app
