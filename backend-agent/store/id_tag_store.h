// The id tags the central system authorizes: loaded whole at start, changed one by one by operators.
#pragma once

#include "domain/authorization.h"

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace pqxx {
class connection;       // NOLINT(readability-identifier-naming): libpqxx's name
class transaction_base; // NOLINT(readability-identifier-naming)
} // namespace pqxx

namespace voltdesk::store {

/// Thread-safe; every call blocks on the database (not for the I/O threads). Connects on first use
/// and once more when the connection was lost; throws StoreError when the database cannot answer.
class IdTagStore {
public:
    explicit IdTagStore(const std::string& uri);
    ~IdTagStore();
    IdTagStore(const IdTagStore&) = delete;
    IdTagStore& operator=(const IdTagStore&) = delete;

    /// Every id tag, ordered by idTag.
    std::vector<domain::IdTag> loadAll();
    /// Inserts the tag or replaces every field of it; updatedBy names who changed it.
    void upsert(const domain::IdTag& tag, const std::string& updatedBy);
    /// false when there was no such tag.
    bool remove(const std::string& idTag);

private:
    void withTransaction(const std::string& what, const std::function<void(pqxx::transaction_base&)>& body);

    const std::string m_uri;
    std::mutex m_mutex;
    std::unique_ptr<pqxx::connection> m_connection;
};

} // namespace voltdesk::store
