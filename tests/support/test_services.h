// Where the Integration tests find the real PostgreSQL and Mosquitto of the "services" fixture.
#pragma once

#include <QString>

namespace voltdesk::testing {

struct TestServices {
    QString postgres; ///< libpq URI, e.g. postgresql://voltdesk@127.0.0.1:PORT/voltdesk
    QString mqtt;     ///< Paho server URI, e.g. tcp://127.0.0.1:PORT
};

/// Reads the fixture's services.env (path from VOLTDESK_TEST_SERVICES_DIR). An empty value means the
/// fixture did not run; callers QFAIL then, never skip, so a broken fixture cannot pass silently.
TestServices testServices();

/// A database name unique to this test process, created on the fixture's server, so tests that run
/// side by side never share tables. Returns its URI.
QString createScratchDatabase(const QString& serverUri, const QString& prefix);

} // namespace voltdesk::testing
