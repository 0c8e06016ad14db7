// The billing commands a console sends to the agent (docs/MQTT.md): tariffs, their assignment, a
// tariff preview, sessions, CDRs, re-rating and the revenue summary, answered from the store on a
// worker of their own (OCPP traffic and the history worker never wait for them).
#pragma once

#include "domain/charger_commands.h"
#include "store/billing_store.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace voltdesk::app {

using BillingPublish = std::function<void(std::string topic, std::string payload, int qos, bool retained)>;

/// Whether command is one of the billing commands answered here.
bool isBillingCommand(std::string_view command);

/// The answer to one billing command against store, or a refusal with a sentence (result.outcome
/// Refused, description). PreviewTariff touches no table. Blocking; throws StoreError.
domain::CommandResult answerBillingCommand(store::BillingStore& store, const std::string& command,
                                           const nlohmann::json& payload, const std::string& agentId,
                                           const BillingPublish& publish, contract::EpochMs now);

/// Decorates ChargerCommands: the billing commands are answered here, everything else passes to next.
/// Thread-safe; one worker, at most maxPending waiting requests (more are Refused at once).
class BillingCommands final : public domain::ChargerCommands {
public:
    BillingCommands(domain::ChargerCommands& next, const std::string& uri, std::string agentId,
                    BillingPublish publish, std::size_t maxPending = 16);
    /// Calls stop().
    ~BillingCommands() override;
    BillingCommands(const BillingCommands&) = delete;
    BillingCommands& operator=(const BillingCommands&) = delete;

    void send(const std::string& chargerId, const std::string& command, nlohmann::json payload,
              std::chrono::milliseconds timeout, std::function<void(domain::CommandResult)> done) override;
    /// Finishes the request in progress; those still waiting are answered Refused. Idempotent.
    void stop();

private:
    struct Job {
        std::string command;
        nlohmann::json payload;
        std::function<void(domain::CommandResult)> done;
    };

    void run();

    domain::ChargerCommands& m_next;
    store::BillingStore m_store; // worker only
    const std::string m_agentId;
    const BillingPublish m_publish;
    const std::size_t m_maxPending;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace voltdesk::app
