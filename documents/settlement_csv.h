// The settlement CSV of docs/BILLING.md ("Exports"), one row per CDR version in force: the column list
// and the row in one place, for the console's export (the agent's CLI writes the same columns).
#pragma once

#include "contract/charge_detail_record.h"

#include <string>
#include <string_view>
#include <vector>

namespace voltdesk::documents {

/// The columns in order: cdr_id, version, status, ... reason.
const std::vector<std::string_view>& settlementColumns();
/// The header line (no BOM, no line end).
std::string settlementHeader();
/// One record as a CSV line (no line end): RFC 4180 quoting, formula-looking text prefixed with ',
/// amounts in the major unit, energy in kWh with 6 decimals, local and UTC times.
std::string settlementRow(const contract::ChargeDetailRecord& record);
/// The whole file: UTF-8 byte order mark, header and rows, CRLF line ends.
std::string settlementCsv(const std::vector<contract::ChargeDetailRecord>& records);

} // namespace voltdesk::documents
