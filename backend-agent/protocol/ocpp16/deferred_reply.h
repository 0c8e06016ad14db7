// An answer to a charger's CALL given later, from another thread: transaction messages are answered
// only once the ledger has committed them, without holding an I/O thread meanwhile.
#pragma once

#include "protocol/ocpp16-wire/payload_result.h"

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace voltdesk::ocpp16 {

/// Where a connection's frames go. Send must be thread-safe once replies are deferred (the
/// transport's WsSender is).
struct ReplySink {
    std::function<void(std::string frame)> send;
    std::function<void(std::string_view message)> errorLog;
};

/// Copyable; answer once. Answering after the connection ended is harmless (the transport drops it).
class DeferredReply {
public:
    DeferredReply(std::shared_ptr<const ReplySink> sink, std::string messageId, std::string action);

    void result(nlohmann::json payload) const;
    void error(const PayloadError& error) const;
    const std::string& action() const { return m_action; }

private:
    void send(std::string frame) const;

    std::shared_ptr<const ReplySink> m_sink;
    std::string m_messageId;
    std::string m_action;
};

} // namespace voltdesk::ocpp16
