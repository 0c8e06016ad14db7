// Chargers' security profiles and hashed AuthorizationKeys in PostgreSQL (table charger_credentials):
// loaded once at start into the ChargerAuthenticator, set by the operator (set-charger-key, later the
// console).
#pragma once

#include "domain/charger_authenticator.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pqxx {
class connection; // NOLINT(readability-identifier-naming): libpqxx's name
}

namespace voltdesk::store {

/// Not thread-safe; has its own connection. Throws StoreError (store/store.h) on every failure.
class CredentialStore {
public:
    explicit CredentialStore(const std::string& uri);
    ~CredentialStore();
    CredentialStore(const CredentialStore&) = delete;
    CredentialStore& operator=(const CredentialStore&) = delete;

    /// Every charger with settings, sorted by id. A row whose profile is out of range is skipped.
    std::vector<domain::ChargerCredential> loadAll();
    /// Sets a charger's profile, and its key when key is given (otherwise the stored key stays).
    /// setBy says who, for the audit ("cli:alice"). Refuses profile 1 or 2 when the charger ends up
    /// without a key, since it could never connect. Returns what is stored now.
    domain::ChargerCredential set(const std::string& chargerId, domain::SecurityProfile profile,
                                  const std::optional<domain::StoredKey>& key, const std::string& setBy);

private:
    std::unique_ptr<pqxx::connection> m_connection;
};

} // namespace voltdesk::store
