// Replot time of the detail view's LivePlot with 16 series × 100,000 points (target ≤ 16 ms with
// adaptive sampling). Run: QT_QPA_PLATFORM=offscreen bench-replot [--series N] [--points N] [--runs N]
#include "widgets/detail/live_plot.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <qcustomplot.h>
#include <random>
#include <time.h>
#include <vector>

using voltdesk::widgets::LivePlot;

namespace {

struct Figures {
    double median = 0;
    double p95 = 0;
    double max = 0;
    double cpuMedian = 0; ///< the UI thread's own CPU time: what a shared machine's load does not inflate
};

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

Figures replotTimes(const std::function<void()>& replot, int runs) {
    replot(); // warm-up: buffers, fonts, tick labels
    std::vector<double> ms;
    std::vector<double> cpu;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        const double cpu0 = threadCpuMs();
        t.start();
        replot();
        ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        cpu.push_back(threadCpuMs() - cpu0);
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    const auto at = [&](double q) {
        return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
    };
    return {at(0.5), at(0.95), ms.back(), cpu[cpu.size() / 2]};
}

void print(const char* what, const Figures& f) {
    std::printf("%-44s median %7.2f ms   p95 %7.2f ms   max %7.2f ms   (CPU median %6.2f ms)\n", what,
                f.median, f.p95, f.max, f.cpuMedian);
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption seriesOpt(QStringLiteral("series"), QStringLiteral("series"),
                                       QStringLiteral("n"), QStringLiteral("16"));
    const QCommandLineOption pointsOpt(QStringLiteral("points"), QStringLiteral("points per series"),
                                       QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("replots measured"),
                                     QStringLiteral("n"), QStringLiteral("100"));
    parser.addOptions({seriesOpt, pointsOpt, runsOpt});
    parser.process(app);
    const int series = parser.value(seriesOpt).toInt();
    const int points = parser.value(pointsOpt).toInt();
    const int runs = parser.value(runsOpt).toInt();

    LivePlot plot;
    plot.resize(1600, 900);
    plot.show();
    plot.setReplotInterval(1'000'000); // the benchmark replots by hand
    // One sample per second, like a charger's MeterValues at a fast interval: 100,000 s ≈ 28 h.
    const double t0 = 1'795'686'000;
    std::mt19937 rng(42);
    std::normal_distribution<double> step(0, 40);
    QVector<double> keys(points);
    for (int i = 0; i < points; ++i) {
        keys[i] = t0 + i;
    }
    for (int s = 0; s < series; ++s) {
        QVector<double> values(points);
        double v = 7000 + 300 * s;
        for (int i = 0; i < points; ++i) {
            v = std::clamp(v + step(rng), 0.0, 22000.0);
            values[i] = v;
        }
        plot.addSeries(QStringLiteral("series %1").arg(s + 1));
        plot.setSeriesData(s, keys, values);
    }
    QCustomPlot& cp = *plot.customPlot();
    cp.yAxis->setRange(0, 22000);
    app.processEvents();

    std::printf("bench-replot: %d series x %d points, %dx%d px, platform %s, %d runs\n", series, points,
                cp.width(), cp.height(), qPrintable(QGuiApplication::platformName()), runs);
    const auto plain = [&] { cp.replot(QCustomPlot::rpImmediateRefresh); };
    const auto livePlot = [&] { plot.replotNow(); }; // what the timer does: antialiasing chosen by density
    plot.setXRange(t0, t0 + points);
    print("all points visible (LivePlot)", replotTimes(livePlot, runs));
    plot.setXRange(t0 + points - 900, t0 + points);
    print("last 15 min visible (LivePlot, live view)", replotTimes(livePlot, runs));
    plot.setXRange(t0, t0 + points);
    cp.setNotAntialiasedElements(QCP::aeNone);
    print("all points visible, lines antialiased", replotTimes(plain, runs));
    for (int s = 0; s < series; ++s) {
        cp.graph(s)->setVisible(false);
    }
    print("no series (axes, grid, legend only)", replotTimes(plain, runs));
    for (int s = 0; s < series; ++s) {
        cp.graph(s)->setVisible(true);
        cp.graph(s)->setAdaptiveSampling(false);
    }
    cp.setNotAntialiasedElements(QCP::aePlottables);
    print("all points visible, no adaptive sampling", replotTimes(plain, std::max(5, runs / 10)));
    return 0;
}
