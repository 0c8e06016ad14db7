// The PDF receipt of one charging session (one CDR version), in English and Chinese on the same page.
#pragma once

#include "contract/charge_detail_record.h"
#include "documents/operator_info.h"
#include "documents/render_result.h"

class QIODevice;

namespace voltdesk::documents {

/// "SH-PUDONG-01/1001 · v2": the session's CDR id and the version, which together name one bill.
QString receiptNumber(const contract::ChargeDetailRecord& record);
/// "SH-PUDONG-01_1001-v2.pdf": the receipt number as a file name (no '/', no spaces).
QString receiptFileName(const contract::ChargeDetailRecord& record);

/// Writes the receipt as PDF (A4 portrait) to `out`, which must be open for writing.
RenderResult renderReceipt(const OperatorInfo& issuer, const contract::ChargeDetailRecord& record,
                           QIODevice& out);
RenderResult renderReceipt(const OperatorInfo& issuer, const contract::ChargeDetailRecord& record,
                           const QString& pdfPath);

} // namespace voltdesk::documents
