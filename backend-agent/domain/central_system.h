// The agent's view of its fleet: decides registrations, applies what chargers report to their live
// state, and tells listeners (store, bus) about each change.
#pragma once

#include "contract/charger_state.h"
#include "contract/inventory.h"
#include "contract/site_info.h"
#include "domain/charge_point_events.h"
#include "domain/charge_point_services.h"

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace voltdesk::domain {

/// What to do with a charger id that is not in the inventory.
enum class UnknownChargerPolicy { Accept, Pending, Reject };

/// "accept", "pending", "reject" (lower case, as in the configuration file); nullopt otherwise.
std::optional<UnknownChargerPolicy> unknownChargerPolicyFromString(std::string_view text);
std::string_view toString(UnknownChargerPolicy policy);
std::string_view toString(RegistrationStatus status);

/// The site id of chargers that are not in the inventory. It is not one of sites(): such a charger has
/// no location until the operator places it.
inline constexpr std::string_view kUnassignedSiteId = "unassigned";

class FleetListener {
public:
    virtual ~FleetListener() = default;
    /// After every applied event, with the charger's resulting state. Called on the reporting thread,
    /// outside CentralSystem's lock (a listener may call snapshot() or charger()); must not block long
    /// and should not throw (an exception reaches the reporting adapter after every listener ran).
    /// Events of one charger reach a listener one at a time and in the order they were applied, even
    /// when two connections of that charger report at once; events of different chargers may arrive
    /// concurrently on different threads.
    virtual void onChargerEvent(const ChargePointEvent& event, const contract::ChargerState& after) = 0;
};

/// Thread-safe. The fleet is every inventory charger (Offline until it connects) plus every admitted
/// unknown charger that has connected since start. Connectors appear in a charger's state only once
/// it has reported them: an inventory connector count does not create connectors, because a connector
/// without a report would make the charger look Available (it shows Unknown until the first report).
class CentralSystem final : public ChargePointServices {
public:
    using Clock = std::function<contract::EpochMs()>;

    CentralSystem(UnknownChargerPolicy policy, std::chrono::seconds heartbeatInterval, Clock clock = {});

    /// Sets site, location (the site's when the charger has none) and maximum power of the inventory's
    /// chargers, adding those not seen yet. May be called again; chargers it no longer lists keep
    /// their state but are treated as unknown from then on.
    void loadInventory(const contract::Inventory& inventory);
    /// false: the transport answers HTTP 404 before the WebSocket upgrade (policy Reject and the id is
    /// not in the inventory).
    bool admits(std::string_view chargerId) const;
    /// Before any traffic; the listener must outlive this object's use.
    void addListener(FleetListener* listener);

    /// Every charger's state, sorted by id.
    std::vector<contract::ChargerState> snapshot() const;
    std::optional<contract::ChargerState> charger(std::string_view chargerId) const;
    /// The inventory's sites.
    std::vector<contract::SiteInfo> sites() const;

    /// Accepted for inventory chargers, else per policy; the retry interval of Pending and Rejected is
    /// the heartbeat interval too. Events of chargers not admitted change nothing.
    BootDecision boot(const ChargerBooted& event) override;
    void report(const ChargePointEvent& event) override;
    std::chrono::seconds heartbeatInterval() const override { return m_heartbeatInterval; }

private:
    struct Record {
        contract::ChargerState state;
        int connections = 0; ///< open links: a late disconnect of an old link must not take it offline
        std::deque<std::pair<ChargePointEvent, contract::ChargerState>> outbox;
        bool delivering = false;
    };

    RegistrationStatus decide(std::string_view chargerId) const; // m_mutex held
    bool admitsLocked(std::string_view chargerId) const;
    Record& recordFor(const std::string& chargerId); // m_mutex held
    void apply(const ChargePointEvent& event, std::optional<RegistrationStatus> registration);

    const UnknownChargerPolicy m_policy;
    const std::chrono::seconds m_heartbeatInterval;
    const Clock m_clock;

    mutable std::mutex m_mutex;
    std::unordered_map<std::string, contract::InventoryCharger> m_inventory;
    std::vector<contract::SiteInfo> m_sites;
    // Records are never erased, so references to them stay valid while the lock is released.
    std::unordered_map<std::string, Record> m_records;
    std::vector<FleetListener*> m_listeners;
};

} // namespace voltdesk::domain
