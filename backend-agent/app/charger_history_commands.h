// GetChargerHistory: the agent's own command that answers a console's detail view from the store, on a
// worker thread of its own so that neither OCPP traffic nor other commands wait for the database.
#pragma once

#include "domain/charger_commands.h"
#include "store/charger_history_query.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <variant>

namespace voltdesk::app {

inline constexpr std::string_view kGetChargerHistory = "GetChargerHistory";
inline constexpr int kDefaultHistorySamples = 2000;
inline constexpr int kMaxHistorySamples = 10'000;
inline constexpr contract::EpochMs kDefaultHistorySpanMs = 24LL * 3600 * 1000;
inline constexpr contract::EpochMs kMaxHistorySpanMs = 31LL * 24 * 3600 * 1000;

/// The query a GetChargerHistory payload asks for ({"from", "to", "maxSamples"}, all optional: the
/// last 24 h up to now, 2000 samples per connector), or why it cannot be answered.
std::variant<store::HistoryQuery, std::string>
historyQueryOf(const std::string& chargerId, const nlohmann::json& payload, contract::EpochMs now);

/// The response of docs/MQTT.md: samples, statusChanges, securityEvents, maintenance, plus the range
/// answered (from, to, maxSamples) and whether a list was cut at its bound (truncated).
nlohmann::json historyResponse(const store::HistoryQuery& query, const store::ChargerHistory& history);

/// Decorates ChargerCommands: GetChargerHistory is answered here, everything else passes to next.
/// Thread-safe. Requests are answered in order by one worker; beyond maxPending waiting ones a request
/// is Refused at once, so a console that asks in a loop cannot pile up work.
class ChargerHistoryCommands final : public domain::ChargerCommands {
public:
    /// Blocking read of the store (ChargerHistoryQuery::load in the agent); runs on the worker only.
    using Load = std::function<store::ChargerHistory(const store::HistoryQuery&)>;

    ChargerHistoryCommands(domain::ChargerCommands& next, Load load, std::size_t maxPending = 8);
    /// Calls stop().
    ~ChargerHistoryCommands() override;
    ChargerHistoryCommands(const ChargerHistoryCommands&) = delete;
    ChargerHistoryCommands& operator=(const ChargerHistoryCommands&) = delete;

    void send(const std::string& chargerId, const std::string& command, nlohmann::json payload,
              std::chrono::milliseconds timeout, std::function<void(domain::CommandResult)> done) override;
    /// Finishes the request in progress; those still waiting are answered Refused. Idempotent.
    void stop();

private:
    struct Job {
        store::HistoryQuery query;
        std::function<void(domain::CommandResult)> done;
    };

    void run();

    domain::ChargerCommands& m_next;
    Load m_load;
    const std::size_t m_maxPending;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace voltdesk::app
