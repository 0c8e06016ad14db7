-- OCPP 1.6 security: each charger's security profile and AuthorizationKey (only as a salted hash), and
-- the security events the agent noticed or chargers reported.

-- No foreign key to chargers: a key may be set before the charger first connects or is in the inventory.
CREATE TABLE charger_credentials (
    charger_id        text PRIMARY KEY,
    security_profile  smallint NOT NULL DEFAULT 0 CHECK (security_profile BETWEEN 0 AND 3),
    key_algorithm     text,              -- 'pbkdf2-sha256'; NULL when no key is set
    key_iterations    integer CHECK (key_iterations > 0),
    key_salt          bytea,
    key_hash          bytea,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    set_by            text NOT NULL DEFAULT '',  -- who set it: "cli:USER", later a console user
    CONSTRAINT charger_credentials_key_complete CHECK (
        (key_algorithm IS NULL AND key_iterations IS NULL AND key_salt IS NULL AND key_hash IS NULL) OR
        (key_algorithm IS NOT NULL AND key_iterations IS NOT NULL AND key_salt IS NOT NULL AND
         key_hash IS NOT NULL)),
    -- Profiles 1 and 2 authenticate with the key; without one the charger could never connect.
    CONSTRAINT charger_credentials_key_needed CHECK (security_profile NOT IN (1, 2) OR key_hash IS NOT NULL)
);

-- Append-only, like status_history: no foreign key, so events of unknown ids are kept too.
CREATE TABLE security_events (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    charger_id      text NOT NULL,
    type            text NOT NULL,     -- "FailedAuthentication", or the charger's own type name
    tech_info       text NOT NULL DEFAULT '',
    remote_address  text NOT NULL DEFAULT '',
    severity        text NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    source          text NOT NULL CHECK (source IN ('agent', 'charger')),
    charger_time    timestamptz,       -- the charger's timestamp of its own events
    received_at     timestamptz NOT NULL
);
CREATE INDEX security_events_charger_idx ON security_events (charger_id, received_at);
CREATE INDEX security_events_time_idx ON security_events (received_at);
