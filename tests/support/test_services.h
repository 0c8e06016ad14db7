// Where the Integration tests find the real PostgreSQL and Mosquitto of the "services" fixture.
#pragma once

#include <QString>

namespace voltdesk::testing {

struct TestServices {
    QString postgres; ///< libpq URI, e.g. postgresql://voltdesk@127.0.0.1:PORT/voltdesk
    QString mqtt;     ///< Paho server URI, e.g. tcp://127.0.0.1:PORT
    /// The listener with passwords and the generated ACL (tests/support/services.sh); empty when the
    /// fixture found no voltdesk-agent to generate it with.
    QString mqttAuth;
    QString consoleUsersFile; ///< the users the ACL was generated for (console-users.json)
};

/// The password of a user of console-users.json, and of the agent's user "tst-agent".
inline QString testBrokerPassword(const QString& user) {
    return user + QStringLiteral("-pw");
}

/// Reads the fixture's services.env (path from VOLTDESK_TEST_SERVICES_DIR). An empty value means the
/// fixture did not run; callers QFAIL then, never skip, so a broken fixture cannot pass silently.
TestServices testServices();

/// A database name unique to this test process, created on the fixture's server, so tests that run
/// side by side never share tables. Returns its URI.
QString createScratchDatabase(const QString& serverUri, const QString& prefix);

} // namespace voltdesk::testing
