#include "documents/page_flow.h"

#include <QPagedPaintDevice>
#include <QPainter>

namespace voltdesk::documents {

PageFlow::PageFlow(const QRectF& body) : m_body(body) {}

void PageFlow::setHeader(qreal height, PagePaint paint) {
    m_headerHeight = height;
    m_header = std::move(paint);
}

void PageFlow::setFooter(qreal height, PagePaint paint) {
    m_footerHeight = height;
    m_footer = std::move(paint);
}

void PageFlow::addBlock(qreal height, Paint paint, qreal spaceBefore, bool keepWithNext) {
    m_blocks.push_back({height, spaceBefore, std::move(paint), keepWithNext, -1, false});
    m_pages.clear();
}

void PageFlow::beginTable(qreal headerHeight, Paint header, qreal spaceBefore) {
    m_openTable = static_cast<int>(m_tableHeaders.size());
    m_tableHeaders.push_back({headerHeight, header});
    // A header alone at the foot of a page is useless: it keeps with its first row.
    m_blocks.push_back({headerHeight, spaceBefore, std::move(header), true, m_openTable, true});
    m_pages.clear();
}

void PageFlow::addRow(qreal height, Paint paint) {
    m_blocks.push_back({height, 0, std::move(paint), false, m_openTable, false});
    m_pages.clear();
}

void PageFlow::endTable() {
    m_openTable = -1;
}

qreal PageFlow::contentTop() const {
    return m_body.top() + m_headerHeight;
}

qreal PageFlow::contentBottom() const {
    return m_body.bottom() - m_footerHeight;
}

int PageFlow::paginate() {
    m_pages.assign(1, {});
    qreal y = contentTop();
    const auto fits = [&](qreal height) { return y + height <= contentBottom() + 0.5; };
    for (std::size_t i = 0; i < m_blocks.size(); ++i) {
        const Block& block = m_blocks[i];
        const bool atTop = m_pages.back().empty();
        const qreal space = atTop ? 0 : block.spaceBefore;
        qreal needed = space + block.height;
        if (block.keepWithNext && i + 1 < m_blocks.size()) {
            needed += m_blocks[i + 1].spaceBefore + m_blocks[i + 1].height;
        }
        if (!atTop && !fits(needed)) {
            m_pages.emplace_back();
            y = contentTop();
            // A table's rows continue under a repeated header.
            if (block.table >= 0 && !block.isHeader) {
                const auto& header = m_tableHeaders[static_cast<std::size_t>(block.table)];
                m_pages.back().push_back(
                    {&header.paint, QRectF(m_body.left(), y, m_body.width(), header.height)});
                y += header.height;
            }
        } else {
            y += space;
        }
        // A block taller than a page is painted anyway and clipped by the page: better a visible
        // overflow than a lost line. Documents keep their blocks far smaller.
        m_pages.back().push_back({&block.paint, QRectF(m_body.left(), y, m_body.width(), block.height)});
        y += block.height;
    }
    return static_cast<int>(m_pages.size());
}

bool PageFlow::paint(QPagedPaintDevice& device) {
    if (m_pages.empty()) {
        paginate();
    }
    QPainter painter;
    if (!painter.begin(&device)) {
        return false;
    }
    const int pageCount = static_cast<int>(m_pages.size());
    for (int page = 0; page < pageCount; ++page) {
        if (page > 0) {
            device.newPage();
        }
        if (m_header) {
            m_header(painter, QRectF(m_body.left(), m_body.top(), m_body.width(), m_headerHeight), page + 1,
                     pageCount);
        }
        for (const auto& placement : m_pages[static_cast<std::size_t>(page)]) {
            (*placement.paint)(painter, placement.area);
        }
        if (m_footer) {
            m_footer(painter, QRectF(m_body.left(), contentBottom(), m_body.width(), m_footerHeight),
                     page + 1, pageCount);
        }
    }
    return painter.end();
}

} // namespace voltdesk::documents
