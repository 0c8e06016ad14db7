-- The fleet as the agent knows it: sites and chargers (from the inventory and from what chargers
-- say about themselves), the latest status of every connector, and two append-only logs.

CREATE TABLE sites (
    id          text PRIMARY KEY,
    name        text NOT NULL DEFAULT '',
    address     text NOT NULL DEFAULT '',
    time_zone   text NOT NULL DEFAULT '',
    lat         double precision NOT NULL,
    lon         double precision NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- site_id has no foreign key on purpose: chargers unknown to the inventory are kept under a site id
-- ("unassigned") that is not a row of sites, and a batch of live updates must never fail on it.
CREATE TABLE chargers (
    id                text PRIMARY KEY,
    site_id           text,
    lat               double precision,
    lon               double precision,
    vendor            text NOT NULL DEFAULT '',
    model             text NOT NULL DEFAULT '',
    serial_number     text NOT NULL DEFAULT '',
    firmware_version  text NOT NULL DEFAULT '',
    max_power_kw      double precision NOT NULL DEFAULT 0,
    connector_count   integer,            -- from the inventory; NULL when the charger is not in it
    protocol          text NOT NULL DEFAULT '',
    registration      text NOT NULL DEFAULT '',
    online            boolean NOT NULL DEFAULT false,
    first_seen        timestamptz,        -- first message ever received from the charger
    last_seen         timestamptz,        -- last message received
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chargers_site_idx ON chargers (site_id);

CREATE TABLE connectors (
    charger_id         text NOT NULL REFERENCES chargers (id) ON DELETE CASCADE,
    connector_id       integer NOT NULL,   -- 0 is the charger itself (OCPP)
    status             text NOT NULL,
    error_code         text NOT NULL DEFAULT '',
    info               text NOT NULL DEFAULT '',
    vendor_error_code  text NOT NULL DEFAULT '',
    since              timestamptz,        -- when this status began
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (charger_id, connector_id)
);

-- Append-only; no foreign key so that bulk inserts stay cheap and history survives a charger's removal.
CREATE TABLE status_history (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    charger_id         text NOT NULL,
    connector_id       integer NOT NULL,
    status             text NOT NULL,
    error_code         text NOT NULL DEFAULT '',
    info               text NOT NULL DEFAULT '',
    vendor_error_code  text NOT NULL DEFAULT '',
    charger_time       timestamptz,        -- the charger's own timestamp, when it sent one
    received_at        timestamptz NOT NULL
);
CREATE INDEX status_history_charger_idx ON status_history (charger_id, received_at);

CREATE TABLE charger_connections (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    charger_id      text NOT NULL,
    event           text NOT NULL CHECK (event IN ('connected', 'disconnected')),
    protocol        text NOT NULL DEFAULT '',
    remote_address  text NOT NULL DEFAULT '',
    reason          text NOT NULL DEFAULT '',
    at              timestamptz NOT NULL
);
CREATE INDEX charger_connections_charger_idx ON charger_connections (charger_id, at);
