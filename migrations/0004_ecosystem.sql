-- Fitting other tools: webhooks per series with their delivery log, and the public calendar
-- feed of a series.

-- An endpoint a coordinator registered for a series. The signing secret is kept as is (not
-- hashed) because every delivery is signed with it; it is shown only in the creation answer.
CREATE TABLE webhooks (
  id          INTEGER PRIMARY KEY,
  series_id   INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
  url         TEXT NOT NULL,
  -- JSON array of event names ('response.submitted', 'survey.opened', 'survey.closed').
  events      TEXT NOT NULL,
  secret      TEXT NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX webhooks_by_series ON webhooks(series_id);

-- One event for one endpoint. The payload is frozen at the event (retries send the same
-- bytes, so a receiver can de-duplicate on the delivery id); 'pending' rows wait for
-- next_attempt_at, then become 'delivered' or, after the last attempt, 'failed'.
CREATE TABLE webhook_deliveries (
  id               INTEGER PRIMARY KEY,
  webhook_id       INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  series_id        INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
  event            TEXT NOT NULL,
  payload          TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT,
  -- HTTP status of the last attempt (NULL when the receiver could not be reached).
  last_status      INTEGER,
  last_error       TEXT,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  delivered_at     TEXT
);
-- Serves the delivery log of a series, newest first.
CREATE INDEX webhook_deliveries_by_series ON webhook_deliveries(series_id, id);
-- Serves the cron's "what is due" scan without reading finished deliveries.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE status = 'pending';

-- The public feed URL of a series is /calendar/<token>.ics; only the token's SHA-256 is
-- stored, so rotating it (a new token) cuts off every old subscriber.
CREATE TABLE calendar_feeds (
  series_id   INTEGER PRIMARY KEY REFERENCES series(id) ON DELETE CASCADE,
  token_hash  TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- A survey that came in through an import keeps the export's participation counts and
-- aggregated results as they were: its invitations were not exported (no addresses leave a
-- deployment) and an anonymous survey's answers travel only as aggregates.
CREATE TABLE survey_imports (
  survey_id   INTEGER PRIMARY KEY REFERENCES surveys(id) ON DELETE CASCADE,
  counts      TEXT NOT NULL,
  results     TEXT NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
