-- Progress of firmware updates, diagnostics and log uploads as chargers report it, so an operator can
-- follow an update across a fleet and see where one failed. Append-only, like status_history.
CREATE TABLE maintenance_history (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    charger_id   text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('firmware', 'signed_firmware', 'diagnostics', 'log')),
    status       text NOT NULL,
    request_id   integer NOT NULL DEFAULT -1,   -- the security extension's request id; -1 when none
    received_at  timestamptz NOT NULL
);
CREATE INDEX maintenance_history_charger_idx ON maintenance_history (charger_id, received_at);
