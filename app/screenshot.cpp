#include "app/screenshot.h"

#include "models/charger_model.h"

#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QWidget>

namespace voltdesk::app {

ScreenshotTaker::ScreenshotTaker(QWidget& window, models::ChargerModel& chargers, QString file,
                                 int minDelayMs, QObject* parent)
    : QObject(parent), m_window(&window), m_file(QFileInfo(file).absoluteFilePath()),
      m_minDelayMs(minDelayMs) {
    for (QTimer* t : {&m_minDelay, &m_quiet, &m_deadline}) {
        t->setSingleShot(true);
    }
    m_quiet.setInterval(kQuietMs);
    connect(&m_minDelay, &QTimer::timeout, this, [this] {
        m_delayPassed = true;
        m_quiet.start();
        m_deadline.start(kMaxExtraWaitMs);
    });
    connect(&m_quiet, &QTimer::timeout, this, &ScreenshotTaker::take);
    connect(&m_deadline, &QTimer::timeout, this, &ScreenshotTaker::take);
    connect(&chargers, &QAbstractItemModel::rowsInserted, this, &ScreenshotTaker::onModelActivity);
    connect(&chargers, &QAbstractItemModel::rowsRemoved, this, &ScreenshotTaker::onModelActivity);
    connect(&chargers, &QAbstractItemModel::dataChanged, this, &ScreenshotTaker::onModelActivity);
}

void ScreenshotTaker::start() {
    m_minDelay.start(m_minDelayMs);
}

void ScreenshotTaker::onModelActivity() {
    if (m_delayPassed && m_quiet.isActive()) {
        m_quiet.start(); // not settled yet
    }
}

void ScreenshotTaker::take() {
    m_quiet.stop();
    m_deadline.stop();
    bool ok = false;
    if (m_window) {
        QDir().mkpath(QFileInfo(m_file).absolutePath());
        ok = m_window->grab().save(m_file, "PNG");
    }
    emit finished(ok, m_file);
}

} // namespace voltdesk::app
