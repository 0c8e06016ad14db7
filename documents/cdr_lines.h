// Charge detail records from JSON Lines (one record a line, as `voltdesk-agent billing cdrs` prints
// them), and the choices every document makes among them: the version in force, a customer's month.
#pragma once

#include "contract/charge_detail_record.h"

#include <QString>
#include <vector>

class QIODevice;

namespace voltdesk::documents {

struct CdrLineError {
    int lineNumber = 0; ///< 1-based, as editors show it
    QString message;
};

struct CdrLines {
    std::vector<contract::ChargeDetailRecord> records; ///< in file order
    std::vector<CdrLineError> errors;                  ///< one per bad line; the others are still read
};

/// Blank lines are skipped; a line that does not decode is reported with its number and skipped.
CdrLines parseCdrLines(QIODevice& input);
/// Reads a file, or standard input for "-" (`voltdesk-agent billing cdrs | voltdesk-documents ...`);
/// a file that cannot be opened is one error with line number 0.
CdrLines readCdrLines(const QString& path);

/// The highest version of each cdrId (the one in force), in the order of first appearance.
std::vector<contract::ChargeDetailRecord>
latestVersions(const std::vector<contract::ChargeDetailRecord>& all);

/// "2026-11": year and month, or nothing if the text is not one.
struct YearMonth {
    int year = 0;
    int month = 0;
};
std::optional<YearMonth> parseYearMonth(const QString& text);

/// The records on a customer group's statement for a month: the version in force of each session of
/// the group that stopped in that month in its site's local time (a session billed on 1 December for
/// a charge started on 30 November belongs to December, like any invoice dated when it is issued).
/// Running (provisional) records are left out. Sorted by stop, then cdrId.
std::vector<contract::ChargeDetailRecord>
statementRecords(const std::vector<contract::ChargeDetailRecord>& all, const QString& customerGroup,
                 YearMonth month);

} // namespace voltdesk::documents
