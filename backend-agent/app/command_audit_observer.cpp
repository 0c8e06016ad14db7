#include "app/command_audit_observer.h"

namespace voltdesk::app {

namespace {

/// The audit log is read by many; a charger's AuthorizationKey must not be in it.
nlohmann::json redacted(const std::string& command, nlohmann::json payload) {
    if (command == "ChangeConfiguration" && payload.is_object() &&
        contract::textField(payload, "key") == "AuthorizationKey" && payload.contains("value")) {
        payload["value"] = "<redacted>";
    }
    return payload;
}

} // namespace

void CommandAuditObserver::commandReceived(const contract::CommandRequest& request,
                                           const std::string& command, contract::EpochMs at) {
    store::CommandRequestRecord record;
    record.requestId = request.requestId;
    record.operatorId = request.requestedBy.user;
    record.role = request.requestedBy.role;
    record.chargerId = request.chargerId;
    record.action = command;
    record.request = redacted(command, request.payload);
    record.requestedAt = at;
    m_log.recordRequest(std::move(record));
}

void CommandAuditObserver::commandCompleted(const contract::CommandRequest& request,
                                            const contract::CommandResponse& response) {
    store::CommandOutcomeRecord record;
    record.requestId = request.requestId;
    const bool answered = response.outcome == contract::CommandOutcome::Completed;
    const auto status = response.response.find("status");
    if (answered && status != response.response.end() && status->is_string()) {
        record.outcome = status->get<std::string>();
    } else {
        record.outcome = std::string(contract::toString(response.outcome));
    }
    if (answered || response.outcome == contract::CommandOutcome::InvalidResponse) {
        record.response = response.response;
    }
    if (!answered) {
        record.error = response.errorCode.empty() ? response.description
                                                  : response.errorCode + ": " + response.description;
    }
    record.completedAt = response.completedAt;
    m_log.recordOutcome(std::move(record));
}

} // namespace voltdesk::app
