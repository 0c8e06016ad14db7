// voltdesk-sim: a fleet of simulated chargers in Berlin that speak OCPP 1.6J to a central system, or
// (--write-inventory) the inventory of that fleet for the agent to import.
#include "chargepoint/sim_stats.h"
#include "chargepoint/ws_url.h"
#include "client/fleet_client.h"
#include "contract/inventory.h"
#include "core/berlin_clock.h"
#include "core/fleet.h"
#include "core/sim_clock.h"

#include <CLI/CLI.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <thread>

namespace {

using namespace voltdesk;
using namespace std::chrono_literals;
namespace asio = boost::asio;

struct Options {
    std::string url = "ws://127.0.0.1:8180/ocpp/";
    int count = 200;
    std::uint64_t seed = 1;
    double speed = 60;
    std::string startTime; ///< simulated time at start, ISO 8601; empty: now
    int threads = 1;
    double connectRate = 500;
    std::string idPrefix = "VD-BER-";
    int firstIndex = 1;
    std::string inventoryFile;
    double duration = 0;
    double progressSeconds = 5;
    int callTimeoutSeconds = 30;
    std::string logLevel = "info";
    std::string authKeyFile;
    std::string caFile;
    std::string clientCert;
    std::string clientKey;
    double dropConnectionEvery = 0;
    double faultRate = 0;
    double corruptFrameRate = 0;
    double stallReplyRate = 0;
    std::string traceFrames;
};

/// "chargerId key" or "chargerId=key" per line; '#' starts a comment.
bool readAuthKeys(const std::string& file, std::map<std::string, std::string, std::less<>>& keys) {
    std::ifstream in(file);
    if (!in) {
        return false;
    }
    std::string line;
    while (std::getline(in, line)) {
        if (const auto hash = line.find('#'); hash != std::string::npos) {
            line.erase(hash);
        }
        const auto sep = line.find_first_of(" =\t");
        if (sep == std::string::npos) {
            continue;
        }
        auto key = line.substr(line.find_first_not_of(" =\t", sep));
        while (!key.empty() && (key.back() == ' ' || key.back() == '\r')) {
            key.pop_back();
        }
        keys[line.substr(0, sep)] = key;
    }
    return true;
}

/// Each connection is a file descriptor: take the whole hard limit (about 20,000 on our machines).
void raiseOpenFileLimit(int needed) {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        return;
    }
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    if (static_cast<rlim_t>(needed) + 64 > limit.rlim_cur) {
        spdlog::warn("{} connections need more file descriptors than the limit of {}; run several processes "
                     "with --first-index, or raise the limit",
                     needed, static_cast<unsigned long long>(limit.rlim_cur));
    }
}

int writeInventory(const Options& o, const sim::Fleet& fleet) {
    std::ofstream out(o.inventoryFile, std::ios::binary | std::ios::trunc);
    out << contract::encodeInventory(sim::toInventory(fleet)) << '\n';
    out.close();
    if (!out) {
        std::fprintf(stderr, "voltdesk-sim: cannot write %s\n", o.inventoryFile.c_str());
        return 1;
    }
    std::printf("inventory: %s (%zu sites, %zu chargers)\n", o.inventoryFile.c_str(), fleet.sites.size(),
                fleet.chargers.size());
    return 0;
}

void printProgress(const sim::SimStats& s, const sim::SimClock& clock, std::size_t total) {
    const contract::EpochMs sim = clock.simAt(contract::nowMs());
    const contract::EpochMs local = sim + sim::berlinUtcOffsetMs(sim);
    const std::string localTime = contract::toIso8601(local).substr(0, 16); // "2026-11-26T14:05"
    std::printf(
        "sim %s Berlin | connected %lld/%zu accepted %lld | sent boot %llu status %llu heartbeat %llu | "
        "tx %llu timeouts %llu errors %llu drops %llu\n",
        localTime.c_str(), static_cast<long long>(s.connected.load()), total,
        static_cast<long long>(s.accepted.load()),
        static_cast<unsigned long long>(s.bootNotifications.load()),
        static_cast<unsigned long long>(s.statusNotifications.load()),
        static_cast<unsigned long long>(s.heartbeats.load()),
        static_cast<unsigned long long>(s.transactionMessages.load()),
        static_cast<unsigned long long>(s.timeouts.load()),
        static_cast<unsigned long long>(s.callErrorsReceived.load()),
        static_cast<unsigned long long>(s.disconnects.load()));
    std::fflush(stdout);
}

void printSummary(const sim::SimStats& s) {
    std::printf(
        "summary: BootNotification %llu, StatusNotification %llu, Heartbeat %llu sent; %llu CALLERRORs and "
        "%llu CALLs received; %llu timeouts; %llu failed connects; %llu dropped connections\n",
        static_cast<unsigned long long>(s.bootNotifications.load()),
        static_cast<unsigned long long>(s.statusNotifications.load()),
        static_cast<unsigned long long>(s.heartbeats.load()),
        static_cast<unsigned long long>(s.callErrorsReceived.load()),
        static_cast<unsigned long long>(s.callsReceived.load()),
        static_cast<unsigned long long>(s.timeouts.load()),
        static_cast<unsigned long long>(s.connectFailures.load()),
        static_cast<unsigned long long>(s.disconnects.load()));
}

int simulate(const Options& o, const sim::Fleet& fleet) {
    const auto url = sim::parseWsUrl(o.url);
    if (!url) {
        std::fprintf(stderr, "voltdesk-sim: --url must look like ws[s]://HOST:PORT/PATH/, got '%s'\n",
                     o.url.c_str());
        return 2;
    }
    raiseOpenFileLimit(o.count);

    asio::io_context io(o.threads);
    const contract::EpochMs start = contract::nowMs();
    contract::EpochMs simStart = start;
    if (!o.startTime.empty()) {
        const auto parsed = contract::parseIso8601(o.startTime);
        if (!parsed) {
            std::fprintf(stderr, "voltdesk-sim: --start-time must be an ISO 8601 time, got '%s'\n",
                         o.startTime.c_str());
            return 2;
        }
        simStart = *parsed;
    }
    const sim::SimClock clock(start, simStart, o.speed);
    sim::SimStats stats;
    sim::FleetClientOptions clientOptions;
    clientOptions.url = *url;
    clientOptions.connectRate = o.connectRate;
    clientOptions.seed = o.seed;
    clientOptions.timing.callTimeoutMs = contract::EpochMs{o.callTimeoutSeconds} * 1000;
    auto& security = clientOptions.connection.security;
    if (!o.authKeyFile.empty() && !readAuthKeys(o.authKeyFile, security.authKeys)) {
        std::fprintf(stderr, "voltdesk-sim: cannot read %s\n", o.authKeyFile.c_str());
        return 2;
    }
    security.caFile = o.caFile;
    security.clientCert = o.clientCert;
    security.clientKey = o.clientKey.empty() ? o.clientCert : o.clientKey;
    clientOptions.connection.faults.corruptFrameRate = o.corruptFrameRate;
    clientOptions.connection.faults.stallReplyRate = o.stallReplyRate;
    clientOptions.dropConnectionEverySeconds = o.dropConnectionEvery;
    clientOptions.faultsPerChargerHour = o.faultRate;
    std::shared_ptr<std::FILE> trace;
    if (!o.traceFrames.empty()) {
        trace = o.traceFrames == "-"
                    ? std::shared_ptr<std::FILE>(stderr, [](std::FILE*) {})
                    : std::shared_ptr<std::FILE>(std::fopen(o.traceFrames.c_str(), "a"), [](std::FILE* f) {
                          if (f != nullptr) {
                              std::fclose(f);
                          }
                      });
        if (!trace) {
            std::fprintf(stderr, "voltdesk-sim: cannot open %s\n", o.traceFrames.c_str());
            return 2;
        }
        auto mutex = std::make_shared<std::mutex>();
        clientOptions.connection.trace = [trace, mutex](std::string_view id, bool out,
                                                        std::string_view frame) {
            const std::string at = contract::toIso8601(contract::nowMs());
            std::lock_guard lock(*mutex);
            std::fprintf(trace.get(), "%s %.*s %s %.*s\n", at.c_str(), static_cast<int>(id.size()), id.data(),
                         out ? "->" : "<-", static_cast<int>(frame.size()), frame.data());
            std::fflush(trace.get());
        };
    }
    sim::FleetClient client(io, fleet, clock, stats, clientOptions);
    try {
        client.start();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "voltdesk-sim: cannot start against %s: %s\n", url->host.c_str(), e.what());
        return 1;
    }
    spdlog::info("simulating {} chargers ({} .. {}) against {} at {}x", fleet.chargers.size(),
                 fleet.chargers.empty() ? "-" : fleet.chargers.front().chargerId,
                 fleet.chargers.empty() ? "-" : fleet.chargers.back().chargerId, o.url, o.speed);

    // Signals, progress and shutdown share one strand, so they need no locks whatever --threads says.
    auto control = asio::make_strand(io);
    asio::steady_timer progress(control);
    asio::steady_timer deadline(control);
    asio::signal_set signals(control, SIGINT, SIGTERM);
    bool stopping = false;
    std::function<void()> waitClosed;

    std::function<void()> tick = [&] {
        progress.expires_after(
            std::chrono::milliseconds(static_cast<std::int64_t>(o.progressSeconds * 1000)));
        progress.async_wait([&](boost::system::error_code ec) {
            if (!ec && !stopping) {
                printProgress(stats, clock, fleet.chargers.size());
                tick();
            }
        });
    };
    // After asking every connection to close, wait until they have (or 5 s), then end the io_context.
    auto shutdown = [&](const char* why) {
        if (stopping) {
            return;
        }
        stopping = true;
        spdlog::info("stopping ({}): closing {} connections", why, stats.connected.load());
        progress.cancel();
        signals.cancel();
        client.stop();
        const auto giveUp = std::chrono::steady_clock::now() + 5s;
        waitClosed = [&, giveUp] {
            if (stats.connected.load() <= 0 || std::chrono::steady_clock::now() >= giveUp) {
                io.stop();
                return;
            }
            deadline.expires_after(50ms);
            deadline.async_wait([&](boost::system::error_code) { waitClosed(); });
        };
        deadline.cancel();
        asio::post(control, [&] { waitClosed(); });
    };
    signals.async_wait([&](boost::system::error_code ec, int) {
        if (!ec) {
            shutdown("signal");
        }
    });
    if (o.duration > 0) {
        deadline.expires_after(std::chrono::milliseconds(static_cast<std::int64_t>(o.duration * 1000)));
        deadline.async_wait([&](boost::system::error_code ec) {
            if (!ec) {
                shutdown("duration reached");
            }
        });
    }
    if (o.progressSeconds > 0) {
        tick();
    }

    std::vector<std::thread> workers;
    for (int i = 1; i < o.threads; ++i) {
        workers.emplace_back([&io] { io.run(); });
    }
    io.run();
    for (auto& t : workers) {
        t.join();
    }
    printProgress(stats, clock, fleet.chargers.size());
    printSummary(stats);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    CLI::App app{"voltdesk-sim: simulated EV chargers in Berlin speaking OCPP 1.6J to a central system"};
    app.add_option("--url", o.url, "Central system endpoint; the charger id is appended")
        ->capture_default_str();
    app.add_option("--count", o.count, "Number of chargers")
        ->capture_default_str()
        ->check(CLI::Range(0, 1'000'000));
    app.add_option("--seed", o.seed, "Seed: the same seed and range give the same fleet and day")
        ->capture_default_str();
    app.add_option("--speed", o.speed,
                   "Simulated time per wall-clock time (1 = real time, 0 = frozen: statuses never change)")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1e6));
    app.add_option("--start-time", o.startTime,
                   "Simulated time to start the day at, ISO 8601 (default: now); with --speed 0 the "
                   "fleet's statuses are fully determined by --seed and --start-time");
    app.add_option("--threads", o.threads, "Threads running the io_context")
        ->capture_default_str()
        ->check(CLI::Range(1, 256));
    app.add_option("--connect-rate", o.connectRate,
                   "New connections per second while ramping up (0: all at once)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    app.add_option("--id-prefix", o.idPrefix, "Charger id prefix (ids are prefix + 5 digits)")
        ->capture_default_str();
    app.add_option("--first-index", o.firstIndex,
                   "Number of the first charger: process k of a shared fleet simulates [first, first+count)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_option("--write-inventory", o.inventoryFile,
                   "Write the fleet's inventory (contract format) to FILE and exit");
    app.add_option("--duration", o.duration, "Seconds to run, then exit (0: until SIGINT/SIGTERM)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    app.add_option("--progress-interval", o.progressSeconds, "Seconds between progress lines (0: none)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    app.add_option("--call-timeout", o.callTimeoutSeconds, "Seconds to wait for the answer to a CALL")
        ->capture_default_str()
        ->check(CLI::Range(1, 3600));
    app.add_option(
        "--auth-key-file", o.authKeyFile,
        "Security profiles 1-2: FILE of 'chargerId key' lines; each charger sends Basic auth id:key");
    app.add_option("--ca-file", o.caFile, "wss://: PEM CA bundle that verifies the central system");
    app.add_option("--client-cert", o.clientCert, "Security profile 3: PEM client certificate (chain)");
    app.add_option("--client-key", o.clientKey, "Security profile 3: PEM private key of --client-cert");
    app.add_option(
           "--drop-connection-every", o.dropConnectionEvery,
           "Fault injection: every SECONDS drop a random charger's connection (it reconnects, replays)")
        ->check(CLI::NonNegativeNumber);
    app.add_option("--fault-rate", o.faultRate,
                   "Fault injection: connector faults per charger-hour (random error code, 1-5 minutes)")
        ->check(CLI::NonNegativeNumber);
    app.add_option("--corrupt-frame-rate", o.corruptFrameRate,
                   "Fault injection: share (0-1) of our frames sent as broken JSON")
        ->check(CLI::Range(0.0, 1.0));
    app.add_option("--stall-reply-rate", o.stallReplyRate,
                   "Fault injection: share (0-1) of the central system's CALLs never answered")
        ->check(CLI::Range(0.0, 1.0));
    app.add_option("--trace-frames", o.traceFrames, "Log every frame both ways to FILE ('-': stderr)");
    app.add_option("--log-level", o.logLevel, "trace, debug, info, warn, error or off")
        ->capture_default_str()
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}));
    CLI11_PARSE(app, argc, argv);

    spdlog::set_default_logger(spdlog::stderr_color_mt("voltdesk-sim"));
    spdlog::set_level(spdlog::level::from_str(o.logLevel));

    sim::Fleet fleet;
    try {
        fleet = sim::generateFleet(
            {.seed = o.seed, .count = o.count, .firstIndex = o.firstIndex, .idPrefix = o.idPrefix});
    } catch (const std::exception& e) {
        std::fprintf(stderr, "voltdesk-sim: %s\n", e.what());
        return 2;
    }
    if (!o.inventoryFile.empty()) {
        return writeInventory(o, fleet);
    }
    return simulate(o, fleet);
}
