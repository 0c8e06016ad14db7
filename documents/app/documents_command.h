// The commands of voltdesk-documents: receipts (one PDF per CDR), a customer group's statement and the
// settlement CSV, all from a CDR file, so an analyst can make them offline with no agent.
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

struct SettlementCommand {
    QString cdrsPath;
    QString outPath;
};

/// Each writes the files it made to `out`, one a line, and problems to `err`.
int runReceipts(const ReceiptCommand& command, QTextStream& out, QTextStream& err);
int runStatement(const StatementCommand& command, QTextStream& out, QTextStream& err);
/// The settlement CSV of the versions in force, by stop time: the agent's own columns and quoting
/// (voltdesk-agent billing settlement --csv writes the same from the database).
int runSettlement(const SettlementCommand& command, QTextStream& out, QTextStream& err);

} // namespace voltdesk::documents
