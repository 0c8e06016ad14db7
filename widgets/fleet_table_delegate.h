// How a fleet table cell looks: greyed when its value is old, the status with its marker shape.
#pragma once

#include <QIcon>
#include <QStyledItemDelegate>
#include <array>

namespace voltdesk::widgets {

/// Reads FleetTableModel::StaleRole and StatusRole; the model says what is old, the delegate how old
/// looks (the palette's disabled text, italic), so the look follows the theme.
class FleetTableDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit FleetTableDelegate(QObject* parent = nullptr);

    /// Room on each side of a cell's text, so right-aligned numbers do not touch the next column.
    static constexpr int kPadding = 6;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    const QIcon& statusIcon(int status, bool stale, qreal devicePixelRatio) const;

    mutable std::array<QIcon, 16> m_icons; ///< [stale * 8 + status], made on first use
    mutable qreal m_iconRatio = 0;
};

} // namespace voltdesk::widgets
