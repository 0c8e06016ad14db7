#include "widgets/fleet_table_delegate.h"

#include "contract/charger_status.h"
#include "models/fleet_table_model.h"
#include "widgets/status_palette.h"

#include <QApplication>
#include <QPainter>
#include <QPixmap>
#include <QStyle>

namespace voltdesk::widgets {

namespace {

constexpr int kIconSize = 16;

} // namespace

FleetTableDelegate::FleetTableDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

const QIcon& FleetTableDelegate::statusIcon(int status, bool stale, qreal devicePixelRatio) const {
    if (devicePixelRatio != m_iconRatio) {
        m_icons = {};
        m_iconRatio = devicePixelRatio;
    }
    const int slot = (stale ? contract::kChargerStatusCount : 0) + status;
    QIcon& icon = m_icons[static_cast<std::size_t>(slot)];
    if (icon.isNull()) {
        icon = QIcon(QPixmap::fromImage(StatusPalette::markerSprite(
            static_cast<contract::ChargerStatus>(status), stale, kIconSize, devicePixelRatio)));
    }
    return icon;
}

void FleetTableDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    // The row's background over the whole cell, the content inset by kPadding.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    opt.rect.adjust(kPadding, 0, -kPadding, 0);
    opt.backgroundBrush = Qt::NoBrush;
    opt.state &= ~QStyle::State_Selected;
    opt.palette.setColor(QPalette::Text, (option.state & QStyle::State_Selected)
                                             ? opt.palette.color(QPalette::HighlightedText)
                                             : opt.palette.color(QPalette::Text));
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
}

QSize FleetTableDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    return QStyledItemDelegate::sizeHint(option, index) + QSize(2 * kPadding, 0);
}

void FleetTableDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    const bool stale = index.data(models::FleetTableModel::StaleRole).toBool();
    if (index.column() == models::FleetTableModel::StatusColumn) {
        const int status = index.data(models::FleetTableModel::StatusRole).toInt();
        if (status >= 0 && status < contract::kChargerStatusCount) {
            const qreal ratio = option->widget ? option->widget->devicePixelRatioF() : 1.0;
            option->icon = statusIcon(status, stale, ratio);
            option->decorationSize = QSize(kIconSize, kIconSize);
            option->features |= QStyleOptionViewItem::HasDecoration;
        }
    }
    if (stale) {
        const QColor grey = option->palette.color(QPalette::Disabled, QPalette::Text);
        option->palette.setColor(QPalette::Text, grey);
        option->palette.setColor(QPalette::HighlightedText,
                                 option->palette.color(QPalette::Disabled, QPalette::HighlightedText));
        option->font.setItalic(true);
    }
}

} // namespace voltdesk::widgets
