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

void BusPublisher::publishMessage(std::string topic, std::string payload, int qos, bool retained) {
    {
        std::lock_guard lock(m_mutex);
        if (retained) {
            RetainedMessage& message = m_retained[topic];
            message.payload = std::move(payload);
            message.qos = qos;
            if (!message.pending) {
                message.pending = true;
                ++m_retainedPending;
            }
        } else if (!m_connected || m_stopping || m_messages.size() >= m_options.maxQueuedMessages) {
            ++m_stats.messagesDropped;
            return;
        } else {
            m_messages.push_back(Outgoing{std::move(topic), std::move(payload), {}, qos, false});
        }
    }
    m_wake.notify_one();
}

bool BusPublisher::messagesDue(Clock::time_point now) const {
    return (!m_messages.empty() || m_retainedPending > 0) && now >= m_messagesHeldUntil;
}

void BusPublisher::collectMessages(std::vector<Outgoing>& out, bool allRetained) {
    for (auto& [topic, message] : m_retained) {
        if (allRetained || message.pending) {
            out.push_back(Outgoing{topic, message.payload, {}, message.qos, true});
        }
        message.pending = false;
    }
    m_retainedPending = 0;
    std::move(m_messages.begin(), m_messages.end(), std::back_inserter(out));
    m_messages.clear();
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
    collectMessages(out, true);
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
    if (!m_options.username.empty()) {
        options.set_user_name(m_options.username);
        options.set_password(m_options.password);
    }
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
        auto wakeAt = m_due.empty() ? Clock::now() + std::chrono::seconds(1) : m_due.begin()->first;
        if (!m_messages.empty() || m_retainedPending > 0) {
            wakeAt = std::min(wakeAt, m_messagesHeldUntil);
        }
        m_wake.wait_until(lock, wakeAt, [&] {
            const auto now = Clock::now();
            return m_stopping || (m_connected && m_republishAll) ||
                   (!m_due.empty() && m_due.begin()->first <= now) || messagesDue(now);
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
            // Retained messages go out with everything else on the reconnect; the others are lost.
            m_stats.messagesDropped += m_messages.size();
            m_messages.clear();
            for (auto& [topic, message] : m_retained) {
                message.pending = false;
            }
            m_retainedPending = 0;
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
            if (messagesDue(now)) {
                collectMessages(out, false);
            }
        }
        lock.unlock();
        publish(out);
        lock.lock();
    }
}

void BusPublisher::publish(std::vector<Outgoing>& out) {
    std::vector<std::string> retry;
    std::vector<Outgoing> retryMessages; // publishMessage() ones, in their order
    std::uint64_t states = 0;
    std::uint64_t messages = 0;
    std::uint64_t lost = 0;
    bool busy = false;
    for (auto it = out.begin(); it != out.end(); ++it) {
        auto& message = *it;
        const bool generic = message.qos >= 0;
        if (busy && (generic || !message.chargerId.empty())) {
            // The client is busy: do not even try.
            if (generic) {
                retryMessages.push_back(std::move(message));
            } else {
                retry.push_back(std::move(message.chargerId));
            }
            continue;
        }
        try {
            m_client->publish(message.topic, message.payload.data(), message.payload.size(),
                              generic ? message.qos : m_options.qos, message.retained);
            if (generic) {
                ++messages;
            } else if (!message.chargerId.empty()) {
                ++states;
            }
        } catch (const mqtt::exception& e) {
            if (!m_client->is_connected()) {
                // The reconnect republishes every state and retained message; the rest is lost.
                lost = static_cast<std::uint64_t>(std::count_if(
                    it, out.end(), [](const Outgoing& o) { return o.qos >= 0 && !o.retained; }));
                break;
            }
            busy = true;
            if (generic) {
                retryMessages.push_back(std::move(message));
            } else if (message.chargerId.empty()) {
                spdlog::warn("bus: publish to {} failed: {}", message.topic, e.what());
            } else {
                retry.push_back(std::move(message.chargerId));
            }
        }
    }
    std::lock_guard lock(m_mutex);
    m_stats.statePublishes += states;
    m_stats.messagesPublished += messages;
    m_stats.messagesDropped += lost;
    const auto later = Clock::now() + kRetryBusy;
    for (const auto& id : retry) {
        Entry& entry = m_chargers[id];
        if (!entry.scheduled) {
            entry.scheduled = true;
            m_due.emplace(later, id);
        }
    }
    if (!retryMessages.empty()) {
        m_messagesHeldUntil = later;
    }
    for (auto it = retryMessages.rbegin(); it != retryMessages.rend(); ++it) {
        if (!it->retained) {
            m_messages.push_front(std::move(*it));
            continue;
        }
        // A newer payload may have arrived meanwhile; the topic's latest goes out.
        RetainedMessage& latest = m_retained[it->topic];
        if (!latest.pending) {
            latest.pending = true;
            ++m_retainedPending;
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
            collectMessages(due, false);
            out.assign(std::make_move_iterator(due.begin()), std::make_move_iterator(due.end()));
        }
        std::size_t sent = 0;
        std::size_t sentMessages = 0;
        while (!out.empty() && Clock::now() < deadline && m_client->is_connected()) {
            try {
                const Outgoing& next = out.front();
                const bool generic = next.qos >= 0;
                m_client->publish(next.topic, next.payload.data(), next.payload.size(),
                                  generic ? next.qos : m_options.qos, next.retained);
                ++(generic ? sentMessages : sent);
                out.pop_front();
            } catch (const mqtt::exception&) {
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        }
        if (!out.empty()) {
            spdlog::warn("bus: {} messages not published before the stop deadline", out.size());
        }
        {
            std::lock_guard lock(m_mutex);
            m_stats.statePublishes += sent;
            m_stats.messagesPublished += sentMessages;
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
