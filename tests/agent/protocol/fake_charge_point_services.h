// A ChargePointServices that records what an adapter reports and answers boots as told, so adapter
// tests check events and replies without a CentralSystem.
#pragma once

#include "domain/charge_point_services.h"

#include <stdexcept>
#include <vector>

namespace voltdesk::testing {

class FakeChargePointServices final : public domain::ChargePointServices {
public:
    enum class Failure { None, StdException, NonStdException };

    domain::BootDecision boot(const domain::ChargerBooted& event) override {
        fail();
        events.emplace_back(event);
        return decision;
    }
    void report(const domain::ChargePointEvent& event) override {
        fail();
        events.push_back(event);
    }
    std::chrono::seconds heartbeatInterval() const override { return decision.interval; }

    template <typename T> std::vector<T> eventsOf() const {
        std::vector<T> result;
        for (const auto& e : events) {
            if (const auto* t = std::get_if<T>(&e)) {
                result.push_back(*t);
            }
        }
        return result;
    }

    domain::BootDecision decision;
    Failure failure = Failure::None;
    std::vector<domain::ChargePointEvent> events;

private:
    void fail() const {
        if (failure == Failure::StdException) {
            throw std::runtime_error("store unavailable");
        }
        if (failure == Failure::NonStdException) {
            throw 42;
        }
    }
};

} // namespace voltdesk::testing
