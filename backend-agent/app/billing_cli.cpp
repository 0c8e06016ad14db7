#include "app/billing_cli.h"

#include "domain/billing/charge_record.h"
#include "domain/billing/money.h"
#include "store/billing_store.h"
#include "store/store.h"

#include <chrono>
#include <fstream>
#include <map>
#include <ostream>

namespace voltdesk::app {

namespace {

constexpr int kPage = 5000;
constexpr const char* kColumns[] = {
    "cdr_id",       "version",        "status",      "site_id",        "site_name",     "charger_id",
    "connector_id", "transaction_id", "id_tag",      "customer_group", "start_local",   "stop_local",
    "time_zone",    "start_utc",      "stop_utc",    "energy_kwh",     "energy_amount", "service_fee",
    "time_fee",     "idle_fee",       "session_fee", "adjustments",    "subtotal",      "tax_rate",
    "tax",          "total",          "currency",    "reason"};

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

/// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. A leading = + - @
/// is prefixed with ' so a spreadsheet never runs an id tag as a formula.
std::string csvField(const std::string& value) {
    std::string v = value;
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@') &&
        v.find_first_not_of("0123456789.-") != std::string::npos) {
        v.insert(v.begin(), '\'');
    }
    if (v.find_first_of(",\"\r\n") == std::string::npos) {
        return v;
    }
    std::string quoted = "\"";
    for (const char c : v) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

std::string localTime(contract::EpochMs ms, const std::string& zone) {
    using namespace std::chrono;
    const sys_time<milliseconds> t{milliseconds(ms)};
    try {
        const zoned_time<seconds> local(zone.empty() ? "UTC" : zone, floor<seconds>(t));
        return std::format("{:%Y-%m-%d %H:%M:%S}", local.get_local_time());
    } catch (const std::exception&) {
        return std::format("{:%Y-%m-%d %H:%M:%S}", floor<seconds>(t));
    }
}

std::string utcTime(contract::EpochMs ms) {
    using namespace std::chrono;
    return std::format("{:%Y-%m-%d %H:%M:%S}", floor<seconds>(sys_time<milliseconds>{milliseconds(ms)}));
}

std::string settlementRow(const contract::ChargeDetailRecord& r) {
    std::map<std::string, std::int64_t> byKind;
    for (const auto& line : r.lines) {
        byKind[line.kind] += line.amount;
    }
    const auto money = [&](std::int64_t amount) { return billing::formatMoney(amount, r.minorDigits); };
    const std::vector<std::string> fields{
        r.cdrId,
        std::to_string(r.version),
        billing::isUnrated(r) ? "unrated" : "rated",
        r.siteId,
        r.siteName,
        r.chargerId,
        std::to_string(r.connectorId),
        std::to_string(r.transactionId),
        r.idTag,
        r.customerGroup,
        localTime(r.start, r.timeZone),
        localTime(r.stop, r.timeZone),
        r.timeZone,
        utcTime(r.start),
        utcTime(r.stop),
        billing::formatDecimal(r.billedMilliWh, 6),
        money(byKind["energy"]),
        money(byKind["serviceFee"]),
        money(byKind["chargingTime"]),
        money(byKind["idleTime"]),
        money(byKind["sessionFee"]),
        money(byKind["minimumPrice"] + byKind["maximumPrice"]),
        money(r.subtotal),
        r.taxRate,
        money(r.tax),
        money(r.total),
        r.currency,
        r.reason,
    };
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        line += (i == 0 ? "" : ",") + csvField(fields[i]);
    }
    return line;
}

} // namespace

std::string settlementHeader() {
    std::string header;
    for (const char* column : kColumns) {
        header += (header.empty() ? "" : ",") + std::string(column);
    }
    return header;
}

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
            // Excel reads UTF-8 (Chinese site names) only with the BOM; RFC 4180 wants CRLF.
            *sink << "\xEF\xBB\xBF" << settlementHeader() << "\r\n";
        }
        std::size_t count = 0;
        while (true) {
            const auto page = store.cdrs(filter);
            for (const auto& record : page) {
                if (request.mode == "settlement") {
                    *sink << settlementRow(record) << "\r\n";
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
