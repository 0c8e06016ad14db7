// Properties over seeded random sessions: the lines add up to the total, and the same meter curve
// read at different instants (more readings on a straight stretch, fewer, shuffled, duplicated) and the
// live cost of the same readings all give the same rating.
#include "billing_fixtures.h"
#include "domain/billing/rating_engine.h"

#include <QtTest>
#include <algorithm>
#include <numeric>
#include <random>

using namespace voltdesk::billing;
using namespace billing_fixtures;

namespace {

constexpr int kSessions = 3000;
constexpr std::uint32_t kSeed = 20250701;

/// A meter curve as runs of equal steps: within a run every step is dt = q*a, dE = q*b, so the run is
/// one straight line and every k*a inside a step has an exact reading e + k*b.
struct Step {
    EpochMs a = 0;
    std::int64_t b = 0;
    int q = 1;
};
struct Run {
    std::vector<Step> steps;
};

struct Curve {
    EpochMs firstAt = 0;
    std::int64_t firstMilliWh = 0;
    std::vector<Run> runs;

    /// Readings at run ends only (straight stretches in one step), at every step, or also inside steps.
    enum class Detail { Coarse, Steps, Fine };
    std::vector<MeterReading> readings(Detail detail) const {
        std::vector<MeterReading> out{{firstAt, firstMilliWh}};
        EpochMs t = firstAt;
        std::int64_t e = firstMilliWh;
        for (const auto& run : runs) {
            for (const auto& step : run.steps) {
                for (int k = 1; k <= step.q; ++k) {
                    t += step.a;
                    e += step.b;
                    if (detail == Detail::Fine || k == step.q) {
                        out.push_back({t, e});
                    }
                }
                if (detail == Detail::Coarse && &step != &run.steps.back()) {
                    out.pop_back();
                }
            }
        }
        return out;
    }
    EpochMs lastAt() const { return readings(Detail::Coarse).back().at; }
};

struct Case {
    std::vector<Tariff> tariffs;
    const char* zone = "";
    EpochMs start = 0;
    Curve curve;
    EpochMs stop = 0;
    std::optional<EpochMs> finished;
};

class Generator {
public:
    explicit Generator(std::uint32_t seed) : m_random(seed) {}

    Case next() {
        Case c;
        const bool china = pick(0, 1) == 0;
        c.zone = china ? "Asia/Shanghai" : "Europe/Berlin";
        Tariff tariff = china ? chinaTariff() : berlinTariff();
        // China across National Day; Berlin across both DST changes of 2025.
        const EpochMs anchor = china             ? cst(2025, 9, 28, 0)
                               : pick(0, 1) == 0 ? at(2025, 3, 29, 12, 0, 0)
                                                 : at(2025, 10, 25, 12, 0, 0);
        c.start = anchor + pick(0, 3 * 24 * 60) * kMinute + pick(0, 59'999);
        addFees(tariff);
        c.curve = curve(c.start + pick(0, 5) * kMinute);
        c.stop = c.curve.lastAt() + (pick(0, 2) == 0 ? 0 : pick(0, 45) * kMinute);
        if (pick(0, 2) > 0) {
            c.finished = c.curve.lastAt() - pick(0, 20) * kMinute;
        }
        if (pick(0, 2) == 0) {
            // A tariff change somewhere in the session, prices of the second version changed.
            const EpochMs change = c.start + pick(0, static_cast<int>((c.stop - c.start) / 1000)) * 1000 + 1;
            Tariff second = tariff;
            tariff.validUntil = change;
            second.validFrom = change;
            second.version = 2;
            for (auto& p : second.periods) {
                p.energyPrice = UnitPrice{p.energyPrice->tenThousandthsMinor + pick(0, 5000) * 100};
            }
            c.tariffs.push_back(second);
        }
        c.tariffs.push_back(tariff);
        return c;
    }

private:
    int pick(int from, int to) { return std::uniform_int_distribution<int>(from, to)(m_random); }

    void addFees(Tariff& t) {
        if (pick(0, 1) == 0) {
            t.timePricePerMinute = UnitPrice{pick(0, 2000) * 7};
        }
        if (pick(0, 1) == 0) {
            t.idleFee = IdleFee{UnitPrice{pick(0, 10'000) * 11}, pick(0, 20),
                                pick(0, 1) == 0 ? std::optional<Money>(pick(0, 3000)) : std::nullopt};
        }
        if (pick(0, 2) == 0) {
            t.sessionFee = pick(0, 500);
        }
        if (pick(0, 3) == 0) {
            t.minimumPrice = pick(0, 2000);
        }
        if (pick(0, 3) == 0) {
            t.maximumPrice = t.minimumPrice.value_or(0) + pick(0, 20'000);
        }
        t.taxRate = RatePpm{pick(0, 3) == 0 ? 0 : pick(0, 200'000)};
    }

    Curve curve(EpochMs firstAt) {
        Curve c{firstAt, static_cast<std::int64_t>(pick(0, 1'000'000)) * 1000, {}};
        const int runs = pick(1, 10);
        for (int r = 0; r < runs; ++r) {
            Run run;
            const int kind = pick(0, 30);
            const EpochMs a = pick(1, 300) * 1000 + pick(0, 999);
            const int watts = kind == 0   ? -pick(1, 50'000)           // backwards
                              : kind == 1 ? pick(2'000'000, 9'000'000) // an implausible jump
                                          : pick(0, 60'000);
            const Step step{a, a * watts / 3600, pick(1, 5)};
            run.steps.assign(static_cast<std::size_t>(kind <= 1 ? 1 : pick(1, 6)), step);
            c.runs.push_back(run);
        }
        return c;
    }

    std::mt19937 m_random;
};

Money lineSum(const SessionRating& r) {
    return std::accumulate(r.lines.begin(), r.lines.end(), Money{0},
                           [](Money s, const LineItem& l) { return s + l.amount; });
}

std::int64_t energyOf(const SessionRating& r, LineKind kind) {
    return std::accumulate(
        r.lines.begin(), r.lines.end(), std::int64_t{0},
        [kind](std::int64_t s, const LineItem& l) { return s + (l.kind == kind ? l.milliWh : 0); });
}

bool sameRating(const SessionRating& a, const SessionRating& b) {
    if (a.total != b.total || a.tax != b.tax || a.billedMilliWh != b.billedMilliWh ||
        a.unbilledMilliWh != b.unbilledMilliWh || a.lines.size() != b.lines.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.lines.size(); ++i) {
        if (a.lines[i].amount != b.lines[i].amount || a.lines[i].milliWh != b.lines[i].milliWh ||
            a.lines[i].kind != b.lines[i].kind) {
            return false;
        }
    }
    return true;
}

} // namespace

class TestBillingRatingProperties : public QObject {
    Q_OBJECT

private slots:
    void linesAddUpAndReadingsDoNotMatter() {
        Generator generator(kSeed);
        std::mt19937 shuffler(kSeed);
        int withAnomalies = 0;
        int withTariffChange = 0;
        for (int i = 0; i < kSessions; ++i) {
            const auto c = generator.next();
            auto engineOrError = RatingEngine::create(c.tariffs, c.zone);
            QVERIFY(std::holds_alternative<RatingEngine>(engineOrError));
            const auto& engine = std::get<RatingEngine>(engineOrError);
            const auto rate = [&](std::vector<MeterReading> readings, std::optional<EpochMs> stop,
                                  std::optional<EpochMs> asOf) {
                auto r = engine.rate({c.start, stop, c.finished, std::move(readings)},
                                     RatingOptions{MeterProfileOptions{400'000}, asOf});
                if (const auto* e = std::get_if<RatingError>(&r)) {
                    qFatal("session %d refused: %s", i, e->message.c_str());
                }
                return std::get<SessionRating>(std::move(r));
            };
            const auto fine = rate(c.curve.readings(Curve::Detail::Fine), c.stop, {});
            const auto label = QByteArray("session ") + QByteArray::number(i);
            QVERIFY2(lineSum(fine) == fine.subtotal, label);
            QVERIFY2(fine.subtotal + fine.tax == fine.total, label);
            QVERIFY2(energyOf(fine, LineKind::Energy) == fine.billedMilliWh, label);
            QVERIFY2(energyOf(fine, LineKind::ServiceFee) == fine.billedMilliWh, label);

            QVERIFY2(sameRating(fine, rate(c.curve.readings(Curve::Detail::Steps), c.stop, {})),
                     label + " steps");
            QVERIFY2(sameRating(fine, rate(c.curve.readings(Curve::Detail::Coarse), c.stop, {})),
                     label + " coarse");

            auto messy = c.curve.readings(Curve::Detail::Steps);
            messy.insert(messy.end(), messy.begin(),
                         messy.begin() + static_cast<std::ptrdiff_t>(messy.size() / 3));
            std::ranges::shuffle(messy, shuffler);
            QVERIFY2(sameRating(fine, rate(messy, c.stop, {})), label + " shuffled");

            // The live cost of the same readings rated at the stop instant is the final cost.
            const auto live = rate(c.curve.readings(Curve::Detail::Steps), std::nullopt, c.stop);
            QVERIFY2(live.provisional && sameRating(fine, live), label + " live");

            withAnomalies += fine.anomalies.empty() ? 0 : 1;
            withTariffChange += c.tariffs.size() > 1 ? 1 : 0;
        }
        // The generator reaches the cases it is meant to.
        QVERIFY(withAnomalies > kSessions / 10);
        QVERIFY(withTariffChange > kSessions / 5);
    }
};

QTEST_GUILESS_MAIN(TestBillingRatingProperties)
#include "tst_billing_rating_properties.moc"
