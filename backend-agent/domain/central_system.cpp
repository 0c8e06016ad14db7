#include "domain/central_system.h"

#include "domain/charger_state_update.h"

#include <algorithm>
#include <exception>

namespace voltdesk::domain {

std::optional<UnknownChargerPolicy> unknownChargerPolicyFromString(std::string_view text) {
    if (text == "accept") {
        return UnknownChargerPolicy::Accept;
    }
    if (text == "pending") {
        return UnknownChargerPolicy::Pending;
    }
    if (text == "reject") {
        return UnknownChargerPolicy::Reject;
    }
    return std::nullopt;
}

std::string_view toString(UnknownChargerPolicy policy) {
    switch (policy) {
    case UnknownChargerPolicy::Accept:
        return "accept";
    case UnknownChargerPolicy::Pending:
        return "pending";
    case UnknownChargerPolicy::Reject:
        return "reject";
    }
    return "reject";
}

std::string_view toString(RegistrationStatus status) {
    switch (status) {
    case RegistrationStatus::Accepted:
        return "Accepted";
    case RegistrationStatus::Pending:
        return "Pending";
    case RegistrationStatus::Rejected:
        return "Rejected";
    }
    return "Rejected";
}

CentralSystem::CentralSystem(UnknownChargerPolicy policy, std::chrono::seconds heartbeatInterval, Clock clock)
    : m_policy(policy), m_heartbeatInterval(heartbeatInterval),
      m_clock(clock ? std::move(clock) : Clock(contract::nowMs)) {}

void CentralSystem::loadInventory(const contract::Inventory& inventory) {
    std::lock_guard lock(m_mutex);
    m_sites = inventory.sites;
    m_inventory.clear();
    for (const auto& c : inventory.chargers) {
        m_inventory.emplace(c.chargerId, c);
    }
    for (const auto& c : inventory.chargers) {
        Record& record = recordFor(c.chargerId);
        record.state.siteId = c.siteId;
        record.state.maxPowerKw = c.maxPowerKw;
        record.state.location = c.location;
        if (!record.state.location) {
            const auto site = std::find_if(m_sites.begin(), m_sites.end(),
                                           [&](const contract::SiteInfo& s) { return s.siteId == c.siteId; });
            if (site != m_sites.end()) {
                record.state.location = site->location;
            }
        }
        // A charger that connected before the inventory came is known now.
        if (record.state.registration != toString(RegistrationStatus::Accepted) &&
            !record.state.registration.empty()) {
            record.state.registration = std::string(toString(RegistrationStatus::Accepted));
        }
    }
}

bool CentralSystem::admits(std::string_view chargerId) const {
    std::lock_guard lock(m_mutex);
    return admitsLocked(chargerId);
}

bool CentralSystem::admitsLocked(std::string_view chargerId) const {
    return m_policy != UnknownChargerPolicy::Reject || m_inventory.count(std::string(chargerId)) > 0;
}

void CentralSystem::addListener(FleetListener* listener) {
    std::lock_guard lock(m_mutex);
    m_listeners.push_back(listener);
}

std::vector<contract::ChargerState> CentralSystem::snapshot() const {
    std::vector<contract::ChargerState> result;
    {
        std::lock_guard lock(m_mutex);
        result.reserve(m_records.size());
        for (const auto& [id, record] : m_records) {
            result.push_back(record.state);
        }
    }
    std::sort(result.begin(), result.end(),
              [](const auto& a, const auto& b) { return a.chargerId < b.chargerId; });
    return result;
}

std::optional<contract::ChargerState> CentralSystem::charger(std::string_view chargerId) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_records.find(std::string(chargerId));
    if (it == m_records.end()) {
        return std::nullopt;
    }
    return it->second.state;
}

std::vector<contract::SiteInfo> CentralSystem::sites() const {
    std::lock_guard lock(m_mutex);
    return m_sites;
}

RegistrationStatus CentralSystem::decide(std::string_view chargerId) const {
    if (m_inventory.count(std::string(chargerId)) > 0) {
        return RegistrationStatus::Accepted;
    }
    switch (m_policy) {
    case UnknownChargerPolicy::Accept:
        return RegistrationStatus::Accepted;
    case UnknownChargerPolicy::Pending:
        return RegistrationStatus::Pending;
    case UnknownChargerPolicy::Reject:
        return RegistrationStatus::Rejected;
    }
    return RegistrationStatus::Rejected;
}

CentralSystem::Record& CentralSystem::recordFor(const std::string& chargerId) {
    auto [it, inserted] = m_records.try_emplace(chargerId);
    if (inserted) {
        auto& s = it->second.state;
        s.chargerId = chargerId;
        s.registration = std::string(toString(decide(chargerId)));
        if (m_inventory.count(chargerId) == 0) {
            s.siteId = std::string(kUnassignedSiteId);
        }
    }
    return it->second;
}

BootDecision CentralSystem::boot(const ChargerBooted& event) {
    RegistrationStatus status;
    {
        std::lock_guard lock(m_mutex);
        status = decide(event.chargerId);
    }
    apply(event, status);
    return BootDecision{status, m_heartbeatInterval};
}

void CentralSystem::report(const ChargePointEvent& event) {
    apply(event, std::nullopt);
}

void CentralSystem::apply(const ChargePointEvent& event, std::optional<RegistrationStatus> registration) {
    const std::string& chargerId = chargerIdOf(event);
    std::unique_lock lock(m_mutex);
    if (!admitsLocked(chargerId)) {
        return;
    }
    Record& record = recordFor(chargerId);
    applyEvent(record.state, event);
    if (std::holds_alternative<ChargerConnected>(event)) {
        ++record.connections;
    } else if (std::holds_alternative<ChargerDisconnected>(event)) {
        record.connections = std::max(0, record.connections - 1);
        record.state.online = record.connections > 0;
    }
    if (registration) {
        record.state.registration = std::string(toString(*registration));
    }
    record.state.updatedAt = m_clock();
    record.outbox.emplace_back(event, record.state);
    if (record.delivering) {
        return; // the thread delivering this charger's events delivers this one too, in order
    }
    // Deliver outside the lock, one charger's events in order; see FleetListener.
    record.delivering = true;
    const std::vector<FleetListener*> listeners = m_listeners;
    std::exception_ptr firstError;
    while (!record.outbox.empty()) {
        auto item = std::move(record.outbox.front());
        record.outbox.pop_front();
        lock.unlock();
        for (FleetListener* listener : listeners) {
            try {
                listener->onChargerEvent(item.first, item.second);
            } catch (...) {
                if (!firstError) {
                    firstError = std::current_exception();
                }
            }
        }
        lock.lock();
    }
    record.delivering = false;
    lock.unlock();
    if (firstError) {
        std::rethrow_exception(firstError);
    }
}

} // namespace voltdesk::domain
