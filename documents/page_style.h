// Sizes, fonts and text drawing shared by receipts and statements, in the PDF writer's device units.
#pragma once

#include <QFont>
#include <QRectF>
#include <QString>
#include <vector>

class QPainter;
class QPagedPaintDevice;

namespace voltdesk::documents {

/// One family for Latin and Chinese text: Noto Sans CJK carries both, so a bilingual label never
/// mixes two fonts' baselines, and the PDF embeds one subset. Debian: fonts-noto-cjk.
inline constexpr const char* kFontFamily = "Noto Sans CJK SC";

class PageStyle {
public:
    explicit PageStyle(const QPagedPaintDevice& device);

    /// Millimetres in device units.
    qreal mm(qreal millimetres) const { return millimetres * m_unitsPerMm; }

    QFont font(qreal points, bool bold = false) const;
    QFont body() const { return font(8.5); }
    QFont bodyBold() const { return font(8.5, true); }
    QFont small() const { return font(7); }

    /// The height of one line of text in `font`, with a little leading.
    qreal lineHeight(const QFont& font) const;

    /// One line in `rect`, elided with "…" when it is wider, so that text is shortened visibly instead
    /// of running into the next column.
    void text(QPainter& painter, const QRectF& rect, const QString& text, const QFont& font,
              Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter) const;
    /// Word-wrapped text from the top of `rect`; returns the height it took.
    qreal paragraph(QPainter& painter, const QRectF& rect, const QString& text, const QFont& font) const;
    /// The height paragraph() would take at `width`.
    qreal paragraphHeight(const QString& text, const QFont& font, qreal width) const;

    void hRule(QPainter& painter, qreal x, qreal y, qreal width, qreal thicknessMm = 0.2) const;

private:
    const QPagedPaintDevice& m_device;
    qreal m_unitsPerMm;
};

/// A table's column: its share of the width and how its cells align (amounts right).
struct TableColumn {
    qreal widthMm = 0;
    Qt::Alignment alignment = Qt::AlignLeft;
};

/// Cells left to right; each column gets a padding so right-aligned figures do not touch the edge.
void paintRow(QPainter& painter, const PageStyle& style, const QRectF& row,
              const std::vector<TableColumn>& columns, const QStringList& cells, const QFont& font);
/// Two-line column headers, English above Chinese.
void paintHeaderRow(QPainter& painter, const PageStyle& style, const QRectF& row,
                    const std::vector<TableColumn>& columns, const QStringList& english,
                    const QStringList& chinese);

} // namespace voltdesk::documents
