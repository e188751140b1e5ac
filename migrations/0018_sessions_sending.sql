-- Sessions that can be edited and cancelled, and one-click sending spread over cron ticks.

-- Practical notes ("lunch réseau dès 12h30"), the iCalendar SEQUENCE (raised by each change,
-- so calendar apps replace the entry they hold), and the cancellation.
ALTER TABLE sessions ADD COLUMN notes TEXT;
ALTER TABLE sessions ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN cancelled_at TEXT;

-- A send job: every message of one kind a survey's invitees are due, sent in chunks by the
-- request that starts it and then by the cron (src/sending/). Each message is claimed in the
-- outbox under the job's `slot` (UNIQUE (invitation_id, slot)), so a retry, a second tick or
-- a second click sends nothing twice; `sent` and `failed` count what was claimed.
CREATE TABLE send_jobs (
  id              INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  survey_id       INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  kind            TEXT NOT NULL CHECK (kind IN ('invitation', 'reminder', 'session-update', 'session-cancel')),
  slot            TEXT NOT NULL,
  total           INTEGER NOT NULL CHECK (total >= 0),
  sent            INTEGER NOT NULL DEFAULT 0,
  failed          INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  finished_at     TEXT
);
-- One running job of a kind per survey: a double click finds the job the first one started.
CREATE UNIQUE INDEX send_jobs_running ON send_jobs(survey_id, kind) WHERE finished_at IS NULL;
CREATE INDEX send_jobs_unfinished ON send_jobs(id) WHERE finished_at IS NULL;
