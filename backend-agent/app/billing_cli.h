// `voltdesk-agent billing cdrs|settlement`: CDRs of a period as JSON lines (the documents tool renders
// receipts from them) and the settlement CSV (domain/billing/settlement_csv.h), straight from the store.
#pragma once

#include <iosfwd>
#include <string>

namespace voltdesk::app {

struct BillingCliRequest {
    std::string mode; ///< "cdrs" or "settlement"
    std::string postgres;
    std::string from; ///< YYYY-MM-DD (UTC midnight) or an ISO 8601 instant; inclusive
    std::string to;   ///< YYYY-MM-DD (through the end of that UTC day) or an instant; exclusive
    std::string siteId;
    std::string customerGroup;
    std::string csvFile;      ///< settlement: where to write; "-" for stdout
    bool allVersions = false; ///< cdrs: every version, not only the one in force
};

/// Exit code: 0, 1 when the store fails, 2 when the request is malformed.
int runBillingCli(const BillingCliRequest& request, std::ostream& out, std::ostream& err);

} // namespace voltdesk::app
