#include "core/charger_day.h"

#include <limits>

namespace voltdesk::sim {

namespace {
constexpr std::uint64_t kSaltDay = 4;
}

ChargerDay::ChargerDay(const SimCharger& charger, std::uint64_t seed)
    : m_rng(Rng::derive(seed, static_cast<std::uint64_t>(charger.number), kSaltDay)),
      m_connectors(static_cast<std::size_t>(charger.connectorCount), ConnectorDay(charger.dc)) {}

void ChargerDay::start(EpochMs simNow) {
    for (auto& c : m_connectors) {
        c.start(simNow, m_rng);
    }
}

std::optional<ConnectorChange> ChargerDay::step(EpochMs simNow) {
    std::size_t first = m_connectors.size();
    EpochMs firstAt = std::numeric_limits<EpochMs>::max();
    for (std::size_t i = 0; i < m_connectors.size(); ++i) {
        const EpochMs at = m_connectors[i].nextEventAt();
        if (at <= simNow && at < firstAt) {
            first = i;
            firstAt = at;
        }
    }
    if (first == m_connectors.size()) {
        return std::nullopt;
    }
    auto change = m_connectors[first].step(simNow, m_rng);
    if (!change) {
        return std::nullopt;
    }
    return ConnectorChange{static_cast<int>(first) + 1, *change};
}

EpochMs ChargerDay::nextEventAt() const {
    EpochMs next = std::numeric_limits<EpochMs>::max();
    for (const auto& c : m_connectors) {
        next = std::min(next, c.nextEventAt());
    }
    return next;
}

} // namespace voltdesk::sim
