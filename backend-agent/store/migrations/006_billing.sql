-- Billing (docs/BILLING.md, "Tariffs and records in the agent"): tariffs in their JSON form, which
-- tariff applies where, and the charge detail records of finished sessions, every version kept.

-- One row per tariff version; body is tariff_json's form, validated before it is stored. A version is
-- never changed: a new price is a new version (or a new tariff) with its own validity.
CREATE TABLE tariffs (
    tariff_id    text NOT NULL,
    version      integer NOT NULL CHECK (version >= 1),
    body         jsonb NOT NULL,
    currency     text NOT NULL,
    valid_from   timestamptz,                -- NULL: since ever
    valid_until  timestamptz,                -- NULL: until replaced
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text NOT NULL DEFAULT '',
    PRIMARY KEY (tariff_id, version)
);

-- Charger groups exist for tariffs only (a car park's fast chargers, a depot's lane).
CREATE TABLE charger_groups (
    group_id    text NOT NULL,
    charger_id  text NOT NULL,
    PRIMARY KEY (group_id, charger_id)
);
CREATE INDEX charger_groups_charger_idx ON charger_groups (charger_id);

-- Which tariff (all its versions, chosen by validity) applies to a scope. Precedence, most specific
-- first: the session's customer group (its id tag's parent), its charger, a group of its charger
-- (the alphabetically first group when several have one), its site.
CREATE TABLE tariff_assignments (
    scope        text NOT NULL CHECK (scope IN ('site', 'charger_group', 'charger', 'customer_group')),
    scope_key    text NOT NULL,
    tariff_id    text NOT NULL,
    assigned_at  timestamptz NOT NULL DEFAULT now(),
    assigned_by  text NOT NULL DEFAULT '',
    PRIMARY KEY (scope, scope_key)
);

-- Charge detail records. Exactly one version 1 per transaction: the agent inserts it with ON CONFLICT
-- DO NOTHING, so a duplicate stop, a replay, a restart's sweep and a retried write all find the first.
-- A re-rating inserts version n + 1 and marks the others not current in the same transaction.
CREATE TABLE cdrs (
    cdr_id          text NOT NULL,               -- "{charger_id}/{transaction_id}"
    version         integer NOT NULL CHECK (version >= 1),
    transaction_id  integer NOT NULL,
    current         boolean NOT NULL DEFAULT true,
    rated           boolean NOT NULL,            -- false: no tariff applied; reason says why
    site_id         text NOT NULL DEFAULT '',
    charger_id      text NOT NULL,
    connector_id    integer NOT NULL,
    id_tag          text NOT NULL DEFAULT '',
    customer_group  text NOT NULL DEFAULT '',
    start_time      timestamptz NOT NULL,
    stop_time       timestamptz NOT NULL,
    energy_mwh      bigint NOT NULL,
    subtotal        bigint NOT NULL,             -- minor units
    tax             bigint NOT NULL,
    total           bigint NOT NULL CHECK (total = subtotal + tax),
    currency        text NOT NULL DEFAULT '',
    reason          text NOT NULL DEFAULT '',
    record          jsonb NOT NULL,              -- the ChargeDetailRecord (contract/charge_detail_record.h)
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text NOT NULL DEFAULT '',
    PRIMARY KEY (cdr_id, version),
    CONSTRAINT cdrs_transaction_version_key UNIQUE (transaction_id, version)
);
CREATE INDEX cdrs_current_stop_idx ON cdrs (stop_time) WHERE current;
CREATE INDEX cdrs_current_site_idx ON cdrs (site_id, stop_time) WHERE current;
CREATE INDEX cdrs_current_charger_idx ON cdrs (charger_id, stop_time) WHERE current;
CREATE INDEX cdrs_current_group_idx ON cdrs (customer_group, stop_time) WHERE current;
CREATE INDEX cdrs_current_tag_idx ON cdrs (id_tag, stop_time) WHERE current;

-- Finished transactions still without a record, for the agent's sweep at start-up and every minute.
CREATE INDEX transactions_stopped_idx ON transactions (transaction_id) WHERE stop_received_at IS NOT NULL;
