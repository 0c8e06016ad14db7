// Puts every console command and its end into the audit log.
#pragma once

#include "bus/command_server.h"
#include "store/command_audit_log.h"

namespace voltdesk::app {

class CommandAuditObserver final : public bus::CommandObserver {
public:
    explicit CommandAuditObserver(store::CommandAuditLog& log) : m_log(log) {}

    void commandReceived(const contract::CommandRequest& request, const std::string& command,
                         contract::EpochMs at) override;
    /// The outcome recorded is the charger's own status word when it answered with one ("Accepted",
    /// "Unlocked", ...), else the contract's outcome ("Timeout", "Offline", "Refused", ...).
    void commandCompleted(const contract::CommandRequest& request,
                          const contract::CommandResponse& response) override;

private:
    store::CommandAuditLog& m_log;
};

} // namespace voltdesk::app
