// The fleet health table under load: 10,000 chargers on screen in a FleetTableView, 1,000 charger
// state updates a second for 10 s. Prints how busy the UI thread was and how long updates took to
// reach the view (dataChanged at the proxy) and to be painted (rows on screen).
#include "bench/console/measured_application.h"
#include "contract/charger_state.h"
#include "contract/topics.h"
#include "models/charger_health_store.h"
#include "models/charger_model.h"
#include "models/fleet_table_filter.h"
#include "models/fleet_table_model.h"
#include "widgets/fleet_table_view.h"
#include "widgets/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QHeaderView>
#include <QTableView>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <random>
#include <vector>

using namespace voltdesk;
using contract::ConnectorStatus;

namespace {

constexpr std::array<ConnectorStatus, 4> kCycle = {ConnectorStatus::Available, ConnectorStatus::Charging,
                                                   ConnectorStatus::SuspendedEV, ConnectorStatus::Faulted};

contract::ChargerState makeState(int i, int variant, contract::EpochMs seen) {
    contract::ChargerState s;
    s.chargerId = "MUC-" + std::to_string(100000 + i);
    s.siteId = "site-" + std::to_string(i / 4);
    s.location = contract::GeoPoint{48.1 + (i % 100) * 0.001, 11.5 + (i / 100) * 0.001};
    s.vendor = "Voltworks";
    s.model = "VW-150";
    s.firmwareVersion = "2.4." + std::to_string(i % 7);
    s.maxPowerKw = 150;
    s.online = true;
    s.agentId = "agent-1";
    s.lastSeen = seen + variant;
    s.updatedAt = s.lastSeen;
    s.connectors.push_back(
        {1, kCycle[static_cast<std::size_t>(variant) % kCycle.size()], "NoError", "", "", seen});
    s.connectors.push_back({2, ConnectorStatus::Available, "NoError", "", "", seen});
    return s;
}

models::MqttMessage message(const contract::ChargerState& s) {
    return {QString::fromStdString(contract::chargerStateTopic(s.siteId, s.chargerId)),
            QByteArray::fromStdString(contract::encodeChargerState(s))};
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    bench::MeasuredApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Fleet table with many chargers under a stream of updates."));
    parser.addHelpOption();
    const QCommandLineOption chargersOption(QStringLiteral("chargers"), QStringLiteral("Chargers (10000)."),
                                            QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption rateOption(QStringLiteral("rate"), QStringLiteral("Updates per second (1000)."),
                                        QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Duration (10)."),
                                           QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption unsortedOption(
        QStringLiteral("unsorted"), QStringLiteral("Leave the table in arrival order (default: sorted by "
                                                   "status, the costlier case)."));
    parser.addOptions({chargersOption, rateOption, secondsOption, unsortedOption});
    parser.process(app);
    const int chargerCount = parser.value(chargersOption).toInt();
    const int rate = parser.value(rateOption).toInt();
    const int seconds = parser.value(secondsOption).toInt();
    widgets::applyTheme(widgets::Theme::Dark);

    const contract::EpochMs start = QDateTime::currentMSecsSinceEpoch();
    models::ChargerModel chargers;
    models::ChargerHealthStore health;
    {
        models::MqttMessages boot;
        for (int i = 0; i < chargerCount; ++i) {
            boot.push_back(message(makeState(i, 0, start)));
        }
        chargers.applyMessages(boot);
        chargers.setBrokerConnected(true);
        for (int i = 0; i < chargerCount; ++i) {
            models::HealthFigures f;
            f.computedAtMs = start;
            f.powerW = 1000.0 * (i % 150);
            f.energyTodayWh = 100.0 * i;
            f.faults24h = i % 5;
            f.availability24h = 0.9 + (i % 10) / 100.0;
            f.availability30d = 0.95;
            f.healthScore = 50 + i % 50;
            health.setHealth(chargers.chargerIdAt(i), f);
        }
    }
    // Every update's payload is made up front, so the figures are the console's work only.
    std::vector<std::array<models::MqttMessage, kCycle.size()>> payloads(
        static_cast<std::size_t>(chargerCount));
    for (int i = 0; i < chargerCount; ++i) {
        for (int v = 0; v < static_cast<int>(kCycle.size()); ++v) {
            payloads[static_cast<std::size_t>(i)][static_cast<std::size_t>(v)] =
                message(makeState(i, v, start));
        }
    }
    std::vector<int> variant(static_cast<std::size_t>(chargerCount), 0);

    widgets::FleetTableView view(chargers, health);
    view.resize(1500, 900);
    view.show();
    if (!parser.isSet(unsortedOption)) {
        view.table()->sortByColumn(models::FleetTableModel::StatusColumn, Qt::AscendingOrder);
    }
    QApplication::processEvents();
    QAbstractItemModel* proxy = &view.filter();
    QTableView* table = view.table();

    QElapsedTimer wall;
    QHash<QString, qint64> pending;         ///< charger id → ns when its update was applied
    QHash<QString, qint64> waitingForPaint; ///< on screen when it reached the proxy: ns applied
    std::vector<double> toProxyMs, toPaintMs;
    int paints = 0;

    QObject::connect(proxy, &QAbstractItemModel::dataChanged,
                     [&](const QModelIndex& tl, const QModelIndex& br) {
                         if (tl.column() != 0 || br.column() != models::FleetTableModel::ColumnCount - 1 ||
                             pending.isEmpty()) {
                             return; // the age column's tick carries no update
                         }
                         const qint64 now = wall.nsecsElapsed();
                         const QRect viewport = table->viewport()->rect();
                         for (int row = tl.row(); row <= br.row(); ++row) {
                             const QModelIndex index = proxy->index(row, 0);
                             const QString id = index.data(models::FleetTableModel::ChargerIdRole).toString();
                             const auto it = pending.find(id);
                             if (it == pending.end()) {
                                 continue;
                             }
                             toProxyMs.push_back((now - *it) / 1e6);
                             if (table->visualRect(index).intersects(viewport)) {
                                 waitingForPaint.insert(id, *it);
                             }
                             pending.erase(it);
                         }
                     });
    app.watchPaint(table->viewport(), [&] {
        ++paints;
        if (waitingForPaint.isEmpty()) {
            return;
        }
        const qint64 now = wall.nsecsElapsed();
        for (const qint64 applied : std::as_const(waitingForPaint)) {
            toPaintMs.push_back((now - applied) / 1e6);
        }
        waitingForPaint.clear();
    });

    // 1,000 updates a second arrive as BrokerLink hands them over: small batches every 10 ms. One in
    // ten is for a row on screen, so the paint latency has enough samples.
    std::mt19937 random(7);
    std::uniform_int_distribution<int> anyCharger(0, chargerCount - 1);
    const int perTick = std::max(1, rate / 100);
    int sent = 0;
    QTimer feeder;
    feeder.setTimerType(Qt::PreciseTimer);
    feeder.setInterval(10);
    QObject::connect(&feeder, &QTimer::timeout, [&] {
        const qint64 due = wall.nsecsElapsed() * rate / 1'000'000'000LL;
        models::MqttMessages batch;
        const qint64 now = wall.nsecsElapsed();
        while (sent < due && batch.size() < perTick * 5) {
            int i = anyCharger(random);
            if (sent % 10 == 0) {
                const int visibleRows =
                    std::max(1, table->viewport()->height() / table->verticalHeader()->defaultSectionSize());
                const QModelIndex onScreen =
                    proxy->index(std::min(proxy->rowCount() - 1, sent / 10 % visibleRows), 0);
                i = chargers.rowOf(onScreen.data(models::FleetTableModel::ChargerIdRole).toString());
            }
            int& v = variant[static_cast<std::size_t>(i)];
            v = (v + 1) % static_cast<int>(kCycle.size());
            batch.push_back(payloads[static_cast<std::size_t>(i)][static_cast<std::size_t>(v)]);
            const QString id = chargers.chargerIdAt(i);
            if (!pending.contains(id)) {
                pending.insert(id, now);
            }
            ++sent;
        }
        chargers.applyMessages(batch);
    });

    std::printf("fleet table: %d chargers, %d updates/s for %d s, %s, platform %s\n", chargerCount, rate,
                seconds, parser.isSet(unsortedOption) ? "arrival order" : "sorted by status",
                qPrintable(QGuiApplication::platformName()));
    const int refreshesBefore = view.filter().refreshCount();
    app.resetBusy();
    wall.start();
    feeder.start();
    QTimer::singleShot(seconds * 1000, &app, [&] {
        feeder.stop();
        // Let the last updates through before the figures are read.
        QTimer::singleShot(500, &app, &QApplication::quit);
    });
    QApplication::exec();
    const double wallMs = wall.nsecsElapsed() / 1e6;
    const double busy = app.busyNs() / 1e6 / wallMs;

    const bench::Percentiles proxyLatency = bench::percentiles(toProxyMs);
    const bench::Percentiles paintLatency = bench::percentiles(toPaintMs);
    std::printf("updates sent: %d, reached the proxy: %zu, still pending: %lld\n", sent, proxyLatency.n,
                static_cast<long long>(pending.size()));
    std::printf("UI thread busy: %.1f %% of %.0f ms (target < 50 %%), longest event %.1f ms\n", busy * 100.0,
                wallMs, app.longestNs() / 1e6);
    std::printf("update -> dataChanged at the proxy: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
                proxyLatency.p50, proxyLatency.p99, proxyLatency.max);
    std::printf(
        "update -> row repainted (rows on screen, n=%zu): p50 %.1f ms, p99 %.1f ms, max %.1f ms (target "
        "all < 200 ms)\n",
        paintLatency.n, paintLatency.p50, paintLatency.p99, paintLatency.max);
    std::printf("viewport paints: %d, throttled re-sorts: %d\n", paints,
                view.filter().refreshCount() - refreshesBefore);
    const bool ok = busy < 0.5 && proxyLatency.max < 200 && paintLatency.max < 200 && pending.isEmpty();
    std::printf("%s\n", ok ? "PASS" : "MISS");
    return 0;
}
