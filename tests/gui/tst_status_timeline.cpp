// The status timeline: bands from status changes (clipped to the window, per connector), their
// colours from StatusPalette, and what hovering a band says.
#include "widgets/detail/status_timeline.h"
#include "widgets/status_palette.h"

#include <QTest>

using namespace voltdesk;
using contract::ChargerStatus;
using models::StatusChange;
using widgets::StatusTimeline;

// QCOMPARE cannot print contract enums (ADL finds contract::toString), so statuses compare as ints.
namespace {

constexpr qint64 kHour = 3600 * 1000;
constexpr qint64 kEnd = 1'795'686'000'000;

StatusChange change(int connectorId, const char* status, qint64 atMs, const char* errorCode = "NoError") {
    return {connectorId, QString::fromLatin1(status), QString::fromLatin1(errorCode), {}, {}, atMs};
}

} // namespace

class TestStatusTimeline : public QObject {
    Q_OBJECT

private slots:
    void bandsFollowTheChanges() {
        const QVector<StatusChange> changes = {
            change(1, "Available", kEnd - 30 * kHour), // before the window: clipped to its start
            change(1, "Charging", kEnd - 10 * kHour),
            change(0, "Offline", kEnd - 6 * kHour),
            change(0, "Online", kEnd - 5 * kHour),
            change(1, "Faulted", kEnd - 2 * kHour, "GroundFailure"),
            change(2, "Preparing", kEnd - 1 * kHour),
        };
        const auto bands = widgets::timelineBands(changes, kEnd - 24 * kHour, kEnd);
        QCOMPARE(bands.size(), 6);
        QCOMPARE(bands[0].connectorId, 0);
        QCOMPARE(int(bands[0].status), int(ChargerStatus::Offline));
        QCOMPARE(bands[0].toMs, kEnd - 5 * kHour);
        QCOMPARE(int(bands[1].status), int(ChargerStatus::Available)); // Online again
        QCOMPARE(bands[2].fromMs, kEnd - 24 * kHour);
        QCOMPARE(bands[2].toMs, kEnd - 10 * kHour);
        QCOMPARE(int(bands[4].status), int(ChargerStatus::Faulted));
        QCOMPARE(bands[4].errorCode, QStringLiteral("GroundFailure"));
        QCOMPARE(bands[4].toMs, kEnd);
        QCOMPARE(int(bands[5].status),
                 int(ChargerStatus::Occupied)); // Preparing draws like the map's Occupied
    }

    void paintsBandsInStatusColours() {
        StatusTimeline timeline;
        timeline.resize(960, 120);
        timeline.setChanges({change(1, "Charging", kEnd - 12 * kHour), change(1, "Faulted", kEnd - 6 * kHour),
                             change(2, "Available", kEnd - 20 * kHour)},
                            kEnd);
        timeline.resize(960, timeline.sizeHint().height());
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        QCOMPARE(int(timeline.bandAt(1, kEnd - 7 * kHour)->status), int(ChargerStatus::Charging));
        QCOMPARE(int(timeline.bandAt(1, kEnd - 1 * kHour)->status), int(ChargerStatus::Faulted));
        QVERIFY(!timeline.bandAt(1, kEnd - 13 * kHour)); // before its first change: unknown
        QVERIFY(!timeline.bandAt(3, kEnd - 1 * kHour));

        const QImage image = timeline.grab().toImage();
        // Row 1 (connector 1) a little before the end is Faulted; row 2 (connector 2) is Available.
        const int x = timeline.width() - 30;
        const auto colourAt = [&](int y) { return image.pixelColor(x, y); };
        QCOMPARE(colourAt(2 + 5), widgets::StatusPalette::color(ChargerStatus::Faulted));
        QCOMPARE(colourAt(2 + 26 + 5), widgets::StatusPalette::color(ChargerStatus::Available));
        QCOMPARE(int(timeline.bandAtPoint(QPoint(x, 7))->status), int(ChargerStatus::Faulted));
        QVERIFY(!timeline.bandAtPoint(QPoint(5, 7))); // the row label
    }
};

QTEST_MAIN(TestStatusTimeline)
#include "tst_status_timeline.moc"
