// Receipts and statements rendered to PDF and read back with Qt PDF, as a customer's viewer would:
// the figures, the operator's tax id, the Chinese labels (so the CJK font is embedded), the masked
// id tag, the re-rating note, and a long statement's pages with their headers and numbers.
#include "document_fixtures.h"
#include "documents/receipt.h"
#include "documents/statement.h"

#include <QBuffer>
#include <QImage>
#include <QPdfDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace voltdesk;
using namespace voltdesk::documents;

namespace {

/// Every page's text, read back from the PDF bytes.
QStringList pdfPages(const QByteArray& pdf) {
    QBuffer buffer;
    buffer.setData(pdf);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument document;
    document.load(&buffer);
    if (document.status() != QPdfDocument::Status::Ready) {
        return {};
    }
    QStringList pages;
    for (int i = 0; i < document.pageCount(); ++i) {
        pages.push_back(document.getAllText(i).text());
    }
    return pages;
}

QByteArray receiptPdf(const contract::ChargeDetailRecord& record, RenderResult* result = nullptr) {
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    const auto r = renderReceipt(testing::sampleOperator(), record, out);
    if (result) {
        *result = r;
    }
    return out.data();
}

/// Text extraction may break lines or insert spaces between glyph runs: compare without whitespace.
/// Qt's PDF writer maps each glyph back to the lowest code point that draws it, so a few characters
/// that share a glyph with a radical or a dash come back as that look-alike (a Qt limitation noted
/// in docs/BILLING.md); they are mapped back here so the checks read as the documents do.
QString squeezed(QString text) {
    text.remove(QRegularExpression(QStringLiteral("\\s")));
    QString mapped;
    for (const QChar c : text) {
        if (c.unicode() >= 0x2F00 && c.unicode() <= 0x2FD5) { // Kangxi radicals: 人 comes back as ⼈
            mapped += QString(c).normalized(QString::NormalizationForm_KC);
        } else if (c.unicode() == 0x2EDA) { // a CJK radical supplement without a decomposition
            mapped += QStringLiteral("页");
        } else if (c.unicode() == 0x2012) { // figure dash for the en dash
            mapped += QStringLiteral("–");
        } else {
            mapped += c;
        }
    }
    return mapped;
}

} // namespace

class TstDocumentsPdf : public QObject {
    Q_OBJECT

private slots:
    void receiptCarriesTheBillInBothLanguages() {
        RenderResult result;
        const auto pages = pdfPages(receiptPdf(testing::sampleRecord(), &result));
        QVERIFY2(result, qPrintable(result.error));
        QCOMPARE(result.pageCount, 1);
        QCOMPARE(pages.size(), 1);
        const QString text = squeezed(pages[0]);
        QVERIFY2(text.contains(QStringLiteral("CNY58.30")), qPrintable(pages[0])); // the total
        QVERIFY(text.contains(QStringLiteral("55.00")));                           // subtotal
        QVERIFY(text.contains(QStringLiteral("3.30")));                            // tax
        QVERIFY(text.contains(QStringLiteral("Tax税额(6%)")));
        QVERIFY(text.contains(QStringLiteral("91310115MA1H7XK42Q")));
        QVERIFY(text.contains(QStringLiteral("伏台充电服务（上海）有限公司")));
        QVERIFY(text.contains(QStringLiteral("电量")));
        QVERIFY(text.contains(QStringLiteral("合计")));
        QVERIFY(text.contains(QStringLiteral("充电收据")));
        QVERIFY(text.contains(QStringLiteral("SH-PUDONG-01/1001·v1")));
        // Local times (+08:00), not UTC.
        QVERIFY(text.contains(QStringLiteral("2026-11-0309:00:00")));
        QVERIFY(text.contains(QStringLiteral("09:00–10:00")));
        QVERIFY(text.contains(QStringLiteral("1.10/kWh")));
        QVERIFY(text.contains(QStringLiteral("Page1of1/第1页，共1页")));
    }

    void manyLinesContinueUnderARepeatedHeader() {
        // A week-long session has a line per period slice: the table runs onto a second page.
        auto record = testing::sampleRecord();
        const auto flat = record.lines[0];
        record.lines.clear();
        record.subtotal = 0;
        for (int i = 0; i < 70; ++i) {
            record.lines.push_back(flat);
            record.subtotal += flat.amount;
        }
        record.tax = 0;
        record.total = record.subtotal;
        RenderResult result;
        const auto pages = pdfPages(receiptPdf(record, &result));
        QVERIFY(result);
        QVERIFY(result.pageCount >= 2);
        QCOMPARE(pages.size(), result.pageCount);
        const int n = result.pageCount;
        const QString last = squeezed(pages.last());
        QVERIFY2(last.contains(QStringLiteral("UnitpriceAmount(CNY)")), qPrintable(last));
        QVERIFY(last.contains(QStringLiteral("Page%1of%1/第%1页，共%1页").arg(n)));
        QVERIFY(last.contains(QStringLiteral("CNY1,470.00"))); // 70 x 21.00, the total after the lines
        QVERIFY(!squeezed(pages.first()).contains(QStringLiteral("CNY1,470.00")));
    }

    void aLogoIsDrawnAndAMissingOneIsNoError() {
        QTemporaryDir dir;
        QImage logo(400, 160, QImage::Format_RGB32);
        logo.fill(Qt::darkGreen);
        QVERIFY(logo.save(dir.filePath(QStringLiteral("logo.png"))));
        auto issuer = testing::sampleOperator();
        issuer.logoPath = dir.filePath(QStringLiteral("logo.png"));
        QBuffer with;
        with.open(QIODevice::WriteOnly);
        QVERIFY(renderReceipt(issuer, testing::sampleRecord(), with));
        issuer.logoPath = dir.filePath(QStringLiteral("missing.png"));
        QBuffer without;
        without.open(QIODevice::WriteOnly);
        QVERIFY(renderReceipt(issuer, testing::sampleRecord(), without));
        QVERIFY(with.data().size() > without.data().size()); // the image is embedded
    }

    void anUnratedRecordSaysWhyAndIsNotTotalled() {
        auto unrated = testing::sampleRecord(2);
        unrated.reason = "unrated: no tariff applies to site sh-pudong";
        unrated.lines.clear();
        unrated.subtotal = unrated.tax = unrated.total = 0;
        const QString receipt = squeezed(pdfPages(receiptPdf(unrated)).value(0));
        QVERIFY2(receipt.contains(QStringLiteral("Notrated:notariffappliestositesh-pudong")),
                 qPrintable(receipt));
        QVERIFY(receipt.contains(QStringLiteral("未计价：")));
        QVERIFY(!receipt.contains(QStringLiteral("Total合计")));
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QVERIFY(renderStatement(testing::sampleOperator(), QStringLiteral("g"), {2026, 11},
                                {testing::sampleRecord(1), unrated}, out));
        const QString statement = squeezed(pdfPages(out.data()).join(QString()));
        QVERIFY(statement.contains(QStringLiteral("notrated未计价")));
        QVERIFY(statement.contains(QStringLiteral("1session(s)notrated")));
        QVERIFY(statement.contains(QStringLiteral("CNY160.000"))); // one session totalled, not two
    }

    void theIdTagIsMasked() {
        const QString text = squeezed(pdfPages(receiptPdf(testing::sampleRecord())).value(0));
        QVERIFY(text.contains(QStringLiteral("************5678")));
        QVERIFY(!text.contains(QStringLiteral("04A2B3C4D5E6")));
    }

    void aReRatedReceiptSaysWhatItReplaces() {
        auto record = testing::sampleRecord(1001, 2);
        record.reason = "meter corrected";
        const QString text = squeezed(pdfPages(receiptPdf(record)).value(0));
        QVERIFY2(text.contains(QStringLiteral("Version2,replacesversion1:metercorrected")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("第2版，取代第1版：metercorrected")));
        QVERIFY(text.contains(QStringLiteral("SH-PUDONG-01/1001·v2")));
    }

    void anomaliesAreNoted() {
        auto record = testing::sampleRecord();
        record.unbilledMilliWh = 1'234'000;
        record.anomalies = {{"ImplausibleJump", record.start + 1'800'000, 1'234'000, "The meter jumped."}};
        const QString text = squeezed(pdfPages(receiptPdf(record)).value(0));
        QVERIFY2(text.contains(QStringLiteral("1.234kWhnotbilled:implausiblejumpofthemeter")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("电表读数异常跳变：1.234kWh未计费")));
    }

    void aDstChangeShowsTheOffsets() {
        // Berlin, 25 October 2026: 01:00 CEST (23:00Z) to 04:00 CET (03:00Z).
        auto record = testing::sampleRecord();
        record.timeZone = "Europe/Berlin";
        record.start = 1'792'882'800'000; // 2026-10-24T23:00:00Z
        record.stop = record.start + 4 * 3'600'000;
        record.lines.resize(1);
        record.lines[0].from = record.start;
        record.lines[0].to = record.stop;
        record.lines[0].amount = 5400;
        const QString text = squeezed(pdfPages(receiptPdf(record)).value(0));
        QVERIFY2(text.contains(QStringLiteral("UTC+02:00→UTC+01:00")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("10-2501:00+02:00")));
        QVERIFY(text.contains(QStringLiteral("–10-2504:00+01:00")));
    }

    void aLongStatementHasNumberedPagesWithHeaders() {
        std::vector<contract::ChargeDetailRecord> records;
        for (int i = 0; i < 120; ++i) {
            records.push_back(testing::sampleRecord(2000 + i));
        }
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        const auto result = renderStatement(testing::sampleOperator(), QStringLiteral("fleet-sh-01"),
                                            {2026, 11}, records, out);
        QVERIFY2(result, qPrintable(result.error));
        const auto pages = pdfPages(out.data());
        QCOMPARE(pages.size(), result.pageCount);
        QVERIFY2(result.pageCount >= 3, qPrintable(QString::number(result.pageCount)));
        const int n = result.pageCount;
        for (int page = 1; page <= n; ++page) {
            const QString text = squeezed(pages[page - 1]);
            QVERIFY2(text.contains(QStringLiteral("Page%1of%2/第%1页，共%2页").arg(page).arg(n)),
                     qPrintable(text));
            QVERIFY(text.contains(QStringLiteral("Monthlystatement月度对账单")));
            QVERIFY(text.contains(QStringLiteral("91310115MA1H7XK42Q")));
            QVERIFY(text.contains(QStringLiteral("Month月份:2026-11")));
        }
        // The column header repeats where the rows continue.
        QVERIFY(squeezed(pages[1]).contains(QStringLiteral("收据编号")));
        // 120 x 58.30 = 6,996.00; tax 120 x 3.30 = 396.00 on 6,600.00.
        const QString last = squeezed(pages.last());
        QVERIFY2(last.contains(QStringLiteral("6,996.00")), qPrintable(last));
        QVERIFY(last.contains(QStringLiteral("6,600.00")));
        QVERIFY(last.contains(QStringLiteral("396.00")));
        QVERIFY(last.contains(QStringLiteral("税额汇总")));
        QVERIFY(last.contains(QStringLiteral("按币种合计")));
    }

    void currenciesAreTotalledApart() {
        auto euro = testing::sampleRecord(2);
        euro.currency = "EUR";
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        const auto result = renderStatement(testing::sampleOperator(), QStringLiteral("g"), {2026, 11},
                                            {testing::sampleRecord(1), euro}, out);
        QVERIFY(result);
        const QString text = squeezed(pdfPages(out.data()).join(QString()));
        QVERIFY2(text.contains(QStringLiteral("EUR58.30")), qPrintable(text)); // the row says its currency
        // Totals per currency: one session and 60.000 kWh each, never one sum of yuan and euros.
        QVERIFY(text.contains(QStringLiteral("CNY160.000")));
        QVERIFY(text.contains(QStringLiteral("EUR160.000")));
        QVERIFY(!text.contains(QStringLiteral("116.60")));
    }

    void anEmptyMonthStillRenders() {
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        const auto result =
            renderStatement(testing::sampleOperator(), QStringLiteral("g"), {2026, 11}, {}, out);
        QVERIFY(result);
        QCOMPARE(result.pageCount, 1);
        const QString text = squeezed(pdfPages(out.data()).value(0));
        QVERIFY2(text.contains(QStringLiteral("本月无充电记录")), qPrintable(text));
    }
};

QTEST_MAIN(TstDocumentsPdf)
#include "tst_documents_pdf.moc"
