-- Charging transactions as chargers reported them (deduplicated by content, since chargers retry with
-- new message ids), their meter values, what an operator must review, id tags and the command audit.

-- The start's content is its identity: a replayed StartTransaction finds its row through the unique
-- key and gets the same transaction_id. Times are the charger's clock; *_received_at are ours.
CREATE TABLE transactions (
    transaction_id      integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- OCPP 1.6 ids are 32-bit
    charger_id          text NOT NULL,
    connector_id        integer NOT NULL,
    id_tag              text NOT NULL,
    meter_start_wh      bigint NOT NULL,
    start_time          timestamptz NOT NULL,
    reservation_id      integer,
    -- what the central system answered about id_tag; a replayed start is answered the same
    id_tag_status       text NOT NULL,
    id_tag_expiry       timestamptz,
    id_tag_parent       text,
    start_received_at   timestamptz NOT NULL,
    meter_stop_wh       bigint,
    stop_time           timestamptz,
    stop_reason         text,
    stop_id_tag         text,
    stop_id_tag_status  text,
    stop_received_at    timestamptz,            -- NULL while the transaction is open
    CONSTRAINT transactions_start_content_key
        UNIQUE (charger_id, connector_id, id_tag, meter_start_wh, start_time)
);
-- Which transaction covers a meter reading (charger, connector, time); the open ones at start-up.
CREATE INDEX transactions_connector_time_idx ON transactions (charger_id, connector_id, start_time);
CREATE INDEX transactions_open_idx ON transactions (transaction_id) WHERE stop_received_at IS NULL;

-- One row per sampled value. Key columns hold '' rather than NULL so that a replay collides with
-- the first copy; the value is keyed by its md5 because signed values can exceed an index entry.
CREATE TABLE meter_values (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    charger_id               text NOT NULL,
    connector_id             integer NOT NULL,
    transaction_id           integer,          -- attached: the transaction this value belongs to
    reported_transaction_id  integer,          -- what the charger said, if anything
    charger_time             timestamptz NOT NULL,
    received_at              timestamptz NOT NULL,
    measurand                text NOT NULL DEFAULT '',
    phase                    text NOT NULL DEFAULT '',
    location                 text NOT NULL DEFAULT '',
    unit                     text NOT NULL DEFAULT '',
    context                  text NOT NULL DEFAULT '',
    format                   text NOT NULL DEFAULT '',
    value                    text NOT NULL
);
-- Also serves "this connector's readings from this time on", when a start arrives.
CREATE UNIQUE INDEX meter_values_content_key ON meter_values
    (charger_id, connector_id, charger_time, measurand, phase, location, unit, context, format, md5(value));
CREATE INDEX meter_values_transaction_idx ON meter_values (transaction_id, charger_time);

-- Messages answered normally but that an operator must look at (a stop of an unknown transaction).
-- Content excludes our receive time, so a replayed message is recorded once.
CREATE TABLE transaction_review (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    charger_id      text NOT NULL,
    reason          text NOT NULL,
    content         jsonb NOT NULL,
    content_md5     text GENERATED ALWAYS AS (md5(content::text)) STORED,
    received_at     timestamptz NOT NULL,
    reviewed_at     timestamptz,
    reviewed_by     text,
    CONSTRAINT transaction_review_content_key UNIQUE (charger_id, reason, content_md5)
);
CREATE INDEX transaction_review_open_idx ON transaction_review (received_at) WHERE reviewed_at IS NULL;

-- The id tags the central system authorizes (OCPP 1.6 IdToken: up to 20 characters).
CREATE TABLE id_tags (
    id_tag         text PRIMARY KEY,
    parent_id_tag  text,
    expiry         timestamptz,
    blocked        boolean NOT NULL DEFAULT false,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    updated_by     text NOT NULL DEFAULT ''
);

-- Every command an operator sent to a charger, and how it ended.
CREATE TABLE command_audit (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id    text NOT NULL,
    operator      text NOT NULL DEFAULT '',
    role          text NOT NULL DEFAULT '',
    charger_id    text NOT NULL DEFAULT '',
    action        text NOT NULL DEFAULT '',
    request       jsonb,
    outcome       text,                        -- NULL while pending
    response      jsonb,
    error         text NOT NULL DEFAULT '',
    requested_at  timestamptz,
    completed_at  timestamptz,
    CONSTRAINT command_audit_request_key UNIQUE (request_id)
);
CREATE INDEX command_audit_charger_idx ON command_audit (charger_id, requested_at);
