#include "domain/billing/settlement_csv.h"

#include "domain/billing/charge_record.h"
#include "domain/billing/money.h"

#include <chrono>
#include <cstdint>
#include <format>
#include <map>

namespace voltdesk::billing {

namespace {

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

} // namespace

std::string settlementRow(const contract::ChargeDetailRecord& r) {
    std::map<std::string, std::int64_t> byKind;
    for (const auto& line : r.lines) {
        byKind[line.kind] += line.amount;
    }
    const auto money = [&](std::int64_t amount) { return formatMoney(amount, r.minorDigits); };
    const std::vector<std::string> fields{
        r.cdrId,
        std::to_string(r.version),
        isUnrated(r) ? "unrated" : "rated",
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
        formatDecimal(r.billedMilliWh, 6),
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

const std::vector<std::string_view>& settlementColumns() {
    static const std::vector<std::string_view> kColumns{
        "cdr_id",       "version",        "status",      "site_id",        "site_name",     "charger_id",
        "connector_id", "transaction_id", "id_tag",      "customer_group", "start_local",   "stop_local",
        "time_zone",    "start_utc",      "stop_utc",    "energy_kwh",     "energy_amount", "service_fee",
        "time_fee",     "idle_fee",       "session_fee", "adjustments",    "subtotal",      "tax_rate",
        "tax",          "total",          "currency",    "reason"};
    return kColumns;
}

std::string settlementHeader() {
    std::string header;
    for (const std::string_view column : settlementColumns()) {
        header += (header.empty() ? "" : ",") + std::string(column);
    }
    return header;
}

std::string settlementPreamble() {
    // Excel reads UTF-8 (Chinese site names) only with the BOM; RFC 4180 wants CRLF.
    return "\xEF\xBB\xBF" + settlementHeader() + "\r\n";
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

} // namespace voltdesk::billing
