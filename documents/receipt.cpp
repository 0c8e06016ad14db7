#include "documents/receipt.h"

#include "documents/bilingual_text.h"
#include "documents/money_text.h"
#include "documents/operator_header.h"
#include "documents/page_flow.h"
#include "documents/page_style.h"
#include "documents/site_time.h"

#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>

namespace voltdesk::documents {

namespace {

using contract::CdrLine;
using contract::ChargeDetailRecord;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

bool isUnrated(const ChargeDetailRecord& record) {
    return record.reason.starts_with("unrated:");
}

bool isEnergyLine(const CdrLine& line) {
    return line.kind == "energy" || line.kind == "serviceFee";
}

bool isTimeLine(const CdrLine& line) {
    return line.kind == "chargingTime" || line.kind == "idleTime";
}

const std::vector<TableColumn>& lineColumns() {
    static const std::vector<TableColumn> kColumns = {
        {40, Qt::AlignLeft},  {17, Qt::AlignLeft},  {41, Qt::AlignLeft},
        {26, Qt::AlignRight}, {26, Qt::AlignRight}, {28, Qt::AlignRight},
    };
    return kColumns;
}

/// Builds the receipt's blocks; lives until the flow has painted them.
class ReceiptLayout {
public:
    ReceiptLayout(const OperatorInfo& issuer, const ChargeDetailRecord& record, const PageStyle& style,
                  PageFlow& flow)
        : m_issuer(issuer), m_record(record), m_style(style), m_flow(flow), m_time(record.timeZone),
          m_showOffsets(m_time.offsetChanges(record.start, record.stop)),
          m_twoLineTimes(needsTwoLineTimes()) {}

    void build() {
        addOperator();
        addTitle();
        addNotices();
        addSessionFacts();
        if (!isUnrated(m_record)) {
            addLines();
            addTotals();
        }
        addAnomalies();
        addNotes();
        addFooter();
    }

private:
    qreal width() const { return m_style.mm(178); }

    void addOperator() {
        m_flow.addBlock(operatorHeaderHeight(m_style, m_issuer), [this](QPainter& p, const QRectF& area) {
            paintOperatorHeader(p, m_style, area, m_issuer);
        });
    }

    void addTitle() {
        const QFont title = m_style.font(16, true);
        const QFont label = m_style.small();
        const QFont value = m_style.bodyBold();
        const qreal h = m_style.lineHeight(label) + m_style.lineHeight(value);
        m_flow.addBlock(
            std::max(m_style.lineHeight(title), 2 * h) + m_style.mm(1),
            [=, this](QPainter& p, const QRectF& area) {
                m_style.text(p, QRectF(area.left(), area.top(), area.width() / 2, m_style.lineHeight(title)),
                             QStringLiteral("Charging receipt  充电收据"), title);
                const qreal x = area.left() + area.width() * 0.55;
                const qreal w = area.width() * 0.45;
                qreal y = area.top();
                const auto pair = [&](const QString& name, const QString& text) {
                    m_style.text(p, QRectF(x, y, w, m_style.lineHeight(label)), name, label, Qt::AlignRight);
                    y += m_style.lineHeight(label);
                    m_style.text(p, QRectF(x, y, w, m_style.lineHeight(value)), text, value, Qt::AlignRight);
                    y += m_style.lineHeight(value);
                };
                pair(QStringLiteral("Receipt no. 收据编号"), receiptNumber(m_record));
                pair(QStringLiteral("Rated at 计价时间"), m_time.dateTime(m_record.ratedAt));
            },
            m_style.mm(2));
    }

    void addNotice(const Bilingual& text, const QColor& shade) {
        const QFont font = m_style.bodyBold();
        const qreal inner = width() - m_style.mm(6);
        const qreal h =
            m_style.paragraphHeight(text.en, font, inner) + m_style.paragraphHeight(text.zh, font, inner);
        m_flow.addBlock(
            h + m_style.mm(4),
            [=, this](QPainter& p, const QRectF& area) {
                p.fillRect(area, shade);
                const qreal x = area.left() + m_style.mm(3);
                qreal y = area.top() + m_style.mm(2);
                y += m_style.paragraph(p, QRectF(x, y, inner, area.height()), text.en, font);
                m_style.paragraph(p, QRectF(x, y, inner, area.height()), text.zh, font);
            },
            m_style.mm(3));
    }

    void addNotices() {
        if (m_record.version > 1) {
            addNotice(replacesText(m_record.version, qs(m_record.reason)), QColor(0xe8, 0xf0, 0xfa));
        }
        if (m_record.provisional) {
            addNotice({QStringLiteral(
                           "Provisional: the session is still running; this is its cost so far, not a bill."),
                       QStringLiteral("临时：充电仍在进行，以上为截至目前的费用，并非正式账单。")},
                      QColor(0xfd, 0xf1, 0xd8));
        }
        if (isUnrated(m_record)) {
            const auto why = qs(m_record.reason.substr(std::string("unrated:").size())).trimmed();
            addNotice({QStringLiteral("Not rated: %1").arg(why), QStringLiteral("未计价：%1").arg(why)},
                      QColor(0xfd, 0xe2, 0xe1));
        }
    }

    void addSessionFacts() {
        const auto& r = m_record;
        QString energy = QStringLiteral("%1 kWh").arg(qs(formatKwh(r.billedMilliWh)));
        if (r.unbilledMilliWh > 0) {
            energy += QStringLiteral("  (+%1 kWh not billed 未计费)").arg(qs(formatKwh(r.unbilledMilliWh)));
        }
        QString zone = m_time.zoneName() + QStringLiteral(" (") + m_time.offset(r.start);
        if (m_showOffsets) {
            zone += QStringLiteral(" → ") + m_time.offset(r.stop);
        }
        zone += QLatin1Char(')');
        const QString site =
            r.siteName.empty() ? qs(r.siteId) : qs(r.siteName) + QStringLiteral(" (") + qs(r.siteId) + ')';
        m_facts = {
            {QStringLiteral("Site 站点"), site},
            {QStringLiteral("Charger 充电桩"), qs(r.chargerId)},
            {QStringLiteral("Connector 充电枪"), QString::number(r.connectorId)},
            {QStringLiteral("ID tag 卡号"), maskIdTag(r.idTag)},
            {QStringLiteral("Start 开始"), m_time.dateTime(r.start)},
            {QStringLiteral("Stop 结束"), m_time.dateTime(r.stop)},
            {QStringLiteral("Time zone 时区"), zone},
            {QStringLiteral("Customer group 客户组"),
             r.customerGroup.empty() ? QStringLiteral("—") : qs(r.customerGroup)},
            {QStringLiteral("Energy 电量"), energy},
            {QStringLiteral("Meter 电表 (Wh)"),
             QStringLiteral("%1 → %2").arg(qs(formatAmount(r.meterStartWh, 0)),
                                           qs(formatAmount(r.meterStopWh, 0)))},
        };
        const qreal rowHeight = m_style.lineHeight(m_style.body()) + m_style.mm(0.8);
        const std::size_t rowCount = (m_facts.size() + 1) / 2; // two facts a row
        const auto rows = static_cast<qreal>(rowCount);
        m_flow.addBlock(
            rows * rowHeight + m_style.mm(2),
            [=, this](QPainter& p, const QRectF& area) {
                // Two columns of label and value: 29 + 60 mm each.
                const qreal labelWidth = m_style.mm(29);
                const qreal half = area.width() / 2;
                for (std::size_t i = 0; i < m_facts.size(); ++i) {
                    const qreal x = area.left() + (i % 2 == 0 ? 0 : half);
                    const std::size_t row = i / 2;
                    const qreal y = area.top() + m_style.mm(1) + static_cast<qreal>(row) * rowHeight;
                    p.setPen(QColor(0x55, 0x55, 0x55));
                    m_style.text(p, QRectF(x, y, labelWidth, rowHeight), m_facts[i].first, m_style.small());
                    p.setPen(Qt::black);
                    m_style.text(p, QRectF(x + labelWidth, y, half - labelWidth - m_style.mm(2), rowHeight),
                                 m_facts[i].second, m_style.body());
                }
                m_style.hRule(p, area.left(), area.bottom(), area.width(), 0.2);
            },
            m_style.mm(3));
    }

    /// "07:30" normally; "10-24 23:40" on sessions over several local days, with "+02:00" when
    /// the session crosses a DST change, since a wall-clock time alone is then ambiguous.
    QString localTime(contract::EpochMs t) const {
        QString text = m_twoLineTimes ? m_time.local(t).toString(QStringLiteral("MM-dd HH:mm"))
                                      : m_time.local(t).toString(QStringLiteral("HH:mm"));
        if (m_showOffsets) {
            text += QLatin1Char(' ') + m_time.offset(t).mid(3);
        }
        return text;
    }

    /// Whether a line's from and to are printed on two lines (they would not fit on one).
    bool needsTwoLineTimes() const {
        return m_showOffsets || m_time.local(m_record.start).date() != m_time.local(m_record.stop).date();
    }

    QStringList lineCells(const CdrLine& line) const {
        QString quantity;
        QString price;
        if (isEnergyLine(line)) {
            quantity = qs(formatKwh(line.milliWh)) + QStringLiteral(" kWh");
            price = qs(formatUnitPrice(line.unitPrice, m_record.minorDigits)) + QStringLiteral(" /kWh");
        } else if (isTimeLine(line)) {
            quantity = qs(formatMinutes(line.durationMs)) + QStringLiteral(" min");
            price = qs(formatUnitPrice(line.unitPrice, m_record.minorDigits)) + QStringLiteral(" /min");
        }
        const bool timed = isEnergyLine(line) || isTimeLine(line);
        return {lineKindText(line.kind).both(),
                line.period.empty() ? QString() : periodText(line.period).both(),
                !timed           ? QString()
                : m_twoLineTimes ? QString()
                                 : localTime(line.from) + QStringLiteral("–") + localTime(line.to),
                quantity,
                price,
                qs(formatAmount(line.amount, m_record.minorDigits))};
    }

    void addLines() {
        const qreal headerHeight = 2 * m_style.lineHeight(m_style.font(7.5, true)) + m_style.mm(1);
        const auto currency = qs(m_record.currency);
        m_flow.beginTable(
            headerHeight,
            [=, this](QPainter& p, const QRectF& area) {
                paintHeaderRow(p, m_style, area, lineColumns(),
                               {QStringLiteral("Item"), QStringLiteral("Period"),
                                QStringLiteral("Time (local)"), QStringLiteral("Quantity"),
                                QStringLiteral("Unit price"), QStringLiteral("Amount (%1)").arg(currency)},
                               {QStringLiteral("项目"), QStringLiteral("时段"),
                                QStringLiteral("时间（当地）"), QStringLiteral("数量"),
                                QStringLiteral("单价"), QStringLiteral("金额（%1）").arg(currency)});
            },
            m_style.mm(4));
        const qreal textHeight = m_style.lineHeight(m_style.body());
        const qreal rowHeight = (m_twoLineTimes ? 2 : 1) * textHeight + m_style.mm(1.2);
        for (std::size_t i = 0; i < m_record.lines.size(); ++i) {
            const auto& line = m_record.lines[i];
            const QStringList cells = lineCells(line);
            const bool timed = m_twoLineTimes && (isEnergyLine(line) || isTimeLine(line));
            const QString from = timed ? localTime(line.from) : QString();
            const QString to = timed ? QStringLiteral("– ") + localTime(line.to) : QString();
            m_flow.addRow(rowHeight, [=, this](QPainter& p, const QRectF& area) {
                if (i % 2 == 1) {
                    p.fillRect(area, QColor(0xf4, 0xf4, 0xf4));
                }
                paintRow(p, m_style, area, lineColumns(), cells, m_style.body());
                if (timed) {
                    const auto& columns = lineColumns();
                    const qreal x = area.left() + m_style.mm(columns[0].widthMm + columns[1].widthMm + 1.2);
                    const qreal w = m_style.mm(columns[2].widthMm - 2.4);
                    const qreal top = area.top() + m_style.mm(0.6);
                    m_style.text(p, QRectF(x, top, w, textHeight), from, m_style.body());
                    m_style.text(p, QRectF(x, top + textHeight, w, textHeight), to, m_style.body());
                }
            });
        }
        if (m_record.lines.empty()) {
            m_flow.addRow(rowHeight, [this](QPainter& p, const QRectF& area) {
                m_style.text(p, area, QStringLiteral("No charges 无费用"), m_style.body());
            });
        }
        m_flow.endTable();
    }

    void addTotals() {
        const auto& r = m_record;
        const QFont font = m_style.body();
        const QFont totalFont = m_style.font(11, true);
        const qreal rowHeight = m_style.lineHeight(font) + m_style.mm(0.6);
        const qreal totalHeight = m_style.lineHeight(totalFont) + m_style.mm(1.5);
        const auto currency = qs(r.currency);
        const QString subtotal = qs(formatAmount(r.subtotal, r.minorDigits));
        const QString tax = qs(formatAmount(r.tax, r.minorDigits));
        const QString total = currency + QLatin1Char(' ') + qs(formatAmount(r.total, r.minorDigits));
        const QString rate = qs(formatRatePercent(r.taxRate));
        m_flow.addBlock(
            2 * rowHeight + totalHeight + m_style.mm(2),
            [=, this](QPainter& p, const QRectF& area) {
                // Right-aligned under the amount column, so each figure sits below the lines it sums.
                const qreal right = area.right() - m_style.mm(1.2);
                const qreal amountWidth = m_style.mm(40);
                const qreal labelLeft = area.right() - m_style.mm(100);
                const qreal labelWidth = m_style.mm(58);
                qreal y = area.top() + m_style.mm(1);
                m_style.hRule(p, area.left(), area.top(), area.width(), 0.3);
                const auto row = [&](const QString& label, const QString& value, const QFont& f, qreal h) {
                    m_style.text(p, QRectF(labelLeft, y, labelWidth, h), label, f,
                                 Qt::AlignRight | Qt::AlignVCenter);
                    m_style.text(p, QRectF(right - amountWidth, y, amountWidth, h), value, f,
                                 Qt::AlignRight | Qt::AlignVCenter);
                    y += h;
                };
                row(QStringLiteral("Subtotal 小计"), subtotal, font, rowHeight);
                row(QStringLiteral("Tax 税额 (%1%)").arg(rate), tax, font, rowHeight);
                m_style.hRule(p, labelLeft, y + m_style.mm(0.4), right - labelLeft, 0.4);
                y += m_style.mm(1);
                row(QStringLiteral("Total 合计"), total, totalFont, totalHeight);
            },
            m_style.mm(0.5));
    }

    void addAnomalies() {
        if (m_record.anomalies.empty()) {
            return;
        }
        const QFont titleFont = m_style.bodyBold();
        m_flow.addBlock(
            m_style.lineHeight(titleFont),
            [=, this](QPainter& p, const QRectF& area) {
                m_style.text(p, area, QStringLiteral("Meter readings not billed 未计费的电表读数"),
                             titleFont);
            },
            m_style.mm(5), true);
        const QFont font = m_style.body();
        const QFont detailFont = m_style.small();
        const qreal indent = m_style.mm(4);
        for (const auto& anomaly : m_record.anomalies) {
            const auto text = anomalyText(anomaly.kind, anomaly.milliWh);
            const QString when = QStringLiteral(" (%1)").arg(m_time.dateTime(anomaly.at));
            const QString en = text.en + when;
            const QString zh =
                text.zh + QStringLiteral("（") + m_time.dateTime(anomaly.at) + QStringLiteral("）");
            const QString detail = qs(anomaly.detail);
            const qreal w = width() - indent;
            const qreal h = m_style.paragraphHeight(en, font, w) + m_style.paragraphHeight(zh, font, w) +
                            (detail.isEmpty() ? 0 : m_style.paragraphHeight(detail, detailFont, w));
            m_flow.addBlock(
                h,
                [=, this](QPainter& p, const QRectF& area) {
                    const qreal x = area.left() + indent;
                    qreal y = area.top();
                    m_style.text(p, QRectF(area.left(), y, indent, m_style.lineHeight(font)),
                                 QStringLiteral("•"), font);
                    y += m_style.paragraph(p, QRectF(x, y, w, area.height()), en, font);
                    y += m_style.paragraph(p, QRectF(x, y, w, area.height()), zh, font);
                    p.setPen(QColor(0x55, 0x55, 0x55));
                    m_style.paragraph(p, QRectF(x, y, w, area.height()), detail, detailFont);
                    p.setPen(Qt::black);
                },
                m_style.mm(1));
        }
    }

    void addNotes() {
        QString en = QStringLiteral("Times are the site's local time (%1). Unit prices exclude tax; tax is "
                                    "charged on the subtotal.")
                         .arg(m_time.zoneName());
        QString zh =
            QStringLiteral("时间为站点当地时间（%1）。单价不含税，税额按小计计算。").arg(m_time.zoneName());
        if (m_showOffsets) {
            en += QStringLiteral(" The UTC offset changed during the session (daylight saving time), so "
                                 "each time shows its offset.");
            zh += QStringLiteral("充电期间夏令时切换，各时间后注明 UTC 偏移。");
        }
        const QFont font = m_style.small();
        const qreal h =
            m_style.paragraphHeight(en, font, width()) + m_style.paragraphHeight(zh, font, width());
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

    void addFooter() {
        const QFont font = m_style.small();
        const QString left = receiptNumber(m_record) + QStringLiteral(" · ") + m_issuer.nameEn;
        m_flow.setFooter(m_style.lineHeight(font) + m_style.mm(2), [=, this](QPainter& p, const QRectF& area,
                                                                             int page, int pageCount) {
            m_style.hRule(p, area.left(), area.top() + m_style.mm(1), area.width(), 0.2);
            const QRectF line(area.left(), area.top() + m_style.mm(1.5), area.width(),
                              m_style.lineHeight(font));
            m_style.text(p, QRectF(line.left(), line.top(), line.width() * 0.6, line.height()), left, font);
            m_style.text(p, line, pageText(page, pageCount), font, Qt::AlignRight | Qt::AlignVCenter);
        });
    }

    const OperatorInfo& m_issuer;
    const ChargeDetailRecord& m_record;
    const PageStyle& m_style;
    PageFlow& m_flow;
    SiteTime m_time;
    bool m_showOffsets;
    bool m_twoLineTimes;
    std::vector<std::pair<QString, QString>> m_facts;
};

} // namespace

QString receiptNumber(const ChargeDetailRecord& record) {
    return qs(record.cdrId) + QStringLiteral(" · v") + QString::number(record.version);
}

QString receiptFileName(const ChargeDetailRecord& record) {
    static const QRegularExpression kUnsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    return qs(record.cdrId).replace(kUnsafe, QStringLiteral("_")) + QStringLiteral("-v") +
           QString::number(record.version) + QStringLiteral(".pdf");
}

RenderResult renderReceipt(const OperatorInfo& issuer, const ChargeDetailRecord& record, QIODevice& out) {
    QPdfWriter writer(&out);
    setUpWriter(writer, QStringLiteral("Receipt ") + receiptNumber(record));
    const PageStyle style(writer);
    PageFlow flow(QRectF(QPointF(0, 0), writer.pageLayout().paintRectPixels(writer.resolution()).size()));
    ReceiptLayout layout(issuer, record, style, flow);
    layout.build();
    const int pages = flow.paginate();
    if (!flow.paint(writer)) {
        return {0, QStringLiteral("could not paint the PDF")};
    }
    return {pages, {}};
}

RenderResult renderReceipt(const OperatorInfo& issuer, const ChargeDetailRecord& record,
                           const QString& pdfPath) {
    QSaveFile file(pdfPath);
    if (!file.open(QIODevice::WriteOnly)) {
        return {0, QStringLiteral("%1: %2").arg(pdfPath, file.errorString())};
    }
    auto result = renderReceipt(issuer, record, file);
    if (result && !file.commit()) {
        return {0, QStringLiteral("%1: %2").arg(pdfPath, file.errorString())};
    }
    return result;
}

} // namespace voltdesk::documents
