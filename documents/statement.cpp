#include "documents/statement.h"

#include "documents/bilingual_text.h"
#include "documents/money_text.h"
#include "documents/operator_header.h"
#include "documents/page_flow.h"
#include "documents/page_style.h"
#include "documents/receipt.h"
#include "documents/site_time.h"

#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <map>
#include <set>

namespace voltdesk::documents {

namespace {

using contract::ChargeDetailRecord;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

bool isUnrated(const ChargeDetailRecord& record) {
    return record.reason.starts_with("unrated:");
}

struct CurrencyTotal {
    int minorDigits = 2;
    int sessions = 0;
    std::int64_t milliWh = 0;
    std::int64_t subtotal = 0;
    std::int64_t tax = 0;
    std::int64_t total = 0;
};

struct TaxTotal {
    int minorDigits = 2;
    int sessions = 0;
    std::int64_t taxable = 0;
    std::int64_t tax = 0;
};

const std::vector<TableColumn>& sessionColumns() {
    static const std::vector<TableColumn> kColumns = {
        {19, Qt::AlignLeft}, {46, Qt::AlignLeft},  {36, Qt::AlignLeft},
        {32, Qt::AlignLeft}, {20, Qt::AlignRight}, {25, Qt::AlignRight},
    };
    return kColumns;
}

const std::vector<TableColumn>& currencyColumns() {
    static const std::vector<TableColumn> kColumns = {
        {20, Qt::AlignLeft},  {20, Qt::AlignRight}, {30, Qt::AlignRight},
        {36, Qt::AlignRight}, {34, Qt::AlignRight}, {38, Qt::AlignRight},
    };
    return kColumns;
}

const std::vector<TableColumn>& taxColumns() {
    static const std::vector<TableColumn> kColumns = {
        {20, Qt::AlignLeft},  {20, Qt::AlignRight}, {30, Qt::AlignRight},
        {36, Qt::AlignRight}, {34, Qt::AlignRight},
    };
    return kColumns;
}

class StatementLayout {
public:
    StatementLayout(const OperatorInfo& issuer, const QString& customerGroup, YearMonth month,
                    const std::vector<ChargeDetailRecord>& records, const PageStyle& style, PageFlow& flow)
        : m_issuer(issuer), m_group(customerGroup), m_month(QStringLiteral("%1-%2")
                                                                .arg(month.year, 4, 10, QLatin1Char('0'))
                                                                .arg(month.month, 2, 10, QLatin1Char('0'))),
          m_records(records), m_style(style), m_flow(flow) {
        for (const auto& r : records) {
            m_currencies.insert(r.currency);
        }
    }

    void build() {
        addRunningHeader();
        addFooter();
        addSessions();
        addCurrencyTotals();
        addTaxSummary();
        addNotes();
    }

private:
    QFont rowFont() const { return m_style.font(8); }
    qreal rowHeight() const { return m_style.lineHeight(rowFont()) + m_style.mm(1); }
    qreal headerRowHeight() const { return 2 * m_style.lineHeight(m_style.font(7.5, true)) + m_style.mm(1); }
    bool singleCurrency() const { return m_currencies.size() <= 1; }

    void addRunningHeader() {
        // The operator over the full width (a long company name is not cut), then the statement's
        // title with its customer group and month: on every page, so a loose page still says whose it is.
        const QFont nameEn = m_style.font(11, true);
        const QFont nameZh = m_style.font(10, true);
        const QFont small = m_style.font(7.5);
        const QFont title = m_style.font(13, true);
        const QFont value = m_style.bodyBold();
        const qreal operatorHeight =
            m_style.lineHeight(nameEn) + m_style.lineHeight(nameZh) + 2 * m_style.lineHeight(small);
        const qreal titleHeight = std::max(m_style.lineHeight(title), 2 * m_style.lineHeight(value));
        const qreal height = operatorHeight + m_style.mm(2) + titleHeight + m_style.mm(4);
        m_flow.setHeader(height, [=, this](QPainter& p, const QRectF& area, int, int) {
            qreal y = area.top();
            const auto line = [&](const QString& text, const QFont& f) {
                m_style.text(p, QRectF(area.left(), y, area.width(), m_style.lineHeight(f)), text, f);
                y += m_style.lineHeight(f);
            };
            line(m_issuer.nameEn, nameEn);
            line(m_issuer.nameZh, nameZh);
            line(QStringLiteral("Tax ID 纳税人识别号: ") + m_issuer.taxId, small);
            line(m_issuer.address, small);
            y += m_style.mm(1);
            m_style.hRule(p, area.left(), y, area.width(), 0.2);
            y += m_style.mm(1);
            m_style.text(p, QRectF(area.left(), y, area.width() / 2, titleHeight),
                         QStringLiteral("Monthly statement  月度对账单"), title);
            const qreal right = area.left() + area.width() / 2;
            const qreal valueHeight = m_style.lineHeight(value);
            m_style.text(p, QRectF(right, y, area.width() / 2, valueHeight),
                         QStringLiteral("Customer group 客户组: ") + m_group, value,
                         Qt::AlignRight | Qt::AlignVCenter);
            m_style.text(p, QRectF(right, y + valueHeight, area.width() / 2, valueHeight),
                         QStringLiteral("Month 月份: ") + m_month, value, Qt::AlignRight | Qt::AlignVCenter);
            m_style.hRule(p, area.left(), area.bottom() - m_style.mm(2), area.width(), 0.4);
        });
    }

    void addFooter() {
        const QFont font = m_style.small();
        const QString left =
            m_issuer.nameEn + QStringLiteral(" · ") + m_group + QStringLiteral(" · ") + m_month;
        m_flow.setFooter(m_style.lineHeight(font) + m_style.mm(2), [=, this](QPainter& p, const QRectF& area,
                                                                             int page, int pageCount) {
            m_style.hRule(p, area.left(), area.top() + m_style.mm(1), area.width(), 0.2);
            const QRectF line(area.left(), area.top() + m_style.mm(1.5), area.width(),
                              m_style.lineHeight(font));
            m_style.text(p, QRectF(line.left(), line.top(), line.width() * 0.55, line.height()), left, font);
            m_style.text(p, line, pageText(page, pageCount), font, Qt::AlignRight | Qt::AlignVCenter);
        });
    }

    void addSectionTitle(const QString& text) {
        const QFont font = m_style.font(10, true);
        m_flow.addBlock(
            m_style.lineHeight(font) + m_style.mm(1),
            [=, this](QPainter& p, const QRectF& area) { m_style.text(p, area, text, font); }, m_style.mm(6),
            true);
    }

    QStringList sessionCells(const ChargeDetailRecord& r) const {
        const SiteTime time(r.timeZone);
        QString total;
        if (isUnrated(r)) {
            total = QStringLiteral("not rated 未计价");
        } else {
            total = qs(formatAmount(r.total, r.minorDigits));
            if (!singleCurrency()) {
                total = qs(r.currency) + QLatin1Char(' ') + total;
            }
        }
        return {time.date(r.stop),
                receiptNumber(r),
                r.siteName.empty() ? qs(r.siteId) : qs(r.siteName),
                qs(r.chargerId) + QStringLiteral(" #") + QString::number(r.connectorId),
                qs(formatKwh(r.billedMilliWh)),
                total};
    }

    void addSessions() {
        const QString totalEn = singleCurrency() && !m_currencies.empty()
                                    ? QStringLiteral("Total (%1)").arg(qs(*m_currencies.begin()))
                                    : QStringLiteral("Total");
        const QString totalZh = singleCurrency() && !m_currencies.empty()
                                    ? QStringLiteral("金额（%1）").arg(qs(*m_currencies.begin()))
                                    : QStringLiteral("金额");
        m_flow.beginTable(headerRowHeight(), [=, this](QPainter& p, const QRectF& area) {
            paintHeaderRow(p, m_style, area, sessionColumns(),
                           {QStringLiteral("Date"), QStringLiteral("Receipt no."), QStringLiteral("Site"),
                            QStringLiteral("Charger"), QStringLiteral("kWh"), totalEn},
                           {QStringLiteral("日期"), QStringLiteral("收据编号"), QStringLiteral("站点"),
                            QStringLiteral("充电桩"), QStringLiteral("电量"), totalZh});
        });
        for (std::size_t i = 0; i < m_records.size(); ++i) {
            const QStringList cells = sessionCells(m_records[i]);
            m_flow.addRow(rowHeight(), [=, this](QPainter& p, const QRectF& area) {
                if (i % 2 == 1) {
                    p.fillRect(area, QColor(0xf4, 0xf4, 0xf4));
                }
                paintRow(p, m_style, area, sessionColumns(), cells, rowFont());
            });
        }
        if (m_records.empty()) {
            m_flow.addRow(rowHeight(), [this](QPainter& p, const QRectF& area) {
                m_style.text(p, area, QStringLiteral("No sessions this month 本月无充电记录"),
                             m_style.body());
            });
        }
        m_flow.endTable();
    }

    void addCurrencyTotals() {
        std::map<std::string, CurrencyTotal> totals;
        int unrated = 0;
        for (const auto& r : m_records) {
            if (isUnrated(r)) {
                ++unrated;
                continue;
            }
            auto& t = totals[r.currency];
            t.minorDigits = r.minorDigits;
            ++t.sessions;
            t.milliWh += r.billedMilliWh;
            t.subtotal += r.subtotal;
            t.tax += r.tax;
            t.total += r.total;
        }
        addSectionTitle(QStringLiteral("Totals per currency  按币种合计"));
        m_flow.beginTable(headerRowHeight(), [this](QPainter& p, const QRectF& area) {
            paintHeaderRow(p, m_style, area, currencyColumns(),
                           {QStringLiteral("Currency"), QStringLiteral("Sessions"),
                            QStringLiteral("Energy (kWh)"), QStringLiteral("Subtotal"), QStringLiteral("Tax"),
                            QStringLiteral("Total")},
                           {QStringLiteral("币种"), QStringLiteral("次数"), QStringLiteral("电量（kWh）"),
                            QStringLiteral("小计"), QStringLiteral("税额"), QStringLiteral("合计")});
        });
        for (const auto& [currency, t] : totals) {
            const QStringList cells = {qs(currency),
                                       QString::number(t.sessions),
                                       qs(formatKwh(t.milliWh)),
                                       qs(formatAmount(t.subtotal, t.minorDigits)),
                                       qs(formatAmount(t.tax, t.minorDigits)),
                                       qs(formatAmount(t.total, t.minorDigits))};
            m_flow.addRow(rowHeight(), [=, this](QPainter& p, const QRectF& area) {
                paintRow(p, m_style, area, currencyColumns(), cells, m_style.bodyBold());
            });
        }
        if (unrated > 0) {
            const QString text =
                QStringLiteral("%1 session(s) not rated, not included: %1 次充电未计价，未计入合计")
                    .arg(unrated);
            m_flow.addRow(rowHeight(), [=, this](QPainter& p, const QRectF& area) {
                m_style.text(p, area, text, m_style.body());
            });
        }
        m_flow.endTable();
    }

    void addTaxSummary() {
        std::map<std::pair<std::string, std::string>, TaxTotal> taxes;
        for (const auto& r : m_records) {
            if (isUnrated(r)) {
                continue;
            }
            auto& t = taxes[{r.currency, formatRatePercent(r.taxRate)}];
            t.minorDigits = r.minorDigits;
            ++t.sessions;
            t.taxable += r.subtotal;
            t.tax += r.tax;
        }
        addSectionTitle(QStringLiteral("Tax summary  税额汇总"));
        m_flow.beginTable(headerRowHeight(), [this](QPainter& p, const QRectF& area) {
            paintHeaderRow(p, m_style, area, taxColumns(),
                           {QStringLiteral("Currency"), QStringLiteral("Tax rate"),
                            QStringLiteral("Sessions"), QStringLiteral("Taxable amount"),
                            QStringLiteral("Tax")},
                           {QStringLiteral("币种"), QStringLiteral("税率"), QStringLiteral("次数"),
                            QStringLiteral("计税金额"), QStringLiteral("税额")});
        });
        for (const auto& [key, t] : taxes) {
            const QStringList cells = {
                qs(key.first), qs(key.second) + QLatin1Char('%'), QString::number(t.sessions),
                qs(formatAmount(t.taxable, t.minorDigits)), qs(formatAmount(t.tax, t.minorDigits))};
            m_flow.addRow(rowHeight(), [=, this](QPainter& p, const QRectF& area) {
                paintRow(p, m_style, area, taxColumns(), cells, m_style.body());
            });
        }
        m_flow.endTable();
    }

    void addNotes() {
        const QString en = QStringLiteral("Sessions are listed by the date they stopped, in each site's "
                                          "local time. A re-rated session is listed "
                                          "once, with the version in force (the receipt number's v). Amounts "
                                          "are in the currency's major unit; "
                                          "tax is charged on each session's subtotal.");
        const QString zh =
            QStringLiteral("按充电结束日期（站点当地时间）列出。重新计价的充电只列出现行版本（收据编号中的 "
                           "v）。税额按每次充电的小计计算。");
        const QFont font = m_style.small();
        const qreal width = m_style.mm(178);
        const qreal h = m_style.paragraphHeight(en, font, width) + m_style.paragraphHeight(zh, font, width);
        m_flow.addBlock(
            h,
            [=, this](QPainter& p, const QRectF& area) {
                p.setPen(QColor(0x55, 0x55, 0x55));
                const qreal y = area.top() + m_style.paragraph(p, area, en, font);
                m_style.paragraph(p, QRectF(area.left(), y, area.width(), area.height()), zh, font);
                p.setPen(Qt::black);
            },
            m_style.mm(6));
    }

    const OperatorInfo& m_issuer;
    QString m_group;
    QString m_month;
    const std::vector<ChargeDetailRecord>& m_records;
    const PageStyle& m_style;
    PageFlow& m_flow;
    std::set<std::string> m_currencies;
};

} // namespace

RenderResult renderStatement(const OperatorInfo& issuer, const QString& customerGroup, YearMonth month,
                             const std::vector<ChargeDetailRecord>& records, QIODevice& out) {
    QPdfWriter writer(&out);
    setUpWriter(writer, QStringLiteral("Statement %1 %2-%3")
                            .arg(customerGroup)
                            .arg(month.year)
                            .arg(month.month, 2, 10, QLatin1Char('0')));
    const PageStyle style(writer);
    PageFlow flow(QRectF(QPointF(0, 0), writer.pageLayout().paintRectPixels(writer.resolution()).size()));
    StatementLayout layout(issuer, customerGroup, month, records, style, flow);
    layout.build();
    const int pages = flow.paginate();
    if (!flow.paint(writer)) {
        return {0, QStringLiteral("could not paint the PDF")};
    }
    return {pages, {}};
}

RenderResult renderStatement(const OperatorInfo& issuer, const QString& customerGroup, YearMonth month,
                             const std::vector<ChargeDetailRecord>& records, const QString& pdfPath) {
    QSaveFile file(pdfPath);
    if (!file.open(QIODevice::WriteOnly)) {
        return {0, QStringLiteral("%1: %2").arg(pdfPath, file.errorString())};
    }
    auto result = renderStatement(issuer, customerGroup, month, records, file);
    if (result && !file.commit()) {
        return {0, QStringLiteral("%1: %2").arg(pdfPath, file.errorString())};
    }
    return result;
}

} // namespace voltdesk::documents
