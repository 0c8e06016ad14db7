// A scripted charger on a fake clock and a hand-played central system, for the sans-I/O tests:
// drain what the charger sends, answer it, send it CALLs and read its answers.
#pragma once

#include "chargepoint/charge_point.h"
#include "protocol/ocpp16-wire/rpc_frame.h"

#include <QtTest>
#include <deque>
#include <variant>

namespace voltdesk::sim::testing {

namespace ocpp = voltdesk::ocpp16;
using Json = nlohmann::json;

inline SimCharger acCharger(int connectors = 2) {
    SimCharger c;
    c.chargerId = "VD-TST-00001";
    c.number = 1;
    c.connectorCount = connectors;
    c.vendor = "Alpitronic";
    c.model = "HYC50";
    c.serialNumber = "HYC-2401-000001";
    c.firmwareVersion = "1.0.0";
    c.maxPowerKw = 22;
    return c;
}

class Harness {
public:
    explicit Harness(ChargePointBehaviour behaviour = scripted(), SimCharger charger = acCharger(),
                     ChargePointTiming timing = {})
        : m_charger(std::move(charger)), m_clock(kT0, kT0, 1),
          m_cp(m_charger, 1, m_clock, &stats, timing, std::move(behaviour)) {}

    static constexpr EpochMs kT0 = 1'790'000'000'000; // a fixed instant: the tests own the clock

    static ChargePointBehaviour scripted() {
        ChargePointBehaviour b;
        b.mode = ChargePointMode::Scripted;
        return b;
    }

    ChargePoint& cp() { return m_cp; }
    EpochMs now() const { return m_now; }
    void advance(EpochMs ms) {
        m_now += ms;
        m_cp.onTimer(m_now);
        collect();
    }
    /// Runs the timer in steps of `step` up to `ms` later, answering nothing.
    void run(EpochMs ms, EpochMs step = 1'000) {
        for (EpochMs t = 0; t < ms; t += step) {
            advance(step);
        }
    }

    /// Connects and answers the boot and every status report: the charger ends Accepted and idle.
    void connectAndBoot(int interval = 3600) {
        m_cp.onConnected(m_now);
        collect();
        auto boot = expect("BootNotification");
        answer(boot, Json{{"status", "Accepted"},
                          {"currentTime", contract::toIso8601(m_now)},
                          {"interval", interval}});
        settle();
    }
    void disconnect() {
        m_cp.onDisconnected(m_now);
        m_calls.clear();
        m_results.clear();
    }

    /// Answers every StatusNotification, Heartbeat and Authorize (Accepted) until a CALL of another
    /// kind is pending or nothing is.
    void settle() {
        collect();
        while (!m_calls.empty()) {
            const auto& c = m_calls.front();
            if (c.action == "StatusNotification" || c.action == "Heartbeat") {
                statuses.push_back(c.action == "StatusNotification" ? c.payload.value("status", "") : "");
                answer(c, c.action == "Heartbeat" ? Json{{"currentTime", contract::toIso8601(m_now)}}
                                                  : Json::object());
            } else if (c.action == "Authorize" && autoAuthorize) {
                answer(c, Json{{"idTagInfo", {{"status", "Accepted"}}}});
            } else {
                return;
            }
        }
    }

    /// The next CALL the charger sent, which must be `action` (after settling routine ones).
    ocpp::Call expect(const std::string& action) {
        settle();
        if (m_calls.empty()) {
            std::string log;
            for (const auto& c : m_cp.snapshot(m_now).sent) {
                log += c.action + " " + c.payload.dump() + " -> " +
                       (c.result ? c.result->dump() : c.errorCode) + "\n";
            }
            qFatal("expected %s, the charger sent nothing; it sent:\n%s", action.c_str(), log.c_str());
        }
        auto c = m_calls.front();
        if (c.action != action) {
            qFatal("expected %s, got %s %s", action.c_str(), c.action.c_str(), c.payload.dump().c_str());
        }
        return c;
    }
    bool idle() {
        settle();
        return m_calls.empty();
    }
    void answer(const ocpp::Call& call, const Json& payload) {
        drop(call);
        m_cp.onText(ocpp::serialize(ocpp::CallResult{call.messageId, payload}), m_now);
        collect();
    }
    void answerError(const ocpp::Call& call, ocpp::ErrorCode code) {
        drop(call);
        m_cp.onText(ocpp::serialize(ocpp::makeCallError(call.messageId, code, "test")), m_now);
        collect();
    }
    /// Forgets a CALL without answering it (a timeout will follow).
    void drop(const ocpp::Call& call) {
        std::erase_if(m_calls, [&](const ocpp::Call& c) { return c.messageId == call.messageId; });
    }

    /// Sends a CALL of the central system; returns the CALLRESULT payload (or {"error": code}).
    Json call(const std::string& action, const Json& payload) {
        const std::string id = "cs-" + std::to_string(++m_csCounter);
        m_cp.onText(ocpp::serialize(ocpp::Call{id, action, payload}), m_now);
        collect();
        const auto it = m_results.find(id);
        if (it == m_results.end()) {
            qFatal("no answer to %s", action.c_str());
        }
        return it->second;
    }

    SimStats stats;
    std::vector<std::string> statuses;   ///< every StatusNotification status answered by settle()
    std::vector<std::string> messageIds; ///< of every CALL the charger sent
    bool autoAuthorize = true;

private:
    void collect() {
        for (const auto& text : m_cp.takeOutgoing()) {
            auto frame = ocpp::parseFrame(text);
            if (auto* c = std::get_if<ocpp::Call>(&frame)) {
                messageIds.push_back(c->messageId);
                m_calls.push_back(*c);
            } else if (auto* r = std::get_if<ocpp::CallResult>(&frame)) {
                m_results[r->messageId] = r->payload;
            } else if (auto* e = std::get_if<ocpp::CallError>(&frame)) {
                m_results[e->messageId] = Json{{"error", ocpp::toString(e->code)}};
            }
        }
    }

    SimCharger m_charger;
    SimClock m_clock;
    ChargePoint m_cp;
    EpochMs m_now = kT0;
    std::deque<ocpp::Call> m_calls;
    std::map<std::string, Json> m_results;
    int m_csCounter = 0;
};

} // namespace voltdesk::sim::testing
