// Reading and writing a tariff as JSON; every error names the field it is about.
#include "domain/billing/tariff_json.h"

#include <charconv>
#include <format>
#include <nlohmann/json.hpp>
#include <set>

namespace voltdesk::billing {

namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json; // written in a fixed, readable key order

constexpr std::array<std::string_view, kDaysPerWeek> kWeekKeys{"monday", "tuesday",  "wednesday", "thursday",
                                                               "friday", "saturday", "sunday"};
constexpr int kPriceExtraDecimals = 4;   // UnitPrice's ten-thousandths of a minor unit
constexpr int kPercentToPpmDecimals = 4; // 13.5 % = 135'000 ppm

/// Thrown inside this file only, with the message for the caller; tariffFromJson catches it.
struct ParseError {
    std::string message;
};

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw ParseError{path.empty() ? what : path + ": " + what};
}

std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

/// One JSON object, whose keys must all be known so that a misspelt field is an error, not ignored.
class ObjectReader {
public:
    ObjectReader(const Json& json, std::string path, const std::set<std::string_view>& known)
        : m_json(json), m_path(std::move(path)) {
        if (!json.is_object()) {
            fail(m_path, "expected an object");
        }
        for (const auto& [key, value] : json.items()) {
            if (!known.contains(key)) {
                fail(join(m_path, key), "unknown field");
            }
        }
    }

    const Json* find(std::string_view key) const {
        const auto it = m_json.find(key);
        return it == m_json.end() || it->is_null() ? nullptr : &*it;
    }
    std::string path(std::string_view key) const { return join(m_path, key); }

    const Json& required(std::string_view key) const {
        const auto* value = find(key);
        if (!value) {
            fail(path(key), "missing");
        }
        return *value;
    }

    std::string string(std::string_view key) const {
        const auto& value = required(key);
        if (!value.is_string()) {
            fail(path(key), "expected a string");
        }
        return value.get<std::string>();
    }

    std::optional<std::int64_t> integer(std::string_view key) const {
        const auto* value = find(key);
        if (!value) {
            return std::nullopt;
        }
        if (!value->is_number_integer()) {
            fail(path(key), "expected a whole number");
        }
        return value->get<std::int64_t>();
    }

    /// A decimal string ("1.2345") or a whole JSON number; never a JSON fraction, which would be a double.
    std::optional<std::int64_t> decimal(std::string_view key, int decimals) const {
        const auto* value = find(key);
        if (!value) {
            return std::nullopt;
        }
        if (value->is_number_integer()) {
            const auto parsed = parseDecimal(std::to_string(value->get<std::int64_t>()), decimals);
            if (!parsed) {
                fail(path(key), "is too large");
            }
            return parsed;
        }
        const auto example =
            decimals == 0 ? std::string("\"12\"") : "\"1." + std::string(decimals, '5') + "\"";
        if (!value->is_string()) {
            fail(path(key),
                 std::format("expected a decimal string such as {} (a JSON fraction would not be exact)",
                             example));
        }
        const auto parsed = parseDecimal(value->get<std::string>(), decimals);
        if (!parsed) {
            fail(path(key), std::format("'{}' is not a decimal with at most {} decimals, such as {}",
                                        value->get<std::string>(), decimals, example));
        }
        return parsed;
    }

    const Json& array(std::string_view key) const {
        const auto& value = required(key);
        if (!value.is_array()) {
            fail(path(key), "expected an array");
        }
        return value;
    }

private:
    const Json& m_json;
    std::string m_path;
};

std::optional<EpochMs> instant(const ObjectReader& reader, std::string_view key) {
    if (!reader.find(key)) {
        return std::nullopt;
    }
    const auto text = reader.string(key);
    const auto parsed = contract::parseIso8601(text);
    if (!parsed) {
        fail(reader.path(key), std::format("'{}' is not a time such as \"2025-07-01T00:00:00+08:00\"", text));
    }
    return parsed;
}

int minuteOfDay(const ObjectReader& reader, std::string_view key) {
    const auto text = reader.string(key);
    const auto digit = [&text](std::size_t i) {
        return text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -100;
    };
    const int hours = text.size() == 5 && text[2] == ':' ? digit(0) * 10 + digit(1) : -1;
    const int minutes = text.size() == 5 ? digit(3) * 10 + digit(4) : -1;
    if (hours < 0 || hours > 24 || minutes < 0 || minutes > 59 || (hours == 24 && minutes != 0)) {
        fail(reader.path(key), std::format("'{}' is not a time of day from \"00:00\" to \"24:00\"", text));
    }
    return hours * 60 + minutes;
}

std::chrono::year_month_day date(const ObjectReader& reader, std::string_view key) {
    const auto text = reader.string(key);
    const auto number = [&text](std::size_t from, std::size_t length) {
        unsigned value = 0;
        const auto* first = text.data() + from;
        const auto [end, ec] = std::from_chars(first, first + length, value);
        return ec == std::errc{} && end == first + length ? value : 0U;
    };
    const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
    const std::chrono::year_month_day result{std::chrono::year(shaped ? static_cast<int>(number(0, 4)) : 0),
                                             std::chrono::month(shaped ? number(5, 2) : 0),
                                             std::chrono::day(shaped ? number(8, 2) : 0)};
    if (!shaped || !result.ok()) {
        fail(reader.path(key), std::format("'{}' is not a date such as \"2025-10-01\"", text));
    }
    return result;
}

Tariff readTariff(const Json& json) {
    const ObjectReader top(json, "",
                           {"id", "version", "currency", "minorDigits", "validFrom", "validUntil", "periods",
                            "dayTypes", "week", "holidays", "timePricePerMinute", "sessionFee", "idleFee",
                            "minimumPrice", "maximumPrice", "taxPercent"});
    Tariff t;
    t.id = top.string("id");
    t.version = static_cast<int>(top.integer("version").value_or(1));
    t.currency = top.string("currency");
    const auto minorDigits = top.integer("minorDigits").value_or(2);
    if (minorDigits < 0 || minorDigits > 4) {
        fail("minorDigits", "expected 0 to 4");
    }
    t.minorDigits = static_cast<int>(minorDigits);
    const int moneyDecimals = t.minorDigits;
    const int priceDecimals = t.minorDigits + kPriceExtraDecimals;
    const auto price = [priceDecimals](const ObjectReader& r,
                                       std::string_view key) -> std::optional<UnitPrice> {
        const auto value = r.decimal(key, priceDecimals);
        return value ? std::optional(UnitPrice{*value}) : std::nullopt;
    };
    t.validFrom = instant(top, "validFrom");
    t.validUntil = instant(top, "validUntil");

    const auto& periods = top.array("periods");
    for (std::size_t i = 0; i < periods.size(); ++i) {
        const ObjectReader p(periods[i], std::format("periods[{}]", i),
                             {"name", "energyPrice", "serviceFee"});
        t.periods.push_back({p.string("name"), price(p, "energyPrice"), price(p, "serviceFee")});
    }
    const auto& dayTypes = top.array("dayTypes");
    for (std::size_t i = 0; i < dayTypes.size(); ++i) {
        const ObjectReader d(dayTypes[i], std::format("dayTypes[{}]", i), {"name", "schedule"});
        DayType dayType{d.string("name"), {}};
        const auto& schedule = d.array("schedule");
        for (std::size_t j = 0; j < schedule.size(); ++j) {
            const ObjectReader e(schedule[j], std::format("dayTypes[{}].schedule[{}]", i, j),
                                 {"from", "to", "period"});
            dayType.schedule.push_back({minuteOfDay(e, "from"), minuteOfDay(e, "to"), e.string("period")});
        }
        t.dayTypes.push_back(std::move(dayType));
    }
    const ObjectReader week(top.required("week"), "week", {kWeekKeys.begin(), kWeekKeys.end()});
    for (std::size_t d = 0; d < kDaysPerWeek; ++d) {
        t.week.at(d) = week.string(kWeekKeys.at(d));
    }
    if (top.find("holidays")) {
        const auto& holidays = top.array("holidays");
        for (std::size_t i = 0; i < holidays.size(); ++i) {
            const ObjectReader h(holidays[i], std::format("holidays[{}]", i), {"date", "dayType"});
            t.holidays.push_back({date(h, "date"), h.string("dayType")});
        }
    }
    t.timePricePerMinute = price(top, "timePricePerMinute");
    t.sessionFee = top.decimal("sessionFee", moneyDecimals);
    if (const auto* idle = top.find("idleFee")) {
        const ObjectReader i(*idle, "idleFee", {"perMinute", "graceMinutes", "cap"});
        const auto perMinute = price(i, "perMinute");
        if (!perMinute) {
            fail("idleFee.perMinute", "missing");
        }
        const auto grace = i.integer("graceMinutes").value_or(0);
        if (grace < 0 || grace > kMinutesPerDay) {
            fail("idleFee.graceMinutes", "expected 0 to 1440 minutes");
        }
        t.idleFee = IdleFee{*perMinute, static_cast<int>(grace), i.decimal("cap", moneyDecimals)};
    }
    t.minimumPrice = top.decimal("minimumPrice", moneyDecimals);
    t.maximumPrice = top.decimal("maximumPrice", moneyDecimals);
    t.taxRate.ppm = top.decimal("taxPercent", kPercentToPpmDecimals).value_or(0);
    return t;
}

std::string priceText(UnitPrice price, int minorDigits) {
    return formatUnitPrice(price, minorDigits);
}

OrderedJson writeTariff(const Tariff& t) {
    OrderedJson json;
    const auto money = [&t](Money amount) { return formatMoney(amount, t.minorDigits); };
    json["id"] = t.id;
    json["version"] = t.version;
    json["currency"] = t.currency;
    json["minorDigits"] = t.minorDigits;
    if (t.validFrom) {
        json["validFrom"] = contract::toIso8601(*t.validFrom);
    }
    if (t.validUntil) {
        json["validUntil"] = contract::toIso8601(*t.validUntil);
    }
    json["periods"] = OrderedJson::array();
    for (const auto& p : t.periods) {
        OrderedJson period{{"name", p.name}};
        if (p.energyPrice) {
            period["energyPrice"] = priceText(*p.energyPrice, t.minorDigits);
        }
        if (p.serviceFee) {
            period["serviceFee"] = priceText(*p.serviceFee, t.minorDigits);
        }
        json["periods"].push_back(std::move(period));
    }
    json["dayTypes"] = OrderedJson::array();
    for (const auto& d : t.dayTypes) {
        OrderedJson schedule = OrderedJson::array();
        for (const auto& e : d.schedule) {
            schedule.push_back({{"from", formatMinuteOfDay(e.fromMinute)},
                                {"to", formatMinuteOfDay(e.toMinute)},
                                {"period", e.period}});
        }
        json["dayTypes"].push_back({{"name", d.name}, {"schedule", std::move(schedule)}});
    }
    OrderedJson week = OrderedJson::object();
    for (std::size_t d = 0; d < kDaysPerWeek; ++d) {
        week[std::string(kWeekKeys.at(d))] = t.week.at(d);
    }
    json["week"] = std::move(week);
    json["holidays"] = OrderedJson::array();
    for (const auto& h : t.holidays) {
        json["holidays"].push_back({{"date", formatDate(h.date)}, {"dayType", h.dayType}});
    }
    if (t.timePricePerMinute) {
        json["timePricePerMinute"] = priceText(*t.timePricePerMinute, t.minorDigits);
    }
    if (t.sessionFee) {
        json["sessionFee"] = money(*t.sessionFee);
    }
    if (t.idleFee) {
        OrderedJson idle{{"perMinute", priceText(t.idleFee->perMinute, t.minorDigits)},
                         {"graceMinutes", t.idleFee->graceMinutes}};
        if (t.idleFee->cap) {
            idle["cap"] = money(*t.idleFee->cap);
        }
        json["idleFee"] = std::move(idle);
    }
    if (t.minimumPrice) {
        json["minimumPrice"] = money(*t.minimumPrice);
    }
    if (t.maximumPrice) {
        json["maximumPrice"] = money(*t.maximumPrice);
    }
    json["taxPercent"] = formatDecimal(t.taxRate.ppm, kPercentToPpmDecimals);
    return json;
}

} // namespace

TariffParseResult tariffFromJsonValue(const nlohmann::json& json) {
    try {
        return {readTariff(json), {}};
    } catch (const ParseError& e) {
        return {std::nullopt, e.message};
    } catch (const std::exception& e) { // nlohmann's type errors: a bug here, but never the caller's crash
        return {std::nullopt, std::string("the tariff could not be read: ") + e.what()};
    }
}

TariffParseResult tariffFromJson(std::string_view text) {
    Json json;
    try {
        json = Json::parse(text);
    } catch (const Json::parse_error& e) {
        // nlohmann's message without its "[json.exception.parse_error.101] " prefix: line, column, reason.
        const std::string what = e.what();
        const auto bracket = what.find("] ");
        return {std::nullopt,
                "not JSON: " + (bracket == std::string::npos ? what : what.substr(bracket + 2))};
    }
    return tariffFromJsonValue(json);
}

nlohmann::json tariffToJsonValue(const Tariff& tariff) {
    return nlohmann::json(writeTariff(tariff));
}

std::string tariffToJson(const Tariff& tariff) {
    return writeTariff(tariff).dump(2);
}

} // namespace voltdesk::billing
