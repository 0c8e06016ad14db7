#include "documents_command.h"

#include "documents/cdr_lines.h"
#include "documents/receipt.h"
#include "documents/statement.h"
#include "domain/billing/settlement_csv.h"

#include <QDir>
#include <QSaveFile>
#include <algorithm>

namespace voltdesk::documents {

namespace {

/// Reports each bad line as "file:line: message" and says whether there was one.
bool reportErrors(const QString& path, const CdrLines& lines, QTextStream& err) {
    for (const auto& e : lines.errors) {
        if (e.lineNumber == 0) {
            err << e.message << '\n';
        } else {
            err << path << ':' << e.lineNumber << ": " << e.message << " (line skipped)\n";
        }
    }
    return !lines.errors.empty();
}

} // namespace

int runReceipts(const ReceiptCommand& command, QTextStream& out, QTextStream& err) {
    const auto issuer = readOperatorInfo(command.operatorPath);
    if (!issuer.info) {
        err << issuer.error << '\n';
        return kExitFailed;
    }
    const auto lines = readCdrLines(command.cdrsPath);
    const bool badLines = reportErrors(command.cdrsPath, lines, err);
    if (!QDir().mkpath(command.outDir)) {
        err << command.outDir << ": cannot create the directory\n";
        return kExitFailed;
    }
    const auto records = command.allVersions ? lines.records : latestVersions(lines.records);
    bool failed = false;
    for (const auto& record : records) {
        const QString path = QDir(command.outDir).filePath(receiptFileName(record));
        const auto result = renderReceipt(*issuer.info, record, path);
        if (!result) {
            err << result.error << '\n';
            failed = true;
            continue;
        }
        out << path << '\n';
    }
    return failed ? kExitFailed : badLines ? kExitBadLines : kExitOk;
}

int runStatement(const StatementCommand& command, QTextStream& out, QTextStream& err) {
    const auto month = parseYearMonth(command.month);
    if (!month) {
        err << "--month '" << command.month << "' is not a month such as 2026-11\n";
        return kExitFailed;
    }
    if (command.customerGroup.isEmpty()) {
        err << "--customer-group is required\n";
        return kExitFailed;
    }
    const auto issuer = readOperatorInfo(command.operatorPath);
    if (!issuer.info) {
        err << issuer.error << '\n';
        return kExitFailed;
    }
    const auto lines = readCdrLines(command.cdrsPath);
    const bool badLines = reportErrors(command.cdrsPath, lines, err);
    const auto records = statementRecords(lines.records, command.customerGroup, *month);
    const auto result =
        renderStatement(*issuer.info, command.customerGroup, *month, records, command.outPath);
    if (!result) {
        err << result.error << '\n';
        return kExitFailed;
    }
    out << command.outPath << " (" << records.size() << " sessions, " << result.pageCount << " pages)\n";
    return badLines ? kExitBadLines : kExitOk;
}

int runSettlement(const SettlementCommand& command, QTextStream& out, QTextStream& err) {
    const auto lines = readCdrLines(command.cdrsPath);
    const bool badLines = reportErrors(command.cdrsPath, lines, err);
    auto records = latestVersions(lines.records);
    std::ranges::stable_sort(records, [](const auto& a, const auto& b) {
        return a.stop != b.stop ? a.stop < b.stop : a.cdrId < b.cdrId;
    });
    std::string csv = billing::settlementPreamble();
    for (const auto& record : records) {
        csv += billing::settlementRow(record);
        csv += "\r\n";
    }
    // Written whole or not at all: an accountant must never import half a file.
    QSaveFile file(command.outPath);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(csv.data(), static_cast<qint64>(csv.size())) != static_cast<qint64>(csv.size()) ||
        !file.commit()) {
        err << command.outPath << ": cannot write (" << file.errorString() << ")\n";
        return kExitFailed;
    }
    out << command.outPath << " (" << records.size() << " sessions)\n";
    return badLines ? kExitBadLines : kExitOk;
}

} // namespace voltdesk::documents
