// The monthly statement of a customer group: one row per session, totals per currency and a tax
// summary, over as many pages as it takes, in English and Chinese.
#pragma once

#include "contract/charge_detail_record.h"
#include "documents/cdr_lines.h"
#include "documents/operator_info.h"
#include "documents/render_result.h"

#include <vector>

class QIODevice;

namespace voltdesk::documents {

/// Writes the statement as PDF (A4 portrait) to `out`, open for writing. `records` are the rows as
/// given (statementRecords() chooses them from a file); each currency is totalled on its own.
RenderResult renderStatement(const OperatorInfo& issuer, const QString& customerGroup, YearMonth month,
                             const std::vector<contract::ChargeDetailRecord>& records, QIODevice& out);
RenderResult renderStatement(const OperatorInfo& issuer, const QString& customerGroup, YearMonth month,
                             const std::vector<contract::ChargeDetailRecord>& records,
                             const QString& pdfPath);

} // namespace voltdesk::documents
