// Tariff validation: the messages the console's tariff editor shows, word for word.
#include "billing_fixtures.h"
#include "domain/billing/tariff_validation.h"

#include <QtTest>
#include <algorithm>

using namespace voltdesk::billing;
using namespace billing_fixtures;

namespace {

std::vector<std::string> messages(const Tariff& t) {
    std::vector<std::string> out;
    for (const auto& issue : validateTariff(t)) {
        out.push_back(issue.message);
    }
    return out;
}

bool says(const Tariff& t, const std::string& message) {
    const auto all = messages(t);
    if (std::ranges::find(all, message) != all.end()) {
        return true;
    }
    qWarning("expected \"%s\", got:", message.c_str());
    for (const auto& m : all) {
        qWarning("  %s", m.c_str());
    }
    return false;
}

} // namespace

class TestBillingTariffValidation : public QObject {
    Q_OBJECT

private slots:
    void fixturesAreValid() {
        QVERIFY(validateTariff(chinaTariff()).empty());
        QVERIFY(validateTariff(berlinTariff()).empty());
        QVERIFY(validateTariff(flatTariff("1.0")).empty());
    }

    void overlapNamesTheDayTimesAndPeriods() {
        auto t = chinaTariff();
        t.dayTypes.push_back({"tuesday", t.dayTypes[0].schedule});
        t.dayTypes.back().schedule[3] = entry(10, 0, 14, 0, "flat"); // 12-14 flat becomes 10-14 flat
        t.week[1] = "tuesday";
        QVERIFY(says(t, "Tuesday 10:00–12:00 is covered by both 'peak' and 'flat'."));
        QCOMPARE(validateTariff(t).front().path, std::string("dayTypes[3].schedule"));
    }

    void overlapOnSeveralWeekdays() {
        auto t = chinaTariff();
        t.dayTypes[0].schedule.push_back(entry(16, 30, 17, 30, "flat"));
        QVERIFY(says(t, "Monday–Friday ('workday') 16:30–17:00 is covered by both 'peak' and 'flat'."));
        QVERIFY(says(t, "Monday–Friday ('workday') 17:00–17:30 is covered by both 'sharp' and 'flat'."));
    }

    void gapIsNamed() {
        auto t = chinaTariff();
        t.dayTypes[1].schedule[1] = entry(8, 0, 22, 0, "flat");
        QVERIFY(says(t, "Saturday, Sunday ('weekend') 22:00–23:00 is not covered by any period."));
        t = chinaTariff();
        t.dayTypes[2].schedule = {entry(0, 0, 23, 45, "valley")};
        QVERIFY(says(t, "Day type 'holiday' 23:45–24:00 is not covered by any period."));
    }

    void emptyAndReversedEntries() {
        auto t = flatTariff("1.0");
        t.dayTypes[0].schedule = {};
        QVERIFY(says(t, "Monday–Sunday ('all') has no schedule."));
        t.dayTypes[0].schedule = {entry(10, 0, 9, 0, "flat"), entry(0, 0, 24, 0, "flat")};
        QVERIFY(says(t, "Monday–Sunday ('all') 10:00–09:00 is not a stretch of one day (00:00–24:00)."));
    }

    void unknownPeriodAndDayType() {
        auto t = chinaTariff();
        t.dayTypes[0].schedule[2].period = "peek";
        QVERIFY(says(
            t,
            "Monday–Friday ('workday') 10:00–12:00 uses period 'peek', which the tariff does not define."));
        t = chinaTariff();
        t.week[0] = "wrkday";
        QVERIFY(says(t, "Monday uses day type 'wrkday', which the tariff does not define."));
        t.week[6] = "";
        QVERIFY(says(t, "Sunday has no day type."));
    }

    void pricesMissingOrNegative() {
        auto t = chinaTariff();
        t.periods[1].energyPrice.reset();
        t.periods[2].serviceFee.reset();
        t.periods[3].energyPrice = price("-0.1");
        QVERIFY(says(t, "Period 'peak' has no energy price."));
        QVERIFY(says(t, "Period 'flat' has no service fee."));
        QVERIFY(says(t, "Period 'valley' has a negative energy price (-0.100000)."));
        QCOMPARE(validateTariff(t).front().path, std::string("periods[1].energyPrice"));
    }

    void namesMustBeUniqueAndPresent() {
        auto t = chinaTariff();
        t.periods.push_back({"peak", price("1"), price("1")});
        t.periods.push_back({"", price("1"), price("1")});
        t.dayTypes.push_back({"weekend", {entry(0, 0, 24, 0, "flat")}});
        QVERIFY(says(t, "Two periods are named 'peak'."));
        QVERIFY(says(t, "Period 6 has no name."));
        QVERIFY(says(t, "Two day types are named 'weekend'."));
        QVERIFY(says(Tariff{}, "The tariff has no periods."));
        QVERIFY(says(Tariff{}, "The tariff has no id."));
        QVERIFY(says(Tariff{}, "The tariff has no day types."));
    }

    void validityMustNotBeEmpty() {
        auto t = chinaTariff();
        t.validFrom = cst(2025, 7, 1, 0);
        t.validUntil = cst(2025, 7, 1, 0);
        QVERIFY(says(t, "The validity is empty: it ends at 2025-06-30T16:00:00.000Z, not after it starts at "
                        "2025-06-30T16:00:00.000Z."));
    }

    void fees() {
        auto t = chinaTariff();
        t.minimumPrice = money("50.00");
        t.maximumPrice = money("30.00");
        t.sessionFee = money("-1.00");
        t.idleFee = IdleFee{price("-0.5"), -5, money("-2.00")};
        t.timePricePerMinute = price("-0.01");
        t.taxRate = RatePpm{1'300'000};
        QVERIFY(says(t, "The minimum price (50.00) is above the maximum price (30.00)."));
        QVERIFY(says(t, "The session fee is negative (-1.00)."));
        QVERIFY(says(t, "The idle fee is negative (-0.500000 per minute)."));
        QVERIFY(says(t, "The idle grace period is negative (-5 minutes)."));
        QVERIFY(says(t, "The idle fee cap is negative (-2.00)."));
        QVERIFY(says(t, "The charging time price is negative (-0.010000 per minute)."));
        QVERIFY(says(t, "The tax rate must be between 0 % and 100 % (it is 130.0000 %)."));
    }

    void holidays() {
        auto t = chinaTariff();
        t.holidays.push_back(t.holidays.front());
        t.holidays.push_back({std::chrono::year(2025) / 2 / 30, "holiday"});
        t.holidays.push_back({std::chrono::year(2025) / 12 / 25, "christmas"});
        QVERIFY(says(t, "2025-10-01 is listed as a holiday twice."));
        QVERIFY(says(t, "Holiday 9 has an invalid date."));
        QVERIFY(says(t, "Holiday 2025-12-25 uses day type 'christmas', which the tariff does not define."));
    }

    void identity() {
        auto t = chinaTariff();
        t.version = 0;
        t.currency = "";
        t.minorDigits = 7;
        QVERIFY(says(t, "The version must be 1 or more (it is 0)."));
        QVERIFY(says(t, "The tariff has no currency."));
        QVERIFY(says(t, "Minor digits must be between 0 and 4 (they are 7)."));
    }

    void sets() {
        auto a = chinaTariff();
        a.validUntil = cst(2025, 7, 1, 0);
        auto b = chinaTariff();
        b.version = 2;
        b.validFrom = cst(2025, 7, 1, 0);
        QVERIFY(validateTariffSet(std::vector{a, b}).empty());
        b.validFrom = cst(2025, 6, 30, 0);
        auto issues = validateTariffSet(std::vector{a, b});
        QCOMPARE(issues.size(), std::size_t(1));
        QCOMPARE(issues[0].message,
                 std::string("Tariffs 'sh-commercial' v1 and 'sh-commercial' v2 are both valid at "
                             "2025-06-29T16:00:00.000Z; their validity ranges must not overlap."));
        b.validFrom = cst(2025, 7, 1, 0);
        b.currency = "EUR";
        QCOMPARE(validateTariffSet(std::vector{a, b}).size(), std::size_t(1));
        b.currency = "CNY";
        b.periods.clear();
        issues = validateTariffSet(std::vector{a, b});
        QCOMPARE(issues[0].message, std::string("Tariff 'sh-commercial' v2: The tariff has no periods."));
        QCOMPARE(issues[0].path, std::string("[1].periods"));
        QCOMPARE(validateTariffSet({}).size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestBillingTariffValidation)
#include "tst_billing_tariff_validation.moc"
