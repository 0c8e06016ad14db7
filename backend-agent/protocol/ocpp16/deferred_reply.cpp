#include "protocol/ocpp16/deferred_reply.h"

#include "protocol/ocpp16-wire/rpc_frame.h"

#include <exception>
#include <utility>

namespace voltdesk::ocpp16 {

DeferredReply::DeferredReply(std::shared_ptr<const ReplySink> sink, std::string messageId, std::string action)
    : m_sink(std::move(sink)), m_messageId(std::move(messageId)), m_action(std::move(action)) {}

void DeferredReply::result(nlohmann::json payload) const {
    send(serialize(CallResult{m_messageId, std::move(payload)}));
}

void DeferredReply::error(const PayloadError& error) const {
    send(serialize(makeCallError(m_messageId, error.code, error.description)));
}

void DeferredReply::send(std::string frame) const {
    try {
        if (m_sink->send) {
            m_sink->send(std::move(frame));
        }
    } catch (const std::exception& e) {
        try {
            if (m_sink->errorLog) {
                m_sink->errorLog("sending the reply to " + m_action + " failed: " + e.what());
            }
        } catch (...) { // NOLINT(bugprone-empty-catch): nowhere left to report it; must not throw
        }
    }
}

} // namespace voltdesk::ocpp16
