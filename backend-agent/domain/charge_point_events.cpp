#include "domain/charge_point_events.h"

namespace voltdesk::domain {

const std::string& chargerIdOf(const ChargePointEvent& event) {
    return std::visit([](const auto& e) -> const std::string& { return e.chargerId; }, event);
}

} // namespace voltdesk::domain
