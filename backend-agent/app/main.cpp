// voltdesk-agent: parse settings, run the agent until SIGINT or SIGTERM, stop it cleanly.
#include "app/agent.h"
#include "app/agent_config.h"
#include "app/billing_cli.h"
#include "app/broker_login.h"
#include "app/charger_security.h"
#include "app/logging.h"

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <spdlog/spdlog.h>
#include <sys/resource.h>

namespace {

// Every socket is a file descriptor: the soft limit (often 1024) is raised to the hard one, which the
// operator sets (LimitNOFILE in installer/voltdesk-agent.service).
void raiseOpenFilesLimit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        return;
    }
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
        getrlimit(RLIMIT_NOFILE, &limit);
    }
    spdlog::info("agent: open files limit={} (each charger needs one)",
                 static_cast<unsigned long long>(limit.rlim_cur));
    if (limit.rlim_cur < 16'384) {
        spdlog::warn("agent: the open files limit {} caps the fleet at about {} chargers; raise LimitNOFILE",
                     static_cast<unsigned long long>(limit.rlim_cur),
                     static_cast<unsigned long long>(limit.rlim_cur > 100 ? limit.rlim_cur - 100 : 0));
    }
}

} // namespace

int main(int argc, char** argv) {
    // Blocked before any thread exists, so every thread inherits the mask and only sigwait() sees them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    const auto parsed = voltdesk::app::parseAgentConfig(argc, argv);
    if (parsed.setChargerKey) {
        setenv("PGCONNECT_TIMEOUT", "10", 0);
        return voltdesk::app::runSetChargerKey(*parsed.setChargerKey, std::cin, std::cout, std::cerr);
    }
    if (parsed.billing) {
        setenv("PGCONNECT_TIMEOUT", "10", 0);
        return voltdesk::app::runBillingCli(*parsed.billing, std::cout, std::cerr);
    }
    if (parsed.brokerAcl) {
        return voltdesk::app::runBrokerAcl(*parsed.brokerAcl, std::cout, std::cerr);
    }
    if (!parsed.config) {
        (parsed.exitCode == 0 ? std::cout : std::cerr) << parsed.output;
        return parsed.exitCode;
    }
    const auto& config = *parsed.config;
    voltdesk::app::configureLogging(config.logLevel, config.logFormat);
    // libpq waits forever for an unreachable host unless told otherwise.
    setenv("PGCONNECT_TIMEOUT", "10", 0);
    raiseOpenFilesLimit();

    voltdesk::app::Agent agent(config);
    try {
        agent.start();
    } catch (const std::exception& e) {
        agent.stop();
        if (config.logFormat == voltdesk::app::LogFormat::Json) {
            spdlog::critical("agent: cannot start error=\"{}\"", e.what());
        } else {
            std::cerr << "voltdesk-agent: " << e.what() << "\n";
        }
        return 1;
    }
    if (!agent.ocppTlsUrl().empty()) {
        std::cout << "ocpps: " << agent.ocppTlsUrl() << '\n';
    }
    std::cout << "ocpp: " << agent.ocppUrl() << '\n' << std::flush; // scripts wait for this line

    int signal = 0;
    sigwait(&stopSignals, &signal);
    spdlog::info("agent: stopping signal={}", signal == SIGINT ? "SIGINT" : "SIGTERM");
    agent.stop();
    return 0;
}
