#include "bus/bus_publisher.h"

#include "contract/agent_presence.h"
#include "contract/topics.h"

#include <algorithm>
#include <deque>
#include <iterator>
#include <mqtt/async_client.h>
#include <spdlog/spdlog.h>

namespace voltdesk::bus {

namespace {

// When the client refuses a publish (too many in flight), that charger is tried again after this.
constexpr std::chrono::milliseconds kRetryBusy{50};

} // namespace

BusPublisher::BusPublisher(BusOptions options)
    : m_options(std::move(options)), m_startedAt(contract::nowMs()) {}

BusPublisher::~BusPublisher() {
    stop();
}

std::string BusPublisher::presencePayload(bool online) const {
    contract::AgentPresence presence;
    presence.agentId = m_options.agentId;
    presence.online = online;
    presence.version = m_options.agentVersion;
    presence.since = online ? m_startedAt : contract::nowMs();
    return contract::encodeAgentPresence(presence);
}

void BusPublisher::start(std::vector<contract::SiteInfo> sites,
                         const std::vector<contract::ChargerState>& initial) {
    const std::string clientId =
        m_options.clientId.empty() ? "voltdesk-agent-" + m_options.agentId : m_options.clientId;
    try {
        m_client =
            std::make_unique<mqtt::async_client>(mqtt::create_options_builder()
                                                     .server_uri(m_options.serverUri)
                                                     .client_id(clientId)
                                                     .max_buffered_messages(m_options.maxBufferedMessages)
                                                     .finalize());
    } catch (const mqtt::exception& e) {
        throw std::invalid_argument("invalid MQTT server URI '" + m_options.serverUri + "': " + e.what());
    }
    // Paho threads: record and wake the publisher thread, nothing else.
    m_client->set_connected_handler([this](const std::string&) {
        m_connected = true;
        {
            std::lock_guard lock(m_mutex);
            m_republishAll = true;
            m_everConnected = true;
            ++m_stats.connects;
        }
        m_wake.notify_one();
    });
    m_client->set_connection_lost_handler([this](const std::string&) {
        m_connected = false;
        m_wake.notify_one();
    });
    {
        std::lock_guard lock(m_mutex);
        m_sites = std::move(sites);
        for (const auto& state : initial) {
            m_chargers[state.chargerId].latest = state;
        }
    }
    m_thread = std::thread([this] { run(); });
}

void BusPublisher::onChargerEvent(const domain::ChargePointEvent&, const contract::ChargerState& after) {
    update(after);
}

void BusPublisher::update(const contract::ChargerState& state) {
    {
        std::lock_guard lock(m_mutex);
        Entry& entry = m_chargers[state.chargerId];
        entry.latest = state;
        if (entry.scheduled) {
            return; // the pending publish will carry this state
        }
        schedule(state.chargerId, entry, Clock::now());
    }
    m_wake.notify_one();
}

void BusPublisher::schedule(const std::string& chargerId, Entry& entry, Clock::time_point now) {
    entry.scheduled = true;
    m_due.emplace(std::max(now, entry.lastSent + m_options.publishInterval), chargerId);
}

void BusPublisher::collectCharger(Entry& entry, std::vector<Outgoing>& out, Clock::time_point now) {
    const auto& state = entry.latest;
    const std::string topic = contract::chargerStateTopic(state.siteId, state.chargerId);
    if (!entry.publishedTopic.empty() && entry.publishedTopic != topic) {
        out.push_back(Outgoing{entry.publishedTopic, {}, {}});
    }
    entry.publishedTopic = topic;
    entry.lastSent = now;
    entry.scheduled = false;
    contract::ChargerState stamped = state;
    stamped.agentId = m_options.agentId; // consoles judge each charger's freshness by its agent's presence
    out.push_back(Outgoing{topic, contract::encodeChargerState(stamped), state.chargerId});
}

void BusPublisher::collectAll(std::vector<Outgoing>& out, Clock::time_point now) {
    m_due.clear();
    out.push_back(Outgoing{contract::agentStatusTopic(m_options.agentId), presencePayload(true), {}});
    for (const auto& site : m_sites) {
        out.push_back(Outgoing{contract::siteInfoTopic(site.siteId), contract::encodeSiteInfo(site), {}});
    }
    for (auto& [id, entry] : m_chargers) {
        collectCharger(entry, out, now);
    }
}

void BusPublisher::connect() {
    auto will =
        mqtt::will_options(contract::agentStatusTopic(m_options.agentId), presencePayload(false), 1, true);
    auto options = mqtt::connect_options_builder()
                       .clean_session(true)
                       .keep_alive_interval(m_options.keepAlive)
                       .connect_timeout(std::chrono::seconds(10))
                       .automatic_reconnect(m_options.minReconnectDelay, m_options.maxReconnectDelay)
                       .max_inflight(m_options.maxInflight)
                       .will(std::move(will))
                       .finalize();
    try {
        auto token = m_client->connect(options);
        while (!token->wait_for(std::chrono::milliseconds(100))) {
            std::lock_guard lock(m_mutex);
            if (m_stopping) {
                return;
            }
        }
        spdlog::info("bus: connected to {}", m_options.serverUri);
        std::lock_guard lock(m_mutex);
        m_connectDelay = std::chrono::seconds(0);
        m_everConnected = true; // the connected handler may run just after this; do not connect twice
    } catch (const mqtt::exception& e) {
        std::lock_guard lock(m_mutex);
        if (m_connectDelay.count() == 0) {
            spdlog::warn("bus: cannot connect to MQTT broker {}: {}; retrying in the background",
                         m_options.serverUri, e.what());
        }
        m_connectDelay =
            std::min(std::max(m_connectDelay * 2, m_options.minReconnectDelay), m_options.maxReconnectDelay);
        m_nextConnect = Clock::now() + m_connectDelay;
    }
}

void BusPublisher::run() {
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (!m_everConnected && !m_connected) {
            if (Clock::now() >= m_nextConnect) {
                lock.unlock();
                connect();
                lock.lock();
                continue;
            }
            m_wake.wait_until(lock, m_nextConnect, [&] { return m_stopping || m_connected.load(); });
            continue;
        }
        const auto wakeAt = m_due.empty() ? Clock::now() + std::chrono::seconds(1) : m_due.begin()->first;
        m_wake.wait_until(lock, wakeAt, [&] {
            return m_stopping || (m_connected && m_republishAll) ||
                   (!m_due.empty() && m_due.begin()->first <= Clock::now());
        });
        if (m_stopping) {
            break;
        }
        std::vector<Outgoing> out;
        const auto now = Clock::now();
        if (!m_connected) {
            // Nothing can go out; everyone is republished when the connection is back.
            for (auto it = m_due.begin(); it != m_due.end() && it->first <= now;) {
                m_chargers[it->second].scheduled = false;
                it = m_due.erase(it);
            }
            continue;
        }
        if (m_republishAll) {
            m_republishAll = false;
            collectAll(out, now);
        } else {
            while (!m_due.empty() && m_due.begin()->first <= now) {
                const std::string id = std::move(m_due.begin()->second);
                m_due.erase(m_due.begin());
                collectCharger(m_chargers[id], out, now);
            }
        }
        lock.unlock();
        publish(out);
        lock.lock();
    }
}

void BusPublisher::publish(std::vector<Outgoing>& out) {
    std::vector<std::string> retry;
    std::uint64_t states = 0;
    for (auto& message : out) {
        if (!retry.empty() && !message.chargerId.empty()) {
            retry.push_back(std::move(message.chargerId)); // the client is busy: do not even try
            continue;
        }
        try {
            m_client->publish(message.topic, message.payload.data(), message.payload.size(), m_options.qos,
                              true);
            if (!message.chargerId.empty()) {
                ++states;
            }
        } catch (const mqtt::exception& e) {
            if (!m_client->is_connected()) {
                // The reconnect republishes everything.
                break;
            }
            if (message.chargerId.empty()) {
                spdlog::warn("bus: publish to {} failed: {}", message.topic, e.what());
            } else {
                retry.push_back(std::move(message.chargerId));
            }
        }
    }
    std::lock_guard lock(m_mutex);
    m_stats.statePublishes += states;
    const auto later = Clock::now() + kRetryBusy;
    for (const auto& id : retry) {
        Entry& entry = m_chargers[id];
        if (!entry.scheduled) {
            entry.scheduled = true;
            m_due.emplace(later, id);
        }
    }
}

void BusPublisher::stop(std::chrono::milliseconds timeout) {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || !m_thread.joinable()) {
            return;
        }
        m_stopping = true;
    }
    const auto deadline = Clock::now() + timeout;
    m_wake.notify_all();
    m_thread.join();
    const auto remaining = [&] {
        return std::max(std::chrono::milliseconds(0),
                        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()));
    };
    if (m_client->is_connected()) {
        // The last states (the chargers just went offline) go out first, paced by the client's limits.
        std::deque<Outgoing> out;
        {
            std::lock_guard lock(m_mutex);
            const auto now = Clock::now();
            std::vector<Outgoing> due;
            for (const auto& [when, id] : m_due) {
                collectCharger(m_chargers[id], due, now);
            }
            m_due.clear();
            out.assign(std::make_move_iterator(due.begin()), std::make_move_iterator(due.end()));
        }
        std::size_t sent = 0;
        while (!out.empty() && Clock::now() < deadline && m_client->is_connected()) {
            try {
                m_client->publish(out.front().topic, out.front().payload.data(), out.front().payload.size(),
                                  m_options.qos, true);
                out.pop_front();
                ++sent;
            } catch (const mqtt::exception&) {
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        }
        if (!out.empty()) {
            spdlog::warn("bus: {} charger states not published before the stop deadline", out.size());
        }
        {
            std::lock_guard lock(m_mutex);
            m_stats.statePublishes += sent;
        }
        try {
            const std::string offline = presencePayload(false);
            m_client
                ->publish(contract::agentStatusTopic(m_options.agentId), offline.data(), offline.size(), 1,
                          true)
                ->wait_for(remaining());
        } catch (const mqtt::exception& e) {
            spdlog::warn("bus: offline presence not published ({}); the broker's last will says it instead",
                         e.what());
        }
        try {
            m_client->disconnect(remaining())->wait_for(remaining());
        } catch (const mqtt::exception& e) {
            spdlog::warn("bus: clean disconnect failed: {}", e.what());
        }
    } else if (m_everConnected) {
        try {
            // Stops Paho's automatic reconnect; the broker has sent the will already.
            m_client->disconnect(std::chrono::milliseconds(0))->wait_for(std::chrono::milliseconds(500));
        } catch (const mqtt::exception& e) {
            spdlog::debug("bus: disconnect while reconnecting: {}", e.what());
        }
    }
    m_connected = false;
}

BusStats BusPublisher::stats() const {
    std::lock_guard lock(m_mutex);
    return m_stats;
}

} // namespace voltdesk::bus
