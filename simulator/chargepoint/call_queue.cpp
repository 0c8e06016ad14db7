#include "chargepoint/call_queue.h"

#include <algorithm>

namespace voltdesk::sim {

std::optional<QueuedCall> CallQueue::push(QueuedCall call) {
    const bool transactional = call.transactional;
    m_calls.push_back(std::move(call));
    if (!transactional || transactionalCount() <= m_maxTransactional) {
        return std::nullopt;
    }
    auto victim = std::find_if(m_calls.begin(), m_calls.end(), [](const QueuedCall& q) {
        return q.transactional && q.action == "MeterValues";
    });
    if (victim == m_calls.end()) {
        victim =
            std::find_if(m_calls.begin(), m_calls.end(), [](const QueuedCall& q) { return q.transactional; });
    }
    QueuedCall dropped = std::move(*victim);
    m_calls.erase(victim);
    return dropped;
}

void CallQueue::dropVolatile() {
    std::erase_if(m_calls, [](const QueuedCall& q) { return !q.transactional; });
}

std::size_t CallQueue::transactionalCount() const {
    return static_cast<std::size_t>(
        std::count_if(m_calls.begin(), m_calls.end(), [](const QueuedCall& q) { return q.transactional; }));
}

QueuedCall CallQueue::pop() {
    QueuedCall q = std::move(m_calls.front());
    m_calls.pop_front();
    return q;
}

bool CallQueue::contains(std::string_view action) const {
    return std::any_of(m_calls.begin(), m_calls.end(),
                       [&](const QueuedCall& q) { return q.action == action; });
}

} // namespace voltdesk::sim
