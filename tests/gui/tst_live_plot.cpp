// LivePlot on screen (Xvfb): it follows arriving samples, zooms with the wheel, shows the values under
// the cursor, exports real PNG and CSV, and takes its colours from the palette.
#include "widgets/detail/live_plot.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>
#include <qcustomplot.h>

using voltdesk::widgets::LivePlot;

namespace {

constexpr double kT0 = 1'795'686'000; // epoch seconds

QPalette darkPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x1E, 0x1E, 0x1E));
    p.setColor(QPalette::Base, QColor(0x12, 0x12, 0x12));
    p.setColor(QPalette::Text, QColor(0xE0, 0xE0, 0xE0));
    p.setColor(QPalette::WindowText, QColor(0xE0, 0xE0, 0xE0));
    return p;
}

int pixelsLike(const QImage& image, const QColor& color, int tolerance = 30) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) <= tolerance &&
                std::abs(c.green() - color.green()) <= tolerance &&
                std::abs(c.blue() - color.blue()) <= tolerance) {
                ++n;
            }
        }
    }
    return n;
}

} // namespace

class TestLivePlot : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_plot = std::make_unique<LivePlot>();
        m_plot->resize(800, 400);
        m_plot->setReplotInterval(20);
        m_plot->setFollowWindow(600);
        m_plot->setValueLabel(QStringLiteral("Power (W)"));
        m_plot->addSeries(QStringLiteral("Connector 1"));
        m_plot->addSeries(QStringLiteral("Connector 2"), QColor(0xFF, 0x00, 0xFF));
        m_plot->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_plot.get()));
    }
    void cleanup() { m_plot.reset(); }

    void followsArrivingSamples() {
        for (int i = 0; i < 100; ++i) {
            m_plot->appendPoint(0, kT0 + i, 7000 + i);
        }
        // Following: the newest point plus 2 % of the 600 s window at the right edge.
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(m_plot->xUpper() - (kT0 + 99 + 12)) < 1e-6, 2000);
        const double upperBefore = m_plot->xUpper();
        QCOMPARE(m_plot->lastPoint(0)->y(), 7099.0);

        // A minute later: the window slides with the newest sample.
        m_plot->appendPoints(0, {kT0 + 160}, {7200});
        QTRY_VERIFY_WITH_TIMEOUT(m_plot->xUpper() > upperBefore + 59, 2000);
        QCOMPARE(m_plot->lastPoint(0)->x(), kT0 + 160);
        QCOMPARE(m_plot->xUpper() - m_plot->xLower(), 600.0);
        QCOMPARE(m_plot->pointCount(0), 101);

        m_plot->removeBefore(0, kT0 + 50);
        QCOMPARE(m_plot->pointCount(0), 51);
    }

    void wheelZoomStopsFollowingAndDoubleClickResumes() {
        for (int i = 0; i < 100; ++i) {
            m_plot->appendPoint(0, kT0 + i, 100 + (i % 10));
        }
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(m_plot->xUpper() - (kT0 + 99 + 12)) < 1e-6, 2000);
        QSignalSpy following(m_plot.get(), &LivePlot::followingChanged);
        QSignalSpy userRange(m_plot.get(), &LivePlot::xRangeChangedByUser);
        QWidget* canvas = m_plot->customPlot();
        const double widthBefore = m_plot->xUpper() - m_plot->xLower();
        const QPoint centre = m_plot->customPlot()->axisRect()->rect().center();
        QWheelEvent wheel(centre, canvas->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(canvas, &wheel);
        QVERIFY(!m_plot->isFollowing());
        QCOMPARE(following.count(), 1);
        QVERIFY(m_plot->xUpper() - m_plot->xLower() < widthBefore * 0.9);
        QVERIFY(userRange.count() >= 1);

        // New data no longer moves a plot the operator is looking at.
        const double upper = m_plot->xUpper();
        m_plot->appendPoint(0, kT0 + 500, 1);
        QTest::qWait(80);
        QCOMPARE(m_plot->xUpper(), upper);

        QTest::mouseDClick(canvas, Qt::LeftButton, Qt::NoModifier, centre);
        QTRY_VERIFY_WITH_TIMEOUT(m_plot->isFollowing(), 1000);
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(m_plot->xUpper() - (kT0 + 500 + 12)) < 1e-6, 2000);
    }

    void showsValuesUnderTheCursor() {
        m_plot->setSeriesData(0, {kT0, kT0 + 10, kT0 + 20}, {1000, 2000, 3000});
        m_plot->setSeriesData(1, {kT0, kT0 + 20}, {50, 60});
        m_plot->replotIfDirty();
        QTest::qWait(50);
        const QString text = m_plot->showValuesAt(kT0 + 9); // the nearest point of each series
        QVERIFY2(text.contains(QStringLiteral("Connector 1: 2000.0")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Connector 2: 50.0")), qPrintable(text));

        // The mouse does the same.
        QCustomPlot* canvas = m_plot->customPlot();
        const QPoint at(int(canvas->xAxis->coordToPixel(kT0 + 20)), int(canvas->yAxis->coordToPixel(1500)));
        QTest::mouseMove(canvas, at);
        QTRY_VERIFY(m_plot->cursorText().contains(QStringLiteral("Connector 1: 3000.0")));
        QTest::mouseMove(canvas, QPoint(2, 2)); // outside the axis rect
        QTRY_VERIFY(m_plot->cursorText().isEmpty());
    }

    void exportsPngAndCsv() {
        QTemporaryDir dir;
        QVector<double> keys;
        QVector<double> values;
        for (int i = 0; i < 300; ++i) {
            keys << kT0 + i;
            values << 100 + 50 * std::sin(i / 20.0);
        }
        m_plot->setSeriesData(0, keys, values);
        m_plot->setSeriesData(1, {kT0 + 0.5, kT0 + 1}, {42, 43});
        const QString png = dir.filePath(QStringLiteral("plot.png"));
        QVERIFY(m_plot->exportPng(png, 640, 320));
        QImage image(png);
        QCOMPARE(image.size(), QSize(640, 320));
        QVERIFY(pixelsLike(image, QColor(0xFF, 0x00, 0xFF), 20) > 0); // the second series is drawn

        const QString csv = dir.filePath(QStringLiteral("plot.csv"));
        QVERIFY(m_plot->exportCsv(csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines =
            QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 301); // header, 300 keys of series 1 and one more of series 2
        QCOMPARE(lines.at(0), QStringLiteral("time,Connector 1,Connector 2"));
        QCOMPARE(lines.at(1), QStringLiteral("2026-11-26T09:40:00.000Z,100,"));
        QCOMPARE(lines.at(2), QStringLiteral("2026-11-26T09:40:00.500Z,,42"));
        QVERIFY(lines.at(3).startsWith(QStringLiteral("2026-11-26T09:40:01.000Z,102.")));
        QVERIFY(lines.at(3).endsWith(QStringLiteral(",43")));
    }

    void contextMenuFollowsAndOffersExports() {
        m_plot->setFollowing(false);
        std::unique_ptr<QMenu> menu(m_plot->createContextMenu(nullptr));
        const QList<QAction*> actions = menu->actions();
        QStringList texts;
        for (const QAction* action : actions) {
            texts << action->text();
        }
        QVERIFY2(texts.contains(QStringLiteral("Export as PNG…")) &&
                     texts.contains(QStringLiteral("Export as CSV…")),
                 qPrintable(texts.join(QLatin1Char('|'))));
        QAction* follow = actions.first();
        QVERIFY(follow->isCheckable() && !follow->isChecked());
        follow->trigger(); // the menu's Follow resumes following, as a double click does
        QVERIFY(m_plot->isFollowing());
    }

    void takesColoursFromThePalette() {
        m_plot->setSeriesData(0, {kT0, kT0 + 10}, {1, 2});
        QTemporaryDir dir;
        const QString light = dir.filePath(QStringLiteral("light.png"));
        QVERIFY(m_plot->exportPng(light, 400, 200));
        const QColor lightBackground = QImage(light).pixelColor(200, 100);

        m_plot->setPalette(darkPalette());
        const QString dark = dir.filePath(QStringLiteral("dark.png"));
        QVERIFY(m_plot->exportPng(dark, 400, 200));
        const QColor darkBackground = QImage(dark).pixelColor(200, 100);
        QVERIFY2(darkBackground.lightness() < 60, qPrintable(darkBackground.name()));
        QVERIFY2(lightBackground.lightness() > darkBackground.lightness(),
                 qPrintable(lightBackground.name()));
    }

private:
    std::unique_ptr<LivePlot> m_plot;
};

QTEST_MAIN(TestLivePlot)
#include "tst_live_plot.moc"
