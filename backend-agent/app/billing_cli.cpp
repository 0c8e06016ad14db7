#include "app/billing_cli.h"

#include "domain/billing/settlement_csv.h"
#include "store/billing_store.h"
#include "store/store.h"

#include <fstream>
#include <ostream>

namespace voltdesk::app {

namespace {

constexpr int kPage = 5000;

std::optional<contract::EpochMs> parseBound(const std::string& text, bool endOfDay) {
    if (text.size() == 10) {
        const auto ms = contract::parseIso8601(text + "T00:00:00Z");
        if (ms && endOfDay) {
            return *ms + 24LL * 3600 * 1000;
        }
        return ms;
    }
    return contract::parseIso8601(text);
}

} // namespace

int runBillingCli(const BillingCliRequest& request, std::ostream& out, std::ostream& err) {
    const auto from = parseBound(request.from, false);
    const auto to = parseBound(request.to, true);
    if (!from || !to) {
        err << "voltdesk-agent billing: --from and --to must be dates (YYYY-MM-DD) or ISO 8601 times\n";
        return 2;
    }
    if (*from >= *to) {
        err << "voltdesk-agent billing: --from must be before --to\n";
        return 2;
    }
    std::ofstream file;
    std::ostream* sink = &out;
    if (request.mode == "settlement" && request.csvFile != "-") {
        file.open(request.csvFile, std::ios::binary | std::ios::trunc);
        if (!file) {
            err << "voltdesk-agent billing: cannot write " << request.csvFile << "\n";
            return 1;
        }
        sink = &file;
    }
    try {
        store::BillingStore store(request.postgres);
        store::CdrFilter filter;
        filter.from = from;
        filter.to = to;
        filter.siteId = request.siteId;
        filter.customerGroup = request.customerGroup;
        filter.currentOnly = request.mode == "settlement" || !request.allVersions;
        filter.limit = kPage;
        if (request.mode == "settlement") {
            *sink << billing::settlementPreamble();
        }
        std::size_t count = 0;
        while (true) {
            const auto page = store.cdrs(filter);
            for (const auto& record : page) {
                if (request.mode == "settlement") {
                    *sink << billing::settlementRow(record) << "\r\n";
                } else {
                    *sink << contract::encode(record) << "\n";
                }
            }
            count += page.size();
            if (page.size() < static_cast<std::size_t>(kPage)) {
                break;
            }
            filter.offset += kPage;
        }
        sink->flush();
        if (!*sink) {
            err << "voltdesk-agent billing: writing failed\n";
            return 1;
        }
        err << "voltdesk-agent billing: " << count << " records\n";
    } catch (const std::exception& e) {
        err << "voltdesk-agent billing: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

} // namespace voltdesk::app
