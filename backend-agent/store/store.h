// The agent's PostgreSQL database: schema migrations, the inventory import and the last known state.
// Live updates go through StoreWriter, which has its own connection.
#pragma once

#include "contract/charger_state.h"
#include "contract/inventory.h"
#include "contract/site_info.h"
#include "store/embedded_migrations.h"

#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pqxx {
class connection; // NOLINT(readability-identifier-naming): libpqxx's name
}

namespace voltdesk::store {

/// A database problem, in a sentence for the operator (the URI's password is never in it).
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The URI with any password replaced by "***", for messages and logs.
std::string redactUri(std::string_view uri);

struct MigrationReport {
    int fromVersion = 0; ///< highest version applied before (0: empty database)
    int toVersion = 0;
    std::vector<int> applied;
};

/// Not thread-safe: one thread uses it at start, before live traffic.
class Store {
public:
    /// Connects (libpq URI or key=value string); throws StoreError when the server is unreachable.
    explicit Store(const std::string& uri);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    /// Applies every migration not yet recorded in schema_migrations, each in its own transaction, in
    /// ascending version. Several agents starting at once serialize on an advisory lock. Throws
    /// StoreError when one fails (the database keeps every migration before it) or when the database
    /// has a version this agent does not know, i.e. a newer agent migrated it.
    MigrationReport migrate(std::span<const EmbeddedMigration> migrations = embeddedMigrations());
    /// Highest applied version, 0 when none.
    int schemaVersion();

    /// Upserts every site and charger of the inventory in one transaction (site, location, power,
    /// connector count); what chargers reported about themselves is kept. Chargers missing from the
    /// inventory stay in the database.
    void importInventory(const contract::Inventory& inventory);

    std::vector<contract::SiteInfo> loadSites();
    /// Every charger's last known state, offline (the agent has just started), connectors by id.
    std::vector<contract::ChargerState> loadChargerStates();

private:
    std::unique_ptr<pqxx::connection> m_connection;
};

} // namespace voltdesk::store
