#include "documents_command.h"

#include "documents/cdr_lines.h"
#include "documents/receipt.h"
#include "documents/statement.h"

#include <QDir>

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

} // namespace voltdesk::documents
