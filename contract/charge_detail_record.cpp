#include "contract/charge_detail_record.h"

#include "contract/json_fields.h"

#include <limits>

namespace voltdesk::contract {

namespace {

/// Amounts and energies are 64-bit integers on the wire; JsonFields::integer reads only int.
class Int64Reader {
public:
    Int64Reader(const nlohmann::json& object, std::string prefix)
        : m_object(object), m_prefix(std::move(prefix)) {}

    std::int64_t read(const char* key, bool required = false) {
        const auto it = m_object.find(key);
        if (it == m_object.end() || it->is_null()) {
            if (required) {
                fail(key, "is missing");
            }
            return 0;
        }
        if (it->is_number_unsigned() &&
            it->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            fail(key, "does not fit in 64 bits");
            return 0;
        }
        if (!it->is_number_integer()) {
            fail(key, "must be an integer (minor units, mWh or ms; never a fraction)");
            return 0;
        }
        return it->get<std::int64_t>();
    }

    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }

private:
    void fail(const char* key, const char* what) {
        if (m_error.empty()) {
            m_error = m_prefix + key + " " + what;
        }
    }

    const nlohmann::json& m_object;
    std::string m_prefix;
    std::string m_error;
};

bool isDecimalText(const std::string& text) {
    if (text.empty()) {
        return true;
    }
    std::size_t i = text[0] == '-' ? 1 : 0;
    bool digits = false;
    bool dot = false;
    for (; i < text.size(); ++i) {
        if (text[i] >= '0' && text[i] <= '9') {
            digits = true;
        } else if (text[i] == '.' && !dot) {
            dot = true;
        } else {
            return false;
        }
    }
    return digits;
}

nlohmann::json lineToJson(const CdrLine& line) {
    nlohmann::json j{{"kind", line.kind},
                     {"tariffId", line.tariffId},
                     {"tariffVersion", line.tariffVersion},
                     {"from", toIso8601(line.from)},
                     {"to", toIso8601(line.to)},
                     {"localFrom", line.localFrom},
                     {"localTo", line.localTo},
                     {"amount", line.amount}};
    if (!line.period.empty()) {
        j["period"] = line.period;
    }
    if (line.milliWh != 0) {
        j["milliWh"] = line.milliWh;
    }
    if (line.durationMs != 0) {
        j["durationMs"] = line.durationMs;
    }
    if (!line.unitPrice.empty()) {
        j["unitPrice"] = line.unitPrice;
    }
    return j;
}

DecodeResult<CdrLine> lineFromJson(const nlohmann::json& j, const std::string& prefix) {
    using Result = DecodeResult<CdrLine>;
    if (!j.is_object()) {
        return Result::fail(prefix + " must be an object");
    }
    JsonFields f(j, prefix + ".");
    Int64Reader n(j, prefix + ".");
    CdrLine line;
    line.kind = f.string("kind", true);
    line.tariffId = f.string("tariffId");
    line.tariffVersion = f.integer("tariffVersion");
    line.period = f.string("period");
    line.from = f.timestamp("from", true);
    line.to = f.timestamp("to", true);
    line.localFrom = f.string("localFrom");
    line.localTo = f.string("localTo");
    line.milliWh = n.read("milliWh");
    line.durationMs = n.read("durationMs");
    line.unitPrice = f.string("unitPrice");
    line.amount = n.read("amount", true);
    if (!f.ok()) {
        return Result::fail(f.error());
    }
    if (!n.ok()) {
        return Result::fail(n.error());
    }
    if (line.kind.empty()) {
        return Result::fail(prefix + ".kind is empty");
    }
    if (line.to < line.from) {
        return Result::fail(prefix + " ends before it starts");
    }
    if (line.milliWh < 0 || line.durationMs < 0) {
        return Result::fail(prefix + " has negative energy or duration");
    }
    if (line.amount < 0 && line.kind != "maximumPrice") {
        return Result::fail(prefix + " (" + line.kind +
                            ") has a negative amount; only a maximumPrice line may be negative");
    }
    if (!isDecimalText(line.unitPrice)) {
        return Result::fail(prefix + ".unitPrice '" + line.unitPrice + "' is not a decimal number");
    }
    return Result::ok(std::move(line));
}

nlohmann::json anomalyToJson(const CdrAnomaly& a) {
    return nlohmann::json{
        {"kind", a.kind}, {"at", toIso8601(a.at)}, {"milliWh", a.milliWh}, {"detail", a.detail}};
}

DecodeResult<CdrAnomaly> anomalyFromJson(const nlohmann::json& j, const std::string& prefix) {
    using Result = DecodeResult<CdrAnomaly>;
    if (!j.is_object()) {
        return Result::fail(prefix + " must be an object");
    }
    JsonFields f(j, prefix + ".");
    Int64Reader n(j, prefix + ".");
    CdrAnomaly a;
    a.kind = f.string("kind", true);
    a.at = f.timestamp("at", true);
    a.milliWh = n.read("milliWh");
    a.detail = f.string("detail");
    if (!f.ok()) {
        return Result::fail(f.error());
    }
    if (!n.ok()) {
        return Result::fail(n.error());
    }
    return Result::ok(std::move(a));
}

std::string minorText(std::int64_t amount) {
    return std::to_string(amount);
}

} // namespace

std::string encode(const ChargeDetailRecord& r) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& line : r.lines) {
        lines.push_back(lineToJson(line));
    }
    nlohmann::json anomalies = nlohmann::json::array();
    for (const auto& a : r.anomalies) {
        anomalies.push_back(anomalyToJson(a));
    }
    nlohmann::json j{{"v", kChargeDetailRecordSchemaVersion},
                     {"cdrId", r.cdrId},
                     {"version", r.version},
                     {"provisional", r.provisional},
                     {"reason", r.reason},
                     {"ratedAt", toIso8601(r.ratedAt)},
                     {"agentId", r.agentId},
                     {"siteId", r.siteId},
                     {"siteName", r.siteName},
                     {"timeZone", r.timeZone},
                     {"chargerId", r.chargerId},
                     {"connectorId", r.connectorId},
                     {"transactionId", r.transactionId},
                     {"idTag", r.idTag},
                     {"customerGroup", r.customerGroup},
                     {"start", toIso8601(r.start)},
                     {"stop", toIso8601(r.stop)},
                     {"meterStartWh", r.meterStartWh},
                     {"meterStopWh", r.meterStopWh},
                     {"currency", r.currency},
                     {"minorDigits", r.minorDigits},
                     {"lines", std::move(lines)},
                     {"billedMilliWh", r.billedMilliWh},
                     {"unbilledMilliWh", r.unbilledMilliWh},
                     {"subtotal", r.subtotal},
                     {"taxRate", r.taxRate},
                     {"tax", r.tax},
                     {"total", r.total},
                     {"anomalies", std::move(anomalies)}};
    if (r.chargingFinished) {
        j["chargingFinished"] = toIso8601(*r.chargingFinished);
    }
    return j.dump();
}

DecodeResult<ChargeDetailRecord> decodeChargeDetailRecord(std::string_view payload) {
    using Result = DecodeResult<ChargeDetailRecord>;
    const auto j = nlohmann::json::parse(payload, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return Result::fail("charge detail record is not a JSON object");
    }
    JsonFields f(j);
    Int64Reader n(j, {});
    const int schema = f.integer("v", true);
    if (f.ok() && schema != kChargeDetailRecordSchemaVersion) {
        return Result::fail("unsupported charge detail record version " + std::to_string(schema));
    }
    ChargeDetailRecord r;
    r.cdrId = f.string("cdrId", true);
    r.version = f.integer("version", true);
    r.provisional = f.boolean("provisional");
    r.reason = f.string("reason");
    r.ratedAt = f.timestamp("ratedAt");
    r.agentId = f.string("agentId");
    r.siteId = f.string("siteId");
    r.siteName = f.string("siteName");
    r.timeZone = f.string("timeZone");
    r.chargerId = f.string("chargerId", true);
    r.connectorId = f.integer("connectorId");
    r.transactionId = f.integer("transactionId");
    r.idTag = f.string("idTag");
    r.customerGroup = f.string("customerGroup");
    r.start = f.timestamp("start", true);
    r.stop = f.timestamp("stop", true);
    if (j.contains("chargingFinished") && !j["chargingFinished"].is_null()) {
        r.chargingFinished = f.timestamp("chargingFinished");
    }
    r.meterStartWh = n.read("meterStartWh");
    r.meterStopWh = n.read("meterStopWh");
    r.currency = f.string("currency");
    r.minorDigits = j.contains("minorDigits") ? f.integer("minorDigits") : 2;
    r.billedMilliWh = n.read("billedMilliWh");
    r.unbilledMilliWh = n.read("unbilledMilliWh");
    r.subtotal = n.read("subtotal", true);
    r.taxRate = f.string("taxRate");
    r.tax = n.read("tax", true);
    r.total = n.read("total", true);
    if (!f.ok()) {
        return Result::fail(f.error());
    }
    if (!n.ok()) {
        return Result::fail(n.error());
    }
    if (r.cdrId.empty()) {
        return Result::fail("cdrId is empty");
    }
    if (r.version < 1) {
        return Result::fail("version must be 1 or more");
    }
    if (r.chargerId.empty()) {
        return Result::fail("chargerId is empty");
    }
    if (r.stop < r.start) {
        return Result::fail("the session stops (" + toIso8601(r.stop) + ") before it starts (" +
                            toIso8601(r.start) + ")");
    }
    if (r.minorDigits < 0 || r.minorDigits > 4) {
        return Result::fail("minorDigits must be 0 to 4");
    }
    if (!isDecimalText(r.taxRate)) {
        return Result::fail("taxRate '" + r.taxRate + "' is not a decimal number");
    }
    if (const auto lines = j.find("lines"); lines != j.end() && !lines->is_null()) {
        if (!lines->is_array()) {
            return Result::fail("lines must be an array");
        }
        for (std::size_t i = 0; i < lines->size(); ++i) {
            auto line = lineFromJson((*lines)[i], "lines[" + std::to_string(i) + "]");
            if (!line) {
                return Result::fail(line.error());
            }
            r.lines.push_back(std::move(line).value());
        }
    }
    if (const auto anomalies = j.find("anomalies"); anomalies != j.end() && !anomalies->is_null()) {
        if (!anomalies->is_array()) {
            return Result::fail("anomalies must be an array");
        }
        for (std::size_t i = 0; i < anomalies->size(); ++i) {
            auto a = anomalyFromJson((*anomalies)[i], "anomalies[" + std::to_string(i) + "]");
            if (!a) {
                return Result::fail(a.error());
            }
            r.anomalies.push_back(std::move(a).value());
        }
    }
    if (r.currency.empty() && (!r.lines.empty() || r.total != 0)) {
        return Result::fail("currency is missing (only an unrated record with no lines may omit it)");
    }
    std::int64_t sum = 0;
    for (const auto& line : r.lines) {
        if (__builtin_add_overflow(sum, line.amount, &sum)) {
            return Result::fail("the lines' amounts overflow 64 bits");
        }
    }
    if (sum != r.subtotal) {
        return Result::fail("the lines add up to " + minorText(sum) + " but the subtotal is " +
                            minorText(r.subtotal) + " (minor units)");
    }
    std::int64_t expectedTotal = 0;
    if (__builtin_add_overflow(r.subtotal, r.tax, &expectedTotal) || expectedTotal != r.total) {
        return Result::fail("subtotal " + minorText(r.subtotal) + " + tax " + minorText(r.tax) +
                            " is not the total " + minorText(r.total) + " (minor units)");
    }
    return Result::ok(std::move(r));
}

} // namespace voltdesk::contract
