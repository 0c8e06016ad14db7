// OCPP sampled values → telemetry samples: units, phases, locations, and what is skipped.
#include "domain/meter_telemetry.h"

#include <QtTest>

using namespace voltdesk;
using domain::MeterSample;

namespace {

MeterSample value(std::string v, std::string measurand, std::string unit = {}, std::string phase = {},
                  std::string location = {}) {
    MeterSample s;
    s.value = std::move(v);
    s.measurand = std::move(measurand);
    s.unit = std::move(unit);
    s.phase = std::move(phase);
    s.location = std::move(location);
    return s;
}

domain::MeterValuesReport report(std::vector<domain::MeterReading> readings) {
    domain::MeterValuesReport r;
    r.chargerId = "CP-1";
    r.connectorId = 2;
    r.transactionId = 77;
    r.readings = std::move(readings);
    return r;
}

contract::TelemetrySample only(const std::vector<MeterSample>& samples) {
    const auto out = domain::telemetryOf(report({domain::MeterReading{1000, samples}}));
    if (out.size() != 1) {
        qFatal("expected one sample, got %zu", out.size());
    }
    return out.front();
}

} // namespace

class TestMeterTelemetry : public QObject {
    Q_OBJECT

private slots:
    void mapsEveryMeasurandInFixedUnits() {
        const auto s = only({value("7.2", "Power.Active.Import", "kW"), value("31.2", "Current.Import", "A"),
                             value("230.1", "Voltage", "V"), value("314.65", "Temperature", "K"),
                             value("63", "SoC", "Percent", {}, "EV"),
                             value("12.345", "Energy.Active.Import.Register", "kWh")});
        QCOMPARE(s.chargerId, std::string("CP-1"));
        QCOMPARE(s.connectorId, 2);
        QCOMPARE(s.at, contract::EpochMs(1000));
        QCOMPARE(s.transactionId, std::optional<int>(77));
        QCOMPARE(*s.powerW, 7200.0);
        QCOMPARE(*s.currentA, 31.2);
        QCOMPARE(*s.voltageV, 230.1);
        QVERIFY(std::abs(*s.temperatureC - 41.5) < 1e-9);
        QCOMPARE(*s.socPercent, 63.0);
        QCOMPARE(*s.energyWh, 12345.0);
    }

    void defaultsAreOcppDefaults() {
        // No measurand: the energy register; no unit: the measurand's base unit.
        const auto s =
            only({value("1500", ""), value("11000", "Power.Active.Import"), value("25", "Temperature")});
        QCOMPARE(*s.energyWh, 1500.0);
        QCOMPARE(*s.powerW, 11000.0);
        QCOMPARE(*s.temperatureC, 25.0);
        QVERIFY(!s.currentA && !s.voltageV && !s.socPercent);
    }

    void fahrenheitIsConverted() {
        QCOMPARE(*only({value("212", "Temperature", "Fahrenheit")}).temperatureC, 100.0);
        // OCPP 1.6's unit enumeration spells it "Celcius" as well, and chargers send that.
        QCOMPARE(*only({value("36.8", "Temperature", "Celcius", {}, "Body")}).temperatureC, 36.8);
    }

    void phasesAreSummedOrAveraged() {
        const auto s = only(
            {value("3600", "Power.Active.Import", "W", "L1"), value("3.6", "Power.Active.Import", "kW", "L2"),
             value("3600", "Power.Active.Import", "W", "L3"), value("16", "Current.Import", "A", "L1"),
             value("16", "Current.Import", "A", "L2"), value("15", "Current.Import", "A", "L3"),
             value("2", "Current.Import", "A", "N"), value("229", "Voltage", "V", "L1-N"),
             value("231", "Voltage", "V", "L2-N"), value("233", "Voltage", "V", "L3-N")});
        QCOMPARE(*s.powerW, 10800.0);
        QCOMPARE(*s.currentA, 47.0); // the neutral conductor is not a fourth phase
        QCOMPARE(*s.voltageV, 231.0);
    }

    void aTotalWinsOverPhases() {
        const auto s =
            only({value("3000", "Power.Active.Import", "W", "L1"), value("11000", "Power.Active.Import", "W"),
                  value("3000", "Power.Active.Import", "W", "L2")});
        QCOMPARE(*s.powerW, 11000.0);
    }

    void outletWinsOverOtherLocations() {
        const auto s = only({value("9000", "Power.Active.Import", "W", {}, "Inlet"),
                             value("8800", "Power.Active.Import", "W", {}, "Outlet"),
                             value("30", "Temperature", "Celsius", {}, "Body"),
                             value("45", "Temperature", "Celsius", {}, "Cable"),
                             value("40", "Temperature", "Celsius", {}, "Outlet")});
        QCOMPARE(*s.powerW, 8800.0);
        QCOMPARE(*s.temperatureC, 45.0); // the hottest part is what an operator watches
        // Only an inlet meter: it is used.
        QCOMPARE(*only({value("9000", "Power.Active.Import", "W", {}, "Inlet")}).powerW, 9000.0);
    }

    void skipsWhatCannotBeCharted() {
        auto signedValue = value("deadbeef", "Energy.Active.Import.Register", "Wh");
        signedValue.format = "SignedData";
        const auto out = domain::telemetryOf(report({
            domain::MeterReading{1000, {signedValue}},
            domain::MeterReading{2000,
                                 {value("abc", "Power.Active.Import"), value("1e999", "Voltage"),
                                  value("", "Current.Import"), value("5 W", "Power.Active.Import")}},
            domain::MeterReading{3000,
                                 {value("10", "Power.Active.Import", "A"), value("1", "Voltage", "kV")}},
            domain::MeterReading{4000,
                                 {value("100", "Power.Reactive.Import", "var"), value("50", "Frequency")}},
            domain::MeterReading{5000, {}},
        }));
        QVERIFY2(out.empty(), qPrintable(QString::number(out.size())));
    }

    void oneSamplePerReadingInOrder() {
        const auto out = domain::telemetryOf(report({
            domain::MeterReading{1000, {value("1000", "Energy.Active.Import.Register", "Wh")}},
            domain::MeterReading{2000, {value("nope", "Voltage")}},
            domain::MeterReading{3000, {value("+1100.5", "Energy.Active.Import.Register", "Wh")}},
        }));
        QCOMPARE(out.size(), std::size_t(2));
        QCOMPARE(out[0].at, contract::EpochMs(1000));
        QCOMPARE(*out[1].energyWh, 1100.5);
        QCOMPARE(out[1].at, contract::EpochMs(3000));
    }

    void withoutTransaction() {
        auto r = report({domain::MeterReading{1000, {value("1", "")}}});
        r.transactionId.reset();
        r.connectorId = 0;
        const auto out = domain::telemetryOf(r);
        QCOMPARE(out.size(), std::size_t(1));
        QVERIFY(!out[0].transactionId);
        QCOMPARE(out[0].connectorId, 0);
    }

    void startAndStopReadings() {
        const domain::ActiveTransaction started{5, "CP-9", 1, "TAG", 1234, 9000};
        const auto begin = domain::telemetryOf(started);
        QCOMPARE(begin.chargerId, std::string("CP-9"));
        QCOMPARE(begin.connectorId, 1);
        QCOMPARE(begin.at, contract::EpochMs(9000));
        QCOMPARE(begin.transactionId, std::optional<int>(5));
        QCOMPARE(*begin.energyWh, 1234.0);
        QVERIFY(!begin.powerW);

        domain::TransactionStop stop;
        stop.chargerId = "CP-9";
        stop.transactionId = 5;
        stop.meterStopWh = 5678;
        stop.timestamp = 12000;
        const auto end = domain::telemetryOf(stop, 1);
        QCOMPARE(end.connectorId, 1);
        QCOMPARE(end.at, contract::EpochMs(12000));
        QCOMPARE(*end.energyWh, 5678.0);
    }
};

QTEST_GUILESS_MAIN(TestMeterTelemetry)
#include "tst_meter_telemetry.moc"
