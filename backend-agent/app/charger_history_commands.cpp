#include "app/charger_history_commands.h"

#include <algorithm>
#include <spdlog/spdlog.h>

namespace voltdesk::app {

namespace {

domain::CommandResult refused(std::string why) {
    return domain::CommandResult{
        contract::CommandOutcome::Refused, nlohmann::json::object(), {}, std::move(why)};
}

/// An optional ISO 8601 field: nullopt when absent, an error text when malformed.
std::variant<std::optional<contract::EpochMs>, std::string> timeField(const nlohmann::json& payload,
                                                                      const char* key) {
    const auto it = payload.find(key);
    if (it == payload.end() || it->is_null()) {
        return std::optional<contract::EpochMs>();
    }
    const auto parsed = it->is_string() ? contract::parseIso8601(it->get<std::string>()) : std::nullopt;
    if (!parsed) {
        return std::string(key) + " must be an ISO 8601 time";
    }
    return parsed;
}

void putOptional(nlohmann::json& j, const char* key, const std::optional<double>& value) {
    if (value) {
        j[key] = *value;
    }
}

} // namespace

std::variant<store::HistoryQuery, std::string>
historyQueryOf(const std::string& chargerId, const nlohmann::json& payload, contract::EpochMs now) {
    if (chargerId.empty()) {
        return std::string("GetChargerHistory needs a chargerId");
    }
    if (!payload.is_null() && !payload.is_object()) {
        return std::string("the payload must be an object");
    }
    const nlohmann::json fields = payload.is_object() ? payload : nlohmann::json::object();
    const auto from = timeField(fields, "from");
    const auto to = timeField(fields, "to");
    if (const auto* error = std::get_if<std::string>(&from)) {
        return *error;
    }
    if (const auto* error = std::get_if<std::string>(&to)) {
        return *error;
    }
    store::HistoryQuery query;
    query.chargerId = chargerId;
    query.to = std::get<0>(to).value_or(now);
    query.from = std::get<0>(from).value_or(query.to - kDefaultHistorySpanMs);
    query.maxSamples = kDefaultHistorySamples;
    if (const auto max = fields.find("maxSamples"); max != fields.end() && !max->is_null()) {
        if (!max->is_number_integer() || max->get<std::int64_t>() < 1 ||
            max->get<std::int64_t>() > kMaxHistorySamples) {
            return "maxSamples must be an integer from 1 to " + std::to_string(kMaxHistorySamples);
        }
        query.maxSamples = max->get<int>();
    }
    if (query.from >= query.to) {
        return std::string("from must be before to");
    }
    if (query.to - query.from > kMaxHistorySpanMs) {
        return std::string("the range may span 31 days at most");
    }
    return query;
}

nlohmann::json historyResponse(const store::HistoryQuery& query, const store::ChargerHistory& history) {
    nlohmann::json samples = nlohmann::json::array();
    for (const auto& s : history.samples) {
        nlohmann::json j{{"connectorId", s.connectorId}, {"at", contract::toIso8601(s.at)}};
        putOptional(j, "powerW", s.powerW);
        putOptional(j, "currentA", s.currentA);
        putOptional(j, "voltageV", s.voltageV);
        putOptional(j, "temperatureC", s.temperatureC);
        putOptional(j, "socPercent", s.socPercent);
        putOptional(j, "energyWh", s.energyWh);
        samples.push_back(std::move(j));
    }
    nlohmann::json statusChanges = nlohmann::json::array();
    for (const auto& c : history.statusChanges) {
        nlohmann::json j{{"connectorId", c.connectorId},
                         {"status", c.status},
                         {"errorCode", c.errorCode},
                         {"info", c.info},
                         {"vendorErrorCode", c.vendorErrorCode},
                         {"at", contract::toIso8601(c.at)}};
        if (c.chargerTime) {
            j["chargerTime"] = contract::toIso8601(*c.chargerTime);
        }
        statusChanges.push_back(std::move(j));
    }
    nlohmann::json securityEvents = nlohmann::json::array();
    for (const auto& e : history.securityEvents) {
        securityEvents.push_back({{"type", e.type},
                                  {"at", contract::toIso8601(e.at)},
                                  {"techInfo", e.techInfo},
                                  {"severity", e.severity}});
    }
    nlohmann::json maintenance = nlohmann::json::array();
    for (const auto& m : history.maintenance) {
        nlohmann::json j{{"kind", m.kind}, {"status", m.status}, {"at", contract::toIso8601(m.at)}};
        if (m.requestId) {
            j["requestId"] = *m.requestId;
        }
        maintenance.push_back(std::move(j));
    }
    return nlohmann::json{{"from", contract::toIso8601(query.from)},
                          {"to", contract::toIso8601(query.to)},
                          {"maxSamples", history.samplesPerConnector > 0
                                             ? std::min(query.maxSamples, history.samplesPerConnector)
                                             : query.maxSamples},
                          {"samples", std::move(samples)},
                          {"statusChanges", std::move(statusChanges)},
                          {"securityEvents", std::move(securityEvents)},
                          {"maintenance", std::move(maintenance)},
                          {"truncated", history.truncated}};
}

ChargerHistoryCommands::ChargerHistoryCommands(domain::ChargerCommands& next, Load load,
                                               std::size_t maxPending)
    : m_next(next), m_load(std::move(load)), m_maxPending(maxPending), m_thread([this] { run(); }) {}

ChargerHistoryCommands::~ChargerHistoryCommands() {
    stop();
}

void ChargerHistoryCommands::send(const std::string& chargerId, const std::string& command,
                                  nlohmann::json payload, std::chrono::milliseconds timeout,
                                  std::function<void(domain::CommandResult)> done) {
    if (command != kGetChargerHistory) {
        m_next.send(chargerId, command, std::move(payload), timeout, std::move(done));
        return;
    }
    auto query = historyQueryOf(chargerId, payload, contract::nowMs());
    if (auto* error = std::get_if<std::string>(&query)) {
        done(refused(std::move(*error)));
        return;
    }
    {
        std::unique_lock lock(m_mutex);
        if (m_stopping) {
            lock.unlock();
            done(refused("the agent is stopping"));
            return;
        }
        if (m_jobs.size() >= m_maxPending) {
            lock.unlock();
            done(refused("too many history requests are waiting; ask again shortly"));
            return;
        }
        m_jobs.push_back(Job{std::get<store::HistoryQuery>(std::move(query)), std::move(done)});
    }
    m_wake.notify_one();
}

void ChargerHistoryCommands::run() {
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [&] { return m_stopping || !m_jobs.empty(); });
        if (m_stopping) {
            break;
        }
        Job job = std::move(m_jobs.front());
        m_jobs.pop_front();
        lock.unlock();
        domain::CommandResult result;
        try {
            const auto history = m_load(job.query);
            result.response = historyResponse(job.query, history);
        } catch (const std::exception& e) {
            spdlog::warn("history: {} could not be read: {}", job.query.chargerId, e.what());
            result = refused(std::string("the history could not be read: ") + e.what());
        }
        job.done(std::move(result));
        lock.lock();
    }
    // Answer what still waits, outside the lock.
    std::deque<Job> left = std::move(m_jobs);
    m_jobs.clear();
    lock.unlock();
    for (auto& job : left) {
        job.done(refused("the agent is stopping"));
    }
}

void ChargerHistoryCommands::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

} // namespace voltdesk::app
