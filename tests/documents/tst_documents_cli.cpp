// voltdesk-documents as a batch run uses it: receipts, a statement and the settlement CSV from a CDR
// file with a bad line, which is named by its number while the rest still render, and the exit code
// says so.
#include "document_fixtures.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace voltdesk;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QStringList& arguments) {
    QProcess process;
    process.start(qEnvironmentVariable("VOLTDESK_DOCUMENTS_BIN"), arguments);
    if (!process.waitForFinished(30'000)) {
        return {};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void write(const QString& path, const QByteArray& data) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

QByteArray line(const contract::ChargeDetailRecord& record) {
    return QByteArray::fromStdString(contract::encode(record)) + '\n';
}

} // namespace

class TstDocumentsCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(QFile::exists(qEnvironmentVariable("VOLTDESK_DOCUMENTS_BIN")),
                 "voltdesk-documents is not built");
        QVERIFY(m_dir.isValid());
        write(
            m_dir.filePath("operator.json"),
            R"({"nameEn": "Voltdesk Charging Services (Shanghai) Co., Ltd.", "nameZh": "伏台充电服务（上海）有限公司",
                  "taxId": "91310115MA1H7XK42Q"})");
        write(m_dir.filePath("cdrs.jsonl"), line(documents::testing::sampleRecord(1001, 1)) + "{\"v\": 1}\n" +
                                                line(documents::testing::sampleRecord(1002, 1)) +
                                                line(documents::testing::sampleRecord(1001, 2)));
    }

    void receiptsForTheVersionsInForce() {
        const auto r = run({"receipt", "--operator", m_dir.filePath("operator.json"), "--cdrs",
                            m_dir.filePath("cdrs.jsonl"), "--out", m_dir.filePath("receipts")});
        QCOMPARE(r.exitCode, 1); // a bad line, reported; the others rendered
        QVERIFY2(r.err.contains(m_dir.filePath("cdrs.jsonl") + ":2: "), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("line skipped")));
        const QDir receipts(m_dir.filePath("receipts"));
        QCOMPARE(receipts.entryList(QDir::Files, QDir::Name),
                 QStringList({"SH-PUDONG-01_1001-v2.pdf", "SH-PUDONG-01_1002-v1.pdf"}));
    }

    void everyVersionOnRequest() {
        const auto r = run({"receipt", "--operator", m_dir.filePath("operator.json"), "--cdrs",
                            m_dir.filePath("cdrs.jsonl"), "--out", m_dir.filePath("all"), "--all-versions"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(QDir(m_dir.filePath("all")).entryList(QDir::Files).size(), 3);
    }

    void aStatement() {
        const QString pdf = m_dir.filePath("statement.pdf");
        const auto r = run({"statement", "--operator", m_dir.filePath("operator.json"), "--cdrs",
                            m_dir.filePath("cdrs.jsonl"), "--customer-group", "fleet-sh-01", "--month",
                            "2026-11", "--out", pdf});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("2 sessions, 1 pages")), qPrintable(r.out + r.err));
        QVERIFY(QFileInfo(pdf).size() > 1000);
    }

    void aCleanFileExitsZero() {
        write(m_dir.filePath("clean.jsonl"), line(documents::testing::sampleRecord(7)));
        const auto r = run({"receipt", "--operator", m_dir.filePath("operator.json"), "--cdrs",
                            m_dir.filePath("clean.jsonl"), "--out", m_dir.filePath("clean")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
    }

    void cdrsFromStandardInput() {
        QProcess process;
        process.start(qEnvironmentVariable("VOLTDESK_DOCUMENTS_BIN"),
                      {"receipt", "--operator", m_dir.filePath("operator.json"), "--cdrs", "-", "--out",
                       m_dir.filePath("piped")});
        QVERIFY(process.waitForStarted());
        process.write("\xEF\xBB\xBF" + line(documents::testing::sampleRecord(9)));
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(30'000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(QFile::exists(m_dir.filePath("piped/SH-PUDONG-01_9-v1.pdf")));
    }

    // The settlement CSV of the versions in force, for an analyst with an exported CDR file only.
    void settlementOfTheVersionsInForce() {
        const QString csv = m_dir.filePath("settlement.csv");
        const auto r = run({"settlement", "--cdrs", m_dir.filePath("cdrs.jsonl"), "--out", csv});
        QCOMPARE(r.exitCode, 1); // the bad line is named; the others are exported
        QVERIFY2(r.err.contains(m_dir.filePath("cdrs.jsonl") + ":2: "), qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("(2 sessions)")), qPrintable(r.out));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.startsWith("\xEF\xBB\xBF"
                                "cdr_id,version,")); // Excel needs the BOM for UTF-8
        const auto rows = text.split('\n');
        QCOMPARE(rows.size(), 4); // header, two rows, and the empty rest after the last CRLF
        for (int i = 0; i < 3; ++i) {
            QVERIFY2(rows[i].endsWith('\r'), rows[i].constData());
        }
        QVERIFY2(rows[1].startsWith("SH-PUDONG-01/1001,2,"), rows[1].constData()); // version 2 in force
        QVERIFY2(rows[2].startsWith("SH-PUDONG-01/1002,1,"), rows[2].constData());

        const auto unwritable = run(
            {"settlement", "--cdrs", m_dir.filePath("cdrs.jsonl"), "--out", m_dir.filePath("no/such/x.csv")});
        QCOMPARE(unwritable.exitCode, 2);
        QVERIFY(unwritable.err.contains(QStringLiteral("cannot write")));
        QVERIFY(!QFile::exists(m_dir.filePath("no/such/x.csv")));
    }

    void usageErrors() {
        QCOMPARE(run({"statement", "--operator", m_dir.filePath("operator.json"), "--cdrs",
                      m_dir.filePath("cdrs.jsonl"), "--customer-group", "g", "--month", "11/2026", "--out",
                      m_dir.filePath("x.pdf")})
                     .exitCode,
                 2);
        QCOMPARE(run({"invoice"}).exitCode, 2);
        const auto badOperator = run({"receipt", "--operator", m_dir.filePath("missing.json"), "--cdrs",
                                      m_dir.filePath("cdrs.jsonl"), "--out", m_dir.filePath("r")});
        QCOMPARE(badOperator.exitCode, 2);
        QVERIFY(badOperator.err.contains(QStringLiteral("missing.json")));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TstDocumentsCli)
#include "tst_documents_cli.moc"
