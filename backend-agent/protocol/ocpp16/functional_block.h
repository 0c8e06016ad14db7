// The interface of one OCPP functional block (core, authorization, transactions, firmware, ...): it
// answers the CALLs of its actions. Each block is its own class, testable without a connection.
#pragma once

#include "contract/iso8601.h"
#include "domain/charge_point_services.h"
#include "protocol/ocpp16-wire/payload_result.h"
#include "protocol/ocpp16-wire/rpc_frame.h"
#include "protocol/ocpp16/deferred_reply.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace voltdesk::ocpp16 {

/// State of one connection that blocks read and change.
struct ConnectionSession {
    std::string chargerId;
    /// The last boot decision on this connection; none until the charger boots on it.
    std::optional<domain::RegistrationStatus> registration;
};

/// A CALL as a block sees it.
struct IncomingCall {
    const Call& call;
    contract::EpochMs receivedAt = 0;
    ConnectionSession& session;
    std::shared_ptr<const ReplySink> sink;

    /// For a block that answers later: keep this, return Deferred, and answer exactly once.
    DeferredReply defer() const { return DeferredReply(sink, call.messageId, call.action); }
};

/// The block will answer through IncomingCall::defer().
struct Deferred {};

/// The CALLRESULT payload, the CALLERROR code and description, or an answer to come.
using CallReply = std::variant<nlohmann::json, PayloadError, Deferred>;

class FunctionalBlock {
public:
    virtual ~FunctionalBlock() = default;
    /// Whether action is one of this block's (charge-point-initiated) actions.
    virtual bool handles(std::string_view action) const = 0;
    /// Answers a CALL of one of its actions. May throw; the connection answers InternalError then.
    virtual CallReply handle(const IncomingCall& incoming) = 0;
};

} // namespace voltdesk::ocpp16
