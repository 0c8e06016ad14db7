#include "widgets/legend_panel.h"

#include "models/status_names.h"
#include "widgets/status_palette.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace voltdesk::widgets {

using contract::ChargerStatus;

namespace {

constexpr int kSwatch = 20;

QLabel* swatch(ChargerStatus status, bool stale, QWidget* parent) {
    auto* label = new QLabel(parent);
    const qreal ratio = parent->devicePixelRatioF();
    label->setPixmap(QPixmap::fromImage(StatusPalette::markerSprite(status, stale, kSwatch, ratio)));
    label->setFixedSize(kSwatch + 4, kSwatch + 4);
    label->setAlignment(Qt::AlignCenter);
    return label;
}

} // namespace

LegendPanel::LegendPanel(QWidget* parent) : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(4);
    grid->setColumnStretch(2, 1);
    QFont countFont = font();
    countFont.setBold(true);
    countFont.setPointSizeF(countFont.pointSizeF() * 1.1);

    int row = 0;
    for (const ChargerStatus status : StatusPalette::legendOrder()) {
        const int index = static_cast<int>(status);
        auto* toggle = new QCheckBox(this);
        toggle->setChecked(true);
        toggle->setToolTip(tr("Show or hide %1 chargers on the map").arg(models::statusDisplayName(status)));
        connect(toggle, &QCheckBox::toggled, this,
                [this, status](bool on) { emit statusVisibilityChanged(status, on); });
        auto* name = new QLabel(models::statusDisplayName(status), this);
        name->setBuddy(toggle);
        auto* count = new QLabel(QStringLiteral("0"), this);
        count->setObjectName(QStringLiteral("count-%1").arg(index));
        count->setFont(countFont);
        count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        count->setMinimumWidth(count->fontMetrics().horizontalAdvance(QStringLiteral("000 000")));
        grid->addWidget(toggle, row, 0);
        grid->addWidget(swatch(status, false, this), row, 1);
        grid->addWidget(name, row, 2);
        grid->addWidget(count, row, 3);
        m_toggles[static_cast<size_t>(index)] = toggle;
        m_counts[static_cast<size_t>(index)] = count;
        ++row;
    }
    auto* totalName = new QLabel(tr("Total"), this);
    totalName->setFont(countFont);
    m_total = new QLabel(QStringLiteral("0"), this);
    m_total->setObjectName(QStringLiteral("count-total"));
    m_total->setFont(countFont);
    m_total->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    grid->addWidget(line, row++, 0, 1, 4);
    grid->addWidget(totalName, row, 2);
    grid->addWidget(m_total, row, 3);
    ++row;
    outer->addLayout(grid);

    // What a hollow marker means, drawn by the same code as the map.
    auto* staleRow = new QHBoxLayout;
    staleRow->addWidget(swatch(ChargerStatus::Available, true, this));
    staleRow->addWidget(swatch(ChargerStatus::Faulted, true, this));
    auto* staleText = new QLabel(tr("Hollow: last known state, not live (broker or agent offline)"), this);
    staleText->setWordWrap(true);
    staleRow->addWidget(staleText, 1);
    outer->addLayout(staleRow);

    auto* showAll = new QPushButton(tr("Show all statuses"), this);
    connect(showAll, &QPushButton::clicked, this, [this] {
        for (QCheckBox* toggle : m_toggles)
            toggle->setChecked(true);
        emit showAllRequested();
    });
    outer->addWidget(showAll);
    outer->addStretch(1);
}

void LegendPanel::setCounts(const QVector<int>& counts) {
    const QLocale locale;
    int total = 0;
    for (int i = 0; i < contract::kChargerStatusCount; ++i) {
        const int n = i < counts.size() ? counts[i] : 0;
        total += n;
        m_counts[static_cast<size_t>(i)]->setText(locale.toString(n));
    }
    m_total->setText(locale.toString(total));
}

void LegendPanel::setStatusVisible(ChargerStatus status, bool visible) {
    m_toggles[static_cast<size_t>(status)]->setChecked(visible);
}

} // namespace voltdesk::widgets
