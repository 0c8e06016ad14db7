#include "documents/operator_header.h"

#include "documents/page_style.h"

#include <QImage>
#include <QMarginsF>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>

namespace voltdesk::documents {

namespace {

constexpr qreal kLogoMaxWidthMm = 45;
constexpr qreal kLogoMaxHeightMm = 18;

struct HeaderLine {
    QString text;
    QFont font;
};

std::vector<HeaderLine> headerLines(const PageStyle& style, const OperatorInfo& info) {
    std::vector<HeaderLine> lines{{info.nameEn, style.font(13, true)}, {info.nameZh, style.font(11, true)}};
    if (!info.address.isEmpty()) {
        lines.push_back({info.address, style.font(8)});
    }
    if (!info.contact.isEmpty()) {
        lines.push_back({info.contact, style.font(8)});
    }
    lines.push_back({QStringLiteral("Tax ID 纳税人识别号: ") + info.taxId, style.font(8.5, true)});
    return lines;
}

} // namespace

void setUpWriter(QPdfWriter& writer, const QString& title) {
    writer.setResolution(600);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(16, 14, 16, 14), QPageLayout::Millimeter));
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Voltdesk"));
}

qreal operatorHeaderHeight(const PageStyle& style, const OperatorInfo& info) {
    qreal height = 0;
    for (const auto& line : headerLines(style, info)) {
        height += style.lineHeight(line.font);
    }
    return std::max(height, style.mm(kLogoMaxHeightMm)) + style.mm(3);
}

void paintOperatorHeader(QPainter& painter, const PageStyle& style, const QRectF& area,
                         const OperatorInfo& info) {
    qreal textWidth = area.width();
    if (!info.logoPath.isEmpty()) {
        const QImage logo(info.logoPath);
        if (!logo.isNull()) {
            QSizeF size =
                QSizeF(logo.size())
                    .scaled(style.mm(kLogoMaxWidthMm), style.mm(kLogoMaxHeightMm), Qt::KeepAspectRatio);
            painter.drawImage(QRectF(QPointF(area.right() - size.width(), area.top()), size), logo);
            textWidth -= size.width() + style.mm(4);
        }
    }
    qreal y = area.top();
    for (const auto& line : headerLines(style, info)) {
        const qreal h = style.lineHeight(line.font);
        style.text(painter, QRectF(area.left(), y, textWidth, h), line.text, line.font);
        y += h;
    }
    style.hRule(painter, area.left(), area.bottom() - style.mm(1), area.width(), 0.4);
}

} // namespace voltdesk::documents
