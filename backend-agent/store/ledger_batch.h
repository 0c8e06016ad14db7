// Internal to the store: one batch of transaction messages written with a few multi-row statements,
// for PgTransactionLedger. Kept apart so the SQL can be read on its own.
#pragma once

#include "domain/transaction_ledger.h"

#include <span>
#include <variant>
#include <vector>

namespace pqxx {
class connection;       // NOLINT(readability-identifier-naming): libpqxx's name
class transaction_base; // NOLINT(readability-identifier-naming)
} // namespace pqxx

namespace voltdesk::store::ledger {

using Call = std::variant<domain::TransactionStart, domain::TransactionStop, domain::MeterValuesReport>;
/// What each call is answered: a start and a stop their results, meter values true.
using Answer = std::variant<domain::TransactionStartResult, domain::TransactionStopResult, bool>;

/// Prepares the statements writeBatch uses on a new connection.
void prepareStatements(pqxx::connection& connection);

/// Writes calls (in arrival order) inside tx and returns one answer per call. Starts go first, then
/// stops, then meter values, which gives every call the answer it would get if the batch had been
/// written call by call: a stop only names ids already handed out, and meter values attach to the
/// transaction covering their time whatever the order. Calls that are all MeterValuesReport are
/// written with exactly one statement. Throws what libpqxx throws.
std::vector<Answer> writeBatch(pqxx::transaction_base& tx, std::span<const Call* const> calls);

} // namespace voltdesk::store::ledger
