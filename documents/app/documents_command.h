// The two commands of voltdesk-documents: receipts (one PDF per CDR) and a customer group's statement.
#pragma once

#include <QString>
#include <QTextStream>

namespace voltdesk::documents {

/// Exit codes: every line read and every document written; some lines were bad (the rest were
/// rendered); nothing could be done (usage, unreadable operator.json, a PDF not written).
constexpr int kExitOk = 0;
constexpr int kExitBadLines = 1;
constexpr int kExitFailed = 2;

struct ReceiptCommand {
    QString operatorPath;
    QString cdrsPath;
    QString outDir;
    bool allVersions = false;
};

struct StatementCommand {
    QString operatorPath;
    QString cdrsPath;
    QString customerGroup;
    QString month; ///< "2026-11"
    QString outPath;
};

/// Each writes the files it made to `out`, one a line, and problems to `err`.
int runReceipts(const ReceiptCommand& command, QTextStream& out, QTextStream& err);
int runStatement(const StatementCommand& command, QTextStream& out, QTextStream& err);

} // namespace voltdesk::documents
