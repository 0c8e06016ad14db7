// The map's clustering rule on plain points: who joins whom, where a cluster's centre is, and that
// the result does not depend on where the screen is.
#include "widgets/point_clusterer.h"

#include <QTest>
#include <random>
#include <set>

using voltdesk::widgets::PointClusterer;

class PointClustererTest : public QObject {
    Q_OBJECT

private slots:
    void emptyInputHasNoClusters() {
        PointClusterer c;
        c.cluster({}, 10);
        QCOMPARE(c.clusterCount(), 0);
    }

    void farPointsStayAlone() {
        const std::vector<QPointF> points = {{0, 0}, {100, 0}, {0, 100}, {100, 100}};
        PointClusterer c;
        c.cluster(points, 30);
        QCOMPARE(c.clusterCount(), 4);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(c.size(c.clusterOf(i)), 1);
            QCOMPARE(c.center(c.clusterOf(i)), points[static_cast<size_t>(i)]);
        }
    }

    void coLocatedPointsFormOneClusterCentredOnThem() {
        // A site of five chargers a few pixels apart, and one charger far away.
        const std::vector<QPointF> points = {{500, 500}, {502, 501}, {1000, 1000},
                                             {499, 503}, {501, 498}, {500, 500}};
        PointClusterer c;
        c.cluster(points, 16);
        QCOMPARE(c.clusterCount(), 2);
        const int site = c.clusterOf(0);
        QCOMPARE(c.size(site), 5);
        for (int i : {1, 3, 4, 5})
            QCOMPARE(c.clusterOf(i), site);
        QCOMPARE(c.size(c.clusterOf(2)), 1);
        const QPointF centre = c.center(site);
        QVERIFY(std::abs(centre.x() - 500.4) < 1e-9 && std::abs(centre.y() - 500.4) < 1e-9);
        // The seed first, the rest in input order.
        const auto members = c.members(site);
        QCOMPARE(std::vector<int>(members.begin(), members.end()), (std::vector<int>{0, 1, 3, 4, 5}));
    }

    void radiusIsInclusiveAndNotTransitive() {
        // 0–1 and 1–2 are within the radius, 0–2 is not: 0 takes 1, and 2 starts its own cluster.
        const std::vector<QPointF> points = {{0, 0}, {10, 0}, {20, 0}};
        PointClusterer c;
        c.cluster(points, 10);
        QCOMPARE(c.clusterCount(), 2);
        QCOMPARE(c.clusterOf(0), c.clusterOf(1));
        QVERIFY(c.clusterOf(2) != c.clusterOf(0));
    }

    void neighboursAcrossCellBordersAndNegativeCoordinates() {
        const std::vector<QPointF> points = {{-0.5, -0.5}, {0.5, 0.5}, {31.9, 0}, {32.1, 0}};
        PointClusterer c;
        c.cluster(points, 2);
        QCOMPARE(c.clusterCount(), 2);
        QCOMPARE(c.clusterOf(0), c.clusterOf(1));
        QCOMPARE(c.clusterOf(2), c.clusterOf(3));
    }

    void everyPointInExactlyOneClusterAndShiftDoesNotMatter() {
        std::mt19937 random(3);
        std::uniform_real_distribution<double> coordinate(0, 2000);
        std::vector<QPointF> points(10000);
        for (QPointF& p : points)
            p = {coordinate(random), coordinate(random)};
        PointClusterer c;
        c.cluster(points, 32);
        std::set<int> seen;
        for (int k = 0; k < c.clusterCount(); ++k) {
            for (int i : c.members(k)) {
                QVERIFY(seen.insert(i).second);
                QCOMPARE(c.clusterOf(i), k);
                // Every member is within the radius of its seed.
                const QPointF d =
                    points[static_cast<size_t>(i)] - points[static_cast<size_t>(c.members(k)[0])];
                QVERIFY(d.x() * d.x() + d.y() * d.y() <= 32.0 * 32.0 + 1e-9);
            }
        }
        QCOMPARE(static_cast<int>(seen.size()), 10000);

        // Panning adds the same offset to every point: the same groups come out.
        std::vector<QPointF> shifted = points;
        for (QPointF& p : shifted)
            p += QPointF(123456.7, -98765.4);
        PointClusterer moved;
        moved.cluster(shifted, 32);
        QCOMPARE(moved.clusterCount(), c.clusterCount());
        for (int i = 0; i < 10000; i += 97)
            QCOMPARE(moved.size(moved.clusterOf(i)), c.size(c.clusterOf(i)));
    }
};

QTEST_GUILESS_MAIN(PointClustererTest)
#include "tst_point_clusterer.moc"
