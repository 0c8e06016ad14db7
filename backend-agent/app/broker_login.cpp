#include "app/broker_login.h"

#include "bus/broker_acl.h"

#include <fstream>
#include <ostream>
#include <stdexcept>

namespace voltdesk::app {

void applyBrokerLogin(const AgentConfig& config, bus::BusOptions& options) {
    options.username = config.mqttUser;
    if (config.mqttPasswordFile.empty()) {
        return;
    }
    std::ifstream in(config.mqttPasswordFile);
    std::string password;
    if (!in || !std::getline(in, password)) {
        throw std::runtime_error("cannot read the broker password from " + config.mqttPasswordFile);
    }
    if (!password.empty() && password.back() == '\r') {
        password.pop_back();
    }
    if (password.empty()) {
        throw std::runtime_error("the broker password file " + config.mqttPasswordFile + " is empty");
    }
    options.password = std::move(password);
}

std::optional<bus::ConsoleUsers> loadConsoleUsers(const AgentConfig& config) {
    if (config.consoleUsersFile.empty()) {
        return std::nullopt;
    }
    return bus::ConsoleUsers::load(config.consoleUsersFile);
}

int runBrokerAcl(const BrokerAclRequest& request, std::ostream& out, std::ostream& err) {
    try {
        out << bus::brokerAcl(bus::ConsoleUsers::load(request.consoleUsersFile), request.agentUser);
        return 0;
    } catch (const std::exception& e) {
        err << "voltdesk-agent broker-acl: " << e.what() << "\n";
        return 2;
    }
}

} // namespace voltdesk::app
