// The operator's block at the top of every document: names in both languages, address, contact,
// tax id and the logo; and the writer set-up the documents share (A4 portrait, margins, metadata).
#pragma once

#include "documents/operator_info.h"

#include <QRectF>

class QPainter;
class QPdfWriter;

namespace voltdesk::documents {

class PageStyle;

/// A4 portrait with 16 mm side and 14 mm top and bottom margins; title and creator in the metadata.
void setUpWriter(QPdfWriter& writer, const QString& title);

qreal operatorHeaderHeight(const PageStyle& style, const OperatorInfo& info);
/// Paints the block in `area`; the logo, if it loads, at the top right.
void paintOperatorHeader(QPainter& painter, const PageStyle& style, const QRectF& area,
                         const OperatorInfo& info);

} // namespace voltdesk::documents
