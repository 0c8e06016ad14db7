#include "store/id_tag_store.h"

#include "store/retrying_session.h"
#include "store/sql_text.h"
#include "store/store.h"

#include <pqxx/pqxx>

namespace voltdesk::store {

IdTagStore::IdTagStore(const std::string& uri) : m_uri(withWriterTimeouts(uri)) {}

IdTagStore::~IdTagStore() = default;

void IdTagStore::withTransaction(const std::string& what,
                                 const std::function<void(pqxx::transaction_base&)>& body) {
    std::lock_guard lock(m_mutex);
    for (int attempt = 0;; ++attempt) {
        try {
            if (!m_connection) {
                m_connection = std::make_unique<pqxx::connection>(m_uri);
            }
            pqxx::work tx(*m_connection);
            body(tx);
            tx.commit();
            return;
        } catch (const pqxx::broken_connection& e) {
            // A connection idle for hours may have been closed by the server: one fresh try.
            m_connection.reset();
            if (attempt > 0) {
                throw StoreError(what + " failed: " + e.what());
            }
        } catch (const std::exception& e) {
            throw StoreError(what + " failed: " + e.what());
        }
    }
}

std::vector<domain::IdTag> IdTagStore::loadAll() {
    std::vector<domain::IdTag> tags;
    withTransaction("loading the id tags", [&](pqxx::transaction_base& tx) {
        tags.clear();
        for (const auto& row : tx.exec("SELECT id_tag, parent_id_tag, "
                                       "(extract(epoch FROM expiry) * 1000)::int8, blocked "
                                       "FROM id_tags ORDER BY id_tag")) {
            domain::IdTag tag;
            tag.idTag = row[0].as<std::string>();
            if (!row[1].is_null()) {
                tag.parentIdTag = row[1].as<std::string>();
            }
            if (!row[2].is_null()) {
                tag.expiryDate = row[2].as<std::int64_t>();
            }
            tag.blocked = row[3].as<bool>();
            tags.push_back(std::move(tag));
        }
    });
    return tags;
}

void IdTagStore::upsert(const domain::IdTag& tag, const std::string& updatedBy) {
    withTransaction("saving id tag " + sqlText(tag.idTag), [&](pqxx::transaction_base& tx) {
        tx.exec("INSERT INTO id_tags (id_tag, parent_id_tag, expiry, blocked, updated_at, updated_by) "
                "VALUES ($1, $2, to_timestamp($3::int8 / 1000.0), $4, now(), $5) "
                "ON CONFLICT (id_tag) DO UPDATE SET parent_id_tag = EXCLUDED.parent_id_tag, "
                "expiry = EXCLUDED.expiry, blocked = EXCLUDED.blocked, updated_at = now(), "
                "updated_by = EXCLUDED.updated_by",
                pqxx::params{sqlText(tag.idTag),
                             tag.parentIdTag ? std::optional<std::string>(sqlText(*tag.parentIdTag))
                                             : std::nullopt,
                             tag.expiryDate, tag.blocked, sqlText(updatedBy)});
    });
}

bool IdTagStore::remove(const std::string& idTag) {
    bool removed = false;
    withTransaction("deleting id tag " + sqlText(idTag), [&](pqxx::transaction_base& tx) {
        removed =
            tx.exec("DELETE FROM id_tags WHERE id_tag = $1", pqxx::params{sqlText(idTag)}).affected_rows() >
            0;
    });
    return removed;
}

} // namespace voltdesk::store
