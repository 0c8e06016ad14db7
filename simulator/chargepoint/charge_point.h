// One simulated charger's side of OCPP 1.6J, without I/O: the transport feeds it connection events,
// received text and timer ticks, and sends the frames it hands out. Boot until accepted, report every
// connector, then heartbeats and status changes as the charger's day unfolds; one CALL at a time.
#pragma once

#include "chargepoint/sim_stats.h"
#include "contract/iso8601.h"
#include "core/charger_day.h"
#include "core/fleet.h"
#include "core/sim_clock.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace voltdesk::sim {

using contract::EpochMs;

struct ChargePointTiming {
    EpochMs callTimeoutMs = 30'000;
    int defaultRetrySeconds = 30;      ///< when Pending/Rejected comes with interval 0, or boot fails
    int defaultHeartbeatSeconds = 300; ///< when Accepted comes with interval 0
    std::size_t maxQueuedCalls = 32; ///< beyond this, older status reports of the same connector are dropped
};

enum class Registration { Disconnected, Booting, Pending, Rejected, Accepted };

/// Not thread-safe: the transport calls it from one strand. `charger`, `clock` and `stats` must
/// outlive it.
class ChargePoint {
public:
    ChargePoint(const SimCharger& charger, std::uint64_t seed, const SimClock& clock, SimStats* stats,
                ChargePointTiming timing = {});
    ~ChargePoint();
    ChargePoint(const ChargePoint&) = delete;
    ChargePoint& operator=(const ChargePoint&) = delete;

    void onConnected(EpochMs now);
    void onDisconnected(EpochMs now);
    void onText(std::string_view text, EpochMs now);
    /// Runs whatever is due at `now`: the charger's day, heartbeats, boot retries, CALL timeouts.
    void onTimer(EpochMs now);

    /// Frames to send, oldest first; the transport drains them after every call above.
    std::vector<std::string> takeOutgoing();
    /// When onTimer() next has something to do (wall clock); INT64_MAX when disconnected.
    EpochMs nextWakeup() const;

    Registration registration() const { return m_registration; }
    const SimCharger& charger() const { return m_charger; }
    const ChargerDay& day() const { return m_day; }

private:
    enum class Action : std::uint8_t { BootNotification, Heartbeat, StatusNotification };
    struct QueuedCall {
        Action action;
        int connectorId;
        StatusChange change;
    };
    struct Outstanding {
        std::string messageId;
        Action action;
        EpochMs deadline;
    };

    void sendBoot(EpochMs now);
    void send(const QueuedCall& call, EpochMs now);
    void pump(EpochMs now);
    void enqueue(QueuedCall call);
    void runDay(EpochMs now, bool report);
    void onBootAnswer(std::optional<int> acceptedInterval, bool accepted, int retryInterval, EpochMs now);
    void setRegistration(Registration next);
    void handleCall(std::string_view messageId, std::string_view action);
    std::string nextMessageId();

    const SimCharger& m_charger;
    const SimClock& m_clock;
    SimStats* m_stats;
    ChargePointTiming m_timing;
    ChargerDay m_day;
    Registration m_registration = Registration::Disconnected;
    std::optional<Outstanding> m_outstanding;
    std::vector<QueuedCall> m_queue;
    std::vector<std::string> m_outbox;
    EpochMs m_retryBootAt = 0;
    EpochMs m_nextHeartbeatAt = 0;
    int m_heartbeatSeconds = 0;
    std::uint32_t m_messageCounter = 0;
};

} // namespace voltdesk::sim
