// The settlement CSV of docs/BILLING.md ("Exports from the command line"), one row per CDR version in
// force: the columns and the row in one place, plain C++ so any program that exports it can link it.
#pragma once

#include "contract/charge_detail_record.h"

#include <string>
#include <string_view>
#include <vector>

namespace voltdesk::billing {

/// The columns in order: cdr_id, version, status, ... reason.
const std::vector<std::string_view>& settlementColumns();
/// The header line (no BOM, no line end).
std::string settlementHeader();
/// One record as a CSV line (no line end): RFC 4180 quoting, text that looks like a formula prefixed
/// with ', amounts in the major unit, energy in kWh with 6 decimals, local and UTC times.
std::string settlementRow(const contract::ChargeDetailRecord& record);
/// What starts the file: the UTF-8 byte order mark, the header and CRLF.
std::string settlementPreamble();
/// One CSV field as written (quoted and defused when needed).
std::string csvField(const std::string& value);

} // namespace voltdesk::billing
