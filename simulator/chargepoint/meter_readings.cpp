#include "chargepoint/meter_readings.h"

#include <cmath>
#include <cstdio>

namespace voltdesk::sim {

namespace {

std::string number(double v, int decimals) {
    std::array<char, 32> buf{};
    std::snprintf(buf.data(), buf.size(), "%.*f", decimals, v);
    return buf.data();
}

} // namespace

ocpp16::MeterValue meterValue(const ConnectorState& c, const MeterElectrics& e, EpochMs at,
                              const std::vector<std::string>& measurands, ocpp16::ReadingContext context) {
    using ocpp16::Measurand;
    using ocpp16::UnitOfMeasure;
    ocpp16::MeterValue mv;
    mv.timestamp = at;
    const double amps = e.voltage > 0 ? c.powerW / (e.voltage * e.phases) : 0;
    for (const auto& name : measurands) {
        const auto m = ocpp16::fromString<Measurand>(name);
        if (!m) {
            continue;
        }
        ocpp16::SampledValue s;
        s.context = context;
        s.measurand = m;
        switch (*m) {
        case Measurand::EnergyActiveImportRegister:
            s.value = number(std::floor(c.energyWh), 0);
            s.unit = UnitOfMeasure::Wh;
            break;
        case Measurand::PowerActiveImport:
            s.value = number(c.powerW, 0);
            s.unit = UnitOfMeasure::W;
            break;
        case Measurand::CurrentImport:
            s.value = number(amps, 1);
            s.unit = UnitOfMeasure::A;
            break;
        case Measurand::Voltage:
            s.value = number(e.voltage, 1);
            s.unit = UnitOfMeasure::V;
            break;
        case Measurand::Temperature:
            // The cable warms with the current it carries.
            s.value = number(24 + amps * (e.dc ? 0.12 : 0.4), 1);
            s.unit = UnitOfMeasure::Celsius;
            s.location = ocpp16::Location::Body;
            break;
        case Measurand::SoC:
            if (!e.dc) {
                continue;
            }
            s.value = number(c.socPercent, 0);
            s.unit = UnitOfMeasure::Percent;
            s.location = ocpp16::Location::EV;
            break;
        default:
            continue;
        }
        mv.sampledValue.push_back(std::move(s));
    }
    return mv;
}

} // namespace voltdesk::sim
