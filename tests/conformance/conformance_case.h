// One conformance case's world: the system under test (ConformanceSystem) and simulated chargers
// (sim::TestFleet) connected to it, booted and ready, plus the checks most cases share.
#pragma once

#include "control/test_fleet.h"
#include "tests/conformance/conformance_system.h"

#include <QTest>
#include <memory>
#include <string>

namespace voltdesk::testing {

/// Id tags every case's agent knows.
inline constexpr const char* kValidTag = "VD-CARD-OK";
inline constexpr const char* kOtherValidTag = "VD-CARD-OK2";
inline constexpr const char* kBlockedTag = "VD-CARD-BLOCKED";
inline constexpr const char* kExpiredTag = "VD-CARD-EXPIRED";
inline constexpr const char* kUnknownTag = "VD-CARD-WHO";
inline constexpr const char* kGroupTag = "VD-FLEET";

struct CaseOptions {
    ConformanceOptions system;
    sim::TestFleetOptions fleet;
    bool waitForBoot = true;
    /// The chargers connect to the agent's wss:// listener (system.extraArguments must start it).
    bool tls = false;
};

/// The default id tags above, in the database before the agent starts.
std::vector<domain::IdTag> defaultIdTags();

class ConformanceCase {
public:
    explicit ConformanceCase(const std::string& name, CaseOptions options = {});
    ~ConformanceCase();

    /// false (with why()) when the system or the fleet did not come up.
    bool ready() const { return m_error.empty(); }
    const std::string& why() const { return m_error; }

    ConformanceSystem& system() { return *m_system; }
    sim::TestFleet& fleet() { return *m_fleet; }
    sim::TestCharger& charger(int index = 0) { return m_fleet->charger(index); }
    const std::string& chargerId(int index = 0) { return m_fleet->charger(index).id(); }

    /// A console command to charger(index) as role; the response's outcome and payload.
    std::optional<contract::CommandResponse> command(const std::string& action, const nlohmann::json& payload,
                                                     int index = 0, const std::string& role = "supervisor");
    /// The charger's answer status of a completed command, or the outcome's name when it did not
    /// complete ("Timeout", "Offline", ...), or "<no response>".
    std::string commandStatus(const std::string& action, const nlohmann::json& payload, int index = 0);

    /// Waits until connector's status is status.
    bool waitStatus(int connectorId, contract::ConnectorStatus status, int index = 0,
                    std::chrono::milliseconds timeout = std::chrono::seconds(10));
    /// Waits until the connector has a transaction the central system acknowledged; its id.
    std::optional<int> waitStarted(int connectorId, int index = 0);
    /// Waits until the charger's last transaction's stop was acknowledged.
    bool waitStopped(int index = 0, std::chrono::milliseconds timeout = std::chrono::seconds(10));
    /// Waits until the agent's database answers value for sql.
    bool waitDb(const std::string& sql, const std::string& value,
                std::chrono::milliseconds timeout = std::chrono::seconds(10));

    /// The exchanged frames and the agent's log, for a failure message.
    std::string diagnostics(int index = 0);

private:
    std::unique_ptr<ConformanceSystem> m_system;
    std::unique_ptr<sim::TestFleet> m_fleet;
    std::string m_error;
};

} // namespace voltdesk::testing

/// QVERIFY with the exchanged frames and the agent's log in the failure message.
#define CASE_VERIFY(c, condition)                                                                            \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            QFAIL(("'" #condition "' is false\n" + (c).diagnostics()).c_str());                              \
        }                                                                                                    \
    } while (false)

#define CASE_COMPARE(c, actual, expected)                                                                    \
    do {                                                                                                     \
        const auto caseActual = (actual);                                                                    \
        const auto caseExpected = (expected);                                                                \
        if (!(caseActual == caseExpected)) {                                                                 \
            QFAIL(("'" #actual "' is '" + std::string(caseActual) + "', expected '" +                        \
                   std::string(caseExpected) + "'\n" + (c).diagnostics())                                    \
                      .c_str());                                                                             \
        }                                                                                                    \
    } while (false)

/// Sets up the case named after the test function, or fails it.
#define CASE_SETUP(c, ...)                                                                                   \
    voltdesk::testing::ConformanceCase c(QTest::currentTestFunction() __VA_OPT__(, ) __VA_ARGS__);           \
    if (!(c).ready()) {                                                                                      \
        QFAIL(("setup failed: " + (c).why()).c_str());                                                       \
    }
