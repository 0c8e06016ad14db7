#include "control/test_fleet.h"

#include <boost/asio/executor_work_guard.hpp>
#include <future>
#include <stdexcept>

namespace voltdesk::sim {

TestCharger::TestCharger(std::shared_ptr<ChargerConnection> connection, std::string chargerId)
    : m_connection(std::move(connection)), m_id(std::move(chargerId)) {}

void TestCharger::run(const std::function<void(ChargePoint&, EpochMs)>& action) {
    auto done = std::make_shared<std::promise<void>>();
    auto finished = done->get_future();
    m_connection->post([action, done](ChargePoint& cp, EpochMs now) {
        action(cp, now);
        done->set_value();
    });
    finished.wait();
}

void TestCharger::plugIn(int c) {
    run([c](ChargePoint& cp, EpochMs now) { cp.plugIn(c, now); });
}
void TestCharger::unplug(int c) {
    run([c](ChargePoint& cp, EpochMs now) { cp.unplug(c, now); });
}
void TestCharger::presentIdTag(int c, const std::string& tag) {
    run([c, tag](ChargePoint& cp, EpochMs now) { cp.presentIdTag(c, tag, now); });
}
void TestCharger::suspendEv(int c, bool suspended) {
    run([c, suspended](ChargePoint& cp, EpochMs now) { cp.setEvSuspended(c, suspended, now); });
}
void TestCharger::stopTransaction(int c, const std::string& reason) {
    run([c, reason](ChargePoint& cp, EpochMs now) { cp.stopTransaction(c, reason, now); });
}
void TestCharger::fault(int c, const std::string& code) {
    run([c, code](ChargePoint& cp, EpochMs now) { cp.fault(c, code, now); });
}
void TestCharger::clearFault(int c) {
    run([c](ChargePoint& cp, EpochMs now) { cp.clearFault(c, now); });
}
void TestCharger::powerLoss() {
    run([](ChargePoint& cp, EpochMs now) { cp.powerLoss(now); });
}
void TestCharger::sendCall(const std::string& action, const nlohmann::json& payload) {
    run([action, payload](ChargePoint& cp, EpochMs now) { cp.sendCall(action, payload, now); });
}
void TestCharger::setConfiguration(const std::string& key, const std::string& value) {
    run([key, value](ChargePoint& cp, EpochMs) { cp.setConfiguration(key, value); });
}
void TestCharger::goOffline() {
    m_connection->setOnline(false);
    run([](ChargePoint&, EpochMs) {}); // after the drop has run
}
void TestCharger::comeBack() {
    m_connection->setOnline(true);
}
void TestCharger::dropConnection() {
    m_connection->dropConnection();
}

ChargePointSnapshot TestCharger::snapshot() {
    ChargePointSnapshot s;
    run([&s](ChargePoint& cp, EpochMs now) { s = cp.snapshot(now); });
    return s;
}

bool TestCharger::waitUntil(const std::function<bool(const ChargePointSnapshot&)>& condition,
                            std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition(snapshot())) {
        if (std::chrono::steady_clock::now() >= deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

void TestCharger::addFrame(bool outgoing, std::string_view text) {
    std::lock_guard lock(m_traceMutex);
    m_frames.push_back({contract::nowMs(), outgoing, std::string(text)});
}

std::vector<TracedFrame> TestCharger::frames() const {
    std::lock_guard lock(m_traceMutex);
    return m_frames;
}

std::string TestCharger::traceText() const {
    std::string out;
    for (const auto& f : frames()) {
        out += contract::toIso8601(f.at) + (f.outgoing ? " -> " : " <- ") + f.text + "\n";
    }
    return out;
}

TestFleet::TestFleet(const std::string& url, const TestFleetOptions& options)
    : m_fleet(generateFleet({.seed = options.seed,
                             .count = options.count,
                             .firstIndex = options.firstIndex,
                             .idPrefix = options.idPrefix})),
      m_clock(contract::nowMs(), options.simStart.value_or(contract::nowMs()), options.speed) {
    const auto parsed = parseWsUrl(url);
    if (!parsed) {
        throw std::invalid_argument("not a ws:// or wss:// URL: " + url);
    }
    FleetClientOptions client;
    client.url = *parsed;
    client.connectRate = options.connectRate;
    client.seed = options.seed;
    client.timing = options.timing;
    client.behaviour = options.behaviour;
    client.connection = options.connection;
    // The trace looks its charger up by id; the map is complete before any connection starts.
    auto byId = std::make_shared<std::map<std::string, TestCharger*, std::less<>>>();
    client.connection.trace = [byId, user = options.connection.trace](std::string_view id, bool out,
                                                                      std::string_view frame) {
        if (const auto it = byId->find(id); it != byId->end()) {
            it->second->addFrame(out, frame);
        }
        if (user) {
            user(id, out, frame);
        }
    };
    m_client = std::make_unique<FleetClient>(m_io, m_fleet, m_clock, m_stats, std::move(client));
    // Connections start on the io_context, which runs only once every handle exists.
    m_client->start();
    for (const auto& c : m_client->connections()) {
        m_chargers.push_back(std::make_unique<TestCharger>(c, c->chargerId()));
        (*byId)[c->chargerId()] = m_chargers.back().get();
    }
    m_thread = std::thread([this] {
        auto guard = boost::asio::make_work_guard(m_io);
        m_io.run();
    });
}

TestFleet::~TestFleet() {
    m_client->stop();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (m_stats.connected.load() > 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    m_io.stop();
    m_thread.join();
}

bool TestFleet::waitAllAccepted(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (m_stats.accepted.load() < static_cast<std::int64_t>(m_chargers.size())) {
        if (std::chrono::steady_clock::now() >= deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

} // namespace voltdesk::sim
