// Reading CDR files (bad lines named by number, the rest kept), choosing the version in force and a
// customer group's month, and operator.json.
#include "document_fixtures.h"
#include "documents/cdr_lines.h"

#include <QBuffer>
#include <QTest>

using namespace voltdesk;
using namespace voltdesk::documents;

namespace {

CdrLines parse(const QByteArray& text) {
    QBuffer buffer;
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    return parseCdrLines(buffer);
}

QByteArray line(const contract::ChargeDetailRecord& record) {
    return QByteArray::fromStdString(contract::encode(record)) + '\n';
}

} // namespace

class TstCdrLines : public QObject {
    Q_OBJECT

private slots:
    void badLinesAreNamedAndSkipped() {
        auto broken = testing::sampleRecord(1002);
        broken.total += 1; // subtotal + tax no longer equals the total
        const QByteArray text = line(testing::sampleRecord(1001)) + "\n" + "{not json\n" + line(broken) +
                                line(testing::sampleRecord(1003));
        const auto result = parse(text);
        QCOMPARE(result.records.size(), std::size_t(2));
        QCOMPARE(result.records[0].transactionId, 1001);
        QCOMPARE(result.records[1].transactionId, 1003);
        QCOMPARE(result.errors.size(), std::size_t(2));
        QCOMPARE(result.errors[0].lineNumber, 3); // the blank line 2 is skipped, not an error
        QVERIFY(result.errors[0].message.contains(QStringLiteral("not a JSON object")));
        QCOMPARE(result.errors[1].lineNumber, 4);
        QVERIFY2(result.errors[1].message.contains(QStringLiteral("total")),
                 qPrintable(result.errors[1].message));
    }

    void aMissingFileIsOneError() {
        const auto result = readCdrLines(QStringLiteral("/nonexistent/cdrs.jsonl"));
        QVERIFY(result.records.empty());
        QCOMPARE(result.errors.size(), std::size_t(1));
        QCOMPARE(result.errors[0].lineNumber, 0);
    }

    void theHighestVersionIsInForce() {
        const auto latest = latestVersions({testing::sampleRecord(1, 1), testing::sampleRecord(2, 1),
                                            testing::sampleRecord(1, 3), testing::sampleRecord(1, 2)});
        QCOMPARE(latest.size(), std::size_t(2));
        QCOMPARE(latest[0].transactionId, 1);
        QCOMPARE(latest[0].version, 3);
        QCOMPARE(latest[1].transactionId, 2);
    }

    void aStatementTakesTheGroupsSessionsThatStoppedInTheMonth() {
        auto other = testing::sampleRecord(2);
        other.customerGroup = "taxi-sh";
        // Stops at 00:30 on 1 December in Shanghai, 16:30 on 30 November in UTC: December's.
        auto december = testing::sampleRecord(3);
        december.stop = 1'796'056'200'000; // 2026-11-30T16:30:00Z
        auto running = testing::sampleRecord(4);
        running.provisional = true;
        const auto selected = statementRecords(
            {testing::sampleRecord(1, 1), other, december, running, testing::sampleRecord(1, 2)},
            QStringLiteral("fleet-sh-01"), {2026, 11});
        QCOMPARE(selected.size(), std::size_t(1));
        QCOMPARE(selected[0].transactionId, 1);
        QCOMPARE(selected[0].version, 2);
        QCOMPARE(statementRecords({december}, QStringLiteral("fleet-sh-01"), {2026, 12}).size(),
                 std::size_t(1));
    }

    void months() {
        QVERIFY(parseYearMonth(QStringLiteral("2026-11")));
        QCOMPARE(parseYearMonth(QStringLiteral("2026-11"))->month, 11);
        QVERIFY(!parseYearMonth(QStringLiteral("2026-13")));
        QVERIFY(!parseYearMonth(QStringLiteral("2026-1")));
        QVERIFY(!parseYearMonth(QStringLiteral("Nov 2026")));
    }

    void operatorJson() {
        const auto ok = operatorInfoFromJson(R"({"nameEn": "A Ltd.", "nameZh": "甲公司", "taxId": "9131",
                                                "logo": "logo.png"})",
                                             QStringLiteral("/etc/voltdesk"));
        QVERIFY2(ok.info, qPrintable(ok.error));
        QCOMPARE(ok.info->nameZh, QStringLiteral("甲公司"));
        QCOMPARE(ok.info->logoPath, QStringLiteral("/etc/voltdesk/logo.png"));
        const auto missing = operatorInfoFromJson(R"({"nameEn": "A Ltd.", "nameZh": "甲公司"})");
        QVERIFY(!missing.info);
        QCOMPARE(missing.error, QStringLiteral("taxId is missing or empty"));
        const auto misspelt = operatorInfoFromJson(R"({"nameEn": "A", "nameZh": "甲", "taxID": "1"})");
        QVERIFY(!misspelt.info);
        QVERIFY(misspelt.error.startsWith(QStringLiteral("unknown field 'taxID'")));
        QVERIFY(!operatorInfoFromJson("[1]").info);
        QVERIFY(!operatorInfoFromJson("{").info);
    }
};

QTEST_GUILESS_MAIN(TstCdrLines)
#include "tst_cdr_lines.moc"
