// What the console benches share: a QApplication that measures how busy the UI thread is and tells
// when a widget has finished painting, and percentiles of latency samples.
#pragma once

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <algorithm>
#include <cstddef>
#include <functional>
#include <vector>

namespace voltdesk::bench {

/// Counts the time spent inside top-level event delivery: everything the UI thread does for the
/// program (timers, posted events, paints), but not the time it waits for the next event.
class MeasuredApplication : public QApplication {
public:
    using QApplication::QApplication;

    bool notify(QObject* receiver, QEvent* event) override {
        const bool outermost = m_depth++ == 0;
        if (outermost) {
            m_clock.start();
        }
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        if (outermost) {
            const qint64 ns = m_clock.nsecsElapsed();
            m_busyNs += ns;
            m_longestNs = std::max(m_longestNs, ns);
        }
        // Paints arrive nested in the window's update request.
        if (event->type() == QEvent::Paint && receiver == m_watched && m_afterPaint) {
            m_afterPaint();
        }
        return result;
    }

    qint64 busyNs() const { return m_busyNs; }
    qint64 longestNs() const { return m_longestNs; }
    void resetBusy() {
        m_busyNs = 0;
        m_longestNs = 0;
    }
    /// Called after each paint of watched has finished.
    void watchPaint(QObject* watched, std::function<void()> after) {
        m_watched = watched;
        m_afterPaint = std::move(after);
    }

private:
    int m_depth = 0;
    QElapsedTimer m_clock;
    qint64 m_busyNs = 0;
    qint64 m_longestNs = 0;
    QObject* m_watched = nullptr;
    std::function<void()> m_afterPaint;
};

struct Percentiles {
    double p50 = 0, p95 = 0, p99 = 0, max = 0;
    std::size_t n = 0;
};

inline Percentiles percentiles(std::vector<double> v) {
    Percentiles p;
    p.n = v.size();
    if (v.empty()) {
        return p;
    }
    std::sort(v.begin(), v.end());
    const auto at = [&v](double q) {
        return v[std::min(v.size() - 1, static_cast<std::size_t>(q * (v.size() - 1) + 0.5))];
    };
    p.p50 = at(0.50);
    p.p95 = at(0.95);
    p.p99 = at(0.99);
    p.max = v.back();
    return p;
}

} // namespace voltdesk::bench
