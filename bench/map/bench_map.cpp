// The console's map with 10,000 chargers, measured the way an operator feels it: time to the first
// frame showing every marker, the cost of a frame while panning, and how long a status change takes
// to reach the screen. Runs the real MapView (QML Map + marker layer) in the software renderer.
#include "contract/charger_state.h"
#include "contract/topics.h"
#include "models/charger_filter_model.h"
#include "models/charger_model.h"
#include "widgets/charger_marker_layer.h"
#include "widgets/map_view.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QImage>
#include <QQuickWindow>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

using namespace voltdesk;
using contract::ConnectorStatus;

namespace {

struct Fleet {
    models::MqttMessages messages;
    std::vector<contract::ChargerState> states;
};

// 10k chargers at 2,500 sites spread over Munich; statuses in proportions a real evening might have.
Fleet makeFleet(int count) {
    std::mt19937 random(42);
    std::uniform_real_distribution<double> lat(48.06, 48.25), lon(11.40, 11.75), jitter(-0.0002, 0.0002);
    std::discrete_distribution<int> pick({55, 25, 8, 2, 3, 3, 3, 1});
    Fleet fleet;
    double siteLat = 0, siteLon = 0;
    for (int i = 0; i < count; ++i) {
        if (i % 4 == 0) {
            siteLat = lat(random);
            siteLon = lon(random);
        }
        contract::ChargerState s;
        s.chargerId = "MUC-" + std::to_string(100000 + i);
        s.siteId = "site-" + std::to_string(i / 4);
        s.location = contract::GeoPoint{siteLat + jitter(random), siteLon + jitter(random)};
        s.vendor = "Voltworks";
        s.model = "VW-150";
        s.maxPowerKw = 150;
        s.online = true;
        s.lastSeen = 1'790'000'000'000;
        ConnectorStatus connector = ConnectorStatus::Available;
        switch (pick(random)) {
        case 1:
            connector = ConnectorStatus::Charging;
            break;
        case 2:
            connector = ConnectorStatus::SuspendedEV;
            break;
        case 3:
            connector = ConnectorStatus::Reserved;
            break;
        case 4:
            connector = ConnectorStatus::Unavailable;
            break;
        case 5:
            connector = ConnectorStatus::Faulted;
            break;
        case 6:
            s.online = false;
            break;
        case 7:
            break; // no connectors yet: Unknown
        default:
            break;
        }
        if (!(s.online && i % 100 == 7))
            s.connectors = {{1, connector, "NoError", "", "", 0},
                            {2, ConnectorStatus::Available, "NoError", "", "", 0}};
        fleet.messages.push_back({QString::fromStdString(contract::chargerStateTopic(s.siteId, s.chargerId)),
                                  QByteArray::fromStdString(contract::encodeChargerState(s))});
        fleet.states.push_back(std::move(s));
    }
    return fleet;
}

double ms(qint64 ns) {
    return static_cast<double>(ns) / 1e6;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<size_t>(std::clamp(p * static_cast<double>(values.size() - 1) + 0.5, 0.0,
                                                      static_cast<double>(values.size() - 1)));
    return values[index];
}

void printFigure(const char* name, double value, const char* unit) {
    std::printf("%s: %.2f %s\n", name, value, unit);
    std::fflush(stdout);
}

// Runs the event loop until pred() holds or timeoutMs passes; returns whether it held.
template <typename Pred> bool spinUntil(Pred pred, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (!pred()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    // The target is the software renderer (no GPU on our machines); say so if someone overrides it.
    if (qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND"))
        qputenv("QT_QUICK_BACKEND", "software");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Map benchmark: first render, pan frames, status-to-screen."));
    parser.addHelpOption();
    QCommandLineOption chargersOption(QStringLiteral("chargers"), QStringLiteral("Number of chargers."),
                                      QStringLiteral("n"), QStringLiteral("10000"));
    QCommandLineOption stepsOption(QStringLiteral("pan-steps"), QStringLiteral("Pan steps."),
                                   QStringLiteral("n"), QStringLiteral("120"));
    QCommandLineOption shotOption(QStringLiteral("screenshot"),
                                  QStringLiteral("Save the first frame as PNG."), QStringLiteral("path"));
    parser.addOptions({chargersOption, stepsOption, shotOption});
    parser.process(app);
    const int chargerCount = parser.value(chargersOption).toInt();
    const int panSteps = parser.value(stepsOption).toInt();

    std::printf("backend: %s\n", qPrintable(QQuickWindow::sceneGraphBackend().isEmpty()
                                                ? qEnvironmentVariable("QT_QUICK_BACKEND")
                                                : QQuickWindow::sceneGraphBackend()));
    std::printf("chargers: %d\n", chargerCount);

    const Fleet fleet = makeFleet(chargerCount);
    models::ChargerModel chargers;
    QElapsedTimer clock;
    clock.start();
    chargers.applyMessages(fleet.messages);
    chargers.setBrokerConnected(true);
    printFigure("model_load_time", ms(clock.nsecsElapsed()), "ms");
    models::ChargerFilterModel filter;
    filter.setSourceModel(&chargers);

    // --- First render: construction → first frame with every marker drawn.
    clock.restart();
    widgets::MapView view(filter, widgets::MapOptions{});
    const double constructed = ms(clock.nsecsElapsed());
    view.resize(1280, 800);
    view.setConnectionState(widgets::ConnectionState::Connected);
    view.show();
    widgets::ChargerMarkerLayer* layer = view.markerLayer();
    if (!layer) {
        std::fprintf(stderr, "error: the map did not load\n");
        return 1;
    }
    QQuickWindow* window = view.quickWindow();
    quint64 frames = 0;
    qint64 lastFrameNs = 0;
    QObject::connect(
        window, &QQuickWindow::afterRendering, window,
        [&] {
            ++frames;
            lastFrameNs = clock.nsecsElapsed();
        },
        Qt::DirectConnection);
    // The frame counts once the layer was painted for the map's real size (not an intermediate one).
    const auto markerLayerFillsView = [&] {
        return layer->width() == view.width() + 2 * widgets::ChargerMarkerLayer::kMargin &&
               layer->height() == view.height() + 2 * widgets::ChargerMarkerLayer::kMargin;
    };
    const bool firstOk = spinUntil(
        [&] {
            return frames > 0 && markerLayerFillsView() && layer->isContentCurrent() &&
                   layer->paintedMarkerCount() == chargerCount;
        },
        20000);
    if (!firstOk) {
        std::fprintf(stderr, "error: no frame with all %d markers (last painted %d)\n", chargerCount,
                     layer->paintedMarkerCount());
        return 1;
    }
    printFigure("construct_time", constructed, "ms");
    printFigure("first_render_time", ms(lastFrameNs), "ms");
    if (parser.isSet(shotOption))
        view.grabFramebuffer().save(parser.value(shotOption));

    // Let the fit and any throttled repaint settle.
    spinUntil([] { return false; }, 300);

    // --- Pan: one step per 60 Hz frame, as a drag would; each frame rendered synchronously and timed.
    QObject* map = view.mapItem();
    std::vector<double> panFrames;
    std::vector<double> panFramesWithPresent;
    const quint64 paintsBefore = layer->paintCount();
    QElapsedTimer step;
    for (int i = 0; i < panSteps; ++i) {
        step.start();
        const int dx = (i / 30) % 2 == 0 ? 9 : -9; // zig-zag so the fleet stays in view
        QMetaObject::invokeMethod(map, "pan", Qt::DirectConnection, Q_ARG(int, dx), Q_ARG(int, 5));
        (void)view.grabFramebuffer(); // polish + sync + render of the whole Qt Quick scene
        panFrames.push_back(ms(step.nsecsElapsed()));
        view.repaint(); // the QQuickWidget's image onto the window
        panFramesWithPresent.push_back(ms(step.nsecsElapsed()));
        QCoreApplication::processEvents();
        while (step.elapsed() < 16)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    }
    printFigure("pan_frame_p50", percentile(panFrames, 0.50), "ms");
    printFigure("pan_frame_p95", percentile(panFrames, 0.95), "ms");
    printFigure("pan_frame_max", *std::max_element(panFrames.begin(), panFrames.end()), "ms");
    printFigure("pan_frame_with_present_p95", percentile(panFramesWithPresent, 0.95), "ms");
    std::printf("pan_marker_repaints: %llu of %d frames\n",
                static_cast<unsigned long long>(layer->paintCount() - paintsBefore), panSteps);

    // --- Marker repaint alone (what a pan frame costs when it leaves the painted margin).
    std::vector<double> repaints;
    for (int i = 0; i < 20; ++i) {
        layer->setSelectedChargerIds(
            {QString::fromStdString(fleet.states[static_cast<size_t>(i)].chargerId)});
        spinUntil([] { return false; }, 40);
        const quint64 before = layer->paintCount();
        layer->setSelectedChargerIds({});
        step.start();
        (void)view.grabFramebuffer();
        if (layer->paintCount() > before)
            repaints.push_back(ms(step.nsecsElapsed()));
    }
    printFigure("full_marker_repaint_frame_p50", percentile(repaints, 0.5), "ms");
    std::printf("markers_in_view: %d\n", layer->paintedMarkerCount());
    std::printf("cluster_markers_in_view: %d\n", layer->paintedClusterCount());
    std::printf("marker_diameter: %d px\n", layer->markerDiameter());

    // --- Status change → the frame that shows it, through the real path (model signal, throttle,
    // the widget's update timer, render).
    std::vector<double> latencies;
    for (int i = 0; i < 30; ++i) {
        spinUntil([] { return false; }, 60);
        contract::ChargerState s = fleet.states[static_cast<size_t>(i * 37 % chargerCount)];
        s.online = true;
        s.connectors = {
            {1, i % 2 ? ConnectorStatus::Faulted : ConnectorStatus::Charging, "NoError", "", "", 0}};
        const quint64 paints = layer->paintCount();
        clock.restart();
        chargers.applyMessage(QString::fromStdString(contract::chargerStateTopic(s.siteId, s.chargerId)),
                              QByteArray::fromStdString(contract::encodeChargerState(s)));
        const quint64 framesBefore = frames;
        if (!spinUntil([&] { return layer->paintCount() > paints && frames > framesBefore; }, 2000))
            continue;
        latencies.push_back(ms(lastFrameNs));
    }
    printFigure("status_to_frame_p50", percentile(latencies, 0.5), "ms");
    printFigure("status_to_frame_max",
                latencies.empty() ? 0 : *std::max_element(latencies.begin(), latencies.end()), "ms");
    std::printf("status_samples: %zu\n", latencies.size());
    return 0;
}
