// Internal to the store: a queue drained by one thread in batches, shared by the writers that group
// many callers' work into one database transaction (the transaction ledger, the command audit log).
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <iterator>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace voltdesk::store {

/// push() is thread-safe and only takes a mutex briefly. The thread takes up to maxBatch items (after
/// waiting up to batchDelay for more to join, unless someone flushes or stops) and hands them to
/// process, which must finish every item it is given. stop() lets the thread drain what is queued.
template <typename Item> class BatchQueue {
public:
    using Clock = std::chrono::steady_clock;

    BatchQueue(std::size_t maxBatch, std::chrono::microseconds batchDelay,
               std::function<void(std::vector<Item>&)> process)
        : m_maxBatch(std::max<std::size_t>(maxBatch, 1)), m_batchDelay(batchDelay),
          m_process(std::move(process)) {}
    ~BatchQueue() { stop(std::chrono::milliseconds(0)); }
    BatchQueue(const BatchQueue&) = delete;
    BatchQueue& operator=(const BatchQueue&) = delete;

    void start() {
        std::lock_guard lock(m_mutex);
        if (!m_thread.joinable() && !m_stopped) {
            m_thread = std::thread([this] { run(); });
        }
    }

    /// Moves item into the queue; false once stop() was called, and item is then left untouched.
    bool push(Item& item) {
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
            return false;
        }
        m_queue.push_back(std::move(item));
        ++m_enqueued;
        if (m_queue.size() == 1 || m_queue.size() >= m_maxBatch) {
            m_wake.notify_one();
        }
        return true;
    }

    std::size_t size() const {
        std::lock_guard lock(m_mutex);
        return m_queue.size();
    }

    /// Waits until every item pushed before the call has been processed. false on timeout.
    bool flush(std::chrono::milliseconds timeout) {
        std::unique_lock lock(m_mutex);
        const std::uint64_t target = m_enqueued;
        ++m_flushWaiters;
        m_wake.notify_one();
        const bool done = m_progress.wait_for(lock, timeout, [&] { return m_done >= target; });
        --m_flushWaiters;
        return done;
    }

    /// Refuses new items, lets the thread process what is queued and joins it. process should give up
    /// on the database once stopDeadline() has passed. Idempotent.
    void stop(std::chrono::milliseconds timeout) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping) {
                return;
            }
            m_stopping = true;
            m_stopDeadline = Clock::now() + timeout;
        }
        m_wake.notify_all();
        if (m_thread.joinable()) {
            m_thread.join();
        }
        std::lock_guard lock(m_mutex);
        m_stopped = true;
    }

    /// When process should stop trying: the stop deadline once stop() was called, else never.
    Clock::time_point stopDeadline() const {
        std::lock_guard lock(m_mutex);
        return m_stopping ? m_stopDeadline : Clock::time_point::max();
    }

private:
    void run() {
        while (true) {
            std::vector<Item> batch;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
                if (m_queue.empty()) {
                    break;
                }
                if (m_batchDelay.count() > 0 && m_queue.size() < m_maxBatch && !m_stopping &&
                    m_flushWaiters == 0) {
                    m_wake.wait_for(lock, m_batchDelay, [&] {
                        return m_stopping || m_flushWaiters > 0 || m_queue.size() >= m_maxBatch;
                    });
                }
                const std::size_t n = std::min(m_queue.size(), m_maxBatch);
                batch.reserve(n);
                std::move(m_queue.begin(), m_queue.begin() + static_cast<std::ptrdiff_t>(n),
                          std::back_inserter(batch));
                m_queue.erase(m_queue.begin(), m_queue.begin() + static_cast<std::ptrdiff_t>(n));
            }
            m_process(batch);
            {
                std::lock_guard lock(m_mutex);
                m_done += batch.size();
            }
            m_progress.notify_all();
        }
    }

    const std::size_t m_maxBatch;
    const std::chrono::microseconds m_batchDelay;
    const std::function<void(std::vector<Item>&)> m_process;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;     // to the thread: work, flush or stop
    std::condition_variable m_progress; // to flush(): a batch is done
    std::deque<Item> m_queue;
    std::uint64_t m_enqueued = 0;
    std::uint64_t m_done = 0;
    std::size_t m_flushWaiters = 0;
    bool m_stopping = false;
    bool m_stopped = false;
    Clock::time_point m_stopDeadline{};
    std::thread m_thread;
};

} // namespace voltdesk::store
