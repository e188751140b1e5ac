-- Coordinator workspace: passwords and browser sessions, invitation delivery (outbox,
-- reminders), data protection (retention, audit log).

-- 'pbkdf2-sha256$<iterations>$<salt b64url>$<hash b64url>' (src/domain/passwords.ts).
ALTER TABLE coordinators ADD COLUMN password_hash TEXT;

-- A browser session. The cookie carries the id signed with SESSION_SECRET; only its SHA-256
-- is stored, so a copy of the table opens no session. Sign-out deletes the row.
CREATE TABLE web_sessions (
  id_hash         TEXT PRIMARY KEY,
  coordinator_id  INTEGER NOT NULL REFERENCES coordinators(id) ON DELETE CASCADE,
  -- Synchroniser token that every state-changing form of this session must echo.
  csrf_token      TEXT NOT NULL,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  expires_at      TEXT NOT NULL
);
CREATE INDEX web_sessions_by_coordinator ON web_sessions(coordinator_id);

-- Failed sign-ins per e-mail address in a sliding window: slows guessing even where the
-- rate-limit binding is not configured (it limits per client address on top).
CREATE TABLE sign_in_failures (
  email       TEXT NOT NULL COLLATE NOCASE,
  failed_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX sign_in_failures_by_email ON sign_in_failures(email, failed_at);

-- Delivery state of an invitation. The personal link is kept sealed (AES-GCM under a key
-- derived from SESSION_SECRET) so that reminders carry the same link as the invitation;
-- D1 alone cannot read it.
ALTER TABLE invitations ADD COLUMN link_sealed TEXT;
ALTER TABLE invitations ADD COLUMN sent_at TEXT;
ALTER TABLE invitations ADD COLUMN bounced_at TEXT;

-- Every message sent, or recorded when no e-mail binding is configured. `slot` names why it
-- went out ('invitation', 'resend:<time>', 'reminder:<n>'); the unique constraint makes a
-- re-run of the same cron tick send nothing twice.
CREATE TABLE outbox (
  id             INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  survey_id      INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  invitation_id  INTEGER REFERENCES invitations(id) ON DELETE CASCADE,
  slot           TEXT NOT NULL,
  to_email       TEXT NOT NULL,
  language       TEXT NOT NULL CHECK (language IN ('fr', 'nl', 'en')),
  subject        TEXT NOT NULL,
  body_text      TEXT NOT NULL,
  body_html      TEXT NOT NULL,
  -- 'pending' while being sent, then 'sent', 'recorded' (no binding) or 'failed'.
  status         TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'recorded', 'failed')),
  error          TEXT,
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (invitation_id, slot)
);
CREATE INDEX outbox_by_organisation ON outbox(organisation_id, id);
CREATE INDEX outbox_by_survey ON outbox(survey_id, id);

-- Contact data (names, addresses) of a series is purged this many days after its last
-- session; NULL keeps it until a coordinator erases it.
ALTER TABLE series ADD COLUMN retention_days INTEGER CHECK (retention_days IS NULL OR retention_days >= 0);
ALTER TABLE series ADD COLUMN contacts_purged_at TEXT;

-- Who did what, when. Never holds a participant's address: erasures log counts only.
CREATE TABLE audit_log (
  id               INTEGER PRIMARY KEY,
  organisation_id  INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  coordinator_id   INTEGER REFERENCES coordinators(id) ON DELETE SET NULL,
  -- Kept as text so the entry survives the coordinator's removal; NULL for the cron.
  actor            TEXT,
  action           TEXT NOT NULL,
  target           TEXT NOT NULL,
  detail           TEXT,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX audit_log_by_organisation ON audit_log(organisation_id, id);

-- A proposal typed by participants, once handled: promoted into the catalogue or counted as
-- an existing theme. Keyed by its normalised text (src/domain/text-normalise.ts), so every
-- spelling of it leaves the waiting list together.
CREATE TABLE theme_proposal_decisions (
  series_id     INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
  proposal_key  TEXT NOT NULL,
  theme_id      INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (series_id, proposal_key)
);
