// What the store's tests share: a scratch database of their own on the fixture's PostgreSQL, and two
// probes that read one value from it.
#pragma once

#include "tests/support/test_services.h"

#include <QObject>
#include <QString>
#include <pqxx/pqxx>
#include <string>

namespace voltdesk::testing {

class StoreTestBase : public QObject {
protected:
    /// Creates the scratch database (dropping one left from an earlier run); false when the services
    /// fixture did not run or the server refused.
    bool openScratchDatabase(const QString& prefix) {
        const auto services = testServices();
        if (services.postgres.isEmpty()) {
            return false;
        }
        const QString uri = createScratchDatabase(services.postgres, prefix);
        m_uri = uri.toStdString();
        return !uri.isEmpty();
    }

    long long count(const std::string& sql) {
        pqxx::connection conn(m_uri);
        pqxx::work tx(conn);
        return tx.query_value<long long>(sql);
    }

    std::string text(const std::string& sql) {
        pqxx::connection conn(m_uri);
        pqxx::work tx(conn);
        return tx.query_value<std::string>(sql);
    }

    std::string m_uri;
};

} // namespace voltdesk::testing
