// TelemetryModel and TelemetrySeries without any UI: ordering, bounds, history merge, live values.
#include "contract/telemetry.h"
#include "contract/topics.h"
#include "models/telemetry_model.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

using namespace voltdesk;
using models::Quantity;
using models::TelemetryModel;
using models::TelemetryReading;
using models::TelemetrySeries;

namespace {

constexpr qint64 kT0 = 1'795'686'000'000;

TelemetryReading reading(int connectorId, qint64 atMs, double powerW) {
    TelemetryReading r;
    r.connectorId = connectorId;
    r.atMs = atMs;
    r.setValue(Quantity::Power, powerW);
    return r;
}

QJsonObject historySample(int connectorId, const QString& at, double powerW, double socPercent) {
    return QJsonObject{{QStringLiteral("connectorId"), connectorId},
                       {QStringLiteral("at"), at},
                       {QStringLiteral("powerW"), powerW},
                       {QStringLiteral("socPercent"), socPercent}};
}

QList<qint64> times(const TelemetrySeries& s) {
    QList<qint64> t;
    for (const auto& p : s) {
        t << p.atMs - kT0;
    }
    return t;
}

} // namespace

class TestTelemetryModel : public QObject {
    Q_OBJECT

private slots:
    void seriesKeepsTimeOrderAndDropsDuplicates() {
        TelemetrySeries s(100, 0);
        s.add(kT0 + 10, 1);
        s.add(kT0 + 30, 3);
        QCOMPARE(s.appendedCount(), 2u);
        QCOMPARE(s.revision(), 0u);
        s.add(kT0 + 20, 2); // merged in the middle: readers must reload
        QCOMPARE(s.revision(), 1u);
        s.add(kT0 + 20, 2); // the same sample again
        QCOMPARE(times(s), (QList<qint64>{10, 20, 30}));
        s.add(kT0 + 40, 4);
        QCOMPARE(s.appendedCount(), 3u);
        QCOMPARE(s.last()->value, 4.0);
        QCOMPARE(s.valueAt(kT0 + 25)->value, 2.0);
        QVERIFY(!s.valueAt(kT0 + 5));
    }

    void seriesIsBoundedByCapacity() {
        TelemetrySeries s(1000, 0);
        for (int i = 0; i < 5000; ++i) {
            s.add(kT0 + i, i);
        }
        QCOMPARE(s.size(), 1000);
        QCOMPARE(s.at(0).value, 4000.0);
        QCOMPARE(s.last()->value, 4999.0);
        s.add(kT0 + 1, 1); // older than anything kept
        QCOMPARE(s.size(), 1000);
        QCOMPARE(s.at(0).value, 4000.0);
    }

    void seriesIsBoundedByAge() {
        TelemetrySeries s(1000, 60'000);
        for (int i = 0; i <= 10; ++i) {
            s.add(kT0 + i * 10'000, i);
        }
        // Points older than 60 s before the newest (100 s) are gone.
        QCOMPARE(s.size(), 7);
        QCOMPARE(s.at(0).atMs, kT0 + 40'000);
        s.add(kT0, 99);
        QCOMPARE(s.size(), 7);
    }

    void samplesGoToTheirChargerAndConnector() {
        TelemetryModel m;
        m.setWatchAll(true);
        QSignalSpy added(&m, &TelemetryModel::samplesAdded);
        m.addSample(QStringLiteral("CP-1"), reading(1, kT0, 7200));
        m.addSample(QStringLiteral("CP-1"), reading(2, kT0, 3600));
        TelemetryReading full = reading(1, kT0 + 1000, 7300);
        full.setValue(Quantity::Current, 31.2);
        full.setValue(Quantity::Soc, 63);
        full.transactionId = 42;
        m.addSample(QStringLiteral("CP-1"), full);
        m.addSample(QStringLiteral("CP-2"), reading(1, kT0, 11000));
        QCOMPARE(added.count(), 4);
        QCOMPARE(added.at(0).at(0).toString(), QStringLiteral("CP-1"));

        QCOMPARE(m.connectors(QStringLiteral("CP-1")), (QList<int>{1, 2}));
        QCOMPARE(m.series(QStringLiteral("CP-1"), 1, Quantity::Power)->size(), 2);
        QCOMPARE(m.series(QStringLiteral("CP-1"), 1, Quantity::Current)->size(), 1);
        QVERIFY(m.series(QStringLiteral("CP-1"), 2, Quantity::Current) == nullptr);
        QVERIFY(m.series(QStringLiteral("nobody"), 1, Quantity::Power) == nullptr);
        QCOMPARE(m.series(QStringLiteral("CP-2"), 1, Quantity::Power)->last()->value, 11000.0);

        const auto latest = m.latest(QStringLiteral("CP-1"), 1);
        QVERIFY(latest);
        QCOMPARE(*latest->value(Quantity::Soc), 63.0);
        QCOMPARE(*latest->transactionId, 42);

        m.forget(QStringLiteral("CP-1"));
        QVERIFY(m.connectors(QStringLiteral("CP-1")).isEmpty());
        QVERIFY(!m.latest(QStringLiteral("CP-1"), 1));
    }

    void seriesOnlyForWatchedChargers() {
        TelemetryModel m;
        m.addSample(QStringLiteral("CP-1"), reading(1, kT0, 7200));
        // Not watched: the newest reading for tables, no series, no history.
        QCOMPARE(*m.latest(QStringLiteral("CP-1"), 1)->value(Quantity::Power), 7200.0);
        QVERIFY(m.series(QStringLiteral("CP-1"), 1, Quantity::Power) == nullptr);
        const QJsonObject history{
            {QStringLiteral("samples"),
             QJsonArray{historySample(1, QStringLiteral("2026-11-26T09:00:00.000Z"), 5000, 40)}}};
        QCOMPARE(m.addHistory(QStringLiteral("CP-1"), history), 0);

        m.watch(QStringLiteral("CP-1"));
        m.watch(QStringLiteral("CP-1")); // two views
        QCOMPARE(m.addHistory(QStringLiteral("CP-1"), history), 1);
        m.addSample(QStringLiteral("CP-1"), reading(1, kT0 + 1000, 7300));
        QCOMPARE(m.series(QStringLiteral("CP-1"), 1, Quantity::Power)->size(), 2);
        m.unwatch(QStringLiteral("CP-1"));
        QVERIFY(m.isWatched(QStringLiteral("CP-1")));
        QCOMPARE(m.series(QStringLiteral("CP-1"), 1, Quantity::Power)->size(), 2);
        m.unwatch(QStringLiteral("CP-1"));
        QVERIFY(!m.isWatched(QStringLiteral("CP-1")));
        QVERIFY(m.series(QStringLiteral("CP-1"), 1, Quantity::Power) == nullptr);
        QCOMPARE(*m.latest(QStringLiteral("CP-1"), 1)->value(Quantity::Power), 7300.0);
        m.unwatch(QStringLiteral("CP-1")); // one too many: harmless
    }

    void emptyReadingIsIgnored() {
        TelemetryModel m;
        QSignalSpy added(&m, &TelemetryModel::samplesAdded);
        TelemetryReading r;
        r.connectorId = 1;
        r.atMs = kT0;
        m.addSample(QStringLiteral("CP-1"), r);
        QCOMPARE(added.count(), 0);
        QVERIFY(m.connectors(QStringLiteral("CP-1")).isEmpty());
    }

    void historyMergesWithLiveData() {
        TelemetryModel m;
        m.watch(QStringLiteral("CP-1"));
        m.addSample(QStringLiteral("CP-1"), reading(1, kT0 + 60'000, 7000));
        QSignalSpy added(&m, &TelemetryModel::samplesAdded);
        QJsonArray samples;
        samples << historySample(1, QStringLiteral("2026-11-26T09:40:00.000Z"), 5000, 40)
                << historySample(1, QStringLiteral("2026-11-26T09:40:30.000Z"), 6000, 41)
                << historySample(2, QStringLiteral("2026-11-26T09:40:30.000Z"), 1000, 80)
                << QJsonObject{{QStringLiteral("connectorId"), 1},
                               {QStringLiteral("at"), QStringLiteral("bad")}};
        const QJsonObject response{{QStringLiteral("samples"), samples},
                                   {QStringLiteral("statusChanges"), QJsonArray()}};
        QCOMPARE(m.addHistory(QStringLiteral("CP-1"), response), 3);
        QCOMPARE(added.count(), 1);
        const auto* power = m.series(QStringLiteral("CP-1"), 1, Quantity::Power);
        QCOMPARE(times(*power), (QList<qint64>{0, 30'000, 60'000}));
        QCOMPARE(m.series(QStringLiteral("CP-1"), 1, Quantity::Soc)->size(), 2);
        // History is not "now": the latest live value stays the live one, connector 2 has none.
        QCOMPARE(*m.latest(QStringLiteral("CP-1"), 1)->value(Quantity::Power), 7000.0);
        QVERIFY(!m.latest(QStringLiteral("CP-1"), 2));
        // The same answer again (the periodic refresh) adds nothing.
        QCOMPARE(m.addHistory(QStringLiteral("CP-1"), response), 3);
        QCOMPARE(power->size(), 3);
    }

    void takesTelemetryMessages() {
        TelemetryModel m;
        m.setWatchAll(true);
        QSignalSpy added(&m, &TelemetryModel::samplesAdded);
        QSignalSpy malformed(&m, &TelemetryModel::malformedMessage);
        contract::TelemetrySample s;
        s.chargerId = "CP/1";
        s.connectorId = 2;
        s.at = kT0;
        s.transactionId = 7;
        s.powerW = 7200;
        s.voltageV = 230.1;
        const auto topic = QString::fromStdString(contract::chargerTelemetryTopic("S1", "CP/1"));
        models::MqttMessages batch{{topic, QByteArray::fromStdString(contract::encode(s))}};
        s.at += 1000;
        s.powerW = 7300;
        batch.push_back({topic, QByteArray::fromStdString(contract::encode(s))});
        batch.push_back({topic, QByteArrayLiteral("{not json")});
        batch.push_back(
            {QString::fromStdString(contract::chargerStateTopic("S1", "CP/1")), QByteArrayLiteral("{}")});
        s.chargerId = "CP-other";
        batch.push_back({topic, QByteArray::fromStdString(contract::encode(s))}); // id differs from topic
        m.applyMessages(batch);

        QCOMPARE(added.count(), 1); // one signal per batch and charger
        QCOMPARE(malformed.count(), 2);
        QCOMPARE(m.malformedCount(), 2);
        QCOMPARE(m.series(QStringLiteral("CP/1"), 2, Quantity::Power)->size(), 2);
        QCOMPARE(m.series(QStringLiteral("CP/1"), 2, Quantity::Voltage)->last()->value, 230.1);
        QVERIFY(m.series(QStringLiteral("CP/1"), 2, Quantity::Soc) == nullptr);
        QCOMPARE(*m.latest(QStringLiteral("CP/1"), 2)->value(Quantity::Power), 7300.0);
        QCOMPARE(*m.latest(QStringLiteral("CP/1"), 2)->transactionId, 7);
    }

    void capacityAppliesPerSeries() {
        TelemetryModel m(nullptr, 50, 0);
        m.setWatchAll(true);
        for (int i = 0; i < 200; ++i) {
            m.addSample(QStringLiteral("CP-1"), reading(1, kT0 + i, i));
        }
        QCOMPARE(m.series(QStringLiteral("CP-1"), 1, Quantity::Power)->size(), 50);
        QCOMPARE(m.seriesCapacity(), 50);
    }
};

QTEST_GUILESS_MAIN(TestTelemetryModel)
#include "tst_telemetry_model.moc"
