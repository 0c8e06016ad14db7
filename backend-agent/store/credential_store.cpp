#include "store/credential_store.h"

#include "store/sql_text.h"
#include "store/store.h"

#include <pqxx/pqxx>

namespace voltdesk::store {

namespace {

// Salt and hash travel as hex text (encode/decode in SQL), which keeps libpqxx's bytea handling out.
std::string toHex(const std::string& bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        hex.push_back(kDigits[b >> 4U]);
        hex.push_back(kDigits[b & 0x0FU]);
    }
    return hex;
}

std::string fromHex(const std::string& hex) {
    const auto value = [](char c) {
        return c <= '9' ? c - '0' : c - 'a' + 10; // PostgreSQL's encode() writes lower case
    };
    std::string bytes;
    bytes.reserve(hex.size() / 2);
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        bytes.push_back(static_cast<char>(value(hex[i]) * 16 + value(hex[i + 1])));
    }
    return bytes;
}

constexpr const char* kSelect = "SELECT charger_id, security_profile, key_algorithm, key_iterations, "
                                "encode(key_salt, 'hex'), encode(key_hash, 'hex') FROM charger_credentials ";

std::optional<domain::ChargerCredential> fromRow(const pqxx::row& row) {
    const auto profile = domain::securityProfileFromInt(row[1].as<int>());
    if (!profile) {
        return std::nullopt;
    }
    domain::ChargerCredential credential;
    credential.chargerId = row[0].as<std::string>();
    credential.profile = *profile;
    if (!row[2].is_null()) {
        domain::StoredKey key;
        key.algorithm = row[2].as<std::string>();
        key.iterations = row[3].as<int>();
        key.salt = fromHex(row[4].as<std::string>());
        key.hash = fromHex(row[5].as<std::string>());
        credential.key = std::move(key);
    }
    return credential;
}

} // namespace

CredentialStore::CredentialStore(const std::string& uri) {
    try {
        m_connection = std::make_unique<pqxx::connection>(uri);
    } catch (const std::exception& e) {
        throw StoreError("cannot connect to PostgreSQL at " + redactUri(uri) + ": " + e.what());
    }
}

CredentialStore::~CredentialStore() = default;

std::vector<domain::ChargerCredential> CredentialStore::loadAll() {
    std::vector<domain::ChargerCredential> credentials;
    try {
        pqxx::read_transaction tx(*m_connection);
        for (const auto& row : tx.exec(std::string(kSelect) + "ORDER BY charger_id")) {
            if (auto credential = fromRow(row)) {
                credentials.push_back(std::move(*credential));
            }
        }
    } catch (const std::exception& e) {
        throw StoreError(std::string("loading charger credentials failed: ") + e.what());
    }
    return credentials;
}

domain::ChargerCredential CredentialStore::set(const std::string& chargerId, domain::SecurityProfile profile,
                                               const std::optional<domain::StoredKey>& key,
                                               const std::string& setBy) {
    try {
        pqxx::work tx(*m_connection);
        if (key) {
            tx.exec("INSERT INTO charger_credentials (charger_id, security_profile, key_algorithm, "
                    "key_iterations, key_salt, key_hash, set_by) "
                    "VALUES ($1, $2, $3, $4, decode($5, 'hex'), decode($6, 'hex'), $7) "
                    "ON CONFLICT (charger_id) DO UPDATE SET security_profile = EXCLUDED.security_profile, "
                    "key_algorithm = EXCLUDED.key_algorithm, key_iterations = EXCLUDED.key_iterations, "
                    "key_salt = EXCLUDED.key_salt, key_hash = EXCLUDED.key_hash, set_by = EXCLUDED.set_by, "
                    "updated_at = now()",
                    pqxx::params{chargerId, domain::toInt(profile), key->algorithm, key->iterations,
                                 toHex(key->salt), toHex(key->hash), sqlText(setBy)});
        } else {
            // Insert-then-update, not ON CONFLICT: the CHECK constraints judge the proposed row before
            // the conflict is seen, and that row would have no key.
            tx.exec(
                "INSERT INTO charger_credentials (charger_id, security_profile, set_by) VALUES ($1, 0, $2) "
                "ON CONFLICT (charger_id) DO NOTHING",
                pqxx::params{chargerId, sqlText(setBy)});
            tx.exec("UPDATE charger_credentials SET security_profile = $2, set_by = $3, updated_at = now() "
                    "WHERE charger_id = $1",
                    pqxx::params{chargerId, domain::toInt(profile), sqlText(setBy)});
        }
        const auto row =
            tx.exec(std::string(kSelect) + "WHERE charger_id = $1", pqxx::params{chargerId}).one_row();
        auto stored = fromRow(row);
        if (!stored) {
            throw StoreError("charger " + chargerId + " has an invalid security profile in the database");
        }
        tx.commit();
        return std::move(*stored);
    } catch (const pqxx::check_violation&) {
        throw StoreError("charger " + chargerId + " has no AuthorizationKey, which security profile " +
                         std::to_string(domain::toInt(profile)) + " needs; give one");
    } catch (const std::exception& e) {
        throw StoreError("setting the credentials of charger " + chargerId + " failed: " + e.what());
    }
}

} // namespace voltdesk::store
