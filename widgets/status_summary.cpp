#include "widgets/status_summary.h"

#include "models/status_names.h"
#include "widgets/status_palette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPixmap>

namespace voltdesk::widgets {

StatusSummary::StatusSummary(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    QFont bold = font();
    bold.setBold(true);
    for (const contract::ChargerStatus status : StatusPalette::legendOrder()) {
        const auto i = static_cast<std::size_t>(status);
        auto* icon = new QLabel(this);
        icon->setPixmap(
            QPixmap::fromImage(StatusPalette::markerSprite(status, false, 14, devicePixelRatioF())));
        icon->setToolTip(models::statusDisplayName(status));
        auto* count = new QLabel(QStringLiteral("0"), this);
        count->setObjectName(QStringLiteral("statusbar-count-%1").arg(static_cast<int>(status)));
        count->setFont(bold);
        count->setToolTip(models::statusDisplayName(status));
        layout->addWidget(icon);
        layout->addWidget(count);
        layout->addSpacing(8);
        m_icons[i] = icon;
        m_counts[i] = count;
    }
    m_stale = new QLabel(this);
    m_stale->setObjectName(QStringLiteral("statusbar-stale"));
    m_stale->setToolTip(tr("Chargers whose data is older than expected (greyed in the table)"));
    layout->addWidget(m_stale);
    setStaleCount(0);
}

void StatusSummary::setCounts(const QVector<int>& counts) {
    const QLocale locale;
    for (std::size_t i = 0; i < m_counts.size(); ++i) {
        const int n = static_cast<qsizetype>(i) < counts.size() ? counts[static_cast<qsizetype>(i)] : 0;
        m_counts[i]->setText(locale.toString(n));
        m_counts[i]->setVisible(n > 0);
        m_icons[i]->setVisible(n > 0);
    }
}

void StatusSummary::setStaleCount(int stale) {
    m_stale->setText(tr("%1 stale").arg(QLocale().toString(stale)));
    m_stale->setEnabled(stale == 0); // greyed text when nothing is stale, plain when something is
}

} // namespace voltdesk::widgets
