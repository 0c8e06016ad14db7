// Fleet-wide counters every charge point adds to; read by the progress line from another thread.
#pragma once

#include <atomic>
#include <cstdint>

namespace voltdesk::sim {

struct SimStats {
    std::atomic<std::int64_t> connected{0}; ///< WebSockets open now
    std::atomic<std::int64_t> accepted{0};  ///< chargers whose boot is accepted now
    std::atomic<std::uint64_t> bootNotifications{0};
    std::atomic<std::uint64_t> heartbeats{0};
    std::atomic<std::uint64_t> statusNotifications{0};
    std::atomic<std::uint64_t> callErrorsReceived{0};         ///< CALLERRORs answering our CALLs
    std::atomic<std::uint64_t> callsReceived{0};              ///< CALLs from the central system
    std::atomic<std::uint64_t> transactionMessages{0};        ///< Start/Stop/MeterValues sent (replays too)
    std::atomic<std::uint64_t> transactionMessagesDropped{0}; ///< given up on (attempts, full queue)
    std::atomic<std::uint64_t> timeouts{0};                   ///< CALLs that got no answer in time
    std::atomic<std::uint64_t> connectFailures{0};            ///< connects or handshakes that failed
    std::atomic<std::uint64_t> disconnects{0};                ///< open connections that dropped
    std::atomic<std::uint64_t> faultsInjected{0}; ///< corrupted frames, stalled replies, drops, faults

    static void add(std::atomic<std::uint64_t>& counter) { counter.fetch_add(1, std::memory_order_relaxed); }
};

} // namespace voltdesk::sim
