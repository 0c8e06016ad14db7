#include "widgets/detail/live_plot.h"

#include "widgets/detail/plot_csv.h"
#include "widgets/detail/plot_cursor.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QTimer>
#include <QVBoxLayout>
#include <array>
#include <qcustomplot.h>

namespace voltdesk::widgets {

namespace {

// Okabe–Ito colours, ordered so the first few stay apart on each background.
constexpr std::array<QRgb, 7> kDarkSeries = {0x56B4E9, 0xE69F00, 0x2FC79A, 0xF0E442,
                                             0xCC79A7, 0xFF7F3F, 0xDDDDDD};
constexpr std::array<QRgb, 7> kLightSeries = {0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7,
                                              0xB38000, 0x56B4E9, 0x333333};

constexpr int kDefaultReplotMs = 250;
// Wider pens are stroked as outlines by the raster engine: 1.6 px made 16 × 100k points replot
// ~40× slower than 1 px (bench-replot), so lines stay 1 px and colour carries the series.
constexpr qreal kPenWidth = 1;
// Antialiased lines cost about a quarter more CPU to draw (bench-replot); where the data is this dense
// (points on screen per pixel of width, all series together) the eye cannot tell, so they go without.
constexpr double kAntialiasMaxPointsPerPixel = 2;

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor seriesColor(const QPalette& palette, int index) {
    const auto& list = isDark(palette) ? kDarkSeries : kLightSeries;
    return QColor(list[static_cast<std::size_t>(index) % list.size()]);
}

} // namespace

LivePlot::LivePlot(QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_timer(new QTimer(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumHeight(140);

    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("HH:mm:ss\nMMM d"));
    m_plot->xAxis->setTicker(ticker);
    // Until data arrives, show the window that live data will fill rather than 1970.
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    m_plot->xAxis->setRange(now - m_followWindowSec, now);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    // Over the plot both axes move; over an axis QCustomPlot moves that axis alone.
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal | Qt::Vertical);
    m_plot->legend->setVisible(false);
    m_plot->setNoAntialiasingOnDrag(true);
    m_cursor = new PlotCursor(*m_plot);

    connect(m_plot, &QCustomPlot::mouseMove, this, &LivePlot::onMouseMove);
    connect(m_plot, &QCustomPlot::mousePress, this, [this] { onUserRangeInput(); });
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { onUserRangeInput(); });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { setFollowing(true); });
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this](const QCPRange& r) {
                if (!m_settingRange && !m_following) {
                    emit xRangeChangedByUser(r.lower, r.upper);
                }
            });

    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_plot, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu* menu = createContextMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_plot->mapToGlobal(pos));
    });

    m_timer->setInterval(kDefaultReplotMs);
    connect(m_timer, &QTimer::timeout, this, &LivePlot::replotIfDirty);
    m_timer->start();
    applyPalette();
}

LivePlot::~LivePlot() {
    delete m_cursor;
}

int LivePlot::addSeries(const QString& name, const QColor& color) {
    QCPGraph* g = m_plot->addGraph();
    g->setName(name);
    g->setAdaptiveSampling(true);
    g->setLineStyle(QCPGraph::lsLine);
    const int index = m_plot->graphCount() - 1;
    m_autoColor.push_back(!color.isValid());
    g->setPen(QPen(color.isValid() ? color : seriesColor(palette(), index), kPenWidth));
    m_plot->legend->setVisible(m_plot->graphCount() > 1);
    m_dirty = true;
    return index;
}

int LivePlot::seriesCount() const {
    return m_plot->graphCount();
}

QString LivePlot::seriesName(int series) const {
    return graph(series)->name();
}

void LivePlot::setValueLabel(const QString& label) {
    m_plot->yAxis->setLabel(label);
    m_dirty = true;
}

QCPGraph* LivePlot::graph(int series) const {
    return m_plot->graph(series);
}

void LivePlot::setSeriesData(int series, const QVector<double>& keys, const QVector<double>& values) {
    graph(series)->setData(keys, values, true);
    m_dirty = true;
}

void LivePlot::appendPoints(int series, const QVector<double>& keys, const QVector<double>& values) {
    graph(series)->addData(keys, values, true);
    m_dirty = true;
}

void LivePlot::appendPoint(int series, double key, double value) {
    graph(series)->addData(key, value);
    m_dirty = true;
}

void LivePlot::removeBefore(int series, double key) {
    graph(series)->data()->removeBefore(key);
    m_dirty = true;
}

int LivePlot::pointCount(int series) const {
    return graph(series)->dataCount();
}

std::optional<QPointF> LivePlot::lastPoint(int series) const {
    const auto points = graph(series)->data();
    if (points->isEmpty()) {
        return std::nullopt;
    }
    const auto last = points->constEnd() - 1;
    return QPointF(last->key, last->value);
}

void LivePlot::setFollowing(bool following) {
    if (m_following == following) {
        return;
    }
    m_following = following;
    m_dirty = true;
    emit followingChanged(following);
    if (following) {
        replotIfDirty();
    }
}

void LivePlot::setFollowWindow(double seconds) {
    m_followWindowSec = seconds;
    m_dirty = true;
}

int LivePlot::replotInterval() const {
    return m_timer->interval();
}

void LivePlot::setReplotInterval(int ms) {
    m_timer->setInterval(ms);
}

double LivePlot::xLower() const {
    return m_plot->xAxis->range().lower;
}

double LivePlot::xUpper() const {
    return m_plot->xAxis->range().upper;
}

void LivePlot::setXRange(double lower, double upper) {
    m_following = false;
    m_settingRange = true;
    m_plot->xAxis->setRange(lower, upper);
    m_settingRange = false;
    m_dirty = true;
}

QString LivePlot::showValuesAt(double key) {
    return m_cursor->showAt(key, m_plot->yAxis->range().center());
}

QString LivePlot::cursorText() const {
    return m_cursor->text();
}

QMenu* LivePlot::createContextMenu(QWidget* parent) {
    auto* menu = new QMenu(parent);
    QAction* follow = menu->addAction(tr("Follow live data"));
    follow->setCheckable(true);
    follow->setChecked(m_following);
    connect(follow, &QAction::toggled, this, &LivePlot::setFollowing);
    menu->addSeparator();
    connect(menu->addAction(tr("Export as PNG…")), &QAction::triggered, this,
            [this] { exportWithDialog(true); });
    connect(menu->addAction(tr("Export as CSV…")), &QAction::triggered, this,
            [this] { exportWithDialog(false); });
    return menu;
}

void LivePlot::exportWithDialog(bool png) {
    const QString stem = (m_plot->yAxis->label().isEmpty() ? QStringLiteral("plot") : m_plot->yAxis->label())
                             .section(QLatin1Char(' '), 0, 0)
                             .toLower() +
                         QDateTime::currentDateTime().toString(QStringLiteral("-yyyyMMdd-HHmmss"));
    const QString suffix = png ? QStringLiteral(".png") : QStringLiteral(".csv");
    const QString path = QFileDialog::getSaveFileName(
        this, png ? tr("Export plot as PNG") : tr("Export plot data as CSV"),
        QDir::home().filePath(stem + suffix), png ? tr("PNG images (*.png)") : tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return; // cancelled
    }
    if (!(png ? exportPng(path) : exportCsv(path))) {
        QMessageBox::warning(this, tr("Export failed"),
                             tr("Could not write %1.").arg(QDir::toNativeSeparators(path)));
    }
}

bool LivePlot::exportPng(const QString& path, int width, int height) {
    replotNow();
    return m_plot->savePng(path, width, height);
}

bool LivePlot::exportCsv(const QString& path) const {
    return writePlotCsv(*m_plot, path);
}

void LivePlot::replotIfDirty() {
    if (!m_dirty) {
        return;
    }
    m_dirty = false;
    if (m_following) {
        updateFollowRange();
    }
    updateAntialiasing();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LivePlot::replotNow() {
    m_dirty = false;
    if (m_following) {
        updateFollowRange();
    }
    updateAntialiasing();
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
}

void LivePlot::updateAntialiasing() {
    const QCPRange keys = m_plot->xAxis->range();
    double visible = 0;
    for (int g = 0; g < m_plot->graphCount(); ++g) {
        const auto points = graph(g)->data();
        visible += double(points->findEnd(keys.upper) - points->findBegin(keys.lower));
    }
    const bool dense = visible > kAntialiasMaxPointsPerPixel * std::max(1, m_plot->axisRect()->width());
    m_plot->setNotAntialiasedElements(dense ? QCP::aePlottables : QCP::aeNone);
}

void LivePlot::updateFollowRange() {
    bool found = false;
    const QCPRange keys = [&] {
        QCPRange all;
        for (int g = 0; g < m_plot->graphCount(); ++g) {
            bool ok = false;
            const QCPRange r = graph(g)->getKeyRange(ok);
            if (ok) {
                all = found ? QCPRange(std::min(all.lower, r.lower), std::max(all.upper, r.upper)) : r;
                found = true;
            }
        }
        return all;
    }();
    if (!found) {
        return;
    }
    m_settingRange = true;
    const double upper = keys.upper + m_followWindowSec * 0.02;
    m_plot->xAxis->setRange(upper - m_followWindowSec, upper);
    // The value axis fits what is on screen; only visible points are scanned (binary search).
    bool any = false;
    QCPRange values;
    for (int g = 0; g < m_plot->graphCount(); ++g) {
        bool ok = false;
        const QCPRange r = graph(g)->getValueRange(ok, QCP::sdBoth, m_plot->xAxis->range());
        if (ok) {
            values = any ? QCPRange(std::min(values.lower, r.lower), std::max(values.upper, r.upper)) : r;
            any = true;
        }
    }
    if (any) {
        const double margin = std::max(values.size() * 0.08, std::abs(values.upper) * 0.02 + 1e-6);
        m_plot->yAxis->setRange(values.lower - margin, values.upper + margin);
    }
    m_settingRange = false;
}

void LivePlot::onMouseMove(QMouseEvent* event) {
    if (event->buttons() != Qt::NoButton || !m_plot->axisRect()->rect().contains(event->pos())) {
        m_cursor->hide();
        return;
    }
    m_cursor->showAt(m_plot->xAxis->pixelToCoord(event->position().x()),
                     m_plot->yAxis->pixelToCoord(event->position().y()));
}

void LivePlot::onUserRangeInput() {
    if (m_following) {
        m_following = false;
        emit followingChanged(false);
    }
    m_dirty = true;
}

void LivePlot::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
    }
    QWidget::changeEvent(event);
}

void LivePlot::applyPalette() {
    const QPalette& p = palette();
    const QColor text = p.color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(45);
    m_plot->setBackground(p.brush(QPalette::Base));
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis, m_plot->xAxis2, m_plot->yAxis2}) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
        axis->grid()->setZeroLinePen(Qt::NoPen);
    }
    m_plot->legend->setBrush(p.brush(QPalette::Base));
    m_plot->legend->setTextColor(text);
    m_plot->legend->setBorderPen(QPen(p.color(QPalette::Mid)));
    for (int g = 0; g < m_plot->graphCount(); ++g) {
        if (m_autoColor.value(g)) {
            graph(g)->setPen(QPen(seriesColor(p, g), kPenWidth));
        }
    }
    m_cursor->applyPalette(p);
    m_dirty = true;
}

} // namespace voltdesk::widgets
