// The tariff's JSON form: a round trip, the documented example, and bad input as clear messages.
#include "billing_fixtures.h"
#include "domain/billing/tariff_json.h"
#include "domain/billing/tariff_validation.h"

#include <QtTest>
#include <nlohmann/json.hpp>

using namespace voltdesk::billing;
using namespace billing_fixtures;

namespace {

Tariff fullTariff() {
    auto t = chinaTariff();
    t.validFrom = cst(2025, 1, 1, 0);
    t.validUntil = cst(2026, 1, 1, 0);
    t.timePricePerMinute = price("0.0125");
    t.sessionFee = money("1.00");
    t.idleFee = IdleFee{price("0.5000"), 15, money("30.00")};
    t.minimumPrice = money("2.00");
    t.maximumPrice = money("500.00");
    t.taxRate = RatePpm{130'000};
    return t;
}

std::string errorOf(const std::string& text) {
    const auto result = tariffFromJson(text);
    return result.tariff ? std::string("(parsed)") : result.error;
}

/// fullTariff's JSON with one field replaced (or removed when value is null).
std::string withField(const char* key, const nlohmann::json& value) {
    auto json = tariffToJsonValue(fullTariff());
    if (value.is_null()) {
        json.erase(key);
    } else {
        json[key] = value;
    }
    return json.dump();
}

} // namespace

class TestBillingTariffJson : public QObject {
    Q_OBJECT

private slots:
    void roundTrip() {
        const auto t = fullTariff();
        const auto text = tariffToJson(t);
        const auto back = tariffFromJson(text);
        QVERIFY2(back.tariff, back.error.c_str());
        QCOMPARE(tariffToJson(*back.tariff), text);
        QCOMPARE(back.tariff->periods[0].energyPrice->tenThousandthsMinor,
                 t.periods[0].energyPrice->tenThousandthsMinor);
        QCOMPARE(*back.tariff->validFrom, *t.validFrom);
        QCOMPARE(back.tariff->holidays.size(), std::size_t(7));
        QCOMPARE(back.tariff->idleFee->graceMinutes, 15);
        QCOMPARE(back.tariff->taxRate.ppm, 130'000);
        QCOMPARE(back.tariff->week[5], std::string("weekend"));
        QVERIFY(validateTariff(*back.tariff).empty());
    }

    void minimalTariffAndPriceForms() {
        const auto result = tariffFromJson(R"({
          "id": "one", "version": 2, "currency": "JPY", "minorDigits": 0,
          "periods": [{"name": "all", "energyPrice": 30, "serviceFee": "2.5"}],
          "dayTypes": [{"name": "d", "schedule": [{"from": "00:00", "to": "24:00", "period": "all"}]}],
          "week": {"monday": "d", "tuesday": "d", "wednesday": "d", "thursday": "d", "friday": "d",
                   "saturday": "d", "sunday": "d"}
        })");
        QVERIFY2(result.tariff, result.error.c_str());
        QCOMPARE(result.tariff->periods[0].energyPrice->tenThousandthsMinor, 300'000);
        QCOMPARE(result.tariff->periods[0].serviceFee->tenThousandthsMinor, 25'000);
        QVERIFY(!result.tariff->validFrom);
        QVERIFY(!result.tariff->sessionFee);
        QVERIFY(validateTariff(*result.tariff).empty());
    }

    void aMissingPriceIsLeftToValidation() {
        auto json = tariffToJsonValue(fullTariff());
        json["periods"][1].erase("energyPrice");
        const auto result = tariffFromJson(json.dump());
        QVERIFY(result.tariff);
        QCOMPARE(validateTariff(*result.tariff).front().message,
                 std::string("Period 'peak' has no energy price."));
    }

    void badJson_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("syntax") << "{\"id\": }"
                                << "not JSON: parse error at line 1, column 8: syntax error while parsing "
                                   "value - unexpected '}'; expected '[', '{', or a literal";
        QTest::newRow("not an object") << "[]" << "expected an object";
        QTest::newRow("missing id") << QString::fromStdString(withField("id", nullptr)) << "id: missing";
        QTest::newRow("id a number") << QString::fromStdString(withField("id", 5)) << "id: expected a string";
        QTest::newRow("unknown field")
            << QString::fromStdString(withField("tax", "13")) << "tax: unknown field";
        QTest::newRow("fraction price")
            << QString::fromStdString(withField("timePricePerMinute", 0.5))
            << "timePricePerMinute: expected a decimal string such as \"1.555555\" (a JSON "
               "fraction would not be exact)";
        QTest::newRow("too precise money")
            << QString::fromStdString(withField("sessionFee", "1.005"))
            << "sessionFee: '1.005' is not a decimal with at most 2 decimals, such as "
               "\"1.55\"";
        QTest::newRow("bad instant")
            << QString::fromStdString(withField("validFrom", "July"))
            << "validFrom: 'July' is not a time such as \"2025-07-01T00:00:00+08:00\"";
        QTest::newRow("version fraction")
            << QString::fromStdString(withField("version", 1.5)) << "version: expected a whole number";
        QTest::newRow("minor digits")
            << QString::fromStdString(withField("minorDigits", 9)) << "minorDigits: expected 0 to 4";
        QTest::newRow("week not object")
            << QString::fromStdString(withField("week", "all")) << "week: expected an object";
        QTest::newRow("periods not array")
            << QString::fromStdString(withField("periods", "x")) << "periods: expected an array";
        QTest::newRow("grace") << QString::fromStdString(
                                      withField("idleFee", {{"perMinute", "1"}, {"graceMinutes", -1}}))
                               << "idleFee.graceMinutes: expected 0 to 1440 minutes";
        QTest::newRow("idle without price")
            << QString::fromStdString(withField("idleFee", {{"graceMinutes", 5}}))
            << "idleFee.perMinute: missing";
    }

    void badJson() {
        QFETCH(QString, text);
        QFETCH(QString, error);
        QCOMPARE(QString::fromStdString(errorOf(text.toStdString())), error);
    }

    void badNestedFieldsNameTheirPath() {
        auto json = tariffToJsonValue(fullTariff());
        json["dayTypes"][0]["schedule"][2]["to"] = "25:00";
        QCOMPARE(errorOf(json.dump()),
                 std::string(
                     "dayTypes[0].schedule[2].to: '25:00' is not a time of day from \"00:00\" to \"24:00\""));
        json = tariffToJsonValue(fullTariff());
        json["holidays"][3]["date"] = "2025-02-30";
        QCOMPARE(errorOf(json.dump()),
                 std::string("holidays[3].date: '2025-02-30' is not a date such as \"2025-10-01\""));
        json = tariffToJsonValue(fullTariff());
        json["week"].erase("sunday");
        QCOMPARE(errorOf(json.dump()), std::string("week.sunday: missing"));
        json = tariffToJsonValue(fullTariff());
        json["periods"][0]["price"] = "1";
        QCOMPARE(errorOf(json.dump()), std::string("periods[0].price: unknown field"));
    }

    void noInputThrows() {
        // Every prefix of a valid document, and every byte replaced by a brace, is answered, not thrown.
        const auto text = tariffToJson(fullTariff());
        int answered = 0;
        for (std::size_t n = 0; n < text.size(); n += 7) {
            auto broken = text;
            broken[n] = '}';
            const auto a = tariffFromJson(text.substr(0, n));
            const auto b = tariffFromJson(broken);
            answered += (a.tariff || !a.error.empty()) && (b.tariff || !b.error.empty()) ? 1 : 0;
        }
        QCOMPARE(answered, static_cast<int>((text.size() + 6) / 7));
    }
};

QTEST_GUILESS_MAIN(TestBillingTariffJson)
#include "tst_billing_tariff_json.moc"
