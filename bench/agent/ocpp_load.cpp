// bench-ocpp-load: a lean OCPP 1.6J load generator on one thread (Boost.Beast WebSocket clients) that
// connects N chargers, drives a total rate of CALLs with a transaction mix, optionally storms, prints
// latencies.
#include "bench/agent/latency_histogram.h"
#include "contract/iso8601.h"
#include "protocol/ocpp16-wire/core.h"
#include "protocol/ocpp16-wire/rpc_frame.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <bit>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <queue>
#include <random>
#include <string>
#include <sys/resource.h>
#include <unordered_set>
#include <vector>

namespace voltdesk::bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using Clock = std::chrono::steady_clock;
using WebSocket = websocket::stream<beast::tcp_stream>;

constexpr std::string_view kSubprotocol = "ocpp1.6";

enum class Action { Boot, Status, Heartbeat, Start, Meter, Stop };
constexpr std::size_t kActions = 6;
constexpr std::array<std::string_view, kActions> kActionNames = {"BootNotification", "StatusNotification",
                                                                 "Heartbeat",        "StartTransaction",
                                                                 "MeterValues",      "StopTransaction"};

std::string_view nameOf(Action a) {
    return kActionNames[static_cast<std::size_t>(a)];
}
/// The CALLs whose reply waits for the ledger's commit.
bool isTransaction(Action a) {
    return a == Action::Start || a == Action::Meter || a == Action::Stop;
}

struct ActionStats {
    std::uint64_t sent = 0;
    std::uint64_t results = 0;
    std::uint64_t errors = 0; ///< CALLERRORs
    std::uint64_t timeouts = 0;
    Histogram latency; ///< CALL sent → CALLRESULT (CALLERRORs not included)
};

/// What happened in one phase; a CALL counts in the phase it was sent in.
struct PhaseStats {
    std::string name;
    std::array<ActionStats, kActions> actions;
    std::map<std::string, std::uint64_t> errorCodes; ///< CALLERROR code → count
    std::uint64_t connectErrors = 0;
    std::uint64_t upgradeRejected = 0; ///< HTTP answer other than 101 to the WebSocket upgrade
    std::uint64_t handshakeErrors = 0;
    std::uint64_t bootNotAccepted = 0; ///< BootNotification answered Pending or Rejected
    std::uint64_t disconnects = 0;     ///< connections lost that the generator did not close
};

struct Options {
    std::string url = "ws://127.0.0.1:8180/ocpp/";
    std::size_t count = 1000;
    std::size_t firstIndex = 1;
    std::string idPrefix = "LOAD";
    int connectors = 2;
    double connectRate = 2000;
    double rate = 1000;
    double duration = 30;
    double warmup = 5;
    int meterValues = 6;
    bool basicMix = false;
    bool storm = false;
    double callTimeout = 30;
    double connectTimeout = 15;
    double phaseTimeout = 180;
    double pause = 0;
};

struct Pending {
    bool active = false;
    Action action = Action::Heartbeat;
    std::string id;
    Clock::time_point sentAt;
    PhaseStats* stats = nullptr;
};

enum class ChargerState { Idle, Connecting, Booting, Reporting, Ready, Closing };

struct Charger {
    std::size_t index = 0;
    std::string id;
    std::string idTag;
    ChargerState state = ChargerState::Idle;
    std::unique_ptr<WebSocket> ws;
    std::unique_ptr<websocket::response_type> handshakeResponse;
    beast::flat_buffer readBuffer;
    std::deque<std::string> outbox;
    bool writing = false;
    int pendingOps = 0; ///< asynchronous operations in flight on ws
    bool reconnectAfterClose = false;
    std::uint64_t nextMessageId = 0;
    Pending pending;
    int nextStatusConnector = 0; ///< while Reporting
    // The charging cycle: StartTransaction, Status Charging, MeterValues × k, StopTransaction, Status
    // Available, Heartbeat. A transaction message that failed is sent again with the same content.
    int step = 0;
    int connector = 1;
    int transactionId = 0;
    long long meterWh = 0;
    contract::EpochMs lastStamp = 0;
    contract::EpochMs sessionStart = 0;
    std::optional<nlohmann::json> retryPayload;
};

struct ParsedUrl {
    std::string host;
    std::string port;
    std::string path;
};

std::optional<ParsedUrl> parseUrl(std::string_view url) {
    constexpr std::string_view scheme = "ws://";
    if (!url.starts_with(scheme)) {
        return std::nullopt;
    }
    url.remove_prefix(scheme.size());
    const auto slash = url.find('/');
    const std::string_view authority = url.substr(0, slash);
    const auto colon = authority.rfind(':');
    if (colon == std::string_view::npos) {
        return std::nullopt;
    }
    ParsedUrl out{std::string(authority.substr(0, colon)), std::string(authority.substr(colon + 1)),
                  slash == std::string_view::npos ? std::string("/") : std::string(url.substr(slash))};
    if (!out.path.ends_with('/')) {
        out.path += '/';
    }
    return out;
}

double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto toS = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
    return toS(usage.ru_utime) + toS(usage.ru_stime);
}

double secondsSince(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

class LoadGenerator {
public:
    LoadGenerator(Options options, ParsedUrl url) : m_options(std::move(options)), m_url(std::move(url)) {
        m_chargers.resize(m_options.count);
        for (std::size_t i = 0; i < m_chargers.size(); ++i) {
            auto& c = m_chargers[i];
            c.index = i;
            char id[32];
            std::snprintf(id, sizeof id, "%s%05zu", m_options.idPrefix.c_str(), m_options.firstIndex + i);
            c.id = id;
            c.idTag = "TAG" + std::to_string(m_options.firstIndex + i); // unique: no ConcurrentTx
            c.meterWh = static_cast<long long>(1000 + i);
        }
        m_idle = m_chargers.size();
    }

    int run() {
        asio::ip::tcp::resolver resolver(m_io);
        m_endpoint = *resolver.resolve(m_url.host, m_url.port).begin();
        const auto guard = asio::make_work_guard(m_io);
        tick();

        const bool connected = connectPhase();
        pause("after connect");
        if (connected && (m_options.duration > 0)) {
            loadPhase();
            pause("after load");
        }
        if (connected && m_options.storm) {
            stormPhase();
        }
        printTransactions();
        return connected ? 0 : 1;
    }

private:
    /// Idle connections for a while, so the memory of the agent can be read at rest.
    void pause(const char* when) {
        if (m_options.pause > 0) {
            std::cout << "== pause " << when << ": " << m_options.pause << " s\n" << std::flush;
            runUntil([] { return false; }, m_options.pause);
        }
    }

    // ---- phases ------------------------------------------------------------------------------------

    bool connectPhase() {
        PhaseStats& stats = newPhase("connect");
        m_stats = &stats;
        std::cout << "== connect: " << m_options.count << " chargers at " << m_options.connectRate
                  << "/s, BootNotification, StatusNotification for connectors 0.." << m_options.connectors
                  << "\n"
                  << std::flush;
        resetMilestones();
        m_phaseStart = Clock::now();
        m_toLaunch = m_chargers.size();
        m_launchCredit = 0;
        m_launchRate = m_options.connectRate;
        m_lastLaunch = m_phaseStart;
        const bool done = runUntil([&] { return m_ready == m_chargers.size(); }, m_options.phaseTimeout);
        printMilestones("connect");
        printPhase(stats);
        return done;
    }

    void loadPhase() {
        PhaseStats& warmup = newPhase("warmup");
        PhaseStats& load = newPhase("load");
        std::cout << "== load: " << m_options.rate << " CALLs/s for " << m_options.duration << " s (after "
                  << m_options.warmup << " s warm-up), "
                  << (m_options.basicMix ? std::string("StatusNotification and Heartbeat")
                                         : "sessions of StartTransaction, StatusNotification, " +
                                               std::to_string(m_options.meterValues) +
                                               " MeterValues, StopTransaction, StatusNotification, Heartbeat")
                  << "\n"
                  << std::flush;
        m_stats = &warmup;
        m_loadActive = true;
        for (auto& c : m_chargers) {
            if (c.state == ChargerState::Ready && !c.pending.active) {
                m_readyQueue.push_back(c.index);
            }
        }
        m_loadStart = Clock::now();
        m_issued = 0;
        m_maxBacklog = 0;
        m_interval.clear();
        m_intervalStart = m_loadStart;
        m_intervalSent = 0;
        const double total = m_options.warmup + m_options.duration;
        runUntil([] { return false; }, m_options.warmup);
        m_stats = &load;
        const auto measuredStart = Clock::now();
        const double cpuStart = cpuSeconds();
        runUntil([] { return false; }, total - secondsSince(m_loadStart));
        const double measured = secondsSince(measuredStart);
        const double cpu = cpuSeconds() - cpuStart;
        m_loadActive = false;
        m_readyQueue.clear();
        // Answers to what was sent before the end still count.
        const bool drained = runUntil([&] { return outstanding() == 0; }, m_options.callTimeout + 1);
        std::uint64_t sent = 0;
        std::uint64_t results = 0;
        for (const auto& a : load.actions) {
            sent += a.sent;
            results += a.results;
        }
        std::printf("load: measured %.1f s; CALLs sent %.1f/s, CALLRESULTs %.1f/s (target %.0f/s)\n",
                    measured, static_cast<double>(sent) / measured, static_cast<double>(results) / measured,
                    m_options.rate);
        std::printf("load: largest backlog of CALLs due while every charger waited for an answer: %llu\n",
                    static_cast<unsigned long long>(m_maxBacklog));
        std::printf("load: generator CPU %.0f %% of one core\n", 100.0 * cpu / measured);
        if (!drained) {
            std::printf("load: %zu CALLs still unanswered after the drain\n", outstanding());
        }
        printPhase(load);
    }

    void stormPhase() {
        PhaseStats& stats = newPhase("storm");
        m_stats = &stats;
        std::cout << "== storm: drop all " << m_chargers.size()
                  << " connections at once, reconnect all at once, each boots\n"
                  << std::flush;
        for (auto& c : m_chargers) {
            c.reconnectAfterClose = false;
            close(c);
        }
        runUntil([&] { return m_idle == m_chargers.size(); }, m_options.phaseTimeout);
        resetMilestones();
        m_phaseStart = Clock::now();
        const double cpuStart = cpuSeconds();
        for (auto& c : m_chargers) {
            if (c.state == ChargerState::Idle) {
                connect(c);
            }
        }
        runUntil([&] { return m_ready == m_chargers.size(); }, m_options.phaseTimeout);
        const double seconds = secondsSince(m_phaseStart);
        printMilestones("storm");
        std::printf("storm: generator CPU %.0f %% of one core over %.2f s\n",
                    100.0 * (cpuSeconds() - cpuStart) / seconds, seconds);
        printPhase(stats);
    }

    PhaseStats& newPhase(const char* name) {
        PhaseStats& stats = m_phases.emplace_back();
        stats.name = name;
        return stats;
    }

    // ---- the event loop ----------------------------------------------------------------------------

    bool runUntil(const std::function<bool()>& done, double seconds) {
        const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                 std::chrono::duration<double>(std::max(seconds, 0.0)));
        while (!done()) {
            if (Clock::now() >= deadline) {
                return false;
            }
            m_io.run_one_until(deadline);
        }
        return true;
    }

    /// Every 2 ms: launches connections at the ramp, issues the CALLs due at the target rate, reconnects,
    /// and every 100 ms looks for timed-out CALLs.
    void tick() {
        const auto now = Clock::now();
        if (m_toLaunch > 0) {
            m_launchCredit += m_launchRate * std::chrono::duration<double>(now - m_lastLaunch).count();
            m_lastLaunch = now;
            while (m_toLaunch > 0 && m_launchCredit >= 1) {
                const std::size_t i = m_chargers.size() - m_toLaunch;
                --m_toLaunch;
                m_launchCredit -= 1;
                connect(m_chargers[i]);
            }
        }
        while (!m_later.empty() && m_later.top().first <= now) {
            Charger& c = m_chargers[m_later.top().second];
            m_later.pop();
            if (c.state == ChargerState::Idle) {
                connect(c);
            } else if (c.state == ChargerState::Booting && !c.pending.active) {
                sendBoot(c);
            }
        }
        if (m_loadActive) {
            const auto due = static_cast<std::uint64_t>(
                m_options.rate * std::chrono::duration<double>(now - m_loadStart).count());
            while (m_issued < due && !m_readyQueue.empty()) {
                Charger& c = m_chargers[m_readyQueue.front()];
                m_readyQueue.pop_front();
                if (c.state == ChargerState::Ready && !c.pending.active) {
                    ++m_issued;
                    ++m_intervalSent;
                    sendNext(c);
                }
            }
            const std::uint64_t backlog = due - std::min(due, m_issued);
            m_maxBacklog = std::max(m_maxBacklog, backlog);
            // Past a second's worth, what is due is dropped rather than fired in a burst later.
            const auto cap = static_cast<std::uint64_t>(m_options.rate);
            if (backlog > cap) {
                m_issued = due - cap;
            }
            if (now - m_intervalStart >= std::chrono::seconds(5)) {
                printInterval(now);
            }
        }
        if (now - m_lastTimeoutScan >= std::chrono::milliseconds(100)) {
            m_lastTimeoutScan = now;
            scanTimeouts(now);
        }
        m_tick.expires_after(std::chrono::milliseconds(2));
        m_tick.async_wait([this](beast::error_code ec) {
            if (!ec) {
                tick();
            }
        });
    }

    void scanTimeouts(Clock::time_point now) {
        const auto limit =
            std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(m_options.callTimeout));
        for (auto& c : m_chargers) {
            if (c.pending.active && now - c.pending.sentAt > limit) {
                ++c.pending.stats->actions[static_cast<std::size_t>(c.pending.action)].timeouts;
                c.pending.active = false;
                afterAnswer(c, c.pending.action, false, nullptr);
            }
        }
    }

    // ---- connections -------------------------------------------------------------------------------

    void connect(Charger& c) {
        c.ws = std::make_unique<WebSocket>(m_io);
        c.readBuffer.clear();
        c.outbox.clear();
        c.writing = false;
        c.pending.active = false;
        c.state = ChargerState::Connecting;
        --m_idle;
        c.ws->next_layer().expires_after(std::chrono::duration_cast<Clock::duration>(
            std::chrono::duration<double>(m_options.connectTimeout)));
        ++c.pendingOps;
        c.ws->next_layer().async_connect(m_endpoint, [this, &c](beast::error_code ec) {
            --c.pendingOps;
            onConnected(c, ec);
        });
    }

    void onConnected(Charger& c, beast::error_code ec) {
        if (c.state == ChargerState::Closing) {
            settle(c);
            return;
        }
        if (ec) {
            ++m_stats->connectErrors;
            noteError("connect: " + ec.message());
            fail(c);
            return;
        }
        c.ws->next_layer().expires_never();
        websocket::stream_base::timeout timeouts{};
        timeouts.handshake_timeout = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::duration<double>(m_options.connectTimeout));
        timeouts.idle_timeout = websocket::stream_base::none();
        timeouts.keep_alive_pings = false;
        c.ws->set_option(timeouts);
        c.ws->set_option(websocket::stream_base::decorator([](websocket::request_type& request) {
            request.set(beast::http::field::sec_websocket_protocol, kSubprotocol);
            request.set(beast::http::field::user_agent, "voltdesk-bench-ocpp-load");
        }));
        c.handshakeResponse = std::make_unique<websocket::response_type>();
        ++c.pendingOps;
        c.ws->async_handshake(*c.handshakeResponse, m_url.host + ":" + m_url.port, m_url.path + c.id,
                              [this, &c](beast::error_code e) {
                                  --c.pendingOps;
                                  onHandshake(c, e);
                              });
    }

    void onHandshake(Charger& c, beast::error_code ec) {
        const auto response = std::move(c.handshakeResponse);
        if (c.state == ChargerState::Closing) {
            settle(c);
            return;
        }
        if (ec == websocket::error::upgrade_declined) {
            ++m_stats->upgradeRejected;
            noteError("upgrade declined: HTTP " + std::to_string(response ? response->result_int() : 0));
            fail(c);
            return;
        }
        if (ec) {
            ++m_stats->handshakeErrors;
            noteError("handshake: " + ec.message());
            fail(c);
            return;
        }
        if ((*response)[beast::http::field::sec_websocket_protocol] != kSubprotocol) {
            ++m_stats->handshakeErrors;
            noteError("the central system did not confirm ocpp1.6");
        }
        ++m_open;
        milestone(m_open, m_allOpenAt);
        c.state = ChargerState::Booting;
        read(c);
        sendBoot(c);
    }

    void read(Charger& c) {
        ++c.pendingOps;
        c.ws->async_read(c.readBuffer, [this, &c](beast::error_code ec, std::size_t) {
            --c.pendingOps;
            onRead(c, ec);
        });
    }

    void onRead(Charger& c, beast::error_code ec) {
        if (c.state == ChargerState::Closing) {
            settle(c);
            return;
        }
        if (ec) {
            ++m_stats->disconnects;
            noteError("connection lost: " + ec.message());
            fail(c);
            return;
        }
        const auto data = c.readBuffer.cdata();
        onText(c, std::string_view(static_cast<const char*>(data.data()), data.size()));
        c.readBuffer.consume(c.readBuffer.size());
        if (c.state != ChargerState::Closing) {
            read(c);
        }
    }

    void send(Charger& c, std::string frame) {
        c.outbox.push_back(std::move(frame));
        if (!c.writing) {
            write(c);
        }
    }

    void write(Charger& c) {
        c.writing = true;
        ++c.pendingOps;
        c.ws->async_write(asio::buffer(c.outbox.front()), [this, &c](beast::error_code ec, std::size_t) {
            --c.pendingOps;
            c.writing = false;
            if (c.state == ChargerState::Closing) {
                settle(c);
                return;
            }
            if (ec) {
                ++m_stats->disconnects;
                noteError("write: " + ec.message());
                fail(c);
                return;
            }
            c.outbox.pop_front();
            if (!c.outbox.empty()) {
                write(c);
            }
        });
    }

    /// Closes abruptly (RST, as a network failure looks); the charger becomes Idle once its handlers ran.
    void close(Charger& c) {
        if (c.state == ChargerState::Idle || c.state == ChargerState::Closing) {
            return;
        }
        if (c.state != ChargerState::Connecting) {
            --m_open;
        }
        if (c.state == ChargerState::Ready) {
            --m_ready;
        }
        c.state = ChargerState::Closing;
        beast::error_code ignored;
        auto& socket = c.ws->next_layer().socket();
        socket.set_option(asio::socket_base::linger(true, 0), ignored);
        c.ws->next_layer().close();
        settle(c);
    }

    void fail(Charger& c) {
        c.reconnectAfterClose = true;
        close(c);
    }

    void settle(Charger& c) {
        if (c.state != ChargerState::Closing || c.pendingOps > 0) {
            return;
        }
        c.ws.reset();
        c.outbox.clear();
        c.pending.active = false;
        c.state = ChargerState::Idle;
        ++m_idle;
        if (c.reconnectAfterClose) {
            c.reconnectAfterClose = false;
            later(c, std::chrono::milliseconds(1000 + m_jitter(m_random)));
        }
    }

    void later(Charger& c, Clock::duration delay) { m_later.emplace(Clock::now() + delay, c.index); }

    // ---- OCPP --------------------------------------------------------------------------------------

    contract::EpochMs stamp(Charger& c) {
        c.lastStamp = std::max(contract::nowMs(), c.lastStamp + 1);
        return c.lastStamp;
    }

    void sendCall(Charger& c, Action action, nlohmann::json payload) {
        c.pending.active = true;
        c.pending.action = action;
        c.pending.id = std::to_string(++c.nextMessageId);
        c.pending.stats = m_stats;
        ++m_stats->actions[static_cast<std::size_t>(action)].sent;
        std::string frame =
            ocpp16::serialize(ocpp16::Call{c.pending.id, std::string(nameOf(action)), std::move(payload)});
        c.pending.sentAt = Clock::now();
        send(c, std::move(frame));
    }

    void sendBoot(Charger& c) {
        ocpp16::BootNotificationRequest boot;
        boot.chargePointVendor = "Voltdesk";
        boot.chargePointModel = "bench-ocpp-load";
        boot.chargePointSerialNumber = c.id;
        boot.firmwareVersion = "1.0.0";
        sendCall(c, Action::Boot, ocpp16::encode(boot));
    }

    void sendStatus(Charger& c, int connector, ocpp16::ChargePointStatus status) {
        ocpp16::StatusNotificationRequest request;
        request.connectorId = connector;
        request.status = status;
        request.errorCode = ocpp16::ChargePointErrorCode::NoError;
        request.timestamp = stamp(c);
        sendCall(c, Action::Status, ocpp16::encode(request));
    }

    /// The next CALL of the charger's cycle.
    void sendNext(Charger& c) {
        if (m_options.basicMix) {
            if (c.step % 2 == 0) {
                sendStatus(c, c.connector, ocpp16::ChargePointStatus::Available);
            } else {
                sendCall(c, Action::Heartbeat, ocpp16::encode(ocpp16::HeartbeatRequest{}));
            }
            return;
        }
        const int k = m_options.meterValues;
        const int step = c.step;
        if (step == 0 || step == k + 2) { // StartTransaction, StopTransaction
            const Action action = step == 0 ? Action::Start : Action::Stop;
            if (!c.retryPayload) {
                c.retryPayload = step == 0 ? startPayload(c) : stopPayload(c);
            }
            sendCall(c, action, *c.retryPayload);
        } else if (step == 1) {
            sendStatus(c, c.connector, ocpp16::ChargePointStatus::Charging);
        } else if (step <= k + 1) {
            if (!c.retryPayload) {
                c.retryPayload = meterPayload(c);
            }
            sendCall(c, Action::Meter, *c.retryPayload);
        } else if (step == k + 3) {
            sendStatus(c, c.connector, ocpp16::ChargePointStatus::Available);
        } else {
            sendCall(c, Action::Heartbeat, ocpp16::encode(ocpp16::HeartbeatRequest{}));
        }
    }

    nlohmann::json startPayload(Charger& c) {
        ocpp16::StartTransactionRequest start;
        start.connectorId = c.connector;
        start.idTag = c.idTag;
        start.meterStart = c.meterWh;
        start.timestamp = stamp(c); // with the meter, unique per session: a retry is the same start
        c.sessionStart = start.timestamp;
        return ocpp16::encode(start);
    }

    nlohmann::json meterPayload(Charger& c) {
        c.meterWh += 150;
        ocpp16::MeterValue value;
        value.timestamp = stamp(c);
        const auto sample = [](std::string v, ocpp16::Measurand m, ocpp16::UnitOfMeasure u) {
            ocpp16::SampledValue s;
            s.value = std::move(v);
            s.context = ocpp16::ReadingContext::SamplePeriodic;
            s.measurand = m;
            s.location = ocpp16::Location::Outlet;
            s.unit = u;
            return s;
        };
        value.sampledValue.push_back(sample(std::to_string(c.meterWh),
                                            ocpp16::Measurand::EnergyActiveImportRegister,
                                            ocpp16::UnitOfMeasure::Wh));
        value.sampledValue.push_back(
            sample("11040.5", ocpp16::Measurand::PowerActiveImport, ocpp16::UnitOfMeasure::W));
        value.sampledValue.push_back(
            sample("16.0", ocpp16::Measurand::CurrentImport, ocpp16::UnitOfMeasure::A));
        ocpp16::MeterValuesRequest request;
        request.connectorId = c.connector;
        request.transactionId = c.transactionId;
        request.meterValue.push_back(std::move(value));
        return ocpp16::encode(request);
    }

    nlohmann::json stopPayload(Charger& c) {
        ocpp16::StopTransactionRequest stop;
        stop.idTag = c.idTag;
        stop.meterStop = c.meterWh + 50;
        stop.timestamp = stamp(c);
        stop.transactionId = c.transactionId;
        stop.reason = ocpp16::Reason::Local;
        return ocpp16::encode(stop);
    }

    void onText(Charger& c, std::string_view text) {
        auto frame = ocpp16::parseFrame(text);
        if (auto* call = std::get_if<ocpp16::Call>(&frame)) {
            ++m_agentCalls; // nothing the agent asks is part of this benchmark
            send(c, ocpp16::serialize(ocpp16::makeCallError(
                        call->messageId, ocpp16::ErrorCode::NotImplemented, "load generator")));
            return;
        }
        if (auto* result = std::get_if<ocpp16::CallResult>(&frame)) {
            if (!c.pending.active || result->messageId != c.pending.id) {
                ++m_late;
                return;
            }
            const auto us =
                std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - c.pending.sentAt);
            auto& stats = c.pending.stats->actions[static_cast<std::size_t>(c.pending.action)];
            ++stats.results;
            stats.latency.add(static_cast<std::uint64_t>(us.count()));
            if (c.pending.stats == m_stats && m_loadActive) {
                m_interval.add(static_cast<std::uint64_t>(us.count()));
            }
            c.pending.active = false;
            afterAnswer(c, c.pending.action, true, &result->payload);
            return;
        }
        if (auto* error = std::get_if<ocpp16::CallError>(&frame)) {
            if (!c.pending.active || error->messageId != c.pending.id) {
                ++m_late;
                return;
            }
            ++c.pending.stats->actions[static_cast<std::size_t>(c.pending.action)].errors;
            ++c.pending.stats->errorCodes[std::string(nameOf(c.pending.action)) + " " +
                                          std::string(ocpp16::toString(error->code))];
            c.pending.active = false;
            afterAnswer(c, c.pending.action, false, nullptr);
            return;
        }
        ++m_invalidFrames;
    }

    /// Moves the charger on after an answer (payload set) or a CALLERROR or timeout (payload null).
    void afterAnswer(Charger& c, Action action, bool ok, const nlohmann::json* payload) {
        switch (c.state) {
        case ChargerState::Booting:
            if (ok) {
                const auto conf = ocpp16::decode<ocpp16::BootNotificationConfirmation>(*payload);
                if (conf && conf.value().status == ocpp16::RegistrationStatus::Accepted) {
                    ++m_booted;
                    milestone(m_booted, m_allBootedAt);
                    c.state = ChargerState::Reporting;
                    c.nextStatusConnector = 1;
                    sendStatus(c, 0, ocpp16::ChargePointStatus::Available);
                    return;
                }
                ++m_stats->bootNotAccepted;
                if (!conf) {
                    ++m_invalidFrames;
                }
                later(c, std::chrono::seconds(conf ? std::clamp(conf.value().interval, 1, 5) : 5));
                return;
            }
            later(c, std::chrono::seconds(1));
            return;
        case ChargerState::Reporting:
            if (c.nextStatusConnector <= m_options.connectors) {
                sendStatus(c, c.nextStatusConnector++, ocpp16::ChargePointStatus::Available);
                return;
            }
            c.state = ChargerState::Ready;
            ++m_ready;
            milestone(m_ready, m_allReadyAt);
            break;
        case ChargerState::Ready:
            advance(c, action, ok, payload);
            break;
        default:
            return;
        }
        if (m_loadActive) {
            m_readyQueue.push_back(c.index);
        }
    }

    void advance(Charger& c, Action action, bool ok, const nlohmann::json* payload) {
        if (m_options.basicMix) {
            ++c.step;
            return;
        }
        if (isTransaction(action) && !ok) {
            ++m_retries; // the same content again at the charger's next turn
            return;
        }
        if (action == Action::Start) {
            const auto conf = ocpp16::decode<ocpp16::StartTransactionConfirmation>(*payload);
            if (!conf) {
                ++m_invalidFrames;
                return;
            }
            c.transactionId = conf.value().transactionId;
            ++m_startsAcknowledged;
            m_transactionIds.insert(c.transactionId);
            if (conf.value().idTagInfo.status != ocpp16::AuthorizationStatus::Accepted) {
                ++m_startsNotAccepted;
            }
        } else if (action == Action::Meter) {
            ++m_metersAcknowledged;
        } else if (action == Action::Stop) {
            ++m_stopsAcknowledged;
            c.transactionId = 0;
            c.meterWh += 50;
        }
        c.retryPayload.reset();
        c.step = (c.step + 1) % (m_options.meterValues + 5);
    }

    std::size_t outstanding() const {
        return static_cast<std::size_t>(std::count_if(m_chargers.begin(), m_chargers.end(),
                                                      [](const Charger& c) { return c.pending.active; }));
    }

    // ---- reporting ---------------------------------------------------------------------------------

    void noteError(const std::string& what) {
        if (++m_errorSamples[what] == 1 && m_errorSamples.size() <= 20) {
            std::cout << "  first error of its kind: " << what << "\n" << std::flush;
        }
    }

    void resetMilestones() {
        m_allOpenAt.reset();
        m_allBootedAt.reset();
        m_allReadyAt.reset();
        m_booted = 0;
    }

    void milestone(std::size_t reached, std::optional<double>& at) {
        if (reached == m_chargers.size() && !at) {
            at = secondsSince(m_phaseStart);
        }
    }

    void printMilestones(const char* phase) {
        const auto show = [&](const char* what, const std::optional<double>& at, std::size_t n) {
            if (at) {
                std::printf("%s: all %zu %s after %.2f s\n", phase, m_chargers.size(), what, *at);
            } else {
                std::printf("%s: only %zu of %zu %s\n", phase, n, m_chargers.size(), what);
            }
        };
        show("connected (WebSocket open)", m_allOpenAt, m_open);
        show("booted (BootNotification Accepted)", m_allBootedAt, m_booted);
        show("reported every connector (StatusNotification answered)", m_allReadyAt, m_ready);
    }

    void printInterval(Clock::time_point now) {
        const double span = std::chrono::duration<double>(now - m_intervalStart).count();
        std::printf("  t=%5.1f s  sent %7.0f/s  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  outstanding %zu\n",
                    secondsSince(m_loadStart), static_cast<double>(m_intervalSent) / span,
                    m_interval.percentileMs(0.5), m_interval.percentileMs(0.99), m_interval.maxMs(),
                    outstanding());
        std::fflush(stdout);
        m_interval.clear();
        m_intervalSent = 0;
        m_intervalStart = now;
    }

    static void printRow(const std::string& name, std::uint64_t sent, std::uint64_t results,
                         std::uint64_t errors, std::uint64_t timeouts, const Histogram& h) {
        std::printf("  %-22s %9llu %9llu %7llu %7llu %9.2f %9.2f %9.2f %9.2f\n", name.c_str(),
                    static_cast<unsigned long long>(sent), static_cast<unsigned long long>(results),
                    static_cast<unsigned long long>(errors), static_cast<unsigned long long>(timeouts),
                    h.percentileMs(0.5), h.percentileMs(0.9), h.percentileMs(0.99), h.maxMs());
    }

    void printPhase(const PhaseStats& s) {
        std::printf("  %-22s %9s %9s %7s %7s %9s %9s %9s %9s\n", (s.name + " phase").c_str(), "sent",
                    "answered", "errors", "timeouts", "p50 ms", "p90 ms", "p99 ms", "max ms");
        struct Sum {
            std::uint64_t sent = 0, results = 0, errors = 0, timeouts = 0;
            Histogram h;
        };
        Sum tx;
        Sum other;
        Sum all;
        for (std::size_t i = 0; i < kActions; ++i) {
            const auto& a = s.actions[i];
            if (a.sent == 0) {
                continue;
            }
            printRow(std::string(kActionNames[i]), a.sent, a.results, a.errors, a.timeouts, a.latency);
            for (Sum* sum : {isTransaction(static_cast<Action>(i)) ? &tx : &other, &all}) {
                sum->sent += a.sent;
                sum->results += a.results;
                sum->errors += a.errors;
                sum->timeouts += a.timeouts;
                sum->h.merge(a.latency);
            }
        }
        if (tx.sent > 0) {
            printRow("class: transaction", tx.sent, tx.results, tx.errors, tx.timeouts, tx.h);
            printRow("class: other", other.sent, other.results, other.errors, other.timeouts, other.h);
        }
        printRow("all", all.sent, all.results, all.errors, all.timeouts, all.h);
        for (const auto& [code, n] : s.errorCodes) {
            std::printf("  CALLERROR %s: %llu\n", code.c_str(), static_cast<unsigned long long>(n));
        }
        std::printf("  %s: connect errors %llu, upgrades refused %llu, handshake errors %llu, boots not "
                    "accepted %llu, connections lost %llu\n",
                    s.name.c_str(), static_cast<unsigned long long>(s.connectErrors),
                    static_cast<unsigned long long>(s.upgradeRejected),
                    static_cast<unsigned long long>(s.handshakeErrors),
                    static_cast<unsigned long long>(s.bootNotAccepted),
                    static_cast<unsigned long long>(s.disconnects));
        std::fflush(stdout);
    }

    void printTransactions() {
        std::printf("starts acknowledged: %llu\n", static_cast<unsigned long long>(m_startsAcknowledged));
        std::printf("distinct transaction ids: %zu\n", m_transactionIds.size());
        std::printf("starts answered with an id tag not Accepted: %llu\n",
                    static_cast<unsigned long long>(m_startsNotAccepted));
        std::printf("stops acknowledged: %llu\n", static_cast<unsigned long long>(m_stopsAcknowledged));
        std::printf("meter values acknowledged: %llu (3 sampled values each)\n",
                    static_cast<unsigned long long>(m_metersAcknowledged));
        std::printf("transaction messages sent again after a CALLERROR or timeout: %llu\n",
                    static_cast<unsigned long long>(m_retries));
        std::size_t unacknowledgedStarts = 0;
        for (const auto& c : m_chargers) {
            unacknowledgedStarts += c.step == 0 && c.retryPayload ? 1 : 0;
        }
        std::printf("starts sent but never acknowledged: %zu\n", unacknowledgedStarts);
        std::printf("answers after their timeout: %llu; invalid frames: %llu; CALLs from the agent: %llu\n",
                    static_cast<unsigned long long>(m_late), static_cast<unsigned long long>(m_invalidFrames),
                    static_cast<unsigned long long>(m_agentCalls));
    }

    const Options m_options;
    const ParsedUrl m_url;
    asio::io_context m_io{1};
    asio::steady_timer m_tick{m_io};
    asio::ip::tcp::endpoint m_endpoint;
    std::vector<Charger> m_chargers;
    std::deque<PhaseStats> m_phases; // stable addresses: pending CALLs point at their phase
    PhaseStats* m_stats = nullptr;

    std::size_t m_idle = 0; ///< chargers without a socket
    std::size_t m_open = 0;
    std::size_t m_booted = 0;
    std::size_t m_ready = 0;
    Clock::time_point m_phaseStart;
    std::optional<double> m_allOpenAt, m_allBootedAt, m_allReadyAt;

    std::size_t m_toLaunch = 0;
    double m_launchCredit = 0;
    double m_launchRate = 0;
    Clock::time_point m_lastLaunch;
    std::priority_queue<std::pair<Clock::time_point, std::size_t>,
                        std::vector<std::pair<Clock::time_point, std::size_t>>, std::greater<>>
        m_later;
    std::mt19937 m_random{42};
    std::uniform_int_distribution<int> m_jitter{0, 1000};
    Clock::time_point m_lastTimeoutScan;

    bool m_loadActive = false;
    std::deque<std::size_t> m_readyQueue;
    Clock::time_point m_loadStart;
    std::uint64_t m_issued = 0;
    std::uint64_t m_maxBacklog = 0;
    Histogram m_interval;
    Clock::time_point m_intervalStart;
    std::uint64_t m_intervalSent = 0;

    std::uint64_t m_startsAcknowledged = 0;
    std::uint64_t m_startsNotAccepted = 0;
    std::uint64_t m_stopsAcknowledged = 0;
    std::uint64_t m_metersAcknowledged = 0;
    std::uint64_t m_retries = 0;
    std::unordered_set<int> m_transactionIds;
    std::uint64_t m_late = 0;
    std::uint64_t m_invalidFrames = 0;
    std::uint64_t m_agentCalls = 0;
    std::map<std::string, std::uint64_t> m_errorSamples;
};

void raiseOpenFilesLimit(std::size_t needed) {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    if (limit.rlim_cur < needed + 64) {
        std::cerr << "warning: the open files limit " << limit.rlim_cur << " is below " << needed + 64
                  << "\n";
    }
}

} // namespace voltdesk::bench

int main(int argc, char** argv) {
    using namespace voltdesk::bench;
    Options o;
    CLI::App app{"bench-ocpp-load: OCPP 1.6J load on a central system (see docs/BENCHMARKS.md)"};
    app.add_option("--url", o.url, "ws://HOST:PORT/PATH/; the charger id is appended")->required();
    app.add_option("--count", o.count, "chargers")->check(CLI::Range(1, 60000));
    app.add_option("--first-index", o.firstIndex, "index of the first charger (ids PREFIX00001...)");
    app.add_option("--id-prefix", o.idPrefix, "charger id prefix");
    app.add_option("--connectors", o.connectors, "connectors per charger")->check(CLI::Range(1, 8));
    app.add_option("--connect-rate", o.connectRate, "new connections per second while connecting")
        ->check(CLI::PositiveNumber);
    app.add_option("--rate", o.rate, "CALLs per second, all chargers together, during the load")
        ->check(CLI::PositiveNumber);
    app.add_option("--duration", o.duration, "seconds of measured load (0: none)")
        ->check(CLI::NonNegativeNumber);
    app.add_option("--warmup", o.warmup, "seconds of load before the measured part")
        ->check(CLI::NonNegativeNumber);
    app.add_option("--meter-values", o.meterValues, "MeterValues per charging session")
        ->check(CLI::Range(0, 1000));
    app.add_flag("--basic", o.basicMix, "StatusNotification and Heartbeat only (no transactions)");
    app.add_flag("--storm", o.storm, "after the load, drop every connection and reconnect all at once");
    app.add_option("--call-timeout", o.callTimeout, "seconds before a CALL counts as timed out");
    app.add_option("--connect-timeout", o.connectTimeout, "seconds for TCP connect and WebSocket handshake");
    app.add_option("--phase-timeout", o.phaseTimeout, "seconds the connect and storm phases may take");
    app.add_option("--pause", o.pause, "seconds of idle connections after connecting and after the load");
    CLI11_PARSE(app, argc, argv);
    const auto url = parseUrl(o.url);
    if (!url) {
        std::cerr << "bench-ocpp-load: --url must look like ws://127.0.0.1:8180/ocpp/\n";
        return 2;
    }
    std::signal(SIGPIPE, SIG_IGN);
    raiseOpenFilesLimit(o.count);
    try {
        LoadGenerator generator(o, *url);
        return generator.run();
    } catch (const std::exception& e) {
        std::cerr << "bench-ocpp-load: " << e.what() << "\n";
        return 1;
    }
}
