// Our CALLs waiting to be sent, one at a time, in order. Transaction messages (Start, Stop,
// MeterValues) survive a lost connection and are replayed after the next boot, each time with a new
// message id; everything else is dropped with the connection (statuses are reported again at boot).
#pragma once

#include "contract/iso8601.h"

#include <deque>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace voltdesk::sim {

using contract::EpochMs;

struct QueuedCall {
    QueuedCall() = default;
    QueuedCall(std::string name, nlohmann::json body, bool transaction = false,
               std::optional<int> local = std::nullopt, int connector = 0)
        : action(std::move(name)), payload(std::move(body)), transactional(transaction), localTxId(local),
          connectorId(connector) {}

    std::string action;
    nlohmann::json payload = nlohmann::json::object();
    bool transactional = false;
    std::optional<int> localTxId; ///< its transactionId is filled in when sent (known by then)
    int connectorId = 0;          ///< context for the answer (Authorize, StatusNotification)
    int attempts = 0;             ///< sent and failed (CALLERROR, timeout) so far
    EpochMs notBefore = 0;        ///< a retry waits for TransactionMessageRetryInterval
};

class CallQueue {
public:
    explicit CallQueue(std::size_t maxTransactional) : m_maxTransactional(maxTransactional) {}

    /// Appends; when transaction messages exceed the bound, the oldest MeterValues (else the oldest
    /// transaction message) is returned as dropped.
    std::optional<QueuedCall> push(QueuedCall call);
    /// A retry goes first, so transaction messages stay in order.
    void pushFront(QueuedCall call) { m_calls.push_front(std::move(call)); }
    /// The link is gone: keep only transaction messages.
    void dropVolatile();
    void clear() { m_calls.clear(); }

    bool empty() const { return m_calls.empty(); }
    std::size_t size() const { return m_calls.size(); }
    std::size_t transactionalCount() const;
    const QueuedCall& front() const { return m_calls.front(); }
    QueuedCall pop();
    bool contains(std::string_view action) const;

private:
    std::deque<QueuedCall> m_calls;
    std::size_t m_maxTransactional;
};

} // namespace voltdesk::sim
