-- Idempotency-Key: a retried request (same key, same body) gets the first result back
-- instead of acting twice; the same key with another body is refused.
CREATE TABLE idempotency_keys (
  -- Whose key it is: 'c:<coordinator id>' or 't:<hash of the personal link's token>'.
  scope         TEXT NOT NULL,
  key           TEXT NOT NULL,
  -- SHA-256 of method, path and body: what the key was first used for.
  request_hash  TEXT NOT NULL,
  -- NULL while the first request is still running.
  status        INTEGER,
  -- The first response's JSON body; NULL where it held secrets (links), then a replay re-runs.
  body          TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys(created_at);
