-- Workspace sign-in by a one-time link e-mailed to the coordinator, in place of passwords:
-- PBKDF2 at a cost that resists guessing took 14–16 ms of CPU, over the Workers free plan's
-- 10 ms per request, and a weaker hash is no option. A link costs one SHA-256.

-- A sign-in link. Only the SHA-256 of its token is stored, so a copy of the table opens no
-- session. Consuming it is one UPDATE … WHERE used_at IS NULL AND expires_at > now, so a link
-- works once even when two requests race; the hourly cron removes expired ones.
CREATE TABLE sign_in_links (
  token_hash        TEXT PRIMARY KEY,
  coordinator_id    INTEGER NOT NULL REFERENCES coordinators(id) ON DELETE CASCADE,
  created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  expires_at        TEXT NOT NULL,
  used_at           TEXT,
  -- The hash of the browser session this link opened: lets one batch consume the link and
  -- create that very session (nothing else can match it), all or nothing.
  web_session_hash  TEXT,
  -- 'pending' until handed to the e-mail binding, then 'sent', 'recorded' (no binding, as
  -- locally: nothing was delivered) or 'failed'; 'printed' when the CLI showed it.
  delivery          TEXT NOT NULL DEFAULT 'pending' CHECK (delivery IN ('pending', 'sent', 'recorded', 'failed', 'printed'))
);
-- Links asked for per coordinator in the last minutes (the per-account throttle).
CREATE INDEX sign_in_links_by_coordinator ON sign_in_links(coordinator_id, created_at);
-- The cron's purge of expired links, oldest first.
CREATE INDEX sign_in_links_by_expiry ON sign_in_links(expires_at);

-- Passwords are gone, and with them the failure counter whose lock-out anyone could trigger
-- (five wrong passwords from anywhere refused the owner's right one).
DROP TABLE sign_in_failures;
ALTER TABLE coordinators DROP COLUMN password_hash;
