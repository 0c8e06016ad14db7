// The schema migrations compiled into the agent (generated from store/migrations/NNN_name.sql).
#pragma once

#include <span>
#include <string_view>

namespace voltdesk::store {

struct EmbeddedMigration {
    int version;           ///< NNN of the file name; applied in ascending order
    std::string_view name; ///< the rest of the file name
    std::string_view sql;
};

/// Every migration, sorted by version.
std::span<const EmbeddedMigration> embeddedMigrations();

} // namespace voltdesk::store
