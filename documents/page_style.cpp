#include "documents/page_style.h"

#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QStringList>

namespace voltdesk::documents {

namespace {
constexpr qreal kMmPerInch = 25.4;
constexpr qreal kCellPaddingMm = 1.2;
} // namespace

PageStyle::PageStyle(const QPagedPaintDevice& device)
    : m_device(device), m_unitsPerMm(device.logicalDpiY() / kMmPerInch) {}

QFont PageStyle::font(qreal points, bool bold) const {
    QFont f(QString::fromLatin1(kFontFamily));
    f.setPointSizeF(points);
    f.setBold(bold);
    // Kerning and hinting tuned for screens move glyphs at PDF resolutions; the printed figures in a
    // column should line up.
    f.setHintingPreference(QFont::PreferNoHinting);
    // Noto Sans CJK's localized forms swap Latin digits for glyphs outside its character map, and
    // Qt's PDF writer then cannot map them back to text: "MA1H7" would copy and search as "MA9H;".
    // The SC face draws Simplified Chinese without them.
    f.setFeature(QFont::Tag("locl"), 0);
    return f;
}

qreal PageStyle::lineHeight(const QFont& font) const {
    const QFontMetricsF metrics(font, &m_device);
    return metrics.height() * 1.15;
}

void PageStyle::text(QPainter& painter, const QRectF& rect, const QString& text, const QFont& font,
                     Qt::Alignment alignment) const {
    painter.setFont(font);
    const QFontMetricsF metrics(font, &m_device);
    const QString shown = metrics.horizontalAdvance(text) > rect.width()
                              ? metrics.elidedText(text, Qt::ElideRight, rect.width())
                              : text;
    painter.drawText(rect, static_cast<int>(alignment | Qt::TextSingleLine), shown);
}

qreal PageStyle::paragraph(QPainter& painter, const QRectF& rect, const QString& text,
                           const QFont& font) const {
    painter.setFont(font);
    QRectF used;
    painter.drawText(rect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text, &used);
    return used.height();
}

qreal PageStyle::paragraphHeight(const QString& text, const QFont& font, qreal width) const {
    const QFontMetricsF metrics(font, &m_device);
    return metrics
        .boundingRect(QRectF(0, 0, width, 1e6), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text)
        .height();
}

void PageStyle::hRule(QPainter& painter, qreal x, qreal y, qreal width, qreal thicknessMm) const {
    painter.save();
    painter.setPen(QPen(Qt::black, mm(thicknessMm)));
    painter.drawLine(QPointF(x, y), QPointF(x + width, y));
    painter.restore();
}

void paintRow(QPainter& painter, const PageStyle& style, const QRectF& row,
              const std::vector<TableColumn>& columns, const QStringList& cells, const QFont& font) {
    qreal x = row.left();
    const qreal pad = style.mm(kCellPaddingMm);
    for (std::size_t i = 0; i < columns.size() && i < static_cast<std::size_t>(cells.size()); ++i) {
        const qreal width = style.mm(columns[i].widthMm);
        const QRectF cell(x + pad, row.top(), width - 2 * pad, row.height());
        style.text(painter, cell, cells[static_cast<qsizetype>(i)], font,
                   columns[i].alignment | Qt::AlignVCenter);
        x += width;
    }
}

void paintHeaderRow(QPainter& painter, const PageStyle& style, const QRectF& row,
                    const std::vector<TableColumn>& columns, const QStringList& english,
                    const QStringList& chinese) {
    const QRectF top(row.left(), row.top(), row.width(), row.height() / 2);
    const QRectF bottom(row.left(), row.top() + row.height() / 2, row.width(), row.height() / 2);
    paintRow(painter, style, top, columns, english, style.font(7.5, true));
    paintRow(painter, style, bottom, columns, chinese, style.font(7.5, true));
    qreal width = 0;
    for (const auto& column : columns) {
        width += style.mm(column.widthMm);
    }
    style.hRule(painter, row.left(), row.bottom(), std::min(width, row.width()), 0.3);
}

} // namespace voltdesk::documents
