// Blocks of a document laid out top to bottom over as many pages as they need: running header and
// footer on every page (with "page n of N", so pages are counted before anything is painted), and
// a table's column header repeated where its rows continue on a new page.
#pragma once

#include <QRectF>
#include <functional>
#include <vector>

class QPainter;
class QPagedPaintDevice;

namespace voltdesk::documents {

class PageFlow {
public:
    /// Paints into `area` (the block's rectangle, full body width).
    using Paint = std::function<void(QPainter&, const QRectF& area)>;
    /// Paints a page's header or footer, knowing the page (1-based) and how many there are.
    using PagePaint = std::function<void(QPainter&, const QRectF& area, int page, int pageCount)>;

    /// `body` is the printable rectangle of a page in device units (the painter's coordinates).
    explicit PageFlow(const QRectF& body);

    void setHeader(qreal height, PagePaint paint);
    void setFooter(qreal height, PagePaint paint);

    /// A block that is never split. keepWithNext: never the last block on a page (a section title).
    void addBlock(qreal height, Paint paint, qreal spaceBefore = 0, bool keepWithNext = false);
    /// A table: its header block, then rows; a page break between rows repeats the header.
    void beginTable(qreal headerHeight, Paint header, qreal spaceBefore = 0);
    void addRow(qreal height, Paint paint);
    void endTable();

    /// Lays the blocks out; returns the number of pages (at least 1).
    int paginate();
    /// Paints every page (paginate() first if not done); false if the painter could not start.
    bool paint(QPagedPaintDevice& device);

private:
    struct Block {
        qreal height = 0;
        qreal spaceBefore = 0;
        Paint paint;
        bool keepWithNext = false;
        int table = -1;        ///< index into m_tableHeaders, for rows
        bool isHeader = false; ///< the table's own header block
    };
    struct TableHeader {
        qreal height = 0;
        Paint paint;
    };
    struct Placement {
        const Paint* paint = nullptr;
        QRectF area;
    };

    qreal contentTop() const;
    qreal contentBottom() const;

    QRectF m_body;
    qreal m_headerHeight = 0;
    qreal m_footerHeight = 0;
    PagePaint m_header;
    PagePaint m_footer;
    std::vector<Block> m_blocks;
    std::vector<TableHeader> m_tableHeaders;
    int m_openTable = -1;
    std::vector<std::vector<Placement>> m_pages;
};

} // namespace voltdesk::documents
