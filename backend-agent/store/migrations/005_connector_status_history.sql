-- One timeline per charger for availability and the status timeline: every StatusNotification and the
-- charger's connection going down and up (connector 0, status 'Offline' / 'Online'; never an OCPP status).
-- It is status_history (001) renamed and extended; status_history stays as a view of the StatusNotification
-- rows so earlier readers keep working. Append-only, no foreign key.
ALTER TABLE status_history RENAME TO connector_status_history;
ALTER INDEX status_history_pkey RENAME TO connector_status_history_pkey;
ALTER INDEX status_history_charger_idx RENAME TO connector_status_history_charger_idx;
ALTER SEQUENCE status_history_id_seq RENAME TO connector_status_history_id_seq;

-- The connections recorded so far, so availability has a past from the first day.
INSERT INTO connector_status_history (charger_id, connector_id, status, received_at)
SELECT charger_id, 0, CASE event WHEN 'connected' THEN 'Online' ELSE 'Offline' END, at
FROM charger_connections
ORDER BY at, id;

CREATE VIEW status_history AS
SELECT id, charger_id, connector_id, status, error_code, info, vendor_error_code, charger_time, received_at
FROM connector_status_history
WHERE NOT (connector_id = 0 AND status IN ('Online', 'Offline'));

-- The health reporter reads the last 30 days of every charger at once.
CREATE INDEX connector_status_history_received_idx ON connector_status_history (received_at);
